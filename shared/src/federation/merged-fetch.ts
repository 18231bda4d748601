import {
  Kind,
  print,
  visit,
  type ResponsePath,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * Fetches that the gateway's query plan sends to one subgraph at the same time for one client request
 * (e.g. two `_entities` fetches of the joint meeting's view) travel as one operation: fetch `i` becomes
 * the root fields aliased `f<i>_<alias or name>`, its variables `$f<i>_<name>` and its fragments
 * `f<i>_<name>`, all in one query named `<first fetch's name>__merged`. The subgraph answers it as any
 * query; the gateway splits the answer back per fetch (splitMergedAnswer), and the subgraph's operation
 * limits check each fetch as it would have been sent alone (mergedFetchParts).
 */

/** At most this many fetches in one merged operation: a subgraph checks each one alone only up to this many. */
export const MAX_MERGED_FETCHES = 8;

const MERGED_SUFFIX = '__merged';
const PREFIX = /^f(\d+)_(.+)$/s;

/** One subgraph fetch: its document (one query, maybe with fragments) and variables. */
export interface SubgraphFetch {
  document: DocumentNode;
  variables?: Record<string, unknown> | undefined;
}

/** What a merged operation is made of, once per set of fetch documents (it can be kept and reused). */
export interface MergedOperation {
  query: string;
  operationName: string;
  /** Per fetch: its variables' names; per merged root field, the fetch and the key it answers under there. */
  readonly variableNames: ReadonlyArray<readonly string[]>;
  readonly roots: ReadonlyMap<string, { fetch: number; key: string }>;
  readonly fetches: number;
}

export interface AnswerError {
  message: string;
  path?: ReadonlyArray<string | number>;
  [key: string]: unknown;
}

/** A subgraph's answer as it arrives (JSON). */
export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: AnswerError[];
  extensions?: Record<string, unknown>;
}

const prefixOf = (index: number) => `f${index}_`;

/**
 * The client request that each fetch of a merged operation serves, in the order of the fetches: the
 * gateway merges the fetches of several client requests of one caller, and the department's access log
 * names each read's own request and operation (`x-merged-fetches`).
 */
export interface FetchOrigin {
  requestId: string;
  /** The fetch's own operation name (the gateway's `<client operation>__<subgraph>__<n>`), if it has one. */
  operationName: string | null;
}

export const MERGED_FETCHES_HEADER = 'x-merged-fetches';

const ORIGIN_PATTERN = /^([A-Za-z0-9._:-]{8,128})\/([_A-Za-z][_0-9A-Za-z]{0,255})?$/;

/** `x-merged-fetches`: `<request id>/<operation name>` per fetch, comma-separated. */
export function fetchOriginsHeader(origins: readonly FetchOrigin[]): string {
  return origins.map((origin) => `${origin.requestId}/${origin.operationName ?? ''}`).join(',');
}

/** The origins an `x-merged-fetches` header names; null when it is absent or not well formed (then it is ignored). */
export function fetchOriginsFrom(header: string | undefined): FetchOrigin[] | null {
  if (!header) return null;
  const origins: FetchOrigin[] = [];
  for (const item of header.split(',')) {
    const match = ORIGIN_PATTERN.exec(item);
    if (!match || origins.length === MAX_MERGED_FETCHES) return null;
    origins.push({ requestId: match[1]!, operationName: match[2] ?? null });
  }
  return origins;
}

/** The root keys of an answer grouped by the fetch of a merged operation they answer; undefined unless every key is one's (`f<i>_…`). */
export function fetchKeysOf(keys: readonly string[]): string[][] | undefined {
  const fetches: string[][] = [];
  for (const key of keys) {
    const match = PREFIX.exec(key);
    if (!match) return undefined;
    (fetches[Number(match[1])] ??= []).push(key);
  }
  return fetches.filter((group) => group !== undefined);
}

/** Which fetch of a merged operation a field read belongs to: the `f<i>_` of its root field's key; undefined outside one. */
export function fetchIndexOf(path: ResponsePath): number | undefined {
  let root = path;
  while (root.prev) root = root.prev;
  const match = typeof root.key === 'string' ? PREFIX.exec(root.key) : null;
  return match ? Number(match[1]) : undefined;
}

function onlyOperation(document: DocumentNode): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * Whether a fetch can be merged: a query (never a mutation or subscription) whose root selections are
 * all fields and which carries no directives of its own.
 */
export function isMergeable(document: DocumentNode): boolean {
  const operation = onlyOperation(document);
  if (!operation || operation.operation !== 'query' || (operation.directives?.length ?? 0) > 0) return false;
  if (!document.definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION)) return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD);
}

