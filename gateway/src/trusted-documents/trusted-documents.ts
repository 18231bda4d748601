import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Department } from '@labour/shared';
import {
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { z } from 'zod';

/** The file in each system's folder that says whose system it is. */
const SYSTEM_FILE = 'system.json';

/** One registered operation: its text as clients send it, parsed once, and the system it belongs to. */
export interface TrustedDocument {
  /** sha256 (lowercase hex) of the file's text, byte for byte as the client sends it as `query`. */
  readonly id: string;
  /** The file, relative to the registry's folder (`hr-case-system/enterprise-name.graphql`), for messages and logs. */
  readonly file: string;
  readonly text: string;
  /** Parsed once at load; Apollo Server gets this very object (trusted-document-store.ts). */
  readonly document: DocumentNode;
  readonly operationName: string;
  readonly system: TrustedSystem;
}

/** A department system, as its folder's `system.json` describes it. */
interface TrustedSystem {
  /** The folder's name. */
  readonly name: string;
  readonly department: Department;
  /** When given, only tokens signed with one of these keys (their `kid`) may run the system's documents. */
  readonly kids?: readonly string[];
}

/** The registry: every document by id. */
export interface TrustedDocuments {
  /** The folder they were read from. */
  readonly dir: string;
  readonly byId: ReadonlyMap<string, TrustedDocument>;
}

const systemFileSchema = z
  .object({
    department: z.nativeEnum(Department, { errorMap: () => ({ message: `must be one of ${Object.values(Department).join(', ')}` }) }),
    kids: z.array(z.string().min(1, 'must be non-empty key ids')).min(1, 'when given, must name at least one key id').optional(),
    description: z.string().optional(),
  })
  .strict();

/** The id of a document: sha256 of its text (UTF-8), lowercase hex, as Apollo's APQ hashes `query`. */
export function documentIdOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Reads and checks one `system.json`; throws naming the file and the field that is wrong. */
function readSystemFile(path: string, name: string, label: string): TrustedSystem {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${label}: not readable JSON: ${(error as Error).message}`);
  }
  const parsed = systemFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(the file)'}: ${issue.message}`);
    throw new Error(`${label}: ${problems.join('; ')}`);
  }
  return { name, department: parsed.data.department, ...(parsed.data.kids ? { kids: [...new Set(parsed.data.kids)] } : {}) };
}

/** Parses one document file: one named operation (fragments allowed); throws naming the file. */
function parseDocument(text: string, label: string): { document: DocumentNode; operationName: string } {
  let document: DocumentNode;
  try {
    document = parse(text, { noLocation: true });
  } catch (error) {
    throw new Error(`${label}: does not parse: ${(error as Error).message}`);
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new Error(`${label}: must hold exactly one operation, not ${operations.length}`);
  const name = operations[0]!.name?.value;
  if (!name) throw new Error(`${label}: its operation must be named (the name appears in the request log and metrics)`);
  return { document, operationName: name };
}

/**
 * Reads the registry: `<dir>/<system>/system.json` and `<dir>/<system>/*.graphql`, one operation each.
 * Throws at the first problem, naming the file: a bad system.json, a document that does not parse or holds
 * other than one named operation, a folder without system.json, the same text registered twice. A missing
 * folder is an empty registry (a gateway without department systems).
 */
export function loadTrustedDocuments(dir: string): TrustedDocuments {
  const byId = new Map<string, TrustedDocument>();
  if (!existsSync(dir)) return { dir, byId };
  const systems = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  for (const folder of systems.map((entry) => entry.name).sort()) {
    const systemPath = join(dir, folder, SYSTEM_FILE);
    const systemLabel = `TRUSTED_DOCUMENTS_DIR ${relative(process.cwd(), systemPath)}`;
    if (!existsSync(systemPath)) throw new Error(`${systemLabel}: missing: each system's folder names its department there`);
    const system = readSystemFile(systemPath, folder, systemLabel);
    const files = readdirSync(join(dir, folder)).filter((file) => file.endsWith('.graphql'));
    for (const file of files.sort()) {
      const path = join(dir, folder, file);
      const label = `TRUSTED_DOCUMENTS_DIR ${relative(process.cwd(), path)}`;
      const text = readFileSync(path, 'utf8');
      const id = documentIdOf(text);
      const { document, operationName } = parseDocument(text, label);
      const twin = byId.get(id);
      if (twin) throw new Error(`${label}: the same text as ${twin.file}: a document belongs to one system`);
      byId.set(id, Object.freeze({ id, file: `${folder}/${file}`, text, document, operationName, system }));
    }
  }
  return { dir, byId };
}

/** A document's validation errors against one API schema: graphql-js's rules, and no reading of the schema itself. */
const RULES = [...specifiedRules, NoSchemaIntrospectionCustomRule];

/**
 * Why the registry cannot be served over this API schema: one line per document that does not validate,
 * naming its file and the first error; undefined when all validate. Called at start and before a new
 * supergraph is taken (the reload is refused then).
 */
export function documentsBrokenBy(schema: GraphQLSchema, documents: TrustedDocuments): string | undefined {
  const broken: string[] = [];
  for (const document of documents.byId.values()) {
    const errors = validate(schema, document.document, RULES);
    if (errors.length > 0) broken.push(`${document.file}: ${errors[0]!.message}`);
  }
  return broken.length > 0 ? `trusted document(s) would not validate: ${broken.join('; ')}` : undefined;
}
