import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { Department, loadSubgraphConfig } from '@labour/shared';
import { loadGatewayConfig, SUBGRAPH_DEPARTMENTS } from '../../gateway/src/config';
import { makeTempDir } from '@labour/testing/temp-dir';
import { DEPARTMENTS as LAUNCHED_DEPARTMENTS, GATEWAY, nodeArgs } from '../lib/services';
import { TEST_AUTH, testServiceKey } from '@labour/testing/tokens';
import { connectionAllowed, ingressAllows, type Endpoint, type NetworkPolicy, type PodEndpoint } from './network-policy';
import { overlayNames, renderKustomization, type KubeObject } from './render';
import { schemaProblems } from './schemas';

const ROOT = join(__dirname, '..', '..');
const DEPARTMENTS = Object.keys(SUBGRAPH_DEPARTMENTS);
const GATEWAY_NAMESPACE = 'labour-gateway';
const namespaceOf = (department: string) => `labour-${department}`;
/** Where the CloudNativePG operator runs (as its manifests install it): it manages every department's instances. */
const OPERATOR_NAMESPACE = 'cnpg-system';
/** Where Prometheus runs: the only namespace that reaches a service's metrics port (README "Kubernetes"). */
const MONITORING_NAMESPACE = 'monitoring';
/** Every service's METRICS_PORT in the manifests: the container port `metrics`, the scrape annotation, the policies. */
const METRICS_PORT = 9400;
/** Rendering and validating start processes (kubectl, a Node that loads the schemas): room for a busy machine. */
const RENDER_TIMEOUT_MS = 120_000;

/** Each department's database and role, as docker/initdb makes them for docker compose: the same in Kubernetes. */
const DATABASES: Record<string, { database: string; owner: string }> = Object.fromEntries(
  [...readFileSync(join(ROOT, 'docker/initdb/01-departments.sh'), 'utf8').matchAll(/^create (\w+) (\w+) "\$([A-Z_]+)_DB_PASSWORD"$/gm)].map(([, owner, database, department]) => [
    department!.toLowerCase().replace('_', '-'),
    { owner: owner!, database: database! },
  ]),
);

interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { runAsNonRoot?: boolean; readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; privileged?: boolean; capabilities?: { drop?: string[]; add?: string[] } };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}
interface Volume {
  name: string;
  configMap?: { name: string };
  secret?: { secretName: string; items?: { key: string; path: string }[] };
  emptyDir?: object;
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean };
}
interface Deployment extends KubeObject {
  spec: { replicas?: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec } };
}

const ofKind = <T extends KubeObject = KubeObject>(objects: KubeObject[], kind: string) => objects.filter((object): object is T => object.kind === kind);
const key = (object: KubeObject) => `${object.kind} ${object.metadata.namespace ?? '(cluster)'}/${object.metadata.name}`;

function deploymentIn(objects: KubeObject[], namespace: string, name: string): Deployment {
  const found = ofKind<Deployment>(objects, 'Deployment').find((d) => d.metadata.namespace === namespace && d.metadata.name === name);
  if (!found) throw new Error(`no Deployment ${namespace}/${name}`);
  return found;
}

/** The Secrets a pod reads, by name: volumes, env and envFrom. */
function secretsOf(pod: PodSpec): string[] {
  const names = new Set<string>();
  for (const volume of pod.volumes ?? []) if (volume.secret) names.add(volume.secret.secretName);
  for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
    for (const variable of container.env ?? []) if (variable.valueFrom?.secretKeyRef) names.add(variable.valueFrom.secretKeyRef.name);
    for (const source of container.envFrom ?? []) if (source.secretRef) names.add(source.secretRef.name);
  }
  return [...names].sort();
}

/** The ConfigMaps a pod reads, by name. */
function configMapsOf(pod: PodSpec): string[] {
  const names = new Set<string>();
  for (const volume of pod.volumes ?? []) if (volume.configMap) names.add(volume.configMap.name);
  for (const container of pod.containers) {
    for (const variable of container.env ?? []) if (variable.valueFrom?.configMapKeyRef) names.add(variable.valueFrom.configMapKeyRef.name);
    for (const source of container.envFrom ?? []) if (source.configMapRef) names.add(source.configMapRef.name);
  }
  return [...names].sort();
}

