import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commandOf,
  envOf,
  healthcheckOf,
  parseDockerfile,
  readDockerfile,
  resolvedStage,
  runCommandOf,
  type Stage,
} from '@labour/testing/dockerfile';
import { workspacesOf } from './lib/build';
import { GATEWAY, nodeArgs } from './lib/services';

/**
 * The Dockerfile's shape, checked without a Docker engine (scripts/runtime-stage.int.test.ts replays its
 * runtime stage): a build stage with every dependency that runs `npm run build`, a runtime stage with the
 * production dependencies of the same lock file and the build's dist/, NODE_ENV=production only after the
 * install, an unprivileged user, a health check without curl.
 */

const ROOT = join(__dirname, '..');
const stages = readDockerfile(join(ROOT, 'Dockerfile'));
/** A stage with the instructions of the stage it is built on. */
const stage = (name: string): Stage => resolvedStage(stages, name);
const lines = (of: Stage, keyword: string) =>
  of.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);
const copies = (of: Stage) => lines(of, 'COPY').map((args) => args.split(/\s+/));
const workspaces = workspacesOf(ROOT);

describe('Dockerfile', () => {
  it('has a build stage and a runtime stage on the same Node 24 image, both built on the manifests', () => {
    expect(stages.map((candidate) => [candidate.name, candidate.from])).toEqual([
      ['manifests', stage('manifests').from],
      ['build', 'manifests'],
      ['runtime', 'manifests'],
    ]);
    expect(stage('build').from).toBe(stage('runtime').from);
    expect(stage('runtime').from).toMatch(/^node:24(\.\d+)*-/);
  });

  it('build stage: installs every dependency (swc, Vite) from the lock file, copies every workspace and what the console bundles, runs `npm run build`', () => {
    const build = stage('build');
    const runs = lines(build, 'RUN').map(runCommandOf);
    expect(runs).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    const copied = copies(build).flatMap((words) => words.slice(0, -1));
    for (const workspace of workspaces)
      expect([
        workspace,
        copied.includes(`${workspace}/package.json`),
        copied.some((source) => workspace === source || workspace.startsWith(`${source}/`)),
      ]).toEqual([workspace, true, true]);
    // The build's own code, its settings, and the files the console imports from outside its folder.
    expect(copied).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'tsconfig.json', '.swcrc', 'scripts', 'README.md', 'shared']),
    );
    // No NODE_ENV=production before the install: npm would leave out the development dependencies the build needs.
    expect(lines(build, 'ENV').some((args) => 'NODE_ENV' in envOf(args))).toBe(false);
  });

  it('runtime stage: production dependencies of the same lock file, dist/ from the build stage, NODE_ENV=production after the install', () => {
    const runtime = stage('runtime');
    const install = lines(runtime, 'RUN').map(runCommandOf);
    expect(install).toHaveLength(1);
    expect(install[0]).toMatch(/^npm ci --omit=dev\b/);
    const copied = copies(runtime);
    // Every workspace's manifest (npm ci checks the lock file against them), and nothing else from the context.
    expect(
      copied
        .filter((words) => !words[0]!.startsWith('--from='))
        .flatMap((words) => words.slice(0, -1))
        .sort(),
    ).toEqual(['package.json', 'package-lock.json', ...workspaces.map((workspace) => `${workspace}/package.json`)].sort());
    expect(copied.filter((words) => words[0]!.startsWith('--from='))).toEqual([['--from=build', '/app/dist', 'dist']]);
    const order = runtime.instructions.map((instruction) =>
      instruction.keyword === 'ENV' && 'NODE_ENV' in envOf(instruction.args) ? 'NODE_ENV' : instruction.keyword,
    );
    expect(order.indexOf('NODE_ENV')).toBeGreaterThan(order.indexOf('RUN'));
    expect(envOf(lines(runtime, 'ENV').join(' '))).toMatchObject({
      NODE_ENV: 'production',
      CONSOLE_DIR: '/app/dist/console',
      APOLLO_TELEMETRY_DISABLED: '1',
    });
  });

  it('runtime stage: an unprivileged user, the gateway by default, a health check on /health by Node (no curl in the image)', () => {
    const runtime = stage('runtime');
    expect(lines(runtime, 'USER')).toEqual(['node']);
    // The gateway as npm start runs it: its preloads (source maps, tracing) and its compiled entry point.
    expect(commandOf(lines(runtime, 'CMD')[0]!)).toEqual(['node', ...nodeArgs(GATEWAY)]);
    const healthcheck = healthcheckOf(lines(runtime, 'HEALTHCHECK')[0]!);
    expect(healthcheck.command.slice(0, 2)).toEqual(['node', '-e']);
    expect(healthcheck.command[2]).toContain("/health'");
  });

  it('.dockerignore keeps local data, secrets, installed and built output out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['.git', '**/node_modules', 'dist', '.data', '.env', 'secrets', '**/*.test.ts']));
  });
});

describe('parseDockerfile (what the checks above read)', () => {
  it('joins continued lines, skips comments, substitutes ARG defaults in FROM, names stages', () => {
    const parsed = parseDockerfile(
      [
        '# syntax=docker/dockerfile:1',
        'ARG BASE=node:24-slim',
        'FROM ${BASE} AS one',
        'RUN --mount=type=cache,target=/root/.npm npm ci \\',
        '  # a comment inside',
        '  --omit=dev',
        'ENV A=1 B="two words"',
        'FROM one',
        'HEALTHCHECK --interval=5s CMD ["node", "-e", "1"]',
      ].join('\n'),
    );
    expect(parsed.map((candidate) => [candidate.name, candidate.from])).toEqual([
      ['one', 'node:24-slim'],
      ['1', 'one'],
    ]);
    expect(parsed[0]!.instructions.map((instruction) => [instruction.keyword, instruction.line])).toEqual([
      ['RUN', 4],
      ['ENV', 7],
    ]);
    expect(runCommandOf(parsed[0]!.instructions[0]!.args)).toBe('npm ci --omit=dev');
    expect(envOf(parsed[0]!.instructions[1]!.args)).toEqual({ A: '1', B: 'two words' });
    expect(healthcheckOf(parsed[1]!.instructions[0]!.args)).toEqual({ options: { interval: '5s' }, command: ['node', '-e', '1'] });
    expect(commandOf('node main.js')).toEqual(['/bin/sh', '-c', 'node main.js']);
  });
});
