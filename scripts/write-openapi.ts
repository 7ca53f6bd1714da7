// Regenerates docs/openapi.json from the route schemas, and the web client's types from it:
// `npm run openapi`.
import { writeFile } from 'node:fs/promises';
import { CLIENT_TYPES_PATH, generateClientTypes } from './openapi-client.js';
import { generateOpenApiDocument, OPENAPI_PATH } from './openapi-document.js';

const document = await generateOpenApiDocument();
await writeFile(OPENAPI_PATH, document);
console.log(`wrote ${OPENAPI_PATH}`);
await writeFile(CLIENT_TYPES_PATH, await generateClientTypes(document));
console.log(`wrote ${CLIENT_TYPES_PATH}`);
