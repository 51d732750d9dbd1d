/**
 * npm run openapi — writes openapi.json at the repository root: the document the app serves at
 * /api/docs-json, in a stable key order, so that a change of the API shows in review as a diff.
 * Needs no database (see describeApi). The OpenAPI test fails while the file is out of date.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { describeApi } from '../app.js';
import { serializeOpenApiDocument } from './document.js';

/** At the repository root, wherever the command is run from (this file runs as dist/openapi/cli.js). */
const OPENAPI_FILE = new URL('../../openapi.json', import.meta.url);

async function main(): Promise<void> {
  const document = await describeApi();
  writeFileSync(OPENAPI_FILE, serializeOpenApiDocument(document));
  const operations = Object.values(document.paths).reduce((count, item) => count + Object.keys(item).length, 0);
  console.log(`Wrote openapi.json: ${operations} operations, ${Object.keys(document.components?.schemas ?? {}).length} schemas.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
