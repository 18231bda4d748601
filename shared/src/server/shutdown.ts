import type { Logger } from 'pino';

/**
 * Stops the service cleanly on SIGTERM or SIGINT, and also when the launcher that started it goes
 * away (its IPC channel closes, even after a SIGKILL), so no service outlives `npm start`.
 */
export function exitOnShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    try {
      await stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  if (process.send) process.on('disconnect', () => void shutdown('launcher gone'));
}
