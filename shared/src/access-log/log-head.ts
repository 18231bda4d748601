import {
  createLocalJWKSet,
  createRemoteJWKSet,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import { Department, Role } from '../context/principal';
import { TOKEN_ALGORITHMS, type TokenAlgorithm } from '../auth/signing-key';
import { GENESIS_HASH } from './hash-chain';

/**
 * The JWS `typ` of a signed log head. A head is never a token: it carries this `typ` (a token carries
 * `JWT`), and no `aud`, `exp` or `roles`, so a token verifier refuses it (audience and expiry are required).
 */
export const LOG_HEAD_TYP = 'access-log-head+jwt';

/** Where a department's access log stands: how many entries it holds, and the hash and id of the last. */
export interface LogPosition {
  entries: number;
  /** GENESIS_HASH while the log is empty. */
  lastHash: string;
  /** Null while the log is empty. */
  lastId: string | null;
}

/** A log head as its department signs it: its position, and when it was taken. */
export interface LogHead extends LogPosition {
  department: Department;
  signedAt: Date;
}

/** A head whose signature checked out, and the JWS it came in (kept by the witness as evidence). */
export interface SignedLogHead extends LogHead {
  jws: string;
  kid: string;
}

/** Why a signed head was not accepted as a head at all (bad signature, wrong typ, unknown key …). */
export class LogHeadInvalidError extends Error {
  constructor(readonly rule: string) {
    super(`The signed log head ${rule}`);
    this.name = 'LogHeadInvalidError';
  }
}

/** Minimal SQL access: a MikroORM entity manager (`execute`) or a `pg` client (`query`). */
type SqlReader = { execute(sql: string): Promise<unknown[]> } | { query(sql: string): Promise<{ rows: unknown[] }> };

/**
 * The log's position in ONE statement, so the count and the last entry come from the same snapshot.
 * Writers append in id order (`appendAccessLog`: a batch chains onto a committed entry and draws its ids
 * after it), so the last id is the last in the chain.
 */
export async function readLogPosition(reader: SqlReader): Promise<LogPosition> {
  const sql = `with "last" as (select "id", "hash" from "access_log" order by "id" desc limit 1)
    select (select count(*) from "access_log")::text as "entries", (select "id"::text from "last") as "last_id", (select "hash" from "last") as "last_hash"`;
  const rows = 'execute' in reader ? await reader.execute(sql) : (await reader.query(sql)).rows;
  const row = rows[0] as { entries: string; last_id: string | null; last_hash: string | null };
  return { entries: Number(row.entries), lastHash: row.last_hash ?? GENESIS_HASH, lastId: row.last_id };
}

/** Signs a head with the department's own private service key (ES256 or RS256, with a `kid`). */
export async function signLogHead(privateJwk: JWK, head: LogHead): Promise<string> {
  const alg = (privateJwk.alg ?? 'ES256') as TokenAlgorithm;
  if (!TOKEN_ALGORITHMS.includes(alg)) throw new Error(`Cannot sign a log head with ${alg}: use an ${TOKEN_ALGORITHMS.join(' or ')} key`);
  if (!privateJwk.kid) throw new Error('The service key has no "kid": witnesses find the key of a signed log head by its kid');
  return new SignJWT({
    department: head.department,
    entries: head.entries,
    lastHash: head.lastHash,
    lastId: head.lastId,
    signedAt: head.signedAt.toISOString(),
  })
    .setProtectedHeader({ alg, typ: LOG_HEAD_TYP, kid: privateJwk.kid })
    .setIssuedAt(Math.floor(head.signedAt.getTime() / 1000))
    .sign(await importJWK(privateJwk, alg));
}

const headPayload = z
  .object({
    department: z.nativeEnum(Department),
    entries: z.number().int().min(0),
    lastHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex characters'),
    lastId: z
      .string()
      .regex(/^[1-9]\d{0,18}$/, 'must be an entry id')
      .nullable(),
    signedAt: z.string().datetime({ offset: false }),
  })
  .refine((head) => (head.entries === 0) === (head.lastId === null), {
    message: 'an empty log has no last id, and only an empty log',
    path: ['lastId'],
  })
  .refine((head) => head.entries > 0 || head.lastHash === GENESIS_HASH, {
    message: 'an empty log ends at the genesis hash',
    path: ['lastHash'],
  });

/** The trusted keys, as a witness looks a head's key up: the resolver jose verifies with, and the JWK itself. */
export interface LogHeadKeys {
  resolve: JWTVerifyGetKey;
  /** The trusted JWK of this `kid`, for its department binding; undefined when not (yet) known. */
  jwkOf(kid: string): JWK | undefined;
}

/** The trusted key set of the service (`config.auth.jwks`): a JWKS, or the URL of one (fetched and cached by jose). */
export function logHeadKeysOf(jwks: JSONWebKeySet | URL): LogHeadKeys {
  if (jwks instanceof URL) {
    const remote = createRemoteJWKSet(jwks);
    return { resolve: remote, jwkOf: (kid) => remote.jwks()?.keys.find((key) => key.kid === kid) };
  }
  return { resolve: createLocalJWKSet(jwks), jwkOf: (kid) => jwks.keys.find((key) => key.kid === kid) };
}

/**
 * The department binding of a signing key (README "Keys and tokens"): a head is accepted only from a key
 * bound to the head's department and to the SERVICE role, i.e. that department's own service key.
 */
export function assertKeyBoundTo(jwk: JWK, department: Department): void {
  const bound = (jwk as Record<string, unknown>)['department'];
  if (bound !== department) {
    throw new LogHeadInvalidError(
      `is signed by key ${jwk.kid ?? '(no kid)'}, which is bound to ${bound === undefined ? 'no department' : String(bound)}, not to ${department}`,
    );
  }
  // A head is a department system's statement: only a service key (bound to SERVICE) may sign it.
  const roles = (jwk as Record<string, unknown>)['roles'];
  if (!(Array.isArray(roles) && roles.includes(Role.SERVICE))) {
    throw new LogHeadInvalidError(`is signed by key ${jwk.kid ?? '(no kid)'}, which is not a SERVICE key`);
  }
}

/**
 * Checks a signed head: its `typ`, an accepted algorithm, a `kid` of the trusted key set, the signature,
 * the payload's shape, and the key's binding to the department the head speaks for. Throws
 * LogHeadInvalidError naming the rule broken.
 */
export async function verifyLogHead(jws: string, keys: LogHeadKeys): Promise<SignedLogHead> {
  let verified: Awaited<ReturnType<typeof jwtVerify>>;
  try {
    verified = await jwtVerify(jws, keys.resolve, { algorithms: [...TOKEN_ALGORITHMS], typ: LOG_HEAD_TYP });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'typ')
      throw new LogHeadInvalidError(`is not a log head: its typ must be ${LOG_HEAD_TYP}`);
    if (code === 'ERR_JWKS_NO_MATCHING_KEY') throw new LogHeadInvalidError('is signed by a key that is not in the trusted key set');
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
      throw new LogHeadInvalidError('does not verify: its signature is not that of the key it names');
    if (code === 'ERR_JOSE_ALG_NOT_ALLOWED')
      throw new LogHeadInvalidError(`is signed with an algorithm other than ${TOKEN_ALGORITHMS.join(' or ')}`);
    throw new LogHeadInvalidError(`cannot be verified: ${(error as Error).message}`);
  }
  const kid = verified.protectedHeader.kid;
  if (!kid) throw new LogHeadInvalidError('names no key: its header has no kid');
  const parsed = headPayload.safeParse(verified.payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'payload'} ${issue.message}`);
    throw new LogHeadInvalidError(`is malformed: ${problems.join('; ')}`);
  }
  const jwk = keys.jwkOf(kid);
  if (!jwk) throw new LogHeadInvalidError('is signed by a key that is not in the trusted key set');
  assertKeyBoundTo(jwk, parsed.data.department);
  const { signedAt, ...position } = parsed.data;
  return { ...position, signedAt: new Date(signedAt), jws, kid };
}
