import type { EntityManager } from '@mikro-orm/postgresql';
import type { JWK } from 'jose';
import type { Logger } from 'pino';
import type { PeerUrls } from '../config/subgraph-config';
import { Department } from '../context/principal';
import { createDepartmentGuard, DEFAULT_GUARD_SETTINGS, postToDepartment, type DepartmentGuard, type GuardSettings } from '../resilience';
import { readLogPosition, signLogHead } from './log-head';
import { witnessMutationOf } from './log-head.resolver';

/** What one witness answered: its receipt's outcome, or UNREACHABLE / REJECTED (a GraphQL or HTTP refusal). */
export interface PublishedTo {
  witness: Department;
  outcome: 'WITNESSED' | 'UNCHANGED' | 'STALE' | 'REFUSED' | 'REJECTED' | 'UNREACHABLE';
  reason: string | null;
}

export interface LogHeadPublisherOptions {
  /** The service's root entity manager (forked for each read). */
  em: EntityManager;
  department: Department;
  /** The department's own private service key (AUTH_SERVICE_KEY_PATH): it signs the heads. */
  privateJwk: JWK;
  /** A SERVICE token of the department, for the witnesses' /graphql. */
  token: () => Promise<string>;
  /** The other departments' /graphql, read at each round (a test stack fills it in once they listen). */
  peers: PeerUrls;
  intervalMs: number;
  logger: Logger;
  /** Timeout and breaker of each witness; default DEFAULT_GUARD_SETTINGS. */
  guard?: GuardSettings;
}

export interface LogHeadPublisher {
  /** One round now: reads the log's position, signs it, sends it to every witness; never throws. */
  publishNow(): Promise<PublishedTo[]>;
  /** Publishes every `intervalMs` (the first round one interval after the start, when the others listen too). */
  start(): void;
  stop(): void;
}

/**
 * Publishes the department's signed access-log head (entry count, last hash, time) to the other three
 * departments, each behind its own timeout and breaker: a witness that is down costs a logged warning,
 * nothing else. A witness that refuses the head as a rewrite is logged at error level.
 */
export function createLogHeadPublisher(options: LogHeadPublisherOptions): LogHeadPublisher {
  const log = options.logger.child({ component: 'log-head-publisher' });
  const guards = new Map<Department, DepartmentGuard>();
  const guardOf = (witness: Department) => {
    if (!guards.has(witness)) guards.set(witness, createDepartmentGuard(witness, options.guard ?? DEFAULT_GUARD_SETTINGS, log));
    return guards.get(witness)!;
  };
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<PublishedTo[]> | undefined;

  async function sendTo(witness: Department, url: string, jws: string): Promise<PublishedTo> {
    const mutation = witnessMutationOf(witness);
    try {
      // A 5xx or a body that is not JSON is the witness failing; a GraphQL refusal is its answer.
      const { body } = await postToDepartment<{
        data?: { receipt?: { outcome: PublishedTo['outcome']; reason: string | null } | null } | null;
        errors?: Array<{ message: string }>;
      }>(guardOf(witness), url, {
        authorization: `Bearer ${await options.token()}`,
        body: {
          query: `mutation PublishLogHead($head: String!) { receipt: ${mutation}(head: $head) { outcome reason } }`,
          variables: { head: jws },
        },
      });
      const receipt = body.data?.receipt;
      if (!receipt) {
        const reason = body.errors?.map((e) => e.message).join('; ') ?? 'no receipt';
        log.warn({ witness, reason }, `${witness} did not take the access-log head`);
        return { witness, outcome: 'REJECTED', reason };
      }
      if (receipt.outcome === 'REFUSED')
        log.error(
          { witness, reason: receipt.reason },
          `${witness} REFUSED this department's access-log head as a rewrite: ${receipt.reason}`,
        );
      return { witness, outcome: receipt.outcome, reason: receipt.reason };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.warn({ witness, reason }, `access-log head not published to ${witness}`);
      return { witness, outcome: 'UNREACHABLE', reason };
    }
  }

  async function publish(): Promise<PublishedTo[]> {
    let jws: string;
    try {
      const position = await readLogPosition(options.em.fork());
      jws = await signLogHead(options.privateJwk, { ...position, department: options.department, signedAt: new Date() });
    } catch (error) {
      log.warn(
        { reason: error instanceof Error ? error.message : String(error) },
        'access-log head not read or signed: nothing published this round',
      );
      return [];
    }
    const witnesses = Object.values(Department).filter((d) => d !== options.department);
    return Promise.all(
      witnesses.map((witness): Promise<PublishedTo> => {
        const url = options.peers[witness];
        return url ? sendTo(witness, url, jws) : Promise.resolve({ witness, outcome: 'UNREACHABLE', reason: 'no URL configured' });
      }),
    );
  }

  function publishNow(): Promise<PublishedTo[]> {
    // One round at a time: a timer tick during a slow round joins it.
    round ??= publish().finally(() => {
      round = undefined;
    });
    return round;
  }

  return {
    publishNow,
    start() {
      if (timer) return;
      timer = setInterval(() => void publishNow(), options.intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
