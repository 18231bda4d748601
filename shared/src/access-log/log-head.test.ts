import { generateKeyPair, exportJWK, SignJWT, type JWK } from 'jose';
import { DEFAULT_AUDIENCE } from '../auth/auth-config';
import { publicJwkOf } from '../auth/signing-key';
import { createTokenVerifier } from '../auth/token-verifier';
import { Department } from '../context/principal';
import { UnauthenticatedError } from '../errors';
import { GENESIS_HASH } from './hash-chain';
import { LOG_HEAD_TYP, LogHeadInvalidError, logHeadKeysOf, signLogHead, verifyLogHead, type LogHead } from './log-head';
import { auditAccessLog, type ChainLink, type WitnessedPosition } from './verify-access-log';
import { canonicalEntryJson, entryHash } from './hash-chain';
import { judgeLogHead } from './witness-rules';

async function key(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
}

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const head: LogHead = {
  department: Department.COURT,
  entries: 12,
  lastHash: HASH_A,
  lastId: '14',
  signedAt: new Date('2026-11-20T04:00:00.000Z'),
};

describe('signed log heads', () => {
  let court: JWK;
  let other: JWK;
  beforeAll(async () => {
    court = await key('court-1');
    other = await key('other-1');
  });
  // Each bound as a court service key (README "Keys and tokens").
  const keysOf = (...jwks: JWK[]) =>
    logHeadKeysOf({ keys: jwks.map((jwk) => ({ ...publicJwkOf(jwk), department: 'COURT', roles: ['SERVICE'] })) });
  const refusal = async (jws: string, keys = keysOf(court)) => {
    try {
      await verifyLogHead(jws, keys);
    } catch (error) {
      return error instanceof LogHeadInvalidError ? error.rule : `unexpected: ${String(error)}`;
    }
    return 'accepted';
  };

  it('verifies a head signed with a trusted key, by its kid, and gives back what was signed', async () => {
    const jws = await signLogHead(court, head);
    const [protectedHeader] = jws.split('.');
    expect(JSON.parse(Buffer.from(protectedHeader!, 'base64url').toString())).toEqual({ alg: 'ES256', typ: LOG_HEAD_TYP, kid: 'court-1' });
    expect(await verifyLogHead(jws, keysOf(other, court))).toEqual({ ...head, jws, kid: 'court-1' });
  });

  it('refuses a head signed by an untrusted key, a forged signature, and a token passed off as a head', async () => {
    expect(await refusal(await signLogHead(other, head))).toBe('is signed by a key that is not in the trusted key set');
    // The other key, but naming the court's kid: the signature is not the court key's.
    expect(await refusal(await signLogHead({ ...other, kid: 'court-1' }, head))).toBe(
      'does not verify: its signature is not that of the key it names',
    );
    const token = await new SignJWT({ department: 'COURT', roles: ['SERVICE'] })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'court-1' })
      .setAudience(DEFAULT_AUDIENCE)
      .setExpirationTime('10m')
      .sign(await (await import('jose')).importJWK(court, 'ES256'));
    expect(await refusal(token)).toBe(`is not a log head: its typ must be ${LOG_HEAD_TYP}`);
  });

  it('is never accepted as a token: it has its own typ and no audience or expiry', async () => {
    const verify = createTokenVerifier({
      jwks: { keys: [{ ...publicJwkOf(court), department: 'COURT', roles: ['SERVICE'] } as JWK] },
      audience: DEFAULT_AUDIENCE,
    });
    await expect(verify(await signLogHead(court, head))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses a head whose payload is malformed', async () => {
    const empty = { ...head, entries: 0, lastId: null, lastHash: HASH_A };
    expect(await refusal(await signLogHead(court, empty))).toBe('is malformed: lastHash an empty log ends at the genesis hash');
    expect(await refusal(await signLogHead(court, { ...head, lastId: null }))).toBe(
      'is malformed: lastId an empty log has no last id, and only an empty log',
    );
    expect(await refusal(await signLogHead(court, { ...head, entries: 0, lastId: null, lastHash: GENESIS_HASH }))).toBe('accepted');
  });

  it("checks the key's department binding, and that it is a SERVICE key", async () => {
    const jws = await signLogHead(court, head);
    const bound = (members: Record<string, unknown>) => logHeadKeysOf({ keys: [{ ...publicJwkOf(court), ...members }] });
    expect(await refusal(jws, bound({ department: 'COURT', roles: ['SERVICE'] }))).toBe('accepted');
    expect(await refusal(jws, bound({ department: 'UNION', roles: ['SERVICE'] }))).toBe(
      'is signed by key court-1, which is bound to UNION, not to COURT',
    );
    expect(await refusal(jws, bound({ department: 'COURT', roles: ['ADMIN'] }))).toBe(
      'is signed by key court-1, which is not a SERVICE key',
    );
    expect(await refusal(jws, bound({ department: 'COURT' }))).toBe('is signed by key court-1, which is not a SERVICE key');
    expect(await refusal(jws, bound({}))).toBe('is signed by key court-1, which is bound to no department, not to COURT');
  });

  it('needs a kid on the signing key', async () => {
    const { kid: _kid, ...withoutKid } = court;
    await expect(signLogHead(withoutKid, head)).rejects.toThrow('The service key has no "kid"');
  });
});

