import openapiTS, { astToString } from 'openapi-typescript';

export const CLIENT_TYPES_PATH = new URL('../web/src/api/schema.d.ts', import.meta.url).pathname;

/**
 * The TypeScript types of every path and schema in the OpenAPI document, which the web app's
 * client (web/src/api/client.ts) and later the CLI are typed with. Generated, never edited.
 */
export async function generateClientTypes(openApiDocument: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(openApiDocument) as Parameters<typeof openapiTS>[0]);
  return astToString(ast);
}
