/**
 * What Kubernetes NetworkPolicies (networking.k8s.io/v1) allow, as the API defines it, for checking rendered
 * manifests: a pod is isolated in a direction once any policy of its namespace selects it for that direction,
 * and then only what some selecting policy's rules allow gets through; a connection needs the source's
 * egress and the destination's ingress both to allow it. Named ports and IPv6 blocks are refused (the
 * manifests use neither), rather than guessed.
 */

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface PolicyPort {
  port?: number | string;
  endPort?: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
}

export interface NetworkPolicy {
  metadata: { name: string; namespace: string };
  spec: {
    podSelector: LabelSelector;
    policyTypes?: ('Ingress' | 'Egress')[];
    ingress?: { from?: PolicyPeer[]; ports?: PolicyPort[] }[];
    egress?: { to?: PolicyPeer[]; ports?: PolicyPort[] }[];
  };
}

/** A pod: its namespace and its labels. */
export interface PodEndpoint {
  kind: 'pod';
  namespace: string;
  labels: Record<string, string>;
}

/** An address outside the cluster's pods (an external database, a client): IPv4 only. */
interface AddressEndpoint {
  kind: 'address';
  ip: string;
}

export type Endpoint = PodEndpoint | AddressEndpoint;

/** What the cluster knows of each namespace: its labels (with kubernetes.io/metadata.name, which the API server sets). */
export type NamespaceLabels = (namespace: string) => Record<string, string>;

export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (operator === 'In' && !(has && values.includes(labels[key]!))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key]!)) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

function ipv4(text: string): number {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) {
    throw new Error(`not an IPv4 address: ${text}`);
  }
  return parts.reduce((sum, part) => sum * 256 + part, 0);
}

export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (!base || !Number.isInteger(bits) || bits < 0 || bits > 32) throw new Error(`not an IPv4 CIDR: ${cidr}`);
  const size = 2 ** (32 - bits);
  return Math.floor(ipv4(ip) / size) === Math.floor(ipv4(base) / size);
}

/**
 * Whether a policy peer matches an endpoint, seen from a policy in `policyNamespace`. An ipBlock is taken to
 * match every pod too: pod addresses are the cluster's to choose, so a block may cover them.
 */
function peerMatches(peer: PolicyPeer, endpoint: Endpoint, policyNamespace: string, namespaceLabels: NamespaceLabels): boolean {
  if (peer.ipBlock) {
    if (endpoint.kind === 'pod') return true;
    return cidrContains(peer.ipBlock.cidr, endpoint.ip) && !(peer.ipBlock.except ?? []).some((except) => cidrContains(except, endpoint.ip));
  }
  if (endpoint.kind === 'address') return false;
  const namespaceOk = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector, namespaceLabels(endpoint.namespace))
    : endpoint.namespace === policyNamespace;
  return namespaceOk && selectorMatches(peer.podSelector, endpoint.labels);
}

function portMatches(ports: PolicyPort[] | undefined, port: number, protocol: string): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((candidate) => {
    if ((candidate.protocol ?? 'TCP') !== protocol) return false;
    if (candidate.port === undefined) return true;
    if (typeof candidate.port === 'string') throw new Error(`named port "${candidate.port}": give the number`);
    return candidate.endPort === undefined ? candidate.port === port : port >= candidate.port && port <= candidate.endPort;
  });
}

function typesOf(policy: NetworkPolicy): ('Ingress' | 'Egress')[] {
  return policy.spec.policyTypes ?? (policy.spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
}

export interface Connection {
  from: Endpoint;
  to: Endpoint;
  port: number;
  protocol?: 'TCP' | 'UDP';
}

/** Whether the policies in force at `to` (a pod) let the connection in; an address is no pod and has none. */
export function ingressAllows(policies: readonly NetworkPolicy[], connection: Connection, namespaceLabels: NamespaceLabels): boolean {
  const { from, to, port, protocol = 'TCP' } = connection;
  if (to.kind === 'address') return true;
  const selecting = policies.filter(
    (policy) =>
      policy.metadata.namespace === to.namespace &&
      typesOf(policy).includes('Ingress') &&
      selectorMatches(policy.spec.podSelector, to.labels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec.ingress ?? []).some(
      (rule) =>
        (!rule.from ||
          rule.from.length === 0 ||
          rule.from.some((peer) => peerMatches(peer, from, policy.metadata.namespace, namespaceLabels))) &&
        portMatches(rule.ports, port, protocol),
    ),
  );
}

/** Whether the policies in force at `from` (a pod) let the connection out. */
function egressAllows(policies: readonly NetworkPolicy[], connection: Connection, namespaceLabels: NamespaceLabels): boolean {
  const { from, to, port, protocol = 'TCP' } = connection;
  if (from.kind === 'address') return true;
  const selecting = policies.filter(
    (policy) =>
      policy.metadata.namespace === from.namespace &&
      typesOf(policy).includes('Egress') &&
      selectorMatches(policy.spec.podSelector, from.labels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec.egress ?? []).some(
      (rule) =>
        (!rule.to || rule.to.length === 0 || rule.to.some((peer) => peerMatches(peer, to, policy.metadata.namespace, namespaceLabels))) &&
        portMatches(rule.ports, port, protocol),
    ),
  );
}

/** Both ends agree: the source may send it and the destination may take it. */
export function connectionAllowed(policies: readonly NetworkPolicy[], connection: Connection, namespaceLabels: NamespaceLabels): boolean {
  return egressAllows(policies, connection, namespaceLabels) && ingressAllows(policies, connection, namespaceLabels);
}
