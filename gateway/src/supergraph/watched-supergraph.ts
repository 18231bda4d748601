import { createHash } from 'node:crypto';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import { checkSupergraph, type SupergraphRules } from './supergraph-check';

export interface WatchedSupergraphOptions extends SupergraphRules {
  /** The supergraph file (SUPERGRAPH_PATH). */
  readonly path: string;
  /** How often the file is looked at for a change, in ms (SUPERGRAPH_WATCH_MS); 0 reads it once, at start. */
  readonly watchIntervalMs: number;
  readonly logger: Logger;
}

const messageOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
const idOf = (sdl: string) => createHash('sha256').update(sdl).digest('hex').slice(0, 12);

/**
 * The gateway's supergraph, read from a file and, while `watchIntervalMs` > 0, taken again whenever the file
 * changes, without a restart (ApolloGateway's `supergraphSdl` hook: `update` swaps the schema and query
 * planner between requests; requests under way finish on the old one).
 *
 * The file is polled (its status every `watchIntervalMs`), not watched through inotify: a Kubernetes
 * ConfigMap volume or an atomic `mv` replaces the file rather than writing into it, which an inotify watch on
 * the old file never sees. A changed text is checked first (checkSupergraph); one that fails, or that the
 * gateway refuses, is logged with the reason and the supergraph in use stays. At start a file that cannot be
 * read or parsed is an error that names SUPERGRAPH_PATH (the gateway refuses any other bad one itself).
 */
export function watchedSupergraph(options: WatchedSupergraphOptions): SupergraphSdlHook {
  const { path, logger } = options;
  const check = (sdl: string) => checkSupergraph(sdl, options);
  return async ({ update }) => {
    let sdl: string;
    try {
      sdl = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`SUPERGRAPH_PATH (${path}): cannot be read: ${messageOf(error)}`);
    }
    // At start only that it parses: the gateway builds the supergraph itself next and refuses to start on a bad
    // one; checking it here too would build it twice and add a good part of a second to every start.
    try {
      parse(sdl, { noLocation: true });
    } catch (error) {
      throw new Error(`SUPERGRAPH_PATH (${path}): does not parse: ${messageOf(error)}`);
    }
    logger.info({ path, supergraph: idOf(sdl), watchIntervalMs: options.watchIntervalMs }, 'supergraph loaded');
    if (options.watchIntervalMs <= 0) return { supergraphSdl: sdl };

    let current = sdl;
    // The text last refused, so that a file left broken is reported once, not at every look.
    let refused: string | undefined;
    // Called when the file's status changes (libuv compares it at each look); the text decides.
    const changed = () => {
      let next: string;
      try {
        next = readFileSync(path, 'utf8');
      } catch (error) {
        logger.warn({ path, err: error }, 'supergraph file cannot be read; the supergraph in use stays');
        return;
      }
      if (next === current || next === refused) return;
      const nextVerdict = check(next);
      if (!nextVerdict.ok) {
        refused = next;
        logger.error(
          { path, supergraph: idOf(next), reason: nextVerdict.reason, kept: idOf(current) },
          'supergraph refused; the supergraph in use stays',
        );
        return;
      }
      try {
        update(next);
      } catch (error) {
        refused = next;
        const reason = messageOf(error);
        logger.error({ path, supergraph: idOf(next), reason, kept: idOf(current) }, 'supergraph refused; the supergraph in use stays');
        return;
      }
      logger.info({ path, supergraph: idOf(next), previous: idOf(current), subgraphs: nextVerdict.subgraphs }, 'supergraph reloaded');
      current = next;
      refused = undefined;
    };
    // Not persistent: the watch alone never keeps the process alive.
    watchFile(path, { interval: options.watchIntervalMs, persistent: false }, changed);
    return {
      supergraphSdl: sdl,
      cleanup: async () => unwatchFile(path, changed),
    };
  };
}
