import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { Department, loadSubgraphConfig } from '@labour/shared';
import { loadGatewayConfig, SUBGRAPH_DEPARTMENTS } from '../../gateway/src/config';
import { makeTempDir } from '@labour/testing/temp-dir';
import { DEPARTMENTS as LAUNCHED_DEPARTMENTS, GATEWAY, nodeArgs } from '../lib/services';
import { TEST_AUTH, testServiceKey } from '@labour/testing/tokens';
import { overlayNames, renderKustomization, type KubeObject } from './render';
import { schemaProblems } from './schemas';
import {
  configMapsOf,
  DATABASES,
  deploymentIn,
  DEPARTMENTS,
  GATEWAY_NAMESPACE,
  hardeningProblems,
  key,
  METRICS_PORT,
  namespaceOf,
  ofKind,
  RENDER_TIMEOUT_MS,
  renderOverlay,
  ROOT,
  secretsOf,
  type Deployment,
} from './manifests-support';

describe.each(overlayNames())('deploy/overlays/%s', (overlay) => {
  let objects: KubeObject[] = [];

  beforeAll(() => {
    ({ objects } = renderOverlay(overlay));
  }, RENDER_TIMEOUT_MS);

  it(
    'renders, and every object is valid against its Kubernetes schema (the CloudNativePG Cluster against its CRD)',
    () => {
      expect(objects.length).toBeGreaterThan(0);
      const problems = schemaProblems(objects);
      expect(objects.flatMap((object, index) => problems[index]!.map((problem) => `${key(object)}: ${problem}`))).toEqual([]);
    },
    RENDER_TIMEOUT_MS,
  );

  it('puts the gateway and each department in a namespace of its own, every namespaced object in one of them', () => {
    const expected = [GATEWAY_NAMESPACE, ...DEPARTMENTS.map(namespaceOf)].sort();
    expect(
      ofKind(objects, 'Namespace')
        .map((ns) => ns.metadata.name)
        .sort(),
    ).toEqual(expected);
    const stray = objects.filter((object) => object.kind !== 'Namespace' && !expected.includes(object.metadata.namespace ?? '')).map(key);
    expect(stray).toEqual([]);
    // Exactly one Deployment and Service per namespace: the gateway's, or the department's subgraph.
    const deployments = ofKind(objects, 'Deployment')
      .map((d) => `${d.metadata.namespace}/${d.metadata.name}`)
      .sort();
    expect(deployments).toEqual([`${GATEWAY_NAMESPACE}/gateway`, ...DEPARTMENTS.map((d) => `${namespaceOf(d)}/subgraph`)].sort());
    const services = ofKind(objects, 'Service')
      .map((s) => `${s.metadata.namespace}/${s.metadata.name}`)
      .sort();
    expect(services).toEqual(deployments);
  });

  it('runs at least two gateways, autoscaled from two, with a disruption budget keeping one', () => {
    const gateway = deploymentIn(objects, GATEWAY_NAMESPACE, 'gateway');
    expect(gateway.spec.replicas).toBeGreaterThanOrEqual(2);
    const autoscalers = ofKind(objects, 'HorizontalPodAutoscaler') as Array<
      KubeObject & { spec: { scaleTargetRef: object; minReplicas: number; maxReplicas: number } }
    >;
    expect(autoscalers.map((hpa) => [hpa.apiVersion, hpa.metadata.namespace, hpa.spec.scaleTargetRef])).toEqual([
      ['autoscaling/v2', GATEWAY_NAMESPACE, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' }],
    ]);
    expect(autoscalers[0]!.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(autoscalers[0]!.spec.maxReplicas).toBeGreaterThan(autoscalers[0]!.spec.minReplicas);
    const budgets = ofKind(objects, 'PodDisruptionBudget') as Array<
      KubeObject & { spec: { minAvailable?: number; selector: { matchLabels: Record<string, string> } } }
    >;
    expect(budgets.map((pdb) => [pdb.metadata.namespace, pdb.spec.minAvailable, pdb.spec.selector])).toEqual([
      [GATEWAY_NAMESPACE, 1, gateway.spec.selector],
    ]);
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
      const service = ofKind(objects, 'Service').find((s) => s.metadata.namespace === deployment.metadata.namespace) as KubeObject & {
        spec: { ports: { name: string; port: number; targetPort: string }[] };
      };
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
        annotations: {
          'prometheus.io/scrape': 'true',
          'prometheus.io/port': String(METRICS_PORT),
          'prometheus.io/path': '/metrics',
          'prometheus.io/scheme': 'http',
        },
        service: [['http', 4000, 'http']],
      });
    }
  });

  it('runs every container as a non-root user on a read-only root file system, without privileges, with resources', () => {
    expect(ofKind<Deployment>(objects, 'Deployment').flatMap(hardeningProblems)).toEqual([]);
  });

  it('starts each service as `npm start` does (scripts/lib/services.ts): its compiled entry point (of sources that exist), with its Node flags', () => {
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
    for (const service of [GATEWAY, ...LAUNCHED_DEPARTMENTS])
      expect([service.entry, existsSync(join(ROOT, service.entry))]).toEqual([service.entry, true]);
  });

  it('reads no Secret but its own: each subgraph its own service key, the linkage key and its database URL; every service its metrics token', () => {
    const read = Object.fromEntries(
      ofKind<Deployment>(objects, 'Deployment').map((d) => [d.metadata.namespace, secretsOf(d.spec.template.spec)]),
    );
    expect(read).toEqual({
      [GATEWAY_NAMESPACE]: ['metrics-token'],
      ...Object.fromEntries(
        DEPARTMENTS.map((d) => [namespaceOf(d), ['db-app', `${d}-service-key`, 'linkage-key', 'metrics-token'].sort()]),
      ),
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
    const configMaps = new Map(
      ofKind(objects, 'ConfigMap').map((cm) => [
        `${cm.metadata.namespace}/${cm.metadata.name}`,
        cm as KubeObject & { data?: Record<string, string> },
      ]),
    );
    for (const deployment of ofKind<Deployment>(objects, 'Deployment')) {
      const pod = deployment.spec.template.spec;
      const missing = configMapsOf(pod).filter((name) => !configMaps.has(`${deployment.metadata.namespace}/${name}`));
      expect([key(deployment), missing]).toEqual([key(deployment), []]);
      const container = pod.containers[0]!;
      const path = container.env!.find((variable) => variable.name === 'AUTH_JWKS_PATH')!.value!;
      const mount = container.volumeMounts!.find((m) => path.startsWith(`${m.mountPath}/`))!;
      const volume = pod.volumes!.find((v) => v.name === mount.name)!;
      const configMap = configMaps.get(`${deployment.metadata.namespace}/${volume.configMap?.name}`);
      expect([key(deployment), mount.readOnly, Object.keys(configMap?.data ?? {})]).toEqual([
        key(deployment),
        true,
        [posix.relative(mount.mountPath, path)],
      ]);
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
      const configMap = (name: string) =>
        objects.find((o) => o.kind === 'ConfigMap' && o.metadata.namespace === namespace && o.metadata.name === name) as
          { data?: Record<string, string> } | undefined;
      const env: NodeJS.ProcessEnv = {};
      for (const source of container.envFrom ?? []) Object.assign(env, configMap(source.configMapRef!.name)?.data);
      const SECRET_VALUES: Record<string, string> = {
        'linkage-key/LINKAGE_KEY': LINKAGE_KEY,
        'metrics-token/METRICS_TOKEN': METRICS_TOKEN,
        // CloudNativePG's application Secret: uri is postgresql://<owner>:<password>@db-rw.<namespace>:5432/<database>.
        'db-app/uri': department
          ? `postgresql://${DATABASES[department]!.owner}:pw@db-rw.${namespace}:5432/${DATABASES[department]!.database}`
          : '',
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
        expect({
          department,
          port: config.port,
          host: config.host,
          production: config.production,
          demoData: config.demoData,
          peers: config.peerUrls,
          signs: config.serviceKey !== undefined,
          metrics: config.metrics,
        }).toEqual({
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
        const found = ofKind(objects, 'Service').find((s) => s.metadata.name === service && s.metadata.namespace === namespace) as
          { spec: { ports: { port: number }[] } } | undefined;
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
});

describe('schemaProblems', () => {
  it(
    'names what breaks a schema: a wrong type, a value not allowed, an unknown field of the Cluster, a kind without a schema',
    () => {
      const objects: KubeObject[] = [
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec: { replicas: 'two', selector: {}, template: {} } },
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'b' },
          spec: { podSelector: {}, policyTypes: ['Sideways'] },
        },
        {
          apiVersion: 'postgresql.cnpg.io/v1',
          kind: 'Cluster',
          metadata: { name: 'db' },
          spec: { instances: 2, instancez: 2, bootstrap: { initdb: { database: 5 } } },
        },
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
    },
    RENDER_TIMEOUT_MS,
  );
});

describe('renderKustomization', () => {
  it('fails, saying how to get kubectl, when there is none', () => {
    expect(() => renderKustomization('overlays/production', '/nonexistent/kubectl')).toThrow(
      '/nonexistent/kubectl not found: the Kubernetes manifests under deploy/ are rendered with `kubectl kustomize` (kubectl 1.20 or later). Install it (Debian 12: apt-get install kubernetes-client; .ci/run does) or set KUBECTL to its path.',
    );
  });

  it('knows every department of the gateway', () => {
    expect(DEPARTMENTS.map((d) => SUBGRAPH_DEPARTMENTS[d])).toEqual([
      Department.HR_BUREAU,
      Department.UNION,
      Department.COURT,
      Department.JUSTICE,
    ]);
    expect(Object.keys(DATABASES).sort()).toEqual([...DEPARTMENTS].sort());
  });
});
