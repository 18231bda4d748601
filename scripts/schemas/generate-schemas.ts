/**
 * `npm run schema:generate`: writes each subgraph's `schema.graphql`, the composed
 * `gateway/supergraph.graphql`, its API schema `console/schema.graphql` (the console's types) and the field catalogue `shared/src/permissions/catalogue.json`.
 * Commit them; `schemas.test.ts` fails when they are stale.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { API_SCHEMA_PATH, CATALOGUE_PATH, emitSchemas, subgraphSchemaPath, SUPERGRAPH_PATH } from './emit-schemas';

async function main(): Promise<void> {
  const emitted = await emitSchemas();
  for (const [name, sdl] of emitted.subgraphs) writeFileSync(subgraphSchemaPath(name), sdl);
  writeFileSync(SUPERGRAPH_PATH, emitted.supergraph);
  writeFileSync(API_SCHEMA_PATH, emitted.api);
  writeFileSync(CATALOGUE_PATH, emitted.catalogue);
  console.log(
    `wrote ${emitted.subgraphs.size} subgraph schemas, gateway/supergraph.graphql, console/schema.graphql and the field catalogue`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
