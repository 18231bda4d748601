/**
 * What the tests of the rendered manifests under deploy/ share: the namespaces, ports and databases they expect,
 * the shapes of the objects they read, and an overlay rendered with its network policies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPH_DEPARTMENTS } from '../../gateway/src/config';
import type { NetworkPolicy } from './network-policy';
import { renderKustomization, type KubeObject } from './render';

export const ROOT = join(__dirname, '..', '..');
export const DEPARTMENTS = Object.keys(SUBGRAPH_DEPARTMENTS);
export const GATEWAY_NAMESPACE = 'labour-gateway';
export const namespaceOf = (department: string) => `labour-${department}`;
/** Where the CloudNativePG operator runs (as its manifests install it): it manages every department's instances. */
export const OPERATOR_NAMESPACE = 'cnpg-system';
/** Where Prometheus runs: the only namespace that reaches a service's metrics port (README "Kubernetes"). */
export const MONITORING_NAMESPACE = 'monitoring';
/** Every service's METRICS_PORT in the manifests: the container port `metrics`, the scrape annotation, the policies. */
export const METRICS_PORT = 9400;
/** Rendering and validating start processes (kubectl, a Node that loads the schemas): room for a busy machine. */
export const RENDER_TIMEOUT_MS = 120_000;

/** Each department's database and role, as docker/initdb makes them for docker compose: the same in Kubernetes. */
export const DATABASES: Record<string, { database: string; owner: string }> = Object.fromEntries(
  [...readFileSync(join(ROOT, 'docker/initdb/01-departments.sh'), 'utf8').matchAll(/^create (\w+) (\w+) "\$([A-Z_]+)_DB_PASSWORD"$/gm)].map(
    ([, owner, database, department]) => [department!.toLowerCase().replace('_', '-'), { owner: owner!, database: database! }],
  ),
);

interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    runAsNonRoot?: boolean;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}
interface Volume {
  name: string;
  configMap?: { name: string };
  secret?: { secretName: string; items?: { key: string; path: string }[] };
  emptyDir?: object;
}
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean };
}
export interface Deployment extends KubeObject {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec };
  };
}

export const ofKind = <T extends KubeObject = KubeObject>(objects: KubeObject[], kind: string) =>
  objects.filter((object): object is T => object.kind === kind);
export const key = (object: KubeObject) => `${object.kind} ${object.metadata.namespace ?? '(cluster)'}/${object.metadata.name}`;

export function deploymentIn(objects: KubeObject[], namespace: string, name: string): Deployment {
  const found = ofKind<Deployment>(objects, 'Deployment').find((d) => d.metadata.namespace === namespace && d.metadata.name === name);
  if (!found) throw new Error(`no Deployment ${namespace}/${name}`);
  return found;
}

/** The Secrets a pod reads, by name: volumes, env and envFrom. */
export function secretsOf(pod: PodSpec): string[] {
  const names = new Set<string>();
  for (const volume of pod.volumes ?? []) if (volume.secret) names.add(volume.secret.secretName);
  for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
    for (const variable of container.env ?? []) if (variable.valueFrom?.secretKeyRef) names.add(variable.valueFrom.secretKeyRef.name);
    for (const source of container.envFrom ?? []) if (source.secretRef) names.add(source.secretRef.name);
  }
  return [...names].sort();
}

/** The ConfigMaps a pod reads, by name. */
export function configMapsOf(pod: PodSpec): string[] {
  const names = new Set<string>();
  for (const volume of pod.volumes ?? []) if (volume.configMap) names.add(volume.configMap.name);
  for (const container of pod.containers) {
    for (const variable of container.env ?? []) if (variable.valueFrom?.configMapKeyRef) names.add(variable.valueFrom.configMapKeyRef.name);
    for (const source of container.envFrom ?? []) if (source.configMapRef) names.add(source.configMapRef.name);
  }
  return [...names].sort();
}

/** What the container does not have that every service container must: the hardening and resources the README promises. */
export function hardeningProblems(deployment: Deployment): string[] {
  const pod = deployment.spec.template.spec;
  const problems: string[] = [];
  if (pod.automountServiceAccountToken !== false) problems.push('mounts a service-account token');
  for (const container of pod.containers) {
    const security = container.securityContext ?? {};
    const where = `${key(deployment)} ${container.name}`;
    if (!(security.runAsNonRoot ?? pod.securityContext?.runAsNonRoot)) problems.push(`${where}: may run as root`);
    if (security.readOnlyRootFilesystem !== true) problems.push(`${where}: writable root file system`);
    if (security.allowPrivilegeEscalation !== false) problems.push(`${where}: privilege escalation allowed`);
    if (security.privileged) problems.push(`${where}: privileged`);
    if (!security.capabilities?.drop?.includes('ALL') || security.capabilities.add?.length) problems.push(`${where}: keeps capabilities`);
    if (!container.resources?.requests?.['cpu'] || !container.resources.requests['memory'] || !container.resources.limits?.['memory']) {
      problems.push(`${where}: no cpu and memory requests and memory limit`);
    }
  }
  return problems;
}

/** An overlay rendered, its network policies, and the labels the API server gives each namespace. */
export function renderOverlay(overlay: string): {
  objects: KubeObject[];
  policies: NetworkPolicy[];
  namespaceLabels: (namespace: string) => Record<string, string>;
} {
  const objects = renderKustomization(`overlays/${overlay}`);
  const policies = ofKind(objects, 'NetworkPolicy') as unknown as NetworkPolicy[];
  const declared = new Map(ofKind(objects, 'Namespace').map((ns) => [ns.metadata.name, ns.metadata.labels ?? {}]));
  // The API server labels every namespace with its name (kubernetes.io/metadata.name, Kubernetes 1.22 on).
  const namespaceLabels = (namespace: string) => ({ ...(declared.get(namespace) ?? {}), 'kubernetes.io/metadata.name': namespace });
  return { objects, policies, namespaceLabels };
}
