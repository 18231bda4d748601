/**
 * `npm run bench:cost`: what the demand control costs each request at the gateway. For the bench's
 * operations (the dossier, the joint meeting's merged view, the suggested agenda, and the query that
 * walks the worker register in circles) it prints the estimated cost and the time of the whole check
 * (token limit, depth, aliases, directives and the cost estimate) and of the estimate alone, beside parsing
 * and validating the same document, which every request pays anyway: the ratio is the estimate's overhead.
 *
 *   npm run bench:cost     # BENCH_ITERATIONS=2000
 *
 * No server and no network: the committed supergraph's API schema, in this process.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { checkOperation, estimatedCost, OPERATION_LIMITS } from '@labour/shared';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { DEMO_MEETING_IDS } from '@labour/demo-world';
import { ENTERPRISE_DOSSIER, MEETING_VIEW, SUGGESTED_AGENDA } from './support/scenarios';

const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 2000);
const REGISTER_IN_CIRCLES =
  '{ enterprises(first: 100) { nodes { workers { employer { workers { employer { workers { employer { workers { name } } } } } } } } } }';

const OPERATIONS: Array<{ name: string; query: string; variables: Record<string, unknown> }> = [
  { name: 'enterprise dossier', query: ENTERPRISE_DOSSIER, variables: { creditCode: '91110115102884310L' } },
  { name: 'joint meeting merged view', query: MEETING_VIEW, variables: { id: DEMO_MEETING_IDS.planned } },
  { name: 'suggestedAgenda(limit: 20)', query: SUGGESTED_AGENDA, variables: {} },
  { name: 'register in circles (refused)', query: REGISTER_IN_CIRCLES, variables: {} },
];

/** Mean microseconds per call of `work`, after a warm-up of a tenth as many calls. */
function microseconds(work: () => unknown): number {
  for (let i = 0; i < ITERATIONS / 10; i += 1) work();
  const began = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i += 1) work();
  return Number(process.hrtime.bigint() - began) / 1000 / ITERATIONS;
}

function main(): void {
  const sdl = readFileSync(join(__dirname, '..', 'gateway', 'supergraph.graphql'), 'utf8');
  const schema: GraphQLSchema = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
  process.stdout.write(`demand control at the gateway: ${ITERATIONS} checks each, Node ${process.versions.node}\n\n`);
  process.stdout.write(
    '| operation | estimated cost | parse + validate µs | cost estimate µs | whole limits check µs | estimate / (parse + validate) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n',
  );
  for (const { name, query, variables } of OPERATIONS) {
    const document = parse(query);
    const cost = estimatedCost(schema, document, variables);
    const baseline = microseconds(() => validate(schema, parse(query)));
    const estimate = microseconds(() => estimatedCost(schema, document, variables));
    const check = microseconds(() => checkOperation(schema, query, document, OPERATION_LIMITS.staff, { variables }));
    process.stdout.write(
      `| ${name} | ${cost} | ${baseline.toFixed(1)} | ${estimate.toFixed(1)} | ${check.toFixed(1)} | ${(estimate / baseline).toFixed(2)} |\n`,
    );
  }
}

main();
