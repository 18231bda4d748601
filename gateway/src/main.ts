import { createLogger, exitOnShutdown, listen, runMain, stopTracing } from '@labour/shared';
import { loadGatewayConfig } from './config';
import { consoleOptionsOf } from './console/console-routes';
import { createGatewayServer } from './create-gateway';

/** Reads the environment, builds the gateway, listens; exits when its launcher goes away. */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.logLevel);
  const gateway = await createGatewayServer({ ...config, console: consoleOptionsOf(config.console, config.auth) }, logger);
  const listening = await listen(gateway.app, config.port, config.host);
  logger.info({ url: listening.url, subgraphs: Object.fromEntries(gateway.subgraphs) }, 'gateway listening');

  exitOnShutdown(logger, async () => {
    await listening.close();
    await gateway.stop();
    // Last: the spans of the requests that finished while stopping go out too.
    await stopTracing();
  });
}

runMain(main);
