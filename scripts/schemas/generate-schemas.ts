/**
 * `npm run schema:generate`: writes each subgraph's `schema.graphql` and the composed
 * `gateway/supergraph.graphql`. Commit both; `schemas.test.ts` fails when they are stale.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { emitSchemas, subgraphSchemaPath, SUPERGRAPH_PATH } from './emit-schemas';

async function main(): Promise<void> {
  const emitted = await emitSchemas();
  for (const [name, sdl] of emitted.subgraphs) writeFileSync(subgraphSchemaPath(name), sdl);
  writeFileSync(SUPERGRAPH_PATH, emitted.supergraph);
  console.log(`wrote ${emitted.subgraphs.size} subgraph schemas and gateway/supergraph.graphql`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
