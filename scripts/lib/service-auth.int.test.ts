import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateSigningKey } from '@labour/shared/auth';
import { makeTempDir } from '@labour/testing/temp-dir';
import { devKeyFiles } from './dev-signing-key';
import { readLauncherConfig } from './launcher-config';
import type { Log } from './output';
import { prepareServiceAuth } from './service-auth';

/** What the launcher gives the services for identity, on a data directory of its own. */

const temp = makeTempDir('service-auth');
afterAll(() => temp.remove());

function capture(): Log & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => void lines.push(m),
    warn: (m) => void lines.push(`warning: ${m}`),
    error: (m) => void lines.push(`error: ${m}`),
  } as Log & { lines: string[] };
}

describe('prepareServiceAuth', () => {
  it('gives each subgraph its own service key, and upgrades a data directory of the single-key version, saying so', async () => {
    const config = readLauncherConfig({ DATA_DIR: temp.path }, temp.path);
    const files = devKeyFiles(config.dataDir);
    // The layout of the earlier version: one key for everything.
    mkdirSync(files.dir, { recursive: true });
    const old = await generateSigningKey();
    writeFileSync(files.legacy, JSON.stringify(old.privateJwk), { mode: 0o600 });
    writeFileSync(files.jwks, JSON.stringify(old.jwks));

    const log = capture();
    const auth = await prepareServiceAuth(config, log);
    expect(auth.verifiers).toEqual({ AUTH_JWKS_PATH: files.jwks, AUTH_AUDIENCE: 'labour-dispute-federation' });
    const paths = (['hr-bureau', 'union', 'court', 'justice'] as const).map((name) => auth.subgraph(name)['AUTH_SERVICE_KEY_PATH']);
    expect(paths).toEqual([files.service['hr-bureau'], files.service.union, files.service.court, files.service.justice]);
    expect(new Set(paths.map((path) => JSON.parse(readFileSync(path!, 'utf8')).kid)).size).toBe(4);
    // The gateway gets the folder of the identity-provider keys, for the console's development sign-in.
    expect(auth.gateway).toEqual({ CONSOLE_DEV_KEYS_DIR: files.dir });
    expect(log.lines).toEqual([
      `created the development keys in ${files.dir}: one identity-provider key per department, one service key per subgraph (public keys in ${files.jwks})`,
      `warning: ${files.legacy} is the single signing key of an earlier version, which could sign for any department; it is no longer trusted (tokens it signed are refused): delete it, and take new tokens with \`npm run token\``,
    ]);

    const again = capture();
    await prepareServiceAuth(config, again);
    expect(again.lines[0]).toBe(`development keys: ${files.dir} (public keys, each bound to its department, in ${files.jwks})`);
  });

  it('adds nothing when the keys come from the environment', async () => {
    const config = readLauncherConfig({ DATA_DIR: temp.path, AUTH_JWKS_URL: 'https://idp.example/jwks' }, temp.path);
    const auth = await prepareServiceAuth(config, capture());
    expect([auth.verifiers, auth.subgraph('court'), auth.gateway]).toEqual([{}, {}, {}]);
  });
});