/** What the container does not have that every service container must: the hardening and resources the README promises. */
function hardeningProblems(deployment: Deployment): string[] {
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

describe.each(overlayNames())('deploy/overlays/%s', (overlay) => {
  let objects: KubeObject[] = [];
  let policies: NetworkPolicy[] = [];
  let namespaceLabels: (namespace: string) => Record<string, string>;

  beforeAll(() => {
    objects = renderKustomization(`overlays/${overlay}`);
    policies = ofKind(objects, 'NetworkPolicy') as unknown as NetworkPolicy[];
    const declared = new Map(ofKind(objects, 'Namespace').map((ns) => [ns.metadata.name, ns.metadata.labels ?? {}]));
    // The API server labels every namespace with its name (kubernetes.io/metadata.name, Kubernetes 1.22 on).
    namespaceLabels = (namespace) => ({ ...(declared.get(namespace) ?? {}), 'kubernetes.io/metadata.name': namespace });
  }, RENDER_TIMEOUT_MS);

  it('renders, and every object is valid against its Kubernetes schema (the CloudNativePG Cluster against its CRD)', () => {
    expect(objects.length).toBeGreaterThan(0);
    const problems = schemaProblems(objects);
    expect(objects.flatMap((object, index) => problems[index]!.map((problem) => `${key(object)}: ${problem}`))).toEqual([]);
  }, RENDER_TIMEOUT_MS);

  it('puts the gateway and each department in a namespace of its own, every namespaced object in one of them', () => {
    const expected = [GATEWAY_NAMESPACE, ...DEPARTMENTS.map(namespaceOf)].sort();
    expect(ofKind(objects, 'Namespace').map((ns) => ns.metadata.name).sort()).toEqual(expected);
    const stray = objects.filter((object) => object.kind !== 'Namespace' && !expected.includes(object.metadata.namespace ?? '')).map(key);
    expect(stray).toEqual([]);
    // Exactly one Deployment and Service per namespace: the gateway's, or the department's subgraph.
    const deployments = ofKind(objects, 'Deployment').map((d) => `${d.metadata.namespace}/${d.metadata.name}`).sort();
    expect(deployments).toEqual([`${GATEWAY_NAMESPACE}/gateway`, ...DEPARTMENTS.map((d) => `${namespaceOf(d)}/subgraph`)].sort());
    const services = ofKind(objects, 'Service').map((s) => `${s.metadata.namespace}/${s.metadata.name}`).sort();
    expect(services).toEqual(deployments);
  });

  it('runs at least two gateways, autoscaled from two, with a disruption budget keeping one', () => {
    const gateway = deploymentIn(objects, GATEWAY_NAMESPACE, 'gateway');
    expect(gateway.spec.replicas).toBeGreaterThanOrEqual(2);
    const autoscalers = ofKind(objects, 'HorizontalPodAutoscaler') as Array<KubeObject & { spec: { scaleTargetRef: object; minReplicas: number; maxReplicas: number } }>;
    expect(autoscalers.map((hpa) => [hpa.apiVersion, hpa.metadata.namespace, hpa.spec.scaleTargetRef])).toEqual([
      ['autoscaling/v2', GATEWAY_NAMESPACE, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' }],
    ]);
    expect(autoscalers[0]!.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(autoscalers[0]!.spec.maxReplicas).toBeGreaterThan(autoscalers[0]!.spec.minReplicas);
    const budgets = ofKind(objects, 'PodDisruptionBudget') as Array<KubeObject & { spec: { minAvailable?: number; selector: { matchLabels: Record<string, string> } } }>;
    expect(budgets.map((pdb) => [pdb.metadata.namespace, pdb.spec.minAvailable, pdb.spec.selector])).toEqual([[GATEWAY_NAMESPACE, 1, gateway.spec.selector]]);
  });

  it('checks every service: ready on /ready, alive on /health, at the port it listens on', () => {
    for (const deployment of ofKind<Deployment>(objects, 'Deployment')) {
      const [container] = deployment.spec.template.spec.containers;
      const port = container!.ports!.find((p) => p.name === 'http')!.containerPort;
      const listens = container!.env!.find((variable) => variable.name === 'PORT')?.value;
      expect([key(deployment), container!.readinessProbe?.httpGet, container!.livenessProbe?.httpGet, String(port)]).toEqual([
        key(deployment),
        { path: '/ready', port: 'http' },
        { path: '/health', port: 'http' },
        listens,
      ]);
    }
  });

  it('serves metrics on every service: METRICS_PORT as the container port `metrics`, annotated for Prometheus, not on its Service', () => {
    for (const deployment of ofKind<Deployment>(objects, 'Deployment')) {
      const [container] = deployment.spec.template.spec.containers;
      const env = Object.fromEntries((container!.env ?? []).map((variable) => [variable.name, variable.value ?? variable.valueFrom]));
      const service = ofKind(objects, 'Service').find((s) => s.metadata.namespace === deployment.metadata.namespace) as KubeObject & { spec: { ports: { name: string; port: number; targetPort: string }[] } };
      expect({
        deployment: key(deployment),
        port: container!.ports!.filter((p) => p.name === 'metrics'),
        METRICS_PORT: env['METRICS_PORT'],
        METRICS_TOKEN: env['METRICS_TOKEN'],
        annotations: deployment.spec.template.metadata.annotations,
        service: service.spec.ports.map((p) => [p.name, p.port, p.targetPort]),
      }).toEqual({
        deployment: key(deployment),
        port: [{ name: 'metrics', containerPort: METRICS_PORT, protocol: 'TCP' }],
        METRICS_PORT: String(METRICS_PORT),
        METRICS_TOKEN: { secretKeyRef: { name: 'metrics-token', key: 'METRICS_TOKEN' } },
        annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(METRICS_PORT), 'prometheus.io/path': '/metrics', 'prometheus.io/scheme': 'http' },
        service: [['http', 4000, 'http']],
      });
    }
  });

  it('runs every container as a non-root user on a read-only root file system, without privileges, with resources', () => {
    expect(ofKind<Deployment>(objects, 'Deployment').flatMap(hardeningProblems)).toEqual([]);
  });

  it("starts each service as `npm start` does (scripts/lib/services.ts): its compiled entry point (of sources that exist), with its Node flags", () => {
    const argv = Object.fromEntries(
      ofKind<Deployment>(objects, 'Deployment').map((deployment) => {
        const container = deployment.spec.template.spec.containers[0]!;
        return [deployment.metadata.namespace, [...(container.command ?? []), ...(container.args ?? [])]];
      }),
    );
    expect(argv).toEqual({
      [GATEWAY_NAMESPACE]: ['node', ...nodeArgs(GATEWAY)],
      ...Object.fromEntries(LAUNCHED_DEPARTMENTS.map((department) => [namespaceOf(department.name), ['node', ...nodeArgs(department)]])),
    });
    for (const service of [GATEWAY, ...LAUNCHED_DEPARTMENTS]) expect([service.entry, existsSync(join(ROOT, service.entry))]).toEqual([service.entry, true]);
  });

  it('reads no Secret but its own: each subgraph its own service key, the linkage key and its database URL; every service its metrics token', () => {
    const read = Object.fromEntries(ofKind<Deployment>(objects, 'Deployment').map((d) => [d.metadata.namespace, secretsOf(d.spec.template.spec)]));
    expect(read).toEqual({
      [GATEWAY_NAMESPACE]: ['metrics-token'],
      ...Object.fromEntries(DEPARTMENTS.map((d) => [namespaceOf(d), ['db-app', `${d}-service-key`, 'linkage-key', 'metrics-token'].sort()])),
    });
    // The service key is the file AUTH_SERVICE_KEY_PATH names, from its own department's Secret only.
    for (const department of DEPARTMENTS) {
      const pod = deploymentIn(objects, namespaceOf(department), 'subgraph').spec.template.spec;
      const container = pod.containers[0]!;
      const path = container.env!.find((variable) => variable.name === 'AUTH_SERVICE_KEY_PATH')!.value!;
      const mount = container.volumeMounts!.find((m) => path.startsWith(`${m.mountPath}/`))!;
      const volume = pod.volumes!.find((v) => v.name === mount.name)!;
      expect([department, volume.secret?.secretName, mount.readOnly, volume.secret?.items?.map((item) => item.path)]).toEqual([
        department,
        `${department}-service-key`,
        true,
        [posix.relative(mount.mountPath, path)],
      ]);
    }
  });

  it('gives every service the public key set (JWKS) from a ConfigMap of its own namespace, and every ConfigMap it reads exists there', () => {
    const configMaps = new Map(ofKind(objects, 'ConfigMap').map((cm) => [`${cm.metadata.namespace}/${cm.metadata.name}`, cm as KubeObject & { data?: Record<string, string> }]));
    for (const deployment of ofKind<Deployment>(objects, 'Deployment')) {
      const pod = deployment.spec.template.spec;
      const missing = configMapsOf(pod).filter((name) => !configMaps.has(`${deployment.metadata.namespace}/${name}`));
      expect([key(deployment), missing]).toEqual([key(deployment), []]);
      const container = pod.containers[0]!;
      const path = container.env!.find((variable) => variable.name === 'AUTH_JWKS_PATH')!.value!;
      const mount = container.volumeMounts!.find((m) => path.startsWith(`${m.mountPath}/`))!;
      const volume = pod.volumes!.find((v) => v.name === mount.name)!;
      const configMap = configMaps.get(`${deployment.metadata.namespace}/${volume.configMap?.name}`);
      expect([key(deployment), mount.readOnly, Object.keys(configMap?.data ?? {})]).toEqual([key(deployment), true, [posix.relative(mount.mountPath, path)]]);
    }
  });

  describe('each service reads its environment as its own configuration loader does', () => {
    const files = makeTempDir('kubernetes-config');
    afterAll(() => files.remove());
    const LINKAGE_KEY = 'cd'.repeat(32);
    const METRICS_TOKEN = 'ef'.repeat(32);

    /**
     * The container's environment as Kubernetes gives it: its env and envFrom ConfigMaps; Secrets (made by hand
     * or by CloudNativePG) stand in as test values, and the mounted key files as local files with test keys.
     */
    function environmentOf(deployment: Deployment, department?: string): NodeJS.ProcessEnv {
      const namespace = deployment.metadata.namespace!;
      const container = deployment.spec.template.spec.containers[0]!;
      const configMap = (name: string) => objects.find((o) => o.kind === 'ConfigMap' && o.metadata.namespace === namespace && o.metadata.name === name) as { data?: Record<string, string> } | undefined;
      const env: NodeJS.ProcessEnv = {};
      for (const source of container.envFrom ?? []) Object.assign(env, configMap(source.configMapRef!.name)?.data);
      const SECRET_VALUES: Record<string, string> = {
        'linkage-key/LINKAGE_KEY': LINKAGE_KEY,
        'metrics-token/METRICS_TOKEN': METRICS_TOKEN,
        // CloudNativePG's application Secret: uri is postgresql://<owner>:<password>@db-rw.<namespace>:5432/<database>.
        'db-app/uri': department ? `postgresql://${DATABASES[department]!.owner}:pw@db-rw.${namespace}:5432/${DATABASES[department]!.database}` : '',
      };
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        env[variable.name] = ref ? SECRET_VALUES[`${ref.name}/${ref.key}`] : variable.value;
      }
      const FILES: Record<string, string> = {
        AUTH_JWKS_PATH: JSON.stringify(TEST_AUTH.jwks),
        ...(department ? { AUTH_SERVICE_KEY_PATH: JSON.stringify(testServiceKey(department)) } : {}),
      };
      for (const [variable, content] of Object.entries(FILES)) {
        const local = join(files.path, namespace, env[variable]!);
        mkdirSync(dirname(local), { recursive: true });
        writeFileSync(local, content);
        env[variable] = local;
      }
      return env;
    }

    const subgraphUrl = (department: string) => `http://subgraph.${namespaceOf(department)}.svc:4000/graphql`;

    it('every subgraph: production, reachable on its port, its own database, the other three as peers', () => {
      for (const department of DEPARTMENTS) {
        const own = SUBGRAPH_DEPARTMENTS[department]!;
        const config = loadSubgraphConfig(environmentOf(deploymentIn(objects, namespaceOf(department), 'subgraph'), department), own);
        expect({ department, port: config.port, host: config.host, production: config.production, demoData: config.demoData, peers: config.peerUrls, signs: config.serviceKey !== undefined, metrics: config.metrics }).toEqual({
          department,
          port: 4000,
          host: '0.0.0.0',
          production: true,
          demoData: 'off',
          peers: Object.fromEntries(DEPARTMENTS.filter((d) => d !== department).map((d) => [SUBGRAPH_DEPARTMENTS[d], subgraphUrl(d)])),
          signs: true,
          metrics: { port: METRICS_PORT, token: METRICS_TOKEN },
        });
        expect(config.linkageKey.toString('hex')).toBe(LINKAGE_KEY);
      }
    });

    it('the gateway: every subgraph at the Service of its department, and each such Service exists', () => {
      const config = loadGatewayConfig(environmentOf(deploymentIn(objects, GATEWAY_NAMESPACE, 'gateway')));
      expect([config.port, config.host, config.subgraphUrls, config.metrics]).toEqual([
        4000,
        '0.0.0.0',
        Object.fromEntries(DEPARTMENTS.map((d) => [d, subgraphUrl(d)])),
        { port: METRICS_PORT, token: METRICS_TOKEN },
      ]);
      for (const url of Object.values(config.subgraphUrls)) {
        const [service, namespace] = new URL(url!).hostname.split('.');
        const found = ofKind(objects, 'Service').find((s) => s.metadata.name === service && s.metadata.namespace === namespace) as { spec: { ports: { port: number }[] } } | undefined;
        expect([url, found?.spec.ports.map((p) => p.port)]).toEqual([url, [Number(new URL(url!).port)]]);
      }
    });

    it('every service refuses to start with its metrics port open but no token (the Secret metrics-token missing its value)', () => {
      const withoutToken = (env: NodeJS.ProcessEnv) => ({ ...env, METRICS_TOKEN: undefined });
      const refusal = 'METRICS_TOKEN: is required in production when METRICS_PORT is set and HOST (0.0.0.0) is not a loopback address';
      expect(() => loadGatewayConfig(withoutToken(environmentOf(deploymentIn(objects, GATEWAY_NAMESPACE, 'gateway'))))).toThrow(refusal);
      for (const department of DEPARTMENTS) {
        const env = withoutToken(environmentOf(deploymentIn(objects, namespaceOf(department), 'subgraph'), department));
        expect(() => loadSubgraphConfig(env, SUBGRAPH_DEPARTMENTS[department]!)).toThrow(refusal);
      }
    });
  });

  describe('network policies', () => {
    const podOf = (namespace: string, labels: Record<string, string>): PodEndpoint => ({ kind: 'pod', namespace, labels });
    const gatewayPod = () => podOf(GATEWAY_NAMESPACE, deploymentIn(objects, GATEWAY_NAMESPACE, 'gateway').spec.template.metadata.labels);
    const subgraphPod = (department: string) => podOf(namespaceOf(department), deploymentIn(objects, namespaceOf(department), 'subgraph').spec.template.metadata.labels);
    const ownSystem = (namespace: string) => podOf(namespace, { 'labour-federation/own-system': 'true' });
    /** Pods that may run in any namespace: unlabelled, or wearing any label a policy of ours selects on. */
    const strangers = (namespace: string): PodEndpoint[] => [
      podOf(namespace, {}),
      podOf(namespace, { 'app.kubernetes.io/name': 'gateway' }),
      podOf(namespace, { 'app.kubernetes.io/name': 'subgraph' }),
      podOf(namespace, { 'cnpg.io/cluster': 'db' }),
      podOf(namespace, { 'app.kubernetes.io/name': 'cloudnative-pg' }),
      ownSystem(namespace),
    ];
    const allowed = (from: Endpoint, to: Endpoint, port: number) => connectionAllowed(policies, { from, to, port }, namespaceLabels);
    /** Whether the destination lets it in, whatever the source's own egress policies say (another team's namespace). */
    const admitted = (from: Endpoint, to: Endpoint, port: number) => ingressAllows(policies, { from, to, port }, namespaceLabels);

    it('denies by default in every namespace, both ways', () => {
      const denying = policies.filter((p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress && !p.spec.egress && ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t as 'Ingress')));
      expect(denying.map((p) => p.metadata.namespace).sort()).toEqual([GATEWAY_NAMESPACE, ...DEPARTMENTS.map(namespaceOf)].sort());
    });

    it('lets clients reach the gateway, and the gateway reach every subgraph', () => {
      const client: Endpoint = { kind: 'address', ip: '203.0.113.7' };
      expect(allowed(client, gatewayPod(), 4000)).toBe(true);
      expect(allowed(client, gatewayPod(), 22)).toBe(false);
      expect(DEPARTMENTS.filter((d) => !allowed(gatewayPod(), subgraphPod(d), 4000))).toEqual([]);
    });

    it('lets each subgraph reach the other three (access-log witnesses, the union’s agenda and registry) and its own systems reach it', () => {
      for (const from of DEPARTMENTS) {
        expect([from, DEPARTMENTS.filter((to) => to !== from && !allowed(subgraphPod(from), subgraphPod(to), 4000))]).toEqual([from, []]);
        expect([from, allowed(ownSystem(namespaceOf(from)), subgraphPod(from), 4000)]).toEqual([from, true]);
      }
    });

    it('keeps every other pod of the cluster from the subgraphs: other pods of the gateway’s and the departments’ namespaces, other namespaces', () => {
      const leaks: string[] = [];
      for (const department of DEPARTMENTS) {
        const target = subgraphPod(department);
        const sources = [
          ...strangers('default'),
          ...strangers('monitoring'),
          ...strangers(OPERATOR_NAMESPACE),
          podOf(GATEWAY_NAMESPACE, {}),
          ownSystem(GATEWAY_NAMESPACE),
          ...DEPARTMENTS.filter((d) => d !== department).flatMap((d) => [podOf(namespaceOf(d), {}), ownSystem(namespaceOf(d)), podOf(namespaceOf(d), { 'cnpg.io/cluster': 'db' })]),
          podOf(namespaceOf(department), {}),
        ];
        // The subgraph's own ingress policies keep them out, whatever the source's egress policies say.
        for (const source of sources) if (admitted(source, target, 4000)) leaks.push(`${JSON.stringify(source.labels)} in ${source.namespace} → ${department}`);
      }
      expect(leaks).toEqual([]);
    });

    /**
     * What is wrong with who reaches the services' metrics ports under a set of policies: every pod of the
     * monitoring namespace must get in, nothing else (no client, no pod of another namespace, none of the
     * federation's own pods: not the gateway, not another department, not a department's own systems).
     */
    const metricsProblems = (set: readonly NetworkPolicy[]): string[] => {
      const problems: string[] = [];
      const targets: [string, PodEndpoint][] = [['gateway', gatewayPod()], ...DEPARTMENTS.map((d): [string, PodEndpoint] => [d, subgraphPod(d)])];
      const monitoring = [...strangers(MONITORING_NAMESPACE), podOf(MONITORING_NAMESPACE, { 'app.kubernetes.io/name': 'prometheus' })];
      const others: Endpoint[] = [
        { kind: 'address', ip: '203.0.113.7' },
        ...['default', OPERATOR_NAMESPACE, 'kube-system', GATEWAY_NAMESPACE, ...DEPARTMENTS.map(namespaceOf)].flatMap(strangers),
      ];
      const name = (endpoint: Endpoint) => (endpoint.kind === 'address' ? endpoint.ip : `${JSON.stringify(endpoint.labels)} in ${endpoint.namespace}`);
      for (const [target, pod] of targets) {
        const request = (from: Endpoint) => ({ from, to: pod, port: METRICS_PORT });
        for (const from of monitoring) if (!connectionAllowed(set, request(from), namespaceLabels)) problems.push(`${name(from)} → ${target}: refused`);
        // The service's own ingress policies keep them out, whatever the source's egress policies say.
        for (const from of others) if (ingressAllows(set, request(from), namespaceLabels)) problems.push(`${name(from)} → ${target}: admitted`);
      }
      return problems;
    };

    it('lets the monitoring namespace, and nothing else, reach every service’s metrics port', () => {
      expect(metricsProblems(policies)).toEqual([]);
    });

    it('finds a broken metrics rule: open to every source, the port added to a subgraph’s callers, the rule missing', () => {
      const patched = (name: string, change: (policy: NetworkPolicy) => NetworkPolicy | null) =>
        policies.flatMap((policy) => {
          if (policy.metadata.name !== name) return [policy];
          const changed = change(structuredClone(policy));
          return changed ? [changed] : [];
        });
      const openToAll = metricsProblems(patched('metrics-ingress', (p) => ({ ...p, spec: { ...p.spec, ingress: p.spec.ingress!.map(({ ports }) => ({ ports })) } })));
      expect(openToAll).toEqual(expect.arrayContaining(['203.0.113.7 → gateway: admitted', '{} in default → court: admitted', '{"app.kubernetes.io/name":"gateway"} in labour-gateway → union: admitted']));
      const callersToo = metricsProblems(
        patched('subgraph-ingress', (p) => ({ ...p, spec: { ...p.spec, ingress: p.spec.ingress!.map((rule) => ({ ...rule, ports: [...rule.ports!, { port: METRICS_PORT, protocol: 'TCP' as const }] })) } })),
      );
      expect(callersToo).toEqual(
        expect.arrayContaining(['{"app.kubernetes.io/name":"gateway"} in labour-gateway → hr-bureau: admitted', '{"labour-federation/own-system":"true"} in labour-justice → justice: admitted']),
      );
      expect(callersToo.filter((problem) => problem.includes('→ gateway'))).toEqual([]);
      const missing = metricsProblems(patched('metrics-ingress', () => null));
      expect(missing).toEqual(expect.arrayContaining(['{} in monitoring → gateway: refused', '{"app.kubernetes.io/name":"prometheus"} in monitoring → court: refused']));
      expect(missing.filter((problem) => problem.endsWith('admitted'))).toEqual([]);
    });

    it('keeps the monitoring namespace from the subgraphs’ public port; the gateway’s is open to it as to every client', () => {
      const prometheus = podOf(MONITORING_NAMESPACE, { 'app.kubernetes.io/name': 'prometheus' });
      expect(DEPARTMENTS.filter((d) => admitted(prometheus, subgraphPod(d), 4000))).toEqual([]);
      expect([allowed(prometheus, gatewayPod(), 4000), allowed({ kind: 'address', ip: '203.0.113.7' }, gatewayPod(), 4000)]).toEqual([true, true]);
    });

    if (overlay === 'production') {
      const databasePod = (department: string) => podOf(namespaceOf(department), { 'cnpg.io/cluster': 'db', 'cnpg.io/podRole': 'instance' });

      it('runs one CloudNativePG Cluster per department, with its own database and role, from which the subgraph takes DATABASE_URL', () => {
        const clusters = ofKind(objects, 'Cluster') as Array<KubeObject & { spec: { instances: number; bootstrap: { initdb: { database: string; owner: string } } } }>;
        expect(clusters.map((c) => [c.apiVersion, c.metadata.namespace, c.metadata.name, c.spec.bootstrap.initdb]).sort()).toEqual(
          DEPARTMENTS.map((d) => ['postgresql.cnpg.io/v1', namespaceOf(d), 'db', expect.objectContaining(DATABASES[d]!)]).sort(),
        );
        // CloudNativePG writes the application Secret <cluster>-app, key uri, in the Cluster's namespace.
        for (const department of DEPARTMENTS) {
          const env = deploymentIn(objects, namespaceOf(department), 'subgraph').spec.template.spec.containers[0]!.env!;
          expect(env.find((v) => v.name === 'DATABASE_URL')!.valueFrom).toEqual({ secretKeyRef: { name: 'db-app', key: 'uri' } });
        }
      });

      it("lets each subgraph reach its own database and no other department's", () => {
        for (const from of DEPARTMENTS) {
          expect([from, DEPARTMENTS.filter((to) => allowed(subgraphPod(from), databasePod(to), 5432))]).toEqual([from, [from]]);
        }
      });

      it('admits no pod of another namespace to a database, but for the CloudNativePG operator that manages it', () => {
        const leaks: string[] = [];
        for (const department of DEPARTMENTS) {
          const others = [GATEWAY_NAMESPACE, 'default', 'monitoring', OPERATOR_NAMESPACE, ...DEPARTMENTS.filter((d) => d !== department).map(namespaceOf)];
          for (const source of others.flatMap(strangers)) {
            const operator = source.namespace === OPERATOR_NAMESPACE && source.labels['app.kubernetes.io/name'] === 'cloudnative-pg';
            if (admitted(source, databasePod(department), 5432) !== operator) leaks.push(`${JSON.stringify(source.labels)} in ${source.namespace} → ${department}: ${!operator}`);
          }
          // Within its namespace: the subgraph and the Cluster's own instances, not the department's other pods.
          expect([department, admitted(podOf(namespaceOf(department), {}), databasePod(department), 5432), admitted(ownSystem(namespaceOf(department)), databasePod(department), 5432)]).toEqual([department, false, false]);
        }
        expect(leaks).toEqual([]);
      });
    }

    if (overlay === 'external-db') {
      const cidrs = () =>
        Object.fromEntries(
          DEPARTMENTS.map((d) => {
            const blocks = policies
              .filter((p) => p.metadata.namespace === namespaceOf(d))
              .flatMap((p) => (p.spec.egress ?? []).flatMap((rule) => (rule.to ?? []).flatMap((peer) => (peer.ipBlock ? [peer.ipBlock.cidr] : []))));
            return [d, blocks];
          }),
        );

      it("lets each subgraph reach its own database's address on 5432 and no other department's", () => {
        const addresses = cidrs();
        expect(Object.values(addresses).map((blocks) => blocks.length)).toEqual(DEPARTMENTS.map(() => 1));
        expect(new Set(Object.values(addresses).flat()).size).toBe(DEPARTMENTS.length);
        for (const from of DEPARTMENTS) {
          const reach = DEPARTMENTS.filter((to) => allowed(subgraphPod(from), { kind: 'address', ip: addresses[to]![0]!.split('/')[0]! }, 5432));
          expect([from, reach]).toEqual([from, [from]]);
        }
      });

      it('takes DATABASE_URL from a Secret of its own namespace, and runs no database in the cluster', () => {
        expect(ofKind(objects, 'Cluster')).toEqual([]);
        for (const department of DEPARTMENTS) {
          const env = deploymentIn(objects, namespaceOf(department), 'subgraph').spec.template.spec.containers[0]!.env!;
          expect(env.find((v) => v.name === 'DATABASE_URL')!.valueFrom).toEqual({ secretKeyRef: { name: 'db-app', key: 'uri' } });
        }
      });
    }
  });
});

