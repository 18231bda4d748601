import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { examplesOf } from '../../console/src/explorer/examples';
import { ROOT, operationsInUse, type OperationInUse } from './operations-in-use';
import { checkSchemaChange, formatReport } from './schema-check';
import { subgraphSchemaPath } from './emit-schemas';

/** A committed subgraph SDL with one exact edit; fails loudly when the text to edit is not there. */
function edited(name: string, from: string | RegExp, to: string): string {
  const sdl = readFileSync(subgraphSchemaPath(name), 'utf8');
  const next = sdl.replace(from, to);
  if (next === sdl) throw new Error(`${name}'s schema.graphql has no ${String(from)}`);
  return next;
}

let operations: OperationInUse[];
beforeAll(async () => {
  operations = await operationsInUse();
}, 60_000);

describe('operationsInUse', () => {
  it("finds the console's documents, every README example and every saved query, each with the fragments it spreads", () => {
    const readme = examplesOf(readFileSync(`${ROOT}/README.md`, 'utf8'));
    expect(operations.filter((o) => o.origin === 'readme').map((o) => o.name)).toEqual(
      readme.map((e) => `${/^\s*mutation/m.test(e.query) ? 'mutation' : 'query'} ${e.name}`),
    );
    expect(operations.filter((o) => o.origin === 'saved').map((o) => `${o.file}: ${o.name}`)).toEqual([
      'queries/dispute-stages.graphql: query DisputeStagesOfLawsuit',
      'queries/enterprises-of-district.graphql: query EnterprisesOfDistrictPage',
      'queries/indicators-by-district.graphql: query IndicatorsByDistrict',
      'queries/joint-meeting-decisions.graphql: query ClosedMeetingDecisions',
    ]);
    const search = operations.find((o) => o.name === 'query EnterpriseSearch');
    expect(search?.file).toBe('console/src/enterprises/EnterpriseSearchPage.tsx');
    // A fragment defined in the file of another operation of the console comes along with the operation that spreads it.
    const accessLog = operations.find((o) => o.name === 'query AccessLogHrBureau');
    expect(accessLog?.document.definitions.map((d) => ('name' in d ? d.name?.value : undefined))).toEqual([
      'AccessLogHrBureau',
      'AccessLogPage',
    ]);
    expect(operations.filter((o) => o.origin === 'console').length).toBeGreaterThan(20);
  });
});

