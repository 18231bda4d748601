/**
 * `npm run demo:reset [-- <department> ...]`: wipes and reloads the demo data. Starts PostgreSQL as
 * `npm start` does (or uses the four department database URLs from the environment), runs each subgraph
 * once with `--prepare-only` and DEMO_DATA=reset (migrations, then the demo data; DEMO_SCALE passes
 * through), stops PostgreSQL and reports. Refuses to run while `npm start` runs on the same data directory.
 */
import { performance } from 'node:perf_hooks';
import { elapsed } from './lib/elapsed';
import { beginLaunch, failLaunch, prepareLaunch, REPO_ROOT, subgraphEnv, type Launch } from './lib/launcher-setup';
import type { Databases } from './lib/database-setup';
import type { ServiceAuthEnv } from './lib/service-auth';
import { describeExit } from './lib/supervisor';
import { DEPARTMENTS, nodeArgs, type DepartmentService } from './lib/services';

function chosenDepartments(args: readonly string[]): readonly DepartmentService[] {
  if (args.length === 0) return DEPARTMENTS;
  const unknown = args.filter((name) => !DEPARTMENTS.some((department) => department.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown department(s): ${unknown.join(', ')} (choose from ${DEPARTMENTS.map((department) => department.name).join(', ')})`,
    );
  }
  return DEPARTMENTS.filter((department) => args.includes(department.name));
}

interface Outcome {
  readonly department: DepartmentService;
  readonly ok: boolean;
  readonly detail: string;
}

async function prepare(launch: Launch, databases: Databases, auth: ServiceAuthEnv, department: DepartmentService): Promise<Outcome> {
  const began = performance.now();
  const exit = await launch.supervisor.run({
    name: department.name,
    args: nodeArgs(department, ['--prepare-only'], launch.config.serviceRuntime),
    cwd: REPO_ROOT,
    // A subgraph reads its whole configuration even to prepare only; the keys are part of it.
    env: subgraphEnv(launch, databases, auth, department, 'reset'),
  });
  const took = elapsed(began);
  const ok = exit.code === 0;
  return { department, ok, detail: ok ? took : `${describeExit(exit)} after ${took}` };
}

async function main(): Promise<void> {
  const began = performance.now();
  const launch = beginLaunch(130);
  const { log, supervisor } = launch;
  try {
    const departments = chosenDepartments(process.argv.slice(2));
    const { databases, auth } = await prepareLaunch(
      launch,
      'npm run demo:reset',
      departments.map((department) => department.entry),
    );
    log.info(
      `resetting the demo data of ${departments.map((department) => department.name).join(', ')} (DEMO_SCALE=${launch.config.demoScale})`,
    );
    // In parallel: every department has its own database, so the resets are independent.
    const outcomes = await Promise.all(departments.map((department) => prepare(launch, databases, auth, department)));
    if (supervisor.stopping) return;

    const width = Math.max(...outcomes.map((outcome) => outcome.department.name.length));
    for (const { department, ok, detail } of outcomes)
      log.info(`  ${department.name.padEnd(width)}  ${ok ? 'reset ' : 'FAILED'}  ${detail}`);
    const failed = outcomes.filter((outcome) => !outcome.ok).length;
    const total = elapsed(began);
    await supervisor.shutdown(
      failed ? 1 : 0,
      failed ? `demo data reset failed for ${failed} department(s) (${total})` : `demo data reset in ${total}`,
    );
  } catch (error) {
    await failLaunch(launch, error);
  }
}

void main();
