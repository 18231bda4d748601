import { performance } from 'node:perf_hooks';
import { DEFAULT_AUDIENCE, Department, mintToken, Role } from '@labour/shared';
import { postGraphQL } from '@labour/testing/graphql-client';
import { readDevIdpKey } from '../../scripts/lib/dev-signing-key';
import { findFreePort } from '../../scripts/lib/ports';
import { ENTERPRISE_DOSSIER } from './scenarios';

/**
 * The load of the benches that run the real launcher (`npm start`) on a throwaway data directory: the
 * enterprise dossier through the gateway, a different enterprise each request, as the union's COORDINATOR.
 */

/** PostgreSQL's, the gateway's and the four subgraphs' ports for the launcher: free loopback ports. */
export async function freeLauncherPorts(): Promise<Record<string, string>> {
  const ports: Record<string, string> = {};
  for (const v of ['PG_PORT', 'GATEWAY_PORT', 'HR_BUREAU_PORT', 'UNION_PORT', 'COURT_PORT', 'JUSTICE_PORT'])
    ports[v] = String(await findFreePort());
  return ports;
}

/** The headers of a union COORDINATOR, with a token signed by the launcher's development key for the union. */
export async function coordinatorHeaders(dataDir: string, sub: string): Promise<Record<string, string>> {
  const token = await mintToken(readDevIdpKey(dataDir, Department.UNION), {
    sub,
    name: '压测',
    department: Department.UNION,
    roles: [Role.COORDINATOR],
    aud: DEFAULT_AUDIENCE,
    ttlSeconds: 3600,
  });
  return { authorization: `Bearer ${token}` };
}

/** The credit codes of (up to) 100 enterprises, whose dossiers the load asks for in turn. */
export async function enterpriseCodes(url: string, headers: Record<string, string>): Promise<string[]> {
  const list = await postGraphQL<{ enterprises: { nodes: Array<{ creditCode: string }> } }>(
    url,
    '{ enterprises(first: 100) { nodes { creditCode } } }',
    undefined,
    headers,
  );
  const codes = list.body.data?.enterprises.nodes.map((node) => node.creditCode) ?? [];
  if (codes.length === 0) throw new Error(`no enterprises: ${JSON.stringify(list.body).slice(0, 400)}`);
  return codes;
}

/**
 * `count` dossiers, `concurrency` in flight; the latency of each, in ms. An answer other than a dossier
 * fails the run; a field the channels do not grant for one case comes back null with FORBIDDEN: an answer all the same.
 */
export async function loadDossiers(
  url: string,
  headers: Record<string, string>,
  codes: readonly string[],
  count: number,
  concurrency: number,
): Promise<number[]> {
  const latencies: number[] = [];
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < count) {
        const creditCode = codes[sent++ % codes.length]!;
        const began = performance.now();
        const answer = await postGraphQL(url, ENTERPRISE_DOSSIER, { creditCode }, headers);
        latencies.push(performance.now() - began);
        const refused = (answer.body.errors ?? []).filter((error) => error.extensions?.['code'] !== 'FORBIDDEN');
        if (answer.status !== 200 || !answer.body.data?.enterprise || refused.length > 0)
          throw new Error(`dossier ${creditCode}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`);
      }
    }),
  );
  return latencies;
}
