import { cidrContains, connectionAllowed, ingressAllows, selectorMatches, type NetworkPolicy, type PodEndpoint } from './network-policy';

const namespaceLabels = (namespace: string) => ({ 'kubernetes.io/metadata.name': namespace });
const pod = (namespace: string, labels: Record<string, string> = {}): PodEndpoint => ({ kind: 'pod', namespace, labels });

const denyAll = (namespace: string): NetworkPolicy => ({
  metadata: { name: 'default-deny', namespace },
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
});

describe('NetworkPolicy evaluation', () => {
  it('lets everything through where no policy selects the pod', () => {
    expect(connectionAllowed([], { from: pod('a'), to: pod('b'), port: 80 }, namespaceLabels)).toBe(true);
  });

  it('denies both ways once a default-deny policy selects every pod of a namespace', () => {
    const policies = [denyAll('b')];
    expect(ingressAllows(policies, { from: pod('a'), to: pod('b'), port: 80 }, namespaceLabels)).toBe(false);
    expect(connectionAllowed(policies, { from: pod('b'), to: pod('a'), port: 80 }, namespaceLabels)).toBe(false);
  });

  it('reads a peer with both selectors as one peer (namespace AND pod), a podSelector alone as the own namespace', () => {
    const allow: NetworkPolicy = {
      metadata: { name: 'allow', namespace: 'b' },
      spec: {
        podSelector: { matchLabels: { app: 'api' } },
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'a' } }, podSelector: { matchLabels: { app: 'web' } } },
              { podSelector: { matchLabels: { app: 'job' } } },
            ],
            ports: [{ port: 4000 }],
          },
        ],
      },
    };
    const policies = [denyAll('b'), allow];
    const to = pod('b', { app: 'api' });
    const allowed = (from: PodEndpoint, port = 4000) => ingressAllows(policies, { from, to, port }, namespaceLabels);
    expect([
      allowed(pod('a', { app: 'web' })),
      allowed(pod('a', { app: 'job' })),
      allowed(pod('c', { app: 'web' })),
      allowed(pod('b', { app: 'job' })),
      allowed(pod('a', { app: 'web' }), 5432),
    ]).toEqual([true, false, false, true, false]);
  });

  it('takes an ipBlock to match external addresses inside it and, conservatively, any pod', () => {
    const egress: NetworkPolicy = {
      metadata: { name: 'db', namespace: 'b' },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '192.0.2.0/28', except: ['192.0.2.8/29'] } }], ports: [{ port: 5432 }] }],
      },
    };
    const from = pod('b');
    const to = (ip: string) => ({ kind: 'address' as const, ip });
    expect([
      connectionAllowed([egress], { from, to: to('192.0.2.3'), port: 5432 }, namespaceLabels),
      connectionAllowed([egress], { from, to: to('192.0.2.9'), port: 5432 }, namespaceLabels),
      connectionAllowed([egress], { from, to: to('192.0.2.30'), port: 5432 }, namespaceLabels),
      connectionAllowed([egress], { from, to: pod('c'), port: 5432 }, namespaceLabels),
    ]).toEqual([true, false, false, true]);
  });

  it('matches label expressions and CIDRs as the API defines them', () => {
    const selector = {
      matchExpressions: [
        { key: 'tier', operator: 'In' as const, values: ['a', 'b'] },
        { key: 'legacy', operator: 'DoesNotExist' as const },
      ],
    };
    expect([
      selectorMatches(selector, { tier: 'a' }),
      selectorMatches(selector, { tier: 'c' }),
      selectorMatches(selector, { tier: 'b', legacy: '1' }),
    ]).toEqual([true, false, false]);
    expect([
      cidrContains('10.0.0.0/8', '10.200.1.1'),
      cidrContains('10.0.0.0/8', '11.0.0.1'),
      cidrContains('0.0.0.0/0', '203.0.113.9'),
    ]).toEqual([true, false, true]);
  });
});