/** Fetch `index`'s document with its variables and fragments renamed and its root fields aliased. */
function prefixed(
  document: DocumentNode,
  index: number,
): { operation: OperationDefinitionNode; fragments: FragmentDefinitionNode[]; roots: Array<[string, string]> } {
  const prefix = prefixOf(index);
  const renamed = visit(document, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
  });
  const operation = onlyOperation(renamed)!;
  const roots: Array<[string, string]> = [];
  const selections = operation.selectionSet.selections.map((selection) => {
    const field = selection as FieldNode;
    const key = field.alias?.value ?? field.name.value;
    roots.push([prefix + key, key]);
    return { ...field, alias: { kind: Kind.NAME, value: prefix + key } } as FieldNode;
  });
  return {
    operation: { ...operation, selectionSet: { ...operation.selectionSet, selections } },
    fragments: renamed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION),
    roots,
  };
}

/** One operation for 2..MAX_MERGED_FETCHES mergeable fetch documents (isMergeable), in their order. */
export function mergeOperations(documents: readonly DocumentNode[]): MergedOperation {
  if (documents.length < 2 || documents.length > MAX_MERGED_FETCHES)
    throw new Error(`Merges 2 to ${MAX_MERGED_FETCHES} fetches, not ${documents.length}`);
  const variableDefinitions: VariableDefinitionNode[] = [];
  const selections: FieldNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  const roots = new Map<string, { fetch: number; key: string }>();
  const variableNames: string[][] = [];
  documents.forEach((document, index) => {
    if (!isMergeable(document)) throw new Error(`Fetch ${index} cannot be merged: only a query whose root selections are fields`);
    const part = prefixed(document, index);
    variableDefinitions.push(...(part.operation.variableDefinitions ?? []));
    selections.push(...(part.operation.selectionSet.selections as FieldNode[]));
    fragments.push(...part.fragments);
    for (const [merged, key] of part.roots) roots.set(merged, { fetch: index, key });
    variableNames.push((onlyOperation(document)!.variableDefinitions ?? []).map((d) => d.variable.name.value));
  });
  const operationName = `${onlyOperation(documents[0]!)!.name?.value ?? 'Fetch'}${MERGED_SUFFIX}`;
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: { kind: Kind.NAME, value: operationName },
    variableDefinitions,
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  const query = print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] });
  return { query, operationName, variableNames, roots, fetches: documents.length };
}

/** The merged operation's variables: each fetch's, renamed as in its part of the operation. */
export function mergeVariables(
  merged: MergedOperation,
  variables: ReadonlyArray<Record<string, unknown> | undefined>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  merged.variableNames.forEach((names, index) => {
    const own = variables[index];
    if (!own) return;
    for (const name of names) if (name in own) result[prefixOf(index) + name] = own[name];
  });
  return result;
}

/**
 * Each fetch's answer out of the merged one: its root fields under their own keys, the errors whose
 * path starts in its part (path mapped back), and every error without a path (or outside every part).
 */
