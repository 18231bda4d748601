import { createServer } from 'node:net';

/**
 * Port checks before anything is started, so a busy port is reported by number and by the variable that
 * moves it, instead of surfacing later as a service crash or a PostgreSQL start that fails.
 */

function canListen(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Free when nothing listens on it on any address: checked on the wildcard address (what the services
 * bind) and on 127.0.0.1 (what PostgreSQL binds), since a listener on one does not always block the other.
 */
export async function isPortFree(port: number): Promise<boolean> {
  return (await canListen(port)) && (await canListen(port, '127.0.0.1'));
}

export interface PortUse {
  readonly port: number;
  /** Who needs it, e.g. "gateway". */
  readonly owner: string;
  /** The environment variable that changes it, e.g. "GATEWAY_PORT". */
  readonly variable: string;
}

export async function assertPortsFree(uses: readonly PortUse[]): Promise<void> {
  const seen = new Map<number, PortUse>();
  for (const use of uses) {
    const clash = seen.get(use.port);
    if (clash)
      throw new Error(`${clash.owner} and ${use.owner} are both configured for port ${use.port} (${clash.variable}, ${use.variable}).`);
    seen.set(use.port, use);
  }
  const taken: PortUse[] = [];
  for (const use of uses) if (!(await isPortFree(use.port))) taken.push(use);
  if (taken.length > 0) {
    const lines = taken.map((use) => `  port ${use.port} (${use.owner}) is already in use: stop what listens there or set ${use.variable}`);
    throw new Error(`Ports taken by something else:\n${lines.join('\n')}`);
  }
}

/** A port the operating system reports free right now (for tests and throwaway clusters). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}
