import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, posix } from 'node:path';
import { commandOf, envOf, healthcheckOf, readDockerfile, resolvedStage, runCommandOf, type Stage } from './dockerfile';

/**
 * The image's runtime stage without a Docker engine, for scripts/runtime-stage.int.test.ts and
 * `npm run bench:startup` (the runtime folder's size).
 */

/** What a RUN of the stage is given: the test's own environment (network settings, HOME for npm) without npm's script variables. */
function runEnvironment(stageEnv: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_|^(NODE_ENV|NODE_OPTIONS|INIT_CWD|TEST_PG_URL)$/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...stageEnv };
}

export interface Replayed {
  /** The ENV of the stage, paths under its WORKDIR made paths under `app`. */
  env: Record<string, string>;
  user?: string;
  healthcheck?: { options: Record<string, string>; command: string[] };
  cmd?: string[];
  /** Each RUN's command and how long it took, for the failure messages and the CI budget. */
  runs: Array<{ command: string; seconds: number }>;
}

/**
 * Carries out the Dockerfile's `runtime` stage (after the stage it is built on) in `app`, a folder standing for its WORKDIR: COPY from the
 * build context (the checkout), `COPY --from=build` of what the build stage makes (the checkout's dist/,
 * built beforehand), RUN in a shell there; ENV, USER, HEALTHCHECK and CMD are recorded. Anything else
 * fails, naming the line, so that a new instruction gets replayed here too.
 */
export function replayRuntimeStage(repoRoot: string, app: string): Replayed {
  const stages = readDockerfile(join(repoRoot, 'Dockerfile'));
  const stage = resolvedStage(stages, 'runtime');
  const build = resolvedStage(stages, 'build');
  const workdirOf = (from: Stage) => from.instructions.find((instruction) => instruction.keyword === 'WORKDIR')?.args ?? '/';
  const workdir = workdirOf(stage);
  const buildWorkdir = workdirOf(build);
  const inApp = (path: string) => (isAbsolute(path) ? join(app, posix.relative(workdir, path)) : join(app, path));
  const replayed: Replayed = { env: {}, runs: [] };
  mkdirSync(app, { recursive: true });
  for (const { keyword, args, line } of stage.instructions) {
    switch (keyword) {
      case 'WORKDIR':
      case 'EXPOSE':
        break;
      case 'COPY': {
        const words = args.split(/\s+/);
        const from = words[0]!.startsWith('--from=') ? words.shift()!.slice('--from='.length) : undefined;
        const target = words.pop()!;
        for (const source of words) {
          if (from !== undefined && from !== build.name)
            throw new Error(`Dockerfile line ${line}: COPY from ${from}, which is not replayed here`);
          // The build stage's WORKDIR is the checkout; the build context is the checkout too.
          const origin = from ? join(repoRoot, posix.relative(buildWorkdir, source)) : join(repoRoot, source);
          const destination = target.endsWith('/') || words.length > 1 ? join(inApp(target), posix.basename(source)) : inApp(target);
          mkdirSync(dirname(destination), { recursive: true });
          cpSync(origin, destination, { recursive: true, verbatimSymlinks: true });
        }
        break;
      }
      case 'RUN': {
        const command = runCommandOf(args);
        const began = performance.now();
        const result = spawnSync('/bin/sh', ['-c', command], {
          cwd: app,
          env: runEnvironment(replayed.env),
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        replayed.runs.push({ command, seconds: (performance.now() - began) / 1000 });
        if (result.status !== 0)
          throw new Error(
            `Dockerfile line ${line}: \`${command}\` failed (${result.status ?? result.signal}):\n${result.stderr.slice(-4000)}`,
          );
        break;
      }
      case 'ENV':
        for (const [key, value] of Object.entries(envOf(args)))
          replayed.env[key] = value.startsWith(`${workdir}/`) || value === workdir ? inApp(value) : value;
        break;
      case 'USER':
        replayed.user = args;
        break;
      case 'HEALTHCHECK':
        replayed.healthcheck = healthcheckOf(args);
        break;
      case 'CMD':
        replayed.cmd = commandOf(args);
        break;
      default:
        throw new Error(`Dockerfile line ${line}: ${keyword} in the runtime stage, which is not replayed here`);
    }
  }
  return replayed;
}
