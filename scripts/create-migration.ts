/**
 * Writes a new migration for one subgraph from the difference between its entities and its committed
 * migrations: `npm run migration:create -- <subgraph>` (hr-bureau, union, court, justice).
 *
 * Needs a PostgreSQL superuser URL in MIGRATION_PG_URL; it creates a scratch database, applies the
 * committed migrations there, diffs, writes `src/migrations/Migration<timestamp>.ts`, and drops it.
 * Add the new class to the subgraph's `src/migrations/index.ts`.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { createOrm, type SubgraphDefinition } from '@labour/shared';

async function loadDefinition(name: string): Promise<SubgraphDefinition<unknown>> {
  const module = (await import(join(__dirname, '..', 'subgraphs', name, 'src', 'definition'))) as Record<string, unknown>;
  const definition = Object.values(module).find((v) => typeof v === 'object' && v && 'migrations' in v);
  if (!definition) throw new Error(`subgraphs/${name}/src/definition.ts exports no subgraph definition`);
  return definition as SubgraphDefinition<unknown>;
}

async function main(): Promise<void> {
  const name = process.argv[2];
  const adminUrl = process.env['MIGRATION_PG_URL'];
  if (!name || !adminUrl) throw new Error('usage: MIGRATION_PG_URL=postgres://… npm run migration:create -- <subgraph>');
  const definition = await loadDefinition(name);
  const scratch = `migration_scratch_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${scratch}`);
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  const { orm } = await createOrm({
    databaseUrl: url.toString(),
    entities: definition.entities,
    migrations: definition.migrations,
    logger: pino({ level: 'warn' }),
  });
  try {
    await orm.migrator.up();
    const initial = definition.migrations.length === 0;
    const result = await orm.migrator.create(join(__dirname, '..', 'subgraphs', name, 'src', 'migrations'), false, initial);
    console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes: no migration written');
  } finally {
    await orm.close();
    await admin.query(`drop database ${scratch}`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
