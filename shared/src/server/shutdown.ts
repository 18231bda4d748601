import type { Logger } from 'pino';
import { stopTracing } from '../telemetry/active-tracing';
import type { Listening } from './http-server';

/**
 * Stops the service cleanly on SIGTERM or SIGINT, and also when the launcher that started it goes
 * away (its IPC channel closes, even after a SIGKILL), so no service outlives `npm start`. In order:
 * the HTTP server drains (no new connection, `/ready` answers 503, the requests in flight finish within
 * its drain time: SHUTDOWN_DRAIN_MS), then `stop` releases the rest (GraphQL, the database), then the
 * spans of the requests that finished meanwhile are exported (when tracing exports), then exit.
 */
export function exitOnShutdown(logger: Logger, listening: Pick<Listening, 'close'>, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    const began = performance.now();
    logger.info({ reason }, 'shutting down: draining requests in flight');
    let code = 0;
    try {
      const drained = await listening.close();
      const ms = Math.round(performance.now() - began);
      if (drained.cut > 0) logger.warn({ ...drained, ms }, 'drain time over: requests still in flight were cut');
      else logger.info({ ...drained, ms }, 'drained');
      await stop();
      await stopTracing();
    } catch (err) {
      code = 1;
      logger.error({ err }, 'shutdown failed');
    } finally {
      logger.flush();
      process.exit(code);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  if (process.send) process.on('disconnect', () => void shutdown('launcher gone'));
}
