import { connectionAllowed, ingressAllows, type Endpoint, type NetworkPolicy, type PodEndpoint } from './network-policy';
import { overlayNames, type KubeObject } from './render';
import {
  DATABASES,
  deploymentIn,
  DEPARTMENTS,
  GATEWAY_NAMESPACE,
  METRICS_PORT,
  MONITORING_NAMESPACE,
  namespaceOf,
  ofKind,
  OPERATOR_NAMESPACE,
  RENDER_TIMEOUT_MS,
  renderOverlay,
} from './manifests-support';

describe.each(overlayNames())('deploy/overlays/%s', (overlay) => {
  let objects: KubeObject[] = [];
  let policies: NetworkPolicy[] = [];
  let namespaceLabels: (namespace: string) => Record<string, string>;

  beforeAll(() => {
    ({ objects, policies, namespaceLabels } = renderOverlay(overlay));
  }, RENDER_TIMEOUT_MS);

  describe('network policies', () => {
    const podOf = (namespace: string, labels: Record<string, string>): PodEndpoint => ({ kind: 'pod', namespace, labels });
    const gatewayPod = () => podOf(GATEWAY_NAMESPACE, deploymentIn(objects, GATEWAY_NAMESPACE, 'gateway').spec.template.metadata.labels);
    const subgraphPod = (department: string) =>
      podOf(namespaceOf(department), deploymentIn(objects, namespaceOf(department), 'subgraph').spec.template.metadata.labels);
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
      const denying = policies.filter(
        (p) =>
          Object.keys(p.spec.podSelector).length === 0 &&
          !p.spec.ingress &&
          !p.spec.egress &&
          ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t as 'Ingress')),
      );
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
          ...DEPARTMENTS.filter((d) => d !== department).flatMap((d) => [
            podOf(namespaceOf(d), {}),
            ownSystem(namespaceOf(d)),
            podOf(namespaceOf(d), { 'cnpg.io/cluster': 'db' }),
          ]),
          podOf(namespaceOf(department), {}),
        ];
        // The subgraph's own ingress policies keep them out, whatever the source's egress policies say.
        for (const source of sources)
          if (admitted(source, target, 4000)) leaks.push(`${JSON.stringify(source.labels)} in ${source.namespace} → ${department}`);
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
      const targets: [string, PodEndpoint][] = [
        ['gateway', gatewayPod()],
        ...DEPARTMENTS.map((d): [string, PodEndpoint] => [d, subgraphPod(d)]),
      ];
      const monitoring = [...strangers(MONITORING_NAMESPACE), podOf(MONITORING_NAMESPACE, { 'app.kubernetes.io/name': 'prometheus' })];
      const others: Endpoint[] = [
        { kind: 'address', ip: '203.0.113.7' },
        ...['default', OPERATOR_NAMESPACE, 'kube-system', GATEWAY_NAMESPACE, ...DEPARTMENTS.map(namespaceOf)].flatMap(strangers),
      ];
      const name = (endpoint: Endpoint) =>
        endpoint.kind === 'address' ? endpoint.ip : `${JSON.stringify(endpoint.labels)} in ${endpoint.namespace}`;
      for (const [target, pod] of targets) {
        const request = (from: Endpoint) => ({ from, to: pod, port: METRICS_PORT });
        for (const from of monitoring)
          if (!connectionAllowed(set, request(from), namespaceLabels)) problems.push(`${name(from)} → ${target}: refused`);
        // The service's own ingress policies keep them out, whatever the source's egress policies say.
        for (const from of others)
          if (ingressAllows(set, request(from), namespaceLabels)) problems.push(`${name(from)} → ${target}: admitted`);
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
      const openToAll = metricsProblems(
        patched('metrics-ingress', (p) => ({ ...p, spec: { ...p.spec, ingress: p.spec.ingress!.map(({ ports }) => ({ ports })) } })),
      );
      expect(openToAll).toEqual(
        expect.arrayContaining([
          '203.0.113.7 → gateway: admitted',
          '{} in default → court: admitted',
          '{"app.kubernetes.io/name":"gateway"} in labour-gateway → union: admitted',
        ]),
      );
      const callersToo = metricsProblems(
        patched('subgraph-ingress', (p) => ({
          ...p,
          spec: {
            ...p.spec,
            ingress: p.spec.ingress!.map((rule) => ({
              ...rule,
              ports: [...rule.ports!, { port: METRICS_PORT, protocol: 'TCP' as const }],
            })),
          },
        })),
      );
      expect(callersToo).toEqual(
        expect.arrayContaining([
          '{"app.kubernetes.io/name":"gateway"} in labour-gateway → hr-bureau: admitted',
          '{"labour-federation/own-system":"true"} in labour-justice → justice: admitted',
        ]),
      );
      expect(callersToo.filter((problem) => problem.includes('→ gateway'))).toEqual([]);
      const missing = metricsProblems(patched('metrics-ingress', () => null));
      expect(missing).toEqual(
        expect.arrayContaining([
          '{} in monitoring → gateway: refused',
          '{"app.kubernetes.io/name":"prometheus"} in monitoring → court: refused',
        ]),
      );
      expect(missing.filter((problem) => problem.endsWith('admitted'))).toEqual([]);
    });

    it('keeps the monitoring namespace from the subgraphs’ public port; the gateway’s is open to it as to every client', () => {
      const prometheus = podOf(MONITORING_NAMESPACE, { 'app.kubernetes.io/name': 'prometheus' });
      expect(DEPARTMENTS.filter((d) => admitted(prometheus, subgraphPod(d), 4000))).toEqual([]);
      expect([allowed(prometheus, gatewayPod(), 4000), allowed({ kind: 'address', ip: '203.0.113.7' }, gatewayPod(), 4000)]).toEqual([
        true,
        true,
      ]);
    });

    if (overlay === 'production') {
      const databasePod = (department: string) =>
        podOf(namespaceOf(department), { 'cnpg.io/cluster': 'db', 'cnpg.io/podRole': 'instance' });

      it('runs one CloudNativePG Cluster per department, with its own database and role, from which the subgraph takes DATABASE_URL', () => {
        const clusters = ofKind(objects, 'Cluster') as Array<
          KubeObject & { spec: { instances: number; bootstrap: { initdb: { database: string; owner: string } } } }
        >;
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
          const others = [
            GATEWAY_NAMESPACE,
            'default',
            'monitoring',
            OPERATOR_NAMESPACE,
            ...DEPARTMENTS.filter((d) => d !== department).map(namespaceOf),
          ];
          for (const source of others.flatMap(strangers)) {
            const operator = source.namespace === OPERATOR_NAMESPACE && source.labels['app.kubernetes.io/name'] === 'cloudnative-pg';
            if (admitted(source, databasePod(department), 5432) !== operator)
              leaks.push(`${JSON.stringify(source.labels)} in ${source.namespace} → ${department}: ${!operator}`);
          }
          // Within its namespace: the subgraph and the Cluster's own instances, not the department's other pods.
          expect([
            department,
            admitted(podOf(namespaceOf(department), {}), databasePod(department), 5432),
            admitted(ownSystem(namespaceOf(department)), databasePod(department), 5432),
          ]).toEqual([department, false, false]);
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
              .flatMap((p) =>
                (p.spec.egress ?? []).flatMap((rule) => (rule.to ?? []).flatMap((peer) => (peer.ipBlock ? [peer.ipBlock.cidr] : []))),
              );
            return [d, blocks];
          }),
        );

      it("lets each subgraph reach its own database's address on 5432 and no other department's", () => {
        const addresses = cidrs();
        expect(Object.values(addresses).map((blocks) => blocks.length)).toEqual(DEPARTMENTS.map(() => 1));
        expect(new Set(Object.values(addresses).flat()).size).toBe(DEPARTMENTS.length);
        for (const from of DEPARTMENTS) {
          const reach = DEPARTMENTS.filter((to) =>
            allowed(subgraphPod(from), { kind: 'address', ip: addresses[to]![0]!.split('/')[0]! }, 5432),
          );
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
