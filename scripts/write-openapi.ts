// Regenerates docs/openapi.json from the route schemas: `npm run openapi`.
import { writeFile } from 'node:fs/promises';
import { generateOpenApiDocument, OPENAPI_PATH } from './openapi-document.js';

await writeFile(OPENAPI_PATH, await generateOpenApiDocument());
console.log(`wrote ${OPENAPI_PATH}`);
