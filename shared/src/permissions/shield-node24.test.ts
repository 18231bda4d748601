import { buildSchema, graphql } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, and, chain, deny, not, or, race, rule, shield } from 'graphql-shield';

/**
 * graphql-shield 7.6.5 (unmaintained since 2022) calls `util.isUndefined` in `chain()` and `race()`;
 * Node 23 removed it. applyPermissions uses only custom `rule`s, `allow` and `deny`; this file proves
 * those and the combinators `and`, `or`, `not` still work on the Node that runs the tests, and shows
 * that `chain`/`race` do not (so nobody reaches for them).
 */
type ShieldRule = Parameters<typeof and>[0];

const yes = rule('yes', { cache: 'no_cache' })(() => true);
const no = rule('no', { cache: 'no_cache' })(() => false);
const fromContext = rule('fromContext', { cache: 'no_cache' })((_p, _a, ctx: { allowed: boolean }) => ctx.allowed);

async function read(permission: ShieldRule, ctx: Record<string, unknown> = {}, allowExternalErrors = false) {
  const schema = buildSchema('type Query { secret: String }');
  const guarded = applyMiddleware(
    schema,
    shield({ Query: { secret: permission } }, { fallbackRule: deny, fallbackError: new Error('FORBIDDEN'), allowExternalErrors }),
  );
  const result = await graphql({ schema: guarded, source: '{ secret }', rootValue: { secret: 'the value' }, contextValue: ctx });
  return { data: result.data?.['secret'] ?? null, error: result.errors?.[0]?.message ?? null };
}

const GRANTED = { data: 'the value', error: null };
const REFUSED = { data: null, error: 'FORBIDDEN' };

describe('graphql-shield on this Node', () => {
  it('runs on a Node without util.isUndefined (the reason for this file)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(23);
    expect((require('node:util') as Record<string, unknown>)['isUndefined']).toBeUndefined();
  });

  it.each([
    ['allow', allow, GRANTED],
    ['deny', deny, REFUSED],
    ['a custom rule saying yes', yes, GRANTED],
    ['a custom rule saying no', no, REFUSED],
    ['and(yes, yes)', and(yes, yes), GRANTED],
    ['and(yes, no)', and(yes, no), REFUSED],
    ['and(no, yes)', and(no, yes), REFUSED],
    ['or(no, yes)', or(no, yes), GRANTED],
    ['or(yes, no)', or(yes, no), GRANTED],
    ['or(no, no)', or(no, no), REFUSED],
    ['not(no)', not(no), GRANTED],
    ['not(yes)', not(yes), REFUSED],
    ['not(and(yes, no))', not(and(yes, no)), GRANTED],
  ] as const)('%s works', async (_name, permission, expected) => {
    expect(await read(permission)).toEqual(expected);
  });

  it('a custom rule reads the request context', async () => {
    expect(await read(fromContext, { allowed: true })).toEqual(GRANTED);
    expect(await read(fromContext, { allowed: false })).toEqual(REFUSED);
  });

  it('a rule may return its own error', async () => {
    const own = rule('own', { cache: 'no_cache' })(() => new Error('not your department'));
    expect(await read(own)).toEqual({ data: null, error: 'not your department' });
  });

  describe('broken here, which is why applyPermissions does not use them', () => {
    it('chain(yes, yes) denies instead of allowing', async () => {
      expect(await read(chain(yes, yes))).toEqual(REFUSED);
    });

    it('race(yes, no) denies instead of allowing', async () => {
      expect(await read(race(yes, no))).toEqual(REFUSED);
    });

    it('with allowExternalErrors, chain() surfaces the TypeError instead', async () => {
      expect(await read(chain(yes, yes), {}, true)).toEqual({
        data: null,
        error: expect.stringMatching(/isUndefined\) is not a function/),
      });
    });
  });
});