export function splitMergedAnswer(merged: MergedOperation, answer: GraphQLAnswer): GraphQLAnswer[] {
  const data = answer.data;
  const parts: GraphQLAnswer[] = [];
  for (let i = 0; i < merged.fetches; i += 1) parts.push(data == null ? { data: data ?? null } : { data: {} });
  if (data != null) {
    for (const [key, value] of Object.entries(data)) {
      const root = merged.roots.get(key);
      if (root) parts[root.fetch]!.data![root.key] = value;
    }
  }
  for (const error of answer.errors ?? []) {
    const first = error.path?.[0];
    const root = typeof first === 'string' ? merged.roots.get(first) : undefined;
    if (root) (parts[root.fetch]!.errors ??= []).push({ ...error, path: [root.key, ...error.path!.slice(1)] });
    else for (const part of parts) (part.errors ??= []).push(error);
  }
  if (answer.extensions !== undefined) for (const part of parts) part.extensions = { ...answer.extensions };
  return parts;
}

/** The fetch documents of each merged document seen, by the document (a server's document store reuses it). */
const partsOf = new WeakMap<DocumentNode, Array<{ prefix: string; document: DocumentNode }> | null>();

/**
 * The fetches a merged operation was made of, each as it would have been sent alone (document and
 * variables), for checks that must judge each fetch on its own (operation limits); undefined when the
 * document is not a merged operation of 2..MAX_MERGED_FETCHES fetches. The same document gives the same
 * part documents each time, so that what is kept per document applies to them too.
 */
export function mergedFetchParts(document: DocumentNode, variables: Record<string, unknown> | undefined): SubgraphFetch[] | undefined {
  let parts = partsOf.get(document);
  if (parts === undefined) {
    parts = mergedDocuments(document);
    partsOf.set(document, parts);
  }
  return parts?.map(({ prefix, document: part }) => {
    const partVariables: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(variables ?? {})) if (key.startsWith(prefix)) partVariables[key.slice(prefix.length)] = value;
    return { document: part, variables: partVariables };
  });
}

function mergedDocuments(document: DocumentNode): Array<{ prefix: string; document: DocumentNode }> | null {
  const operation = onlyOperation(document);
  if (!operation || operation.operation !== 'query' || !operation.name?.value.endsWith(MERGED_SUFFIX)) return null;
  const byFetch = new Map<number, FieldNode[]>();
  for (const selection of operation.selectionSet.selections) {
    const match = selection.kind === Kind.FIELD && selection.alias ? PREFIX.exec(selection.alias.value) : null;
    if (!match) return null;
    const index = Number(match[1]);
    const key = match[2]!;
    const field = selection as FieldNode;
    const original: FieldNode = { ...field, alias: key === field.name.value ? undefined : { kind: Kind.NAME, value: key } };
    byFetch.set(index, [...(byFetch.get(index) ?? []), original]);
  }
  if (byFetch.size < 2 || byFetch.size > MAX_MERGED_FETCHES) return null;
  const name = operation.name.value.slice(0, -MERGED_SUFFIX.length);
  return [...byFetch].map(([index, fields]) => {
    const prefix = prefixOf(index);
    const strip = (value: string) => (value.startsWith(prefix) ? value.slice(prefix.length) : value);
    const own = (value: string) => value.startsWith(prefix);
    const part: OperationDefinitionNode = {
      ...operation,
      name: { kind: Kind.NAME, value: name },
      variableDefinitions: (operation.variableDefinitions ?? []).filter((d) => own(d.variable.name.value)),
      selectionSet: { ...operation.selectionSet, selections: fields },
    };
    const fragments = document.definitions.filter(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && own(d.name.value),
    );
    const restored = visit({ kind: Kind.DOCUMENT, definitions: [part, ...fragments] } as DocumentNode, {
      Variable: (node) => ({ ...node, name: { ...node.name, value: strip(node.name.value) } }),
      FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: strip(node.name.value) } }),
      FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: strip(node.name.value) } }),
    });
    return { prefix, document: restored };
  });
}
