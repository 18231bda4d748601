import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { makeTempDir } from '@labour/testing/temp-dir';
import { loadGatewayConfig } from '../config';
import { checkSupergraph } from './supergraph-check';
import { watchedSupergraph } from './watched-supergraph';

const COMMITTED = readFileSync(join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8');
const KNOWN = ['hr-bureau', 'union', 'court', 'justice'];
const REQUIRED = { AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json' };

describe('checkSupergraph', () => {
  it('accepts the committed supergraph and names its subgraphs', () => {
    expect(checkSupergraph(COMMITTED, { knownSubgraphs: KNOWN, hasUrl: () => true })).toEqual({
      ok: true,
      subgraphs: ['court', 'hr-bureau', 'justice', 'union'],
    });
  });

  it('refuses a subgraph without a URL in the supergraph or the environment', () => {
    const withoutUrl = COMMITTED.replace(/(name: "court", url: )"[^"]*"/, '$1""');
    expect(withoutUrl).not.toBe(COMMITTED);
    expect(checkSupergraph(withoutUrl, { knownSubgraphs: KNOWN, hasUrl: (_name, url) => Boolean(url) })).toEqual({
      ok: false,
      reason: 'no URL for subgraph(s) court: neither in the supergraph nor in the environment',
    });
    expect(checkSupergraph(withoutUrl, { knownSubgraphs: KNOWN, hasUrl: (name, url) => Boolean(url) || name === 'court' }).ok).toBe(true);
  });
});

describe('watchedSupergraph at start', () => {
  const dir = makeTempDir('watched-supergraph');
  afterAll(() => dir.remove());
  const hook = (path: string) =>
    watchedSupergraph({ path, watchIntervalMs: 0, knownSubgraphs: KNOWN, hasUrl: () => true, logger: pino({ level: 'silent' }) })({
      update: () => {
        throw new Error('not expected');
      },
      healthCheck: async () => {},
      getDataSource: () => {
        throw new Error('not expected');
      },
    });

  it('reads the file once when SUPERGRAPH_WATCH_MS is 0', async () => {
    const path = join(dir.path, 'good.graphql');
    writeFileSync(path, COMMITTED);
    expect(await hook(path)).toEqual({ supergraphSdl: COMMITTED });
  });

  it('stops the start with SUPERGRAPH_PATH named when the file is missing or does not parse', async () => {
    const missing = join(dir.path, 'missing.graphql');
    await expect(hook(missing)).rejects.toThrow(`SUPERGRAPH_PATH (${missing}): cannot be read: ENOENT`);
    const cut = join(dir.path, 'cut.graphql');
    writeFileSync(cut, 'type Query {\n');
    await expect(hook(cut)).rejects.toThrow(`SUPERGRAPH_PATH (${cut}): does not parse: Syntax Error: Expected Name, found <EOF>.`);
  });
});

describe('SUPERGRAPH_WATCH_MS', () => {
  it('looks at the file every 2 s unless set; 0 reads it once', () => {
    expect(loadGatewayConfig(REQUIRED).supergraphWatchMs).toBe(2_000);
    expect(loadGatewayConfig({ ...REQUIRED, SUPERGRAPH_WATCH_MS: '0' }).supergraphWatchMs).toBe(0);
    expect(loadGatewayConfig({ ...REQUIRED, SUPERGRAPH_WATCH_MS: '500' }).supergraphWatchMs).toBe(500);
  });

  it('refuses a value out of range, naming the variable and the rule', () => {
    for (const value of ['50', '600001', '-1']) {
      expect(() => loadGatewayConfig({ ...REQUIRED, SUPERGRAPH_WATCH_MS: value })).toThrow(
        'SUPERGRAPH_WATCH_MS: must be 0 (read the supergraph once, at start) or 100 to 600000 ms',
      );
    }
    expect(() => loadGatewayConfig({ ...REQUIRED, SUPERGRAPH_WATCH_MS: '1.5' })).toThrow(
      'SUPERGRAPH_WATCH_MS: must be a whole number of milliseconds',
    );
  });
});
