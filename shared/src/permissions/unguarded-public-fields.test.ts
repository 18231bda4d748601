import 'reflect-metadata';
import { graphql, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Arg, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Department, Role, type Principal } from '../context/principal';
import { buildFederatedSchema } from '../federation/build-federated-schema';
import type { AccessEntry } from './access-recorder';
import { applyPermissions } from './apply-permissions';
import { Alert } from './alert.fixtures';
import { Public } from './data-class';
import { staticGrantSource } from './grants';

// Alert's PUBLIC fields: one a plain property, one with a resolver of its own; and a field added by a
// resolver without a class.

let projectCalls = 0;

@Resolver(() => Alert)
class AlertResolver {
  @Query(() => Alert, { nullable: true })
  @Public()
  alert(@Arg('alertNo') alertNo: string): Alert {
    return record(alertNo);
  }

  /** A PUBLIC field computed by a resolver. */
  @FieldResolver(() => String, { nullable: true })
  @Public()
  project(@Root() alert: Alert): string {
    projectCalls += 1;
    return `项目 ${alert.alertNo}`;
  }

  /** A field added by a resolver, without a class. */
  @FieldResolver(() => String, { nullable: true })
  summary(@Root() alert: Alert): string {
    return alert.alertNo;
  }
}

const record = (alertNo: string): Alert => ({
  alertNo,
  amountOwed: '1280000.00',
  contactName: null,
  informant: null,
  evidence: '举报人录音',
});

const as = (department: Department, ...roles: Role[]): Principal => ({ subject: 'u-1', name: '测试', department, roles });
const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Alert { alertNo project amountOwed evidence summary } }
  }
`;

const fieldOf = (schema: GraphQLSchema, type: string, field: string) => (schema.getType(type) as GraphQLObjectType).getFields()[field]!;

describe('applyPermissions and PUBLIC fields', () => {
  let original: GraphQLSchema;
  let guarded: GraphQLSchema;

  beforeAll(async () => {
    original = await buildFederatedSchema(
      { resolvers: [AlertResolver] },
      { Alert: { __resolveReference: (ref: { alertNo: string }) => record(ref.alertNo) } },
    );
    guarded = applyPermissions(original, { provider: Department.HR_BUREAU, grants: staticGrantSource({}) });
  });

  async function read(principal: Principal | null) {
    const entries: AccessEntry[] = [];
    const result = await graphql({
      schema: guarded,
      source: ENTITIES,
      variableValues: {
        representations: [
          { __typename: 'Alert', alertNo: 'YJ-2026-001' },
          { __typename: 'Alert', alertNo: 'YJ-2026-002' },
        ],
      },
      contextValue: { principal, access: { record: (entry: AccessEntry) => entries.push(entry) } },
    });
    const errors = (result.errors ?? []).map((e) => ({ path: e.path?.join('.'), code: e.extensions['code'], message: e.message }));
    return { data: result.data, errors, entries };
  }

  it('leaves a PUBLIC field below the root its own resolver, and wraps the fields that need a decision', () => {
    const project = fieldOf(original, 'Alert', 'project').resolve;
    expect(typeof project).toBe('function');
    expect(fieldOf(guarded, 'Alert', 'project').resolve).toBe(project);
    expect(fieldOf(guarded, 'Alert', 'alertNo').resolve).toBe(fieldOf(original, 'Alert', 'alertNo').resolve);
    expect(fieldOf(guarded, '_Service', 'sdl').resolve).toBe(fieldOf(original, '_Service', 'sdl').resolve);
    for (const [type, field] of [
      ['Alert', 'amountOwed'],
      ['Alert', 'evidence'],
      ['Alert', 'summary'],
      ['Query', 'alert'],
      ['Query', '_entities'],
    ] as const) {
      const wrapped = fieldOf(guarded, type, field).resolve;
      expect(typeof wrapped).toBe('function');
      expect(wrapped).not.toBe(fieldOf(original, type, field).resolve);
    }
  });

  it('gives another department the PUBLIC fields by their own resolvers, and still denies the unclassified ones', async () => {
    projectCalls = 0;
    const { data, errors, entries } = await read(as(Department.UNION, Role.COORDINATOR));
    expect(data).toEqual({
      _entities: [
        { alertNo: 'YJ-2026-001', project: '项目 YJ-2026-001', amountOwed: null, evidence: null, summary: null },
        { alertNo: 'YJ-2026-002', project: '项目 YJ-2026-002', amountOwed: null, evidence: null, summary: null },
      ],
    });
    expect(projectCalls).toBe(2);
    const forbidden = (index: number, field: string) => ({
      path: `_entities.${index}.${field}`,
      code: 'FORBIDDEN',
      message: `Not allowed for your department or role: Alert.${field}`,
    });
    expect(errors).toEqual(
      expect.arrayContaining([0, 1].flatMap((i) => [forbidden(i, 'amountOwed'), forbidden(i, 'evidence'), forbidden(i, 'summary')])),
    );
    expect(errors).toHaveLength(6);
    // The SHARED field was refused and logged; PUBLIC reads are not logged, unclassified ones have no class to log.
    expect(entries.map((e) => `${e.fieldName} ${e.subjectKey} ${e.outcome}`).sort()).toEqual([
      'amountOwed YJ-2026-001 DENIED',
      'amountOwed YJ-2026-002 DENIED',
    ]);
  });

  it('denies the unclassified fields to the own department too', async () => {
    const { data, errors } = await read(as(Department.HR_BUREAU, Role.ADMIN));
    expect(data).toEqual({
      _entities: [
        { alertNo: 'YJ-2026-001', project: '项目 YJ-2026-001', amountOwed: '1280000.00', evidence: null, summary: null },
        { alertNo: 'YJ-2026-002', project: '项目 YJ-2026-002', amountOwed: '1280000.00', evidence: null, summary: null },
      ],
    });
    expect(errors.map((e) => `${e.path} ${e.code}`).sort()).toEqual([
      '_entities.0.evidence FORBIDDEN',
      '_entities.0.summary FORBIDDEN',
      '_entities.1.evidence FORBIDDEN',
      '_entities.1.summary FORBIDDEN',
    ]);
  });

  it('answers a read below the root without a promise when its decision is known: in full, or refused and logged', () => {
    const amountOwed = fieldOf(guarded, 'Alert', 'amountOwed').resolve!;
    const entries: AccessEntry[] = [];
    const info = { parentType: guarded.getType('Alert'), fieldName: 'amountOwed' } as never;
    const alert = record('YJ-2026-001');
    const own = { principal: as(Department.HR_BUREAU, Role.CASEWORKER), access: { record: (entry: AccessEntry) => entries.push(entry) } };
    expect(amountOwed(alert, {}, own, info)).toBe('1280000.00');
    const other = { principal: as(Department.UNION, Role.COORDINATOR), access: { record: (entry: AccessEntry) => entries.push(entry) } };
    expect(() => amountOwed(alert, {}, other, info)).toThrow('Not allowed for your department or role: Alert.amountOwed');
    expect(entries.map((e) => `${e.fieldName} ${e.subjectKey} ${e.outcome}`)).toEqual(['amountOwed YJ-2026-001 DENIED']);
  });

  it('decides at the root whether there is a principal: without one, no entity is read', async () => {
    projectCalls = 0;
    const { data, errors } = await read(null);
    expect(data).toBeNull();
    expect(errors).toEqual([{ path: '_entities', code: 'FORBIDDEN', message: 'Not allowed for your department or role: Query._entities' }]);
    expect(projectCalls).toBe(0);
  });
});
