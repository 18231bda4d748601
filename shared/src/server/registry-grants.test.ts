import pino from 'pino';
import { generateSigningKey } from '../auth/signing-key';
import { Department } from '../context/principal';
import { clockOn, systemClock } from '../legal-clock/clock';
import { registryGrantsFor } from './registry-grants';

const auth = { jwks: { keys: [] }, audience: 'labour-dispute-federation' };
const hr = { name: 'hr-bureau', department: Department.HR_BUREAU };

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }) };
}

describe('registryGrantsFor (runSubgraph)', () => {
  it('gives a provider a cache of the registry, signed with its own SERVICE key', async () => {
    const { privateJwk } = await generateSigningKey();
    const calls: Array<{ url: string; authorization: string }> = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, authorization: (init.headers as Record<string, string>)['authorization']! });
      return new Response(JSON.stringify({ data: { activeSharingGrants: [] } }));
    }) as never;
    try {
      const grants = registryGrantsFor(hr, { registryUrl: 'http://union.test/graphql', serviceKey: privateJwk, channelRefreshMs: 10_000, auth }, pino({ level: 'silent' }), clockOn('2026-11-20'));
      expect(await grants!.refresh()).toBe(true);
      expect(grants!.grantsFor(Department.UNION)).toEqual(new Map());
      const [, payload] = calls[0]!.authorization.replace('Bearer ', '').split('.');
      expect(calls[0]!.url).toBe('http://union.test/graphql');
      expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
        sub: 'service:hr-bureau', department: 'HR_BUREAU', roles: ['SERVICE'], aud: 'labour-dispute-federation',
      });
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it("grants by the day of the service's clock, not the machine's calendar", async () => {
    const { privateJwk } = await generateSigningKey();
    const channel = { code: 'HR-UNION-1', consumers: ['UNION'], grants: [{ typeName: 'Enterprise', fields: ['phone'] }], scope: 'HR_OPEN_WAGE_ARREARS', validFrom: '2026-01-01', validUntil: '2026-11-20' };
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async () => new Response(JSON.stringify({ data: { activeSharingGrants: [channel] } }))) as never;
    try {
      const config = { registryUrl: 'http://union.test/graphql', serviceKey: privateJwk, channelRefreshMs: 10_000, auth };
      const lastDay = registryGrantsFor(hr, config, pino({ level: 'silent' }), clockOn('2026-11-20'))!;
      const dayAfter = registryGrantsFor(hr, config, pino({ level: 'silent' }), clockOn('2026-11-21'))!;
      expect([await lastDay.refresh(), await dayAfter.refresh()]).toEqual([true, true]);
      expect(lastDay.grantsFor(Department.UNION)).toEqual(new Map([['Enterprise.phone', { channelId: 'HR-UNION-1', scope: 'HR_OPEN_WAGE_ARREARS' }]]));
      expect(dayAfter.grantsFor(Department.UNION)).toEqual(new Map());
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('gives none, with a warning, without a registry URL or a service key (other departments then get no shared fields)', async () => {
    const { privateJwk } = await generateSigningKey();
    const noUrl = capture();
    expect(registryGrantsFor(hr, { registryUrl: null, serviceKey: privateJwk, channelRefreshMs: 10_000, auth }, noUrl.logger, systemClock)).toBeUndefined();
    expect(noUrl.lines.map((l) => [l['level'], l['msg']])).toEqual([[40, expect.stringMatching(/^REGISTRY_URL is not set/)]]);
    const noKey = capture();
    expect(registryGrantsFor(hr, { registryUrl: 'http://union.test/graphql', channelRefreshMs: 10_000, auth }, noKey.logger, systemClock)).toBeUndefined();
    expect(noKey.lines.map((l) => [l['level'], l['msg']])).toEqual([[40, expect.stringMatching(/^AUTH_SERVICE_KEY_PATH is not set/)]]);
  });

  it('gives the registry\'s own subgraph none: it reads its table', () => {
    const own = { name: 'union', department: Department.UNION, localGrantSource: () => ({}) as never };
    expect(registryGrantsFor(own, { registryUrl: null, channelRefreshMs: 10_000, auth }, pino({ level: 'silent' }), systemClock)).toBeUndefined();
  });
});
