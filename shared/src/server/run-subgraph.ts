import { loadSubgraphConfig } from '../config';
import { clockFrom } from '../legal-clock';
import { createLogger } from '../logging';
import { createDepartmentSubgraph, type SubgraphDefinition } from './department-subgraph';
import { listen } from './http-server';
import { serveMetrics } from '../metrics/metrics-server';
import { ServiceMetrics } from '../metrics/service-metrics';
import { logHeadPublisherFor } from './log-head-publishing';
import { exitOnShutdown } from './shutdown';

/**
 * The `main.ts` of every department subgraph: read the environment, connect, migrate, load demo data
 * when asked, listen. `--prepare-only` stops after the data step (used by `npm run demo:reset`).
 * Exits when its launcher goes away (IPC channel closed), so a killed launcher leaves nothing behind.
 */
export async function runSubgraph<L>(definition: SubgraphDefinition<L>, argv = process.argv): Promise<void> {
  const config = loadSubgraphConfig(process.env, definition.department);
  const logger = createLogger(definition.name, config.logLevel);
  // One clock for the whole service: the machine's calendar, or the day CLOCK_TODAY pins.
  // Other departments' access to this one's fields follows its own channel table (read once migrated, in prepare).
  const clock = clockFrom(config.clockToday);
  // Prometheus metrics only when METRICS_PORT is set: without it nothing is counted.
  const metrics = config.metrics ? new ServiceMetrics({ service: definition.name }) : undefined;
  const subgraph = await createDepartmentSubgraph(definition, { ...config, clock, metrics }, logger);
  await subgraph.prepare({ mode: config.demoData, scale: config.demoScale, asOf: config.demoAsOf ?? clock.today() });
  if (argv.includes('--prepare-only')) {
    await subgraph.stop();
    return;
  }
  const listening = await listen(subgraph.server.app, config.port, config.host, { drainMs: config.drainMs });
  logger.info({ url: listening.url }, `${definition.name} subgraph listening`);
  const metricsEndpoint =
    metrics && config.metrics ? await serveMetrics(metrics, { ...config.metrics, host: config.host, logger }) : undefined;
  // Every LOG_HEAD_PUBLISH_MS, the signed head of its access log to the other three departments, which keep it.
  const heads = logHeadPublisherFor(definition, config, subgraph.orm.em, logger);
  heads?.start();

  exitOnShutdown(logger, listening, async () => {
    heads?.stop();
    await subgraph.stop();
    await metricsEndpoint?.close();
  });
}

/** Runs `main` and exits non-zero with the error logged when it fails. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