describe('the witness rules', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 4, minute));
  const seen = { entries: 12, lastHash: HASH_A, signedAt: at(0) };

  it('keeps the first head, and a head with more entries', () => {
    expect(judgeLogHead({ entries: 3, lastHash: HASH_A, signedAt: at(0) }, { latest: null, atSameCount: null })).toEqual({
      outcome: 'WITNESSED',
    });
    expect(judgeLogHead({ entries: 13, lastHash: HASH_B, signedAt: at(1) }, { latest: seen, atSameCount: null })).toEqual({
      outcome: 'WITNESSED',
    });
  });

  it('has nothing to keep when the log has not moved', () => {
    expect(judgeLogHead({ ...seen, signedAt: at(1) }, { latest: seen, atSameCount: seen })).toEqual({ outcome: 'UNCHANGED' });
  });

  it('refuses another hash at a count already witnessed: a rewrite', () => {
    expect(judgeLogHead({ entries: 12, lastHash: HASH_B, signedAt: at(1) }, { latest: seen, atSameCount: seen })).toEqual({
      outcome: 'REFUSED',
      reason: `the hash at entry count 12 changed: ${HASH_A} was witnessed (signed 2026-11-20T04:00:00.000Z), now ${HASH_B}: the log was rewritten`,
    });
  });

  it('refuses a newer head with fewer entries (entries removed), and ignores an older one arriving late', () => {
    expect(judgeLogHead({ entries: 10, lastHash: HASH_B, signedAt: at(1) }, { latest: seen, atSameCount: null })).toEqual({
      outcome: 'REFUSED',
      reason: 'the entry count went backwards: 12 entries were witnessed (signed 2026-11-20T04:00:00.000Z), now 10: entries were removed',
    });
    expect(
      judgeLogHead({ entries: 10, lastHash: HASH_B, signedAt: at(0) }, { latest: { ...seen, signedAt: at(1) }, atSameCount: null }),
    ).toEqual({
      outcome: 'STALE',
      reason: 'signed 2026-11-20T04:00:00.000Z, before the head of 12 entries already witnessed (signed 2026-11-20T04:01:00.000Z)',
    });
  });
});

describe('auditAccessLog against witnessed heads', () => {
  /** A chain of `n` entries, as the chain query gives it. */
  function chain(n: number, purposeAt: (i: number) => string | null = () => null): ChainLink[] {
    const links: ChainLink[] = [];
    let prevHash = GENESIS_HASH;
    for (let i = 1; i <= n; i += 1) {
      const contents = canonicalEntryJson({
        at: new Date(Date.UTC(2026, 10, 20, 4, i)),
        subject: `u-${i}`,
        subjectName: null,
        department: 'UNION',
        roles: ['CASEWORKER'],
        operationName: null,
        purpose: purposeAt(i),
        subjectKeys: ['ref-a'],
        fields: ['Worker.name'],
        channelId: null,
        outcome: 'MASKED',
        requestId: `req-${i}`,
      });
      const hash = entryHash(prevHash, contents);
      links.push({ id: String(i + 100), contents, prevHash, hash });
      prevHash = hash;
    }
    return links;
  }
  const pagesOf = (links: ChainLink[]) => async (after: string, limit: number) =>
    links.filter((l) => Number(l.id) > Number(after)).slice(0, limit);
  const witnessed = (links: ChainLink[], entries: number, witness = 'UNION'): WitnessedPosition => ({
    witness,
    entries,
    lastHash: links[entries - 1]!.hash,
    signedAt: '2026-11-20T04:30:00.000Z',
    status: 'WITNESSED',
  });

  it('finds an intact log that passes through every witnessed head', async () => {
    const log = chain(5);
    const audit = await auditAccessLog(pagesOf(log), [witnessed(log, 3), witnessed(log, 5, 'JUSTICE')]);
    expect(audit).toEqual({ entries: 5, firstBrokenId: null, reason: null, lastHash: log[4]!.hash, headsChecked: 2, contradictions: [] });
  });

  it('shows a chain recomputed after a change: intact in itself, but not through the witnessed head', async () => {
    const original = chain(5);
    const rewritten = chain(5, (i) => (i === 2 ? 'statistics' : null));
    const audit = await auditAccessLog(pagesOf(rewritten), [witnessed(original, 4, 'HR_BUREAU')]);
    expect([audit.firstBrokenId, audit.contradictions.map((c) => [c.kind, c.witness, c.entries])]).toEqual([
      null,
      [['REWRITE', 'HR_BUREAU', 4]],
    ]);
    expect(audit.contradictions[0]!.message).toBe(
      `entry 4 (id 104) has hash ${rewritten[3]!.hash}, but HR_BUREAU witnessed ${original[3]!.hash} for 4 entries (signed 2026-11-20T04:30:00.000Z): the log was rewritten up to there and rehashed`,
    );
  });

  it('shows entries cut off at the end, which the chain alone cannot', async () => {
    const log = chain(5);
    const audit = await auditAccessLog(pagesOf(log.slice(0, 3)), [witnessed(log, 5, 'COURT')]);
    expect([audit.firstBrokenId, audit.contradictions.map((c) => c.message)]).toEqual([
      null,
      ['the log holds 3 entries, but COURT witnessed 5 (signed 2026-11-20T04:30:00.000Z): entries at the end were removed'],
    ]);
  });

  it('reports a head a witness refused', async () => {
    const log = chain(2);
    const refused: WitnessedPosition = { ...witnessed(log, 2), entries: 1, status: 'REFUSED', reason: 'the entry count went backwards' };
    const audit = await auditAccessLog(pagesOf(log), [refused]);
    expect(audit.contradictions).toEqual([
      {
        kind: 'REFUSED',
        witness: 'UNION',
        entries: 1,
        signedAt: '2026-11-20T04:30:00.000Z',
        message: 'UNION refused a head of 1 entries signed 2026-11-20T04:30:00.000Z: the entry count went backwards',
      },
    ]);
    expect(audit.headsChecked).toBe(0);
  });
});
