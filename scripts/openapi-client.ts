import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

// A file in a multipart body, or bytes in an answer: a Blob, which FormData and fetch take.
const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

export const CLIENT_TYPES_PATH = new URL('../web/src/api/schema.d.ts', import.meta.url).pathname;

/**
 * The TypeScript types of every path and schema in the OpenAPI document, which the web app's
 * client (web/src/api/client.ts) and later the CLI are typed with. Generated, never edited.
 */
export async function generateClientTypes(openApiDocument: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(openApiDocument) as Parameters<typeof openapiTS>[0], {
    transform(schema) {
      if (schema.format !== 'binary') return undefined;
      return schema.nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
    },
  });
  return astToString(ast);
}
