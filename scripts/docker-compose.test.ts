import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSubgraphConfig } from '@labour/shared';
import { DCLinter } from 'dclint';
import { loadGatewayConfig } from '../gateway/src/config';
import { makeTempDir } from '@labour/testing/temp-dir';
import { TEST_AUTH, testServiceKey } from '@labour/testing/tokens';
import {
  COMPOSE_PATH,
  COMPOSE_SECRETS as SECRETS,
  interpolate,
  parseCompose,
  readComposeText,
  type ComposeFile,
  type ComposeService,
} from '@labour/testing/compose-file';
import { readDockerfile } from '@labour/testing/dockerfile';
import { compiledEntry } from './lib/build';
import { DEPARTMENTS, GATEWAY, nodeArgs } from './lib/services';

const ROOT = join(__dirname, '..');
const compose = parseCompose(readComposeText());

/**
 * The Compose Specification's JSON schema, as dclint (Docker Compose Linter, a maintained npm package)
 * bundles it, checks the file where no Docker engine or compose plugin is at hand: every key, type and
 * enum as `docker compose config` would validate them. Of dclint's own rules only those that find a real
 * mistake run; its style rules (key and service order, quotes) are off, and so is no-build-and-image
 * (build and image together is how compose names the image it builds) and no-unbound-port-interfaces
 * (the gateway is published on the host's interfaces on purpose).
 */
const LINTER_RULES = {
  'no-build-and-image': 0,
  'no-duplicate-container-names': 2,
  'no-duplicate-exported-ports': 2,
  'no-quotes-in-volumes': 0,
  'no-unbound-port-interfaces': 0,
  'no-version-field': 2,
  'require-project-name-field': 0,
  'require-quotes-in-ports': 0,
  'service-container-name-regex': 2,
  'service-dependencies-alphabetical-order': 0,
  'service-image-require-explicit-tag': 2,
  'service-keys-order': 0,
  'service-ports-alphabetical-order': 0,
  'services-alphabetical-order': 0,
  'top-level-properties-order': 0,
} as const;

/** What dclint finds in a compose file: the schema's first violation, and the enabled rules' findings. */
function lintCompose(path: string): string[] {
  const linter = new DCLinter({ rules: LINTER_RULES, quiet: true, debug: false, exclude: [] });
  // Typed here: dclint's declarations, ESM without file extensions, do not resolve under `nodenext`.
  const results = linter.lintFiles([path], false) as Array<{ messages: Array<{ rule: string; message: string }> }>;
  return results.flatMap((result) => result.messages.map((message) => `${message.rule}: ${message.message}`));
}

function hasDockerCompose(): boolean {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const dependencies = (service: ComposeService): Record<string, string> =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((name) => [name, 'service_started']))
    : Object.fromEntries(Object.entries(service.depends_on ?? {}).map(([name, { condition }]) => [name, condition]));

/** Host of a URL-valued variable (http, https, postgres), else null. */
function urlHost(value: string): string | null {
  try {
    const url = new URL(value);
    return /^(https?|postgres(ql)?):$/.test(url.protocol) ? url.hostname : null;
  } catch {
    return null;
  }
}

