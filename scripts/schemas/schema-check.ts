import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { DepartmentName } from '../lib/services';
import { subgraphSchemaPath, SUPERGRAPH_PATH } from './emit-schemas';
import type { OperationInUse, OperationOrigin } from './operations-in-use';
import { SUBGRAPHS } from './subgraph-list';

export interface SchemaCheckInput {
  /** The subgraph that changes. */
  readonly subgraph: DepartmentName;
  /** Its SDL as it would be published (`_service { sdl }`). */
  readonly sdl: string;
  /** The operations in use (operationsInUse()). */
  readonly operations: readonly OperationInUse[];
  /** The other subgraphs' SDL by name; default their committed `subgraphs/<name>/schema.graphql`. */
  readonly others?: ReadonlyMap<string, string>;
  /** The supergraph in use, which the change is compared against; default the committed gateway/supergraph.graphql. */
  readonly currentSupergraph?: string;
}

/** One operation that the change breaks, or that was broken already. */
interface OperationBreak {
  readonly origin: OperationOrigin;
  readonly file: string;
  readonly name: string;
  /** graphql-js's validation errors, e.g. `Cannot query field "x" on type "Enterprise".` */
  readonly errors: readonly string[];
}

interface SchemaChange {
  readonly message: string;
  /** Where in the schema (`Enterprise.employeeCount`), when the change names a place. */
  readonly path?: string;
}

export interface SchemaCheckReport {
  readonly subgraph: DepartmentName;
  /** Composition's errors; when there are any, nothing else was checked. */
  readonly compositionErrors: readonly string[];
  /** Changes of the API schema that can break a client (removed fields, types, enum values, arguments; nullability). */
  readonly breakingChanges: readonly SchemaChange[];
  /** Changes that can change a client's results without breaking it (an enum value added, a default changed). */
  readonly dangerousChanges: readonly SchemaChange[];
  /** Operations in use valid against the current supergraph and not against the changed one. */
  readonly brokenOperations: readonly OperationBreak[];
  /** Operations in use already invalid against the current supergraph: reported, not the change's doing. */
  readonly alreadyBroken: readonly OperationBreak[];
  /** How many operations in use were checked, by origin. */
  readonly operationsChecked: Readonly<Record<OperationOrigin, number>>;
  /** No composition error, no breaking change and no broken operation. */
  readonly ok: boolean;
}

const API_OF_CURRENT = new Map<string, GraphQLSchema>();

/** The API schema (what clients see) of a supergraph text. */
function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  let api = API_OF_CURRENT.get(supergraphSdl);
  if (!api) {
    api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
    API_OF_CURRENT.set(supergraphSdl, api);
  }
  return api;
}

/**
 * Checks a changed subgraph against the rest of the graph before it is published: it must compose with the
 * other three (@apollo/composition); the API schema it makes is compared with the one in use
 * (@graphql-inspector/core's criticality: BREAKING fails the check, DANGEROUS is reported); and every operation
 * in use is validated against both, so that what the change breaks is named by file and operation.
 */
export async function checkSchemaChange(input: SchemaCheckInput): Promise<SchemaCheckReport> {
  const operationsChecked: Record<OperationOrigin, number> = { console: 0, readme: 0, saved: 0, trusted: 0 };
  for (const operation of input.operations) operationsChecked[operation.origin]++;
  const empty = { breakingChanges: [], dangerousChanges: [], brokenOperations: [], alreadyBroken: [] };

  let changed: DocumentNode;
  try {
    changed = parse(input.sdl);
  } catch (error) {
    return {
      subgraph: input.subgraph,
      compositionErrors: [`[${input.subgraph}] the SDL does not parse: ${messageOf(error)}`],
      ...empty,
      operationsChecked,
      ok: false,
    };
  }
  const composed = composeServices(
    SUBGRAPHS.map((listed) => ({
      name: listed.name,
      url: listed.url,
      typeDefs:
        listed.name === input.subgraph
          ? changed
          : parse(input.others?.get(listed.name) ?? readFileSync(subgraphSchemaPath(listed.name), 'utf8')),
    })),
  );
  if (composed.errors) {
    return {
      subgraph: input.subgraph,
      compositionErrors: composed.errors.map((error) => error.message),
      ...empty,
      operationsChecked,
      ok: false,
    };
  }
  const before = apiSchemaOf(input.currentSupergraph ?? readFileSync(SUPERGRAPH_PATH, 'utf8'));
  const after = composed.schema.toAPISchema().toGraphQLJSSchema();

  const changes = await diff(before, after);
  const of = (level: CriticalityLevel): SchemaChange[] =>
    changes
      .filter((change) => change.criticality.level === level)
      .map((change) => (change.path ? { message: change.message, path: change.path } : { message: change.message }));

  const brokenOperations: OperationBreak[] = [];
  const alreadyBroken: OperationBreak[] = [];
  for (const operation of input.operations) {
    const errorsAfter = validate(after, operation.document);
    if (errorsAfter.length === 0) continue;
    const broken = {
      origin: operation.origin,
      file: operation.file,
      name: operation.name,
      errors: errorsAfter.map((error) => error.message),
    };
    (validate(before, operation.document).length === 0 ? brokenOperations : alreadyBroken).push(broken);
  }
  const breakingChanges = of(CriticalityLevel.Breaking);
  return {
    subgraph: input.subgraph,
    compositionErrors: [],
    breakingChanges,
    dangerousChanges: of(CriticalityLevel.Dangerous),
    brokenOperations,
    alreadyBroken,
    operationsChecked,
    ok: breakingChanges.length === 0 && brokenOperations.length === 0,
  };
}

