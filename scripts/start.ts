/**
 * `npm start`: PostgreSQL (embedded, unless the four department database URLs are set), the four
 * department subgraphs (each migrating and loading demo data into an empty database on first start) and
 * the gateway beside them; ready once the subgraphs are, then the gateway; Ctrl-C stops everything,
 * PostgreSQL last. See scripts/README.md.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUILD_DIR } from './lib/build';
import { elapsed } from './lib/elapsed';
import type { Databases } from './lib/database-setup';
import { beginLaunch, failLaunch, prepareLaunch, REPO_ROOT, subgraphEnv, type Launch } from './lib/launcher-setup';
import { assertPortsFree } from './lib/ports';
import type { ServiceAuthEnv } from './lib/service-auth';
import { baseServiceEnv, DEPARTMENTS, GATEWAY, nodeArgs, portVariable } from './lib/services';

function startSubgraphs(launch: Launch, databases: Databases, auth: ServiceAuthEnv): void {
  const { config, supervisor } = launch;
  for (const department of DEPARTMENTS) {
    supervisor.start({
      name: department.name,
      args: nodeArgs(department, [], config.serviceRuntime),
      cwd: REPO_ROOT,
      env: {
        // if-empty: migrate, and load the demo data only into an empty database (first start).
        ...subgraphEnv(launch, databases, auth, department, process.env.DEMO_DATA ?? 'if-empty'),
        // Its own metrics port (METRICS_BASE_PORT), or none: never one inherited by all five.
        METRICS_PORT: String(config.metricsPorts?.[department.name] ?? ''),
        // The sharing-channel registry lives in the union subgraph; the union itself reads its own table.
        // The other three departments: each witnesses this one's access-log heads, and the union's
        // suggested agenda asks them for their risk signals, and its registry forwards channel decisions to them.
        ...Object.fromEntries(
          DEPARTMENTS.filter((peer) => peer !== department).map((peer) => [
            `${peer.envPrefix}_URL`,
            `http://127.0.0.1:${config.departmentPorts[peer.name]}/graphql`,
          ]),
        ),
      },
    });
  }
}

async function subgraphsReady({ config, supervisor, log }: Launch, began: number): Promise<void> {
  // In parallel: each migrates its own database, so they do not wait on one another.
  await Promise.all(
    DEPARTMENTS.map((department) =>
      supervisor.waitReady(department.name, `http://127.0.0.1:${config.departmentPorts[department.name]}/ready`, config.readyTimeoutMs),
    ),
  );
  log.info(`subgraphs ready in ${elapsed(began)}`);
}

function startGateway({ config, supervisor }: Launch, auth: ServiceAuthEnv): void {
  const subgraphUrl = (name: (typeof DEPARTMENTS)[number]['name']): string => `http://127.0.0.1:${config.departmentPorts[name]}/graphql`;
  supervisor.start({
    name: GATEWAY.name,
    args: nodeArgs(GATEWAY, [], config.serviceRuntime),
    cwd: REPO_ROOT,
    env: {
      ...baseServiceEnv(process.env),
      ...auth.verifiers,
      ...auth.gateway,
      // The console as the build made it (dist/console), whichever runtime the services use.
      CONSOLE_DIR: join(REPO_ROOT, BUILD_DIR, 'console'),
      // The department systems' registered operations, read from the sources (not dist/), unless set.
      TRUSTED_DOCUMENTS_DIR: process.env['TRUSTED_DOCUMENTS_DIR'] ?? join(REPO_ROOT, 'gateway', 'trusted-documents'),
      PORT: String(config.gatewayPort),
      METRICS_PORT: String(config.metricsPorts?.gateway ?? ''),
      HR_BUREAU_URL: subgraphUrl('hr-bureau'),
      UNION_URL: subgraphUrl('union'),
      COURT_URL: subgraphUrl('court'),
      JUSTICE_URL: subgraphUrl('justice'),
    },
  });
}

/** An example that shows the merged picture: the construction firm of the demo's wage-arrears story. */
const EXAMPLE_QUERY =
  '{ enterprise(creditCode: "91110115102884310L") { name wageArrearsAlerts { project amountOwed } mediationCases { caseNo status } lawsuits { caseNo stage } legalAidCases { caseNo eligibilityBasis } } }';

function printBanner({ config, log }: Launch, began: number): void {
  const url = `http://localhost:${config.gatewayPort}/graphql`;
  log.info(`all services ready in ${elapsed(began)}`);
  log.info(`gateway: ${url}`);
  log.info(`console: http://localhost:${config.gatewayPort}/ (the web console, in a browser)`);
  if (config.metricsPorts) {
    const { gateway, ...subgraphs } = config.metricsPorts;
    const token = process.env.METRICS_TOKEN ? ' (with the bearer token METRICS_TOKEN)' : '';
    log.info(
      `metrics: http://localhost:${gateway}/metrics (gateway)${token}; ${Object.entries(subgraphs)
        .map(([name, port]) => `${port} ${name}`)
        .join(', ')}`,
    );
  }
  if (config.auth.fromEnvironment) {
    log.info('token:   every request needs a bearer token signed by a key of AUTH_JWKS_PATH / AUTH_JWKS_URL');
  } else {
    // The token command must read the same data directory as this launcher.
    const dataDir = process.env.DATA_DIR ? `DATA_DIR=${process.env.DATA_DIR} ` : '';
    log.info(`token:   TOKEN=$(${dataDir}npm run -s token -- --department UNION --role COORDINATOR)`);
  }
  const query = JSON.stringify({ query: EXAMPLE_QUERY });
  log.info(`try:     curl -s ${url} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' --data '${query}'`);
  log.info('         more example queries in README.md; the schema describes every field (introspect it).');
  log.info('Ctrl-C stops the services, then PostgreSQL.');
}

async function main(): Promise<void> {
  const began = performance.now();
  const launch = beginLaunch(0);
  const { config } = launch;
  try {
    // PostgreSQL's port is checked when it starts, after a server left by a killed run has been stopped.
    const checkPorts = () =>
      assertPortsFree([
        { port: config.gatewayPort, owner: GATEWAY.name, variable: 'GATEWAY_PORT' },
        ...DEPARTMENTS.map((department) => ({
          port: config.departmentPorts[department.name],
          owner: department.name,
          variable: portVariable(department),
        })),
        ...Object.entries(config.metricsPorts ?? {}).map(([owner, port]) => ({
          port,
          owner: `${owner} metrics`,
          variable: 'METRICS_BASE_PORT',
        })),
      ]);
    const { databases, auth } = await prepareLaunch(
      launch,
      'npm start',
      [...DEPARTMENTS.map((department) => department.entry), GATEWAY.entry],
      checkPorts,
    );
    const subgraphsBegan = performance.now();
    startSubgraphs(launch, databases, auth);
    // The gateway routes by the supergraph in its file, not by asking the subgraphs: it loads while they start
    // (its /ready answers once one of them does), instead of after them.
    startGateway(launch, auth);
    await subgraphsReady(launch, subgraphsBegan);
    await launch.supervisor.waitReady(GATEWAY.name, `http://127.0.0.1:${config.gatewayPort}/ready`, config.readyTimeoutMs);
    printBanner(launch, began);
  } catch (error) {
    await failLaunch(launch, error);
  }
}

void main();
