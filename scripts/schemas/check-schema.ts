/**
 * `npm run schema:check -- <subgraph> [--sdl <file>]`: before a department publishes a change of its subgraph,
 * composes it with the other three and reports composition errors, breaking changes of the API schema against
 * gateway/supergraph.graphql, and the operations in use (console, README examples, saved queries under
 * queries/, the department systems' trusted documents) that would no longer validate. Exit code 0 with one summary line when nothing breaks; 1 on a break
 * or a composition failure; 2 when it is called wrongly.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEPARTMENTS, type DepartmentName } from '../lib/services';
import { subgraphOfCode } from './emit-schemas';
import { operationsInUse } from './operations-in-use';
import { checkSchemaChange, formatReport } from './schema-check';
import { SUBGRAPHS } from './subgraph-list';

const NAMES = DEPARTMENTS.map((department) => department.name);
const USAGE = `usage: npm run schema:check -- <${NAMES.join(' | ')}> [--sdl <file>]
  Composes the subgraph as its code is now in the working tree (or the SDL in <file>) with the other three,
  and fails on a composition error, a breaking change against gateway/supergraph.graphql, or an operation in use
  (console, README examples, queries/, gateway/trusted-documents/) that no longer validates.`;

class UsageError extends Error {}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  // `npm run` runs in the repository's root: a relative --sdl is taken from where it was called (INIT_CWD).
  const sdl = args.sdlFile
    ? readSdl(args.sdlFile)
    : (await subgraphOfCode(SUBGRAPHS.find((subgraph) => subgraph.name === args.subgraph)!)).sdl;
  const report = await checkSchemaChange({ subgraph: args.subgraph, sdl, operations: await operationsInUse() });
  const text = formatReport(report);
  if (report.ok) console.log(text);
  else console.error(text);
  return report.ok ? 0 : 1;
}

function parse(): { subgraph: DepartmentName; sdlFile?: string } {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { sdl: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'name the subgraph to check' : `one subgraph at a time, not ${positionals.join(', ')}`);
  const subgraph = positionals[0]!;
  if (!(NAMES as string[]).includes(subgraph)) throw new UsageError(`unknown subgraph ${subgraph}: expected one of ${NAMES.join(', ')}`);
  return {
    subgraph: subgraph as DepartmentName,
    ...(values.sdl ? { sdlFile: resolve(process.env['INIT_CWD'] ?? process.cwd(), values.sdl) } : {}),
  };
}

function readSdl(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`--sdl ${file}: cannot be read: ${(error as Error).message}`);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