describe('checkSchemaChange', () => {
  it('passes the unchanged schema, with every operation in use still valid', async () => {
    const report = await checkSchemaChange({
      subgraph: 'hr-bureau',
      sdl: readFileSync(subgraphSchemaPath('hr-bureau'), 'utf8'),
      operations,
    });
    expect(report).toMatchObject({
      ok: true,
      compositionErrors: [],
      breakingChanges: [],
      dangerousChanges: [],
      brokenOperations: [],
      alreadyBroken: [],
    });
    expect(report.operationsChecked).toEqual({
      console: operations.filter((o) => o.origin === 'console').length,
      readme: operations.filter((o) => o.origin === 'readme').length,
      saved: 4,
      trusted: operations.filter((o) => o.origin === 'trusted').length,
    });
    expect(report.operationsChecked.trusted).toBeGreaterThan(0);
    expect(formatReport(report)).toBe(
      `schema:check hr-bureau: OK: composes with union, court, justice; no breaking change against gateway/supergraph.graphql; ${report.operationsChecked.console} console, ${report.operationsChecked.readme} README, 4 saved, ${report.operationsChecked.trusted} trusted operations in use still validate`,
    );
  });

  it('passes additions: a new field is safe, a new enum value is reported as a change clients may notice', async () => {
    const withField = edited(
      'hr-bureau',
      '  employeeCount: Int\n',
      '  employeeCount: Int\n  """Insured employees (参保人数)."""\n  insuredCount: Int\n',
    );
    const sdl = withField.replace(
      '  """Red: major hazard, reported at once (红色, 重大隐患)"""\n  RED\n',
      '  """Red: major hazard, reported at once (红色, 重大隐患)"""\n  RED\n  """Purple: beyond red"""\n  PURPLE\n',
    );
    expect(sdl).not.toBe(withField);
    const report = await checkSchemaChange({ subgraph: 'hr-bureau', sdl, operations });
    expect(report).toMatchObject({ ok: true, compositionErrors: [], breakingChanges: [], brokenOperations: [] });
    expect(report.dangerousChanges).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("Enum value 'PURPLE' was added to enum 'AlertLevel'"),
        path: 'AlertLevel.PURPLE',
      }),
    ]);
    const lines = formatReport(report).split('\n');
    expect(lines[0]).toBe('! 1 change that may change what clients get (not a failure):');
    expect(lines.at(-1)).toMatch(/^schema:check hr-bureau: OK: /);
  });

  it('lists an operation that was invalid before the change without failing the change for it', async () => {
    const stale: OperationInUse = {
      origin: 'saved',
      file: 'queries/old.graphql',
      name: 'query Old',
      document: parse('query Old { enterprise(creditCode: "x") { staffCount } }'),
    };
    const report = await checkSchemaChange({
      subgraph: 'court',
      sdl: readFileSync(subgraphSchemaPath('court'), 'utf8'),
      operations: [...operations, stale],
    });
    expect(report.ok).toBe(true);
    expect(report.alreadyBroken).toEqual([
      {
        origin: 'saved',
        file: 'queries/old.graphql',
        name: 'query Old',
        errors: ['Cannot query field "staffCount" on type "Enterprise".'],
      },
    ]);
    expect(formatReport(report)).toContain(
      '! 1 operation in use already invalid against gateway/supergraph.graphql (not this change\'s doing):\n  queries/old.graphql: query Old: Cannot query field "staffCount" on type "Enterprise".',
    );
  });

  it('fails when a field the console, the README and a saved query read is removed, naming each file and operation', async () => {
    const sdl = edited('hr-bureau', '  """Number of employees (职工人数) as last reported."""\n  employeeCount: Int\n', '');
    const report = await checkSchemaChange({ subgraph: 'hr-bureau', sdl, operations });
    expect(report.ok).toBe(false);
    expect(report.breakingChanges).toEqual([
      { message: "Field 'employeeCount' was removed from object type 'Enterprise'", path: 'Enterprise.employeeCount' },
    ]);
    const broken = report.brokenOperations.map((b) => `${b.file}: ${b.name}`);
    expect(broken).toEqual(
      expect.arrayContaining([
        'console/src/enterprises/EnterpriseSearchPage.tsx: query EnterpriseSearch',
        'README.md: query EnterpriseFile',
        'README.md: query LayoffStory',
        'queries/enterprises-of-district.graphql: query EnterprisesOfDistrictPage',
      ]),
    );
    expect(report.brokenOperations.find((b) => b.name === 'query EnterpriseSearch')?.errors).toEqual([
      'Cannot query field "employeeCount" on type "Enterprise".',
    ]);
    const text = formatReport(report);
    expect(text).toContain(
      "✗ 1 breaking change of the API schema against gateway/supergraph.graphql:\n  Field 'employeeCount' was removed from object type 'Enterprise' (Enterprise.employeeCount)",
    );
    expect(text).toContain(
      '  console/src/enterprises/EnterpriseSearchPage.tsx: query EnterpriseSearch: Cannot query field "employeeCount" on type "Enterprise".',
    );
    expect(text.split('\n').at(-1)).toMatch(
      /^schema:check hr-bureau: FAILED: 1 breaking change, \d+ broken operations of \d+ console, \d+ README, 4 saved, \d+ trusted checked$/,
    );
  });

  it('fails when a nullable argument becomes non-null, naming the console queries that pass a nullable variable or leave it out', async () => {
    const sdl = edited(
      'hr-bureau',
      '    """Only enterprises in this district or town (exact)."""\n    district: String\n',
      '    """Only enterprises in this district or town (exact)."""\n    district: String!\n',
    );
    const report = await checkSchemaChange({ subgraph: 'hr-bureau', sdl, operations });
    expect(report.ok).toBe(false);
    expect(report.breakingChanges).toEqual([
      {
        message: "Type for argument 'district' on field 'Query.enterprises' changed from 'String' to 'String!'",
        path: 'Query.enterprises.district',
      },
    ]);
    expect(report.brokenOperations).toEqual([
      {
        origin: 'console',
        file: 'console/src/enterprises/EnterpriseSearchPage.tsx',
        name: 'query EnterpriseSearch',
        errors: ['Variable "$district" of type "String" used in position expecting type "String!".'],
      },
      {
        origin: 'console',
        file: 'console/src/meetings/operations.ts',
        name: 'query FindEnterprises',
        errors: ['Field "enterprises" argument "district" of type "String!" is required, but it was not provided.'],
      },
    ]);
  });

  it('fails when an enum value an operation sends is removed, naming the console, README and saved queries that send it', async () => {
    const sdl = edited('union', '  """Closed with its minutes; decisions are followed up (已结束)"""\n  CLOSED\n', '');
    const report = await checkSchemaChange({ subgraph: 'union', sdl, operations });
    expect(report.ok).toBe(false);
    expect(report.breakingChanges).toEqual([
      { message: "Enum value 'CLOSED' was removed from enum 'JointMeetingStatus'", path: 'JointMeetingStatus.CLOSED' },
    ]);
    expect(report.brokenOperations.map((b) => `${b.file}: ${b.name}`)).toEqual(
      expect.arrayContaining([
        'README.md: query JointMeetingView',
        'queries/joint-meeting-decisions.graphql: query ClosedMeetingDecisions',
      ]),
    );
    expect(report.brokenOperations.find((b) => b.name === 'query ClosedMeetingDecisions')?.errors).toEqual([
      'Value "CLOSED" does not exist in "JointMeetingStatus" enum.',
    ]);
  });

  it('fails on a subgraph that no longer composes with the others, and checks nothing further', async () => {
    // The entity key every other department resolves enterprises by, with another type.
    const sdl = edited('hr-bureau', /(type Enterprise @key\(fields: "creditCode"\) \{[\s\S]*?)creditCode: String!/, '$1creditCode: Int!');
    const report = await checkSchemaChange({ subgraph: 'hr-bureau', sdl, operations });
    expect(report.ok).toBe(false);
    expect(report.compositionErrors.length).toBeGreaterThan(0);
    expect(report.compositionErrors.join('\n')).toContain('Enterprise.creditCode');
    expect(report.brokenOperations).toEqual([]);
    expect(formatReport(report)).toMatch(/^✗ hr-bureau does not compose with union, court, justice:\n/);
  });

  it('reports an SDL that does not parse as a composition failure', async () => {
    const report = await checkSchemaChange({ subgraph: 'court', sdl: 'type Query {', operations });
    expect(report.ok).toBe(false);
    expect(report.compositionErrors).toEqual(['[court] the SDL does not parse: Syntax Error: Expected Name, found <EOF>.']);
  });
});
