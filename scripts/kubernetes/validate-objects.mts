/**
 * Validates Kubernetes objects against their schemas: the built-in kinds with kubernetes-models (ajv
 * validators generated from the Kubernetes OpenAPI schemas), the CloudNativePG Cluster against the CRD in
 * deploy/schemas (the openAPIV3Schema of its served version, with unknown fields refused as the API server's
 * strict field validation refuses them). kubernetes-models is ESM only (its exports offer no `require`), so
 * this runs as a plain Node process: `node validate-objects.mts < objects.json` prints, as JSON, one list of
 * problems per object (empty when valid).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

interface KubeObject {
  apiVersion?: string;
  kind?: string;
}

type Schema = Record<string, unknown>;

const here = dirname(fileURLToPath(import.meta.url));
const SCHEMAS_DIR = join(here, '..', '..', 'deploy', 'schemas');

/** The CustomResourceDefinitions whose objects the manifests hold, by apiVersion and kind. */
const CRD_FILES: Record<string, string> = {
  'postgresql.cnpg.io/v1 Cluster': 'postgresql.cnpg.io_clusters.yaml',
};

/** Objects that declare properties but not x-kubernetes-preserve-unknown-fields take no others (as the API server prunes or refuses them). */
function closeObjects(schema: Schema): Schema {
  const closed: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      closed[key] = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([name, sub]) => [name, closeObjects(sub)]));
    } else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object') {
      closed[key] = closeObjects(value as Schema);
    } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      closed[key] = value.map((sub: Schema) => closeObjects(sub));
    } else {
      closed[key] = value;
    }
  }
  if (schema['properties'] && schema['additionalProperties'] === undefined && schema['x-kubernetes-preserve-unknown-fields'] !== true) {
    closed['additionalProperties'] = false;
  }
  return closed;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const crdValidators = new Map<string, ReturnType<typeof ajv.compile>>();

function crdValidator(apiVersion: string, kind: string): ReturnType<typeof ajv.compile> | undefined {
  const id = `${apiVersion} ${kind}`;
  const file = CRD_FILES[id];
  if (!file) return undefined;
  if (!crdValidators.has(id)) {
    const crd = parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8')) as {
      spec: { group: string; names: { kind: string }; versions: { name: string; served: boolean; schema: { openAPIV3Schema: Schema } }[] };
    };
    const version = crd.spec.versions.find((v) => `${crd.spec.group}/${v.name}` === apiVersion && v.served);
    if (!version || crd.spec.names.kind !== kind) throw new Error(`${file} does not serve ${id}`);
    const root = closeObjects(version.schema.openAPIV3Schema);
    // metadata is the API server's ObjectMeta: not described by the CRD.
    (root['properties'] as Record<string, Schema>)['metadata'] = { type: 'object' };
    crdValidators.set(id, ajv.compile(root));
  }
  return crdValidators.get(id);
}

/** The kubernetes-models module of a built-in kind: `apps/v1` Deployment is kubernetes-models/apps/v1/Deployment, core `v1` kinds kubernetes-models/v1/<Kind>. */
async function builtInModel(apiVersion: string, kind: string): Promise<(new (data: unknown) => { validate(): void }) | undefined> {
  if (!/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]+$/.test(kind)) return undefined;
  try {
    const module = (await import(`kubernetes-models/${apiVersion}/${kind}`)) as Record<string, unknown>;
    return module[kind] as new (data: unknown) => { validate(): void };
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' ||
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND'
    )
      return undefined;
    throw error;
  }
}

async function problemsOf(object: KubeObject): Promise<string[]> {
  const { apiVersion, kind } = object;
  if (!apiVersion || !kind) return ['no apiVersion or kind'];
  const crd = crdValidator(apiVersion, kind);
  if (crd) {
    if (crd(object)) return [];
    return (crd.errors ?? []).map(
      (error) =>
        `${error.instancePath || '/'} ${error.message ?? error.keyword}${error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty: string }).additionalProperty)})` : ''}`,
    );
  }
  const Model = await builtInModel(apiVersion, kind);
  if (!Model) return [`no schema known for ${apiVersion} ${kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

const objects = JSON.parse(readFileSync(0, 'utf8')) as KubeObject[];
const problems: string[][] = [];
for (const object of objects) problems.push(await problemsOf(object));
process.stdout.write(JSON.stringify(problems));
