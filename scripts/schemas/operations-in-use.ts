import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CodeFileLoader } from '@graphql-tools/code-file-loader';
import { GraphQLFileLoader } from '@graphql-tools/graphql-file-loader';
import { loadDocuments } from '@graphql-tools/load';
import {
  Kind,
  parse,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { examplesOf } from '../../console/src/explorer/examples';

export const ROOT = join(__dirname, '..', '..');
/** The analysts' saved queries: one or more operations per `.graphql` file, checked against every schema change. */
const SAVED_QUERIES_DIR = join(ROOT, 'queries');
/** The operations registered for department systems (gateway/src/trusted-documents): one operation per file, by system. */
const TRUSTED_DOCUMENTS_DIR = join(ROOT, 'gateway', 'trusted-documents');

/** Where operations in use come from. */
export type OperationOrigin = 'console' | 'readme' | 'saved' | 'trusted';

/** One operation a client sends, with the fragments it spreads, as it stands in its file. */
export interface OperationInUse {
  readonly origin: OperationOrigin;
  /** The file, relative to the repository's root (`console/src/…/x.tsx`, `README.md`, `queries/x.graphql`). */
  readonly file: string;
  /** `query EnterpriseFile`, `mutation RecordHiring`; `query (anonymous)` when it has no name. */
  readonly name: string;
  /** The operation and every fragment it spreads, directly or not: a document a server would validate. */
  readonly document: DocumentNode;
}

export interface OperationSources {
  /** The console's sources (`graphql(\`…\`)` documents), as its code generator reads them; default console/src. */
  readonly consoleDir?: string;
  /** The README whose "## Example queries" the console's explorer offers; default README.md. */
  readonly readmePath?: string;
  /** The saved queries' folder; default queries/. */
  readonly savedQueriesDir?: string;
  /** The trusted documents' folder (one folder per system); default gateway/trusted-documents/. */
  readonly trustedDocumentsDir?: string;
}

/**
 * Every operation in use: the console's documents (plucked as its code generator plucks them, `console/codegen.ts`),
 * the README's example queries (read as the console's explorer reads them, `examplesOf`), the analysts' saved
 * queries, and the department systems' trusted documents (a change that breaks one would stop the gateway taking
 * the new supergraph). A fragment is looked up among the documents of the same origin, as the console's generated code does.
 */
export async function operationsInUse(sources: OperationSources = {}): Promise<OperationInUse[]> {
  const consoleDir = sources.consoleDir ?? join(ROOT, 'console', 'src');
  const readmePath = sources.readmePath ?? join(ROOT, 'README.md');
  const savedDir = sources.savedQueriesDir ?? SAVED_QUERIES_DIR;
  const trustedDir = sources.trustedDocumentsDir ?? TRUSTED_DOCUMENTS_DIR;

  // The same loader and options as @graphql-codegen/cli's, so that the check sees exactly the documents the console's types come from.
  const consoleDocuments = await loadDocuments(join(consoleDir, '**/*.{ts,tsx}'), {
    loaders: [new CodeFileLoader({ pluckConfig: { skipIndent: true } })],
    ignore: [join(consoleDir, 'graphql/generated/**')],
    sort: true,
    skipGraphQLImport: true,
  });
  const savedDocuments = await loadDocuments(join(savedDir, '**/*.graphql'), { loaders: [new GraphQLFileLoader()], sort: true });
  const trustedDocuments = await loadDocuments(join(trustedDir, '*/*.graphql'), { loaders: [new GraphQLFileLoader()], sort: true });
  const readme = readFileSync(readmePath, 'utf8');
  const readmeFile = relative(ROOT, readmePath);

  return [
    ...splitIntoOperations(
      'console',
      consoleDocuments.map((source) => ({ file: relative(ROOT, source.location!), document: source.document! })),
    ),
    ...splitIntoOperations(
      'readme',
      examplesOf(readme).map((example) => ({ file: readmeFile, document: parse(example.query) })),
    ),
    ...splitIntoOperations(
      'saved',
      savedDocuments.map((source) => ({ file: relative(ROOT, source.location!), document: source.document! })),
    ),
    ...splitIntoOperations(
      'trusted',
      trustedDocuments.map((source) => ({ file: relative(ROOT, source.location!), document: source.document! })),
    ),
  ];
}

/** Each operation of the files as a document of its own, with the fragments (of any file of the origin) it spreads. */
function splitIntoOperations(origin: OperationOrigin, files: ReadonlyArray<{ file: string; document: DocumentNode }>): OperationInUse[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of files) {
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operations: OperationInUse[] = [];
  for (const { file, document } of files) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      operations.push({
        origin,
        file,
        name: `${definition.operation} ${definition.name?.value ?? '(anonymous)'}`,
        document: withFragments(definition, fragments),
      });
    }
  }
  return operations;
}

/** The operation and the fragments it needs; a spread of an unknown fragment is left for validation to report. */
function withFragments(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): DocumentNode {
  const needed = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (fragment && !needed.has(name)) {
          needed.set(name, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] };
}