/** What docker compose would start wrongly or not at all, service by service; empty when all is well. */
function composeProblems(file: ComposeFile): string[] {
  const problems: string[] = [];
  const names = new Set(Object.keys(file.services ?? {}));
  if (names.size === 0) problems.push('no services');
  for (const [name, service] of Object.entries(file.services ?? {})) {
    const problem = (text: string) => problems.push(`${name}: ${text}`);
    if (!service.image && !service.build) problem('neither image nor build');
    if (!['always', 'unless-stopped', 'on-failure'].includes(service.restart ?? ''))
      problem(`restart policy ${service.restart ?? '(none)'}`);
    if (!service.healthcheck?.test?.length || service.healthcheck.disable) problem('no health check');
    const after = dependencies(service);
    for (const [other, condition] of Object.entries(after)) {
      if (!names.has(other) || other === name) problem(`depends on ${other}, which is not another service of the file`);
      else if (condition === 'service_healthy' && !file.services[other]!.healthcheck?.test?.length)
        problem(`waits for ${other} to be healthy, which has no health check`);
      else if (!['service_started', 'service_healthy', 'service_completed_successfully'].includes(condition))
        problem(`depends on ${other} with condition ${condition}`);
    }
    for (const [variable, value] of Object.entries(service.environment ?? {})) {
      const host = urlHost(interpolate(String(value), SECRETS));
      if (host === null) continue;
      if (!names.has(host)) problem(`${variable} points at ${host}, which is no service of the file`);
      // A database must be up before its service migrates; another service's /graphql may come later (it is polled).
      else if (variable === 'DATABASE_URL' && after[host] !== 'service_healthy')
        problem(`does not wait for its database ${host} to be healthy`);
    }
    for (const volume of service.volumes ?? []) {
      const source = volume.split(':')[0]!;
      if (!/^[./]/.test(source) && !(source in (file.volumes ?? {}))) problem(`uses the volume ${source}, which is not declared`);
    }
  }
  // A cycle in depends_on would keep every service of it from ever starting.
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (done.has(name) || !names.has(name)) return;
    if (visiting.has(name)) return void problems.push(`depends_on cycle: ${[...path, name].join(' → ')}`);
    visiting.add(name);
    for (const other of Object.keys(dependencies(file.services[name]!))) visit(other, [...path, name]);
    visiting.delete(name);
    done.add(name);
  };
  for (const name of names) visit(name, []);
  return problems;
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

  it('gives each subgraph a signing key of its own (service tokens, access-log heads), and the gateway none', () => {
    const keys = Object.fromEntries(
      ['gateway', 'hr-bureau', 'union', 'court', 'justice'].map((name) => {
        const service = compose.services[name]!;
        const path = service.environment!['AUTH_SERVICE_KEY_PATH'];
        return [name, path ? service.volumes?.find((volume) => volume.endsWith(`:${path}:ro`))?.split(':')[0] : null];
      }),
    );
    expect(keys).toEqual({
      gateway: null,
      union: './secrets/union-service-key.json',
      'hr-bureau': './secrets/hr-bureau-service-key.json',
      court: './secrets/court-service-key.json',
      justice: './secrets/justice-service-key.json',
    });
  });

  it("runs each service from the image's compiled build, with the Node flags `npm start` gives it", () => {
    for (const service of [...DEPARTMENTS, GATEWAY]) {
      expect([service.name, compose.services[service.name]!.command]).toEqual([service.name, ['node', ...nodeArgs(service)]]);
      // The compiled entry point of a source file that exists (dist/ itself is made by the build).
      expect(nodeArgs(service).at(-1)).toBe(compiledEntry(service.entry));
      expect(existsSync(join(ROOT, service.entry))).toBe(true);
    }
  });

  it("builds every service's image from the Dockerfile's runtime stage", () => {
    const stages = readDockerfile(join(ROOT, 'Dockerfile')).map((stage) => stage.name);
    for (const name of [...DEPARTMENTS.map((department) => department.name), GATEWAY.name]) {
      expect([name, compose.services[name]!.build, compose.services[name]!.image]).toEqual([
        name,
        { context: '.', target: 'runtime' },
        'labour-dispute-federation:local',
      ]);
    }
    expect(stages).toContain('runtime');
  });

  it('is valid: the Compose Specification (dclint), `docker-compose config` where that command is installed, and structurally sound', () => {
    expect(lintCompose(COMPOSE_PATH)).toEqual([]);
    expect(composeProblems(compose)).toEqual([]);
    if (hasDockerCompose()) {
      const env = { ...process.env, ...SECRETS };
      expect(() => execFileSync('docker-compose', ['-f', COMPOSE_PATH, 'config', '-q'], { env, stdio: 'pipe' })).not.toThrow();
    }
  });

  it('names what breaks the Compose Specification (the check above can fail)', () => {
    const temp = makeTempDir('compose-lint');
    try {
      const broken = join(temp.path, 'docker-compose.yml');
      // A misspelt key, as compose itself would refuse it.
      writeFileSync(broken, readComposeText().replace('    command: ["node", "--require"', '    comand: ["node", "--require"'));
      expect(lintCompose(broken)).toEqual([expect.stringMatching(/^invalid-schema: .*must NOT have additional properties/)]);
      writeFileSync(broken, readComposeText().replace('services:\n', 'version: "3.9"\nservices:\n'));
      expect(lintCompose(broken)).toEqual([expect.stringMatching(/^no-version-field: /)]);
    } finally {
      temp.remove();
    }
  });

  it('names each structural problem (the check above can fail)', () => {
    const broken: ComposeFile = {
      services: {
        db: { image: 'postgres:17', restart: 'unless-stopped' },
        api: {
          build: '.',
          healthcheck: { test: ['CMD', 'true'] },
          restart: 'unless-stopped',
          depends_on: { db: { condition: 'service_healthy' }, cache: { condition: 'service_started' } },
          environment: { DATABASE_URL: 'postgres://u:${DB_PASSWORD}@database:5432/api', PEER_URL: 'http://worker:4000/graphql' },
          volumes: ['data:/var/lib/data'],
        },
        worker: {
          image: 'x',
          healthcheck: { test: ['CMD', 'true'] },
          restart: 'always',
          depends_on: ['api'],
          environment: { DATABASE_URL: 'postgres://u:p@db:5432/w' },
        },
      },
    };
    (broken.services['api']!.depends_on as Record<string, { condition: string }>)['worker'] = { condition: 'service_started' };
    expect(composeProblems(broken)).toEqual([
      'db: no health check',
      'api: waits for db to be healthy, which has no health check',
      'api: depends on cache, which is not another service of the file',
      'api: DATABASE_URL points at database, which is no service of the file',
      'api: uses the volume data, which is not declared',
      'worker: does not wait for its database db to be healthy',
      'depends_on cycle: api → worker → api',
    ]);
  });

  it('needs every secret from .env: without one, docker compose stops with its message', () => {
    // Compose interpolates the whole file before it starts anything: one missing secret stops it all.
    const values = Object.values(compose.services).flatMap((service) => Object.values(service.environment ?? {}).map(String));
    expect(() => values.map((value) => interpolate(value, SECRETS))).not.toThrow();
    for (const secret of Object.keys(SECRETS)) {
      expect(() => values.map((value) => interpolate(value, { ...SECRETS, [secret]: '' }))).toThrow(
        new RegExp(`^${secret}: set ${secret}\\b.* in \\.env$`),
      );
    }
  });

  describe('each service reads its environment as its own configuration loader does', () => {
    const secrets = makeTempDir('compose-secrets');
    afterAll(() => secrets.remove());
    // The files the services read are mounted from ./secrets (not in the repository): test keys stand in for
    // them, the bound key set and each subgraph's own service key.
    const FILES: Record<string, (service: string) => string> = {
      AUTH_JWKS_PATH: () => JSON.stringify(TEST_AUTH.jwks),
      AUTH_SERVICE_KEY_PATH: (service) => JSON.stringify(testServiceKey(service)),
    };

    /** The service's environment as the container gets it, with each mounted secret file's path made a local file. */
    function environmentOf(name: string): NodeJS.ProcessEnv {
      const service = compose.services[name]!;
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), SECRETS)]));
      for (const volume of service.volumes ?? []) {
        const [, inContainer] = volume.split(':');
        const variable = Object.keys(env).find((key) => env[key] === inContainer);
        if (!variable) continue;
        if (!(variable in FILES)) throw new Error(`${name}: no test content for the file of ${variable}`);
        const local = join(secrets.path, `${name}-${variable}.json`);
        writeFileSync(local, FILES[variable]!(name));
        env[variable] = local;
      }
      return env;
    }

    const graphql = (service: string) => `http://${service}:4000/graphql`;

    // Each has the other three: the witnesses of its access-log heads (and the union's sources of risk signals).
    it.each([
      ['hr-bureau', 'hr_bureau', { UNION: graphql('union'), COURT: graphql('court'), JUSTICE: graphql('justice') }],
      ['court', 'court', { HR_BUREAU: graphql('hr-bureau'), UNION: graphql('union'), JUSTICE: graphql('justice') }],
      ['justice', 'justice', { HR_BUREAU: graphql('hr-bureau'), UNION: graphql('union'), COURT: graphql('court') }],
      // Each enforces its own channel table; all witness each other's access-log heads, and the union
      // (registry, suggested agenda) asks the others.
      ['union', 'union_db', { HR_BUREAU: graphql('hr-bureau'), COURT: graphql('court'), JUSTICE: graphql('justice') }],
    ])('%s: a valid subgraph configuration, on its own database, with the peers it needs', (name, database, peerUrls) => {
      const config = loadSubgraphConfig(environmentOf(name));
      expect({
        port: config.port,
        host: config.host,
        database: new URL(config.databaseUrl).pathname,
        production: config.production,
        demoData: config.demoData,
        channelRefreshMs: config.channelRefreshMs,
        logHeadPublishMs: config.logHeadPublishMs,
        peerUrls: config.peerUrls,
        audience: config.auth.audience,
        signsServiceTokens: config.serviceKey !== undefined,
      }).toEqual({
        port: 4000,
        // Reachable from the other containers, not only from inside its own.
        host: '0.0.0.0',
        database: `/${database}`,
        production: true,
        demoData: 'off',
        channelRefreshMs: 10_000,
        logHeadPublishMs: 60_000,
        peerUrls,
        audience: 'labour-dispute-federation',
        // Every subgraph signs its own SERVICE tokens (the witnesses) and its access-log heads.
        signsServiceTokens: true,
      });
      expect(config.linkageKey.toString('hex')).toBe(SECRETS.LINKAGE_KEY);
    });

    it('refuses to start any service on a key set with a key bound to no department, naming the key', () => {
      const { department: _department, ...unbound } = (TEST_AUTH.jwks as { keys: Array<Record<string, unknown>> }).keys[2]!;
      const keys = [...(TEST_AUTH.jwks as { keys: object[] }).keys];
      keys[2] = unbound;
      for (const name of ['gateway', 'court']) {
        const env = environmentOf(name);
        writeFileSync(env['AUTH_JWKS_PATH']!, JSON.stringify({ keys }));
        const load = () => (name === 'gateway' ? loadGatewayConfig(env) : loadSubgraphConfig(env));
        expect(load).toThrow(`keys[2] (kid "${String(unbound['kid'])}") is bound to no department`);
      }
    });

    it('gateway: a valid gateway configuration, with every subgraph at its service', () => {
      const config = loadGatewayConfig(environmentOf('gateway'));
      expect([config.port, config.host]).toEqual([4000, '0.0.0.0']);
      expect(config.subgraphUrls).toEqual({
        'hr-bureau': graphql('hr-bureau'),
        union: graphql('union'),
        court: graphql('court'),
        justice: graphql('justice'),
      });
      expect(config.auth.audience).toBe('labour-dispute-federation');
    });
  });
});