describe('schemaProblems', () => {
  it('names what breaks a schema: a wrong type, a value not allowed, an unknown field of the Cluster, a kind without a schema', () => {
    const objects: KubeObject[] = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec: { replicas: 'two', selector: {}, template: {} } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'b' }, spec: { podSelector: {}, policyTypes: ['Sideways'] } },
      { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'db' }, spec: { instances: 2, instancez: 2, bootstrap: { initdb: { database: 5 } } } },
      { apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fine' } },
    ];
    expect(schemaProblems(objects)).toEqual([
      ['data/spec/replicas must be integer'],
      ['data/spec/policyTypes/0 must be equal to one of the allowed values'],
      ['/spec must NOT have additional properties (instancez)', '/spec/bootstrap/initdb/database must be string'],
      ['no schema known for example.org/v1 Widget'],
      [],
    ]);
  }, RENDER_TIMEOUT_MS);
});

describe('renderKustomization', () => {
  it('fails, saying how to get kubectl, when there is none', () => {
    expect(() => renderKustomization('overlays/production', '/nonexistent/kubectl')).toThrow(
      '/nonexistent/kubectl not found: the Kubernetes manifests under deploy/ are rendered with `kubectl kustomize` (kubectl 1.20 or later). Install it (Debian 12: apt-get install kubernetes-client; .ci/run does) or set KUBECTL to its path.',
    );
  });

  it('knows every department of the gateway', () => {
    expect(DEPARTMENTS.map((d) => SUBGRAPH_DEPARTMENTS[d])).toEqual([Department.HR_BUREAU, Department.UNION, Department.COURT, Department.JUSTICE]);
    expect(Object.keys(DATABASES).sort()).toEqual([...DEPARTMENTS].sort());
  });
});
