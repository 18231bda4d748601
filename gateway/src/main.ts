import { createLogger, exitOnShutdown, listen, runMain, ServiceMetrics, serveMetrics } from '@labour/shared';
import { loadGatewayConfig } from './config';
import { consoleOptionsOf } from './console/console-routes';
import { createGatewayServer } from './create-gateway';

/** Reads the environment, builds the gateway, listens; exits when its launcher goes away. */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.logLevel);
  // Prometheus metrics only when METRICS_PORT is set: without it nothing is counted.
  const metrics = config.metrics ? new ServiceMetrics({ service: 'gateway' }) : undefined;
  const gateway = await createGatewayServer({ ...config, console: consoleOptionsOf(config.console, config.auth), metrics }, logger);
  const listening = await listen(gateway.app, config.port, config.host, { drainMs: config.drainMs });
  logger.info({ url: listening.url, subgraphs: Object.fromEntries(gateway.subgraphs) }, 'gateway listening');
  const metricsEndpoint =
    metrics && config.metrics ? await serveMetrics(metrics, { ...config.metrics, host: config.host, logger }) : undefined;

  exitOnShutdown(logger, listening, async () => {
    await gateway.stop();
    await metricsEndpoint?.close();
  });
}

runMain(main);