const ORIGINS: Record<OperationOrigin, string> = { console: 'console', readme: 'README', saved: 'saved', trusted: 'trusted' };

/** The report as the command prints it: the problems, file and operation for each break, and one summary line last. */
export function formatReport(report: SchemaCheckReport, against = 'gateway/supergraph.graphql'): string {
  const lines: string[] = [];
  const counts = (Object.keys(ORIGINS) as OperationOrigin[])
    .map((origin) => `${report.operationsChecked[origin]} ${ORIGINS[origin]}`)
    .join(', ');
  const others = SUBGRAPHS.map((listed) => listed.name).filter((name) => name !== report.subgraph);
  const operationLines = (breaks: readonly OperationBreak[]) =>
    breaks.flatMap((b) => b.errors.map((error) => `  ${b.file}: ${b.name}: ${error}`));
  if (report.compositionErrors.length > 0) {
    lines.push(
      `✗ ${report.subgraph} does not compose with ${others.join(', ')}:`,
      ...report.compositionErrors.map((error) => `  ${error.replace(/\n/g, '\n    ')}`),
    );
  }
  if (report.breakingChanges.length > 0) {
    lines.push(`✗ ${plural(report.breakingChanges.length, 'breaking change')} of the API schema against ${against}:`);
    lines.push(...report.breakingChanges.map((change) => `  ${change.message}${change.path ? ` (${change.path})` : ''}`));
  }
  if (report.brokenOperations.length > 0) {
    lines.push(
      `✗ ${plural(report.brokenOperations.length, 'operation')} in use no longer ${report.brokenOperations.length === 1 ? 'validates' : 'validate'}:`,
    );
    lines.push(...operationLines(report.brokenOperations));
  }
  if (report.dangerousChanges.length > 0) {
    lines.push(`! ${plural(report.dangerousChanges.length, 'change')} that may change what clients get (not a failure):`);
    lines.push(...report.dangerousChanges.map((change) => `  ${change.message}${change.path ? ` (${change.path})` : ''}`));
  }
  if (report.alreadyBroken.length > 0) {
    lines.push(
      `! ${plural(report.alreadyBroken.length, 'operation')} in use already invalid against ${against} (not this change's doing):`,
    );
    lines.push(...operationLines(report.alreadyBroken));
  }
  if (report.compositionErrors.length > 0) {
    lines.push(`schema:check ${report.subgraph}: FAILED: ${plural(report.compositionErrors.length, 'composition error')}`);
  } else if (!report.ok) {
    lines.push(
      `schema:check ${report.subgraph}: FAILED: ${plural(report.breakingChanges.length, 'breaking change')}, ${plural(report.brokenOperations.length, 'broken operation')} of ${counts} checked`,
    );
  } else {
    lines.push(
      `schema:check ${report.subgraph}: OK: composes with ${others.join(', ')}; no breaking change against ${against}; ${counts} operations in use still validate`,
    );
  }
  return lines.join('\n');
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const messageOf = (error: unknown) => (error instanceof GraphQLError || error instanceof Error ? error.message : String(error));
