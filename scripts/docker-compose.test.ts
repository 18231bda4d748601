import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
// merge: the services share settings through YAML merge keys (`<<: *service`), as docker compose reads them.
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    { command?: string[]; healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }>; environment?: Record<string, string>; volumes?: string[] }
  >;
};

function hasDockerCompose(): boolean {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL and the five services, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['court', 'gateway', 'hr-bureau', 'justice', 'postgres', 'union']);
    for (const [name, service] of Object.entries(compose.services)) {
      expect([name, service.healthcheck?.test?.length ?? 0]).not.toEqual([name, 0]);
    }
  });

  it('starts the gateway only when the four subgraphs are healthy, each on its own database and role', () => {
    expect(compose.services['gateway']!.depends_on).toEqual({
      'hr-bureau': { condition: 'service_healthy' },
      union: { condition: 'service_healthy' },
      court: { condition: 'service_healthy' },
      justice: { condition: 'service_healthy' },
    });
    const databases = ['hr-bureau', 'union', 'court', 'justice'].map((name) => {
      const url = new URL(compose.services[name]!.environment!['DATABASE_URL']!.replace(/\$\{[A-Z_]+\}/, 'secret'));
      return `${url.username}@${url.pathname}`;
    });
    expect(databases).toEqual(['hr_bureau_svc@/hr_bureau', 'union_svc@/union_db', 'court_svc@/court', 'justice_svc@/justice']);
  });

  it('gives every service the public keys that verify tokens, from a read-only mounted file', () => {
    for (const name of ['gateway', 'hr-bureau', 'union', 'court', 'justice']) {
      const service = compose.services[name]!;
      const path = service.environment!['AUTH_JWKS_PATH'];
      expect([name, service.volumes?.some((volume) => volume.endsWith(`:${path}:ro`))]).toEqual([name, true]);
    }
  });

  it('gives each provider that polls the registry a signing key of its own, and nobody else one', () => {
    const keys = Object.fromEntries(
      ['gateway', 'hr-bureau', 'union', 'court', 'justice'].map((name) => {
        const service = compose.services[name]!;
        const path = service.environment!['AUTH_SERVICE_KEY_PATH'];
        return [name, path ? service.volumes?.find((volume) => volume.endsWith(`:${path}:ro`))?.split(':')[0] : null];
      }),
    );
    expect(keys).toEqual({
      gateway: null,
      union: null, // the registry's own subgraph reads its table directly
      'hr-bureau': './secrets/hr-bureau-service-key.json',
      court: './secrets/court-service-key.json',
      justice: './secrets/justice-service-key.json',
    });
  });

  it('points every service at an entry point that exists', () => {
    for (const service of Object.values(compose.services)) {
      const entry = service.command?.at(-1);
      if (entry) expect(() => readFileSync(join(ROOT, entry))).not.toThrow();
    }
  });

  it('is valid for docker-compose (checked offline where the command is installed)', () => {
    const env = { ...process.env, LINKAGE_KEY: 'a'.repeat(64), POSTGRES_PASSWORD: 'x', HR_BUREAU_DB_PASSWORD: 'x', UNION_DB_PASSWORD: 'x', COURT_DB_PASSWORD: 'x', JUSTICE_DB_PASSWORD: 'x' };
    const run = () => execFileSync('docker-compose', ['-f', join(ROOT, 'docker-compose.yml'), 'config', '-q'], { env, stdio: 'pipe' });
    if (hasDockerCompose()) expect(run).not.toThrow();
    else expect(compose.services['postgres']!.healthcheck!.test).toEqual(['CMD-SHELL', 'pg_isready -U postgres']);
  });
});
