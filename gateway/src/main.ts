import { createLogger, exitOnShutdown, listen, runMain } from '@labour/shared';
import { loadGatewayConfig } from './config';
import { consoleOptionsOf } from './console/console-routes';
import { createGatewayServer } from './create-gateway';

/** Reads the environment, builds the gateway, listens; exits when its launcher goes away. */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.logLevel);
  const gateway = await createGatewayServer({ ...config, console: consoleOptionsOf(config.console, config.auth) }, logger);
  const listening = await listen(gateway.app, config.port, config.host, { drainMs: config.drainMs });
  logger.info({ url: listening.url, subgraphs: Object.fromEntries(gateway.subgraphs) }, 'gateway listening');

  exitOnShutdown(logger, listening, () => gateway.stop());
}

runMain(main);
