import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Department, Role, serviceIssuer } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { documentIdOf } from '../../gateway/src/trusted-documents/trusted-documents';
import type { GraphQLResponse } from '../support/graphql-client';
import { postGraphQL } from '../support/graphql-client';
import { scrape } from '../support/metrics';
import { startStack, type RunningStack } from '../support/stack';
import { makeTempDir } from '../support/temp-dir';
import { asPrincipal, testToken, TEST_SERVICE_KEYS } from '../support/tokens';

/**
 * Trusted documents through the real gateway and the four subgraphs over HTTP: department systems (SERVICE
 * tokens) run their own department's registered operations, by documentId or APQ hash, and nothing else;
 * people keep free-form queries and may use the ids too.
 */

const ENTERPRISE_FILE = 'query EnterpriseFile($creditCode: String!) {\n  enterprise(creditCode: $creditCode) {\n    name\n  }\n}\n';
const MEDIATION =
  'query Mediation($creditCode: String!) {\n  enterprise(creditCode: $creditCode) {\n    mediationCases {\n      caseNo\n    }\n  }\n}\n';
/** Eleven aliases: within a system's limits, over an analyst's ten. */
const ALIAS = (i: number) => `  a${i}: enterprise(creditCode: $creditCode) {\n    name\n  }\n`;
const ALIASES = `query Aliases($creditCode: String!) {\n${Array.from({ length: 11 }, (_, i) => ALIAS(i)).join('')}}\n`;
const FILE_ID = documentIdOf(ENTERPRISE_FILE);
const MEDIATION_ID = documentIdOf(MEDIATION);
const variables = { creditCode: STORY_ENTERPRISES.constructionArrears };
const NAME = '北京京开建工集团有限公司';

/** A SERVICE token of a subgraph, signed with its own service key as that subgraph signs them. */
const serviceOf = (name: string, department: Department) => {
  const token = testToken({ department, roles: [Role.SERVICE], issuer: serviceIssuer(name), signedBy: TEST_SERVICE_KEYS[name] });
  return { authorization: `Bearer ${token}` };
};
const hrSystem = serviceOf('hr-bureau', Department.HR_BUREAU);
const unionSystem = serviceOf('union', Department.UNION);
const courtSystem = serviceOf('court', Department.COURT);

let stack: RunningStack;
let dir: ReturnType<typeof makeTempDir>;

/** Posts a JSON body as it is to the gateway. */
async function post(body: object, headers: Record<string, string>): Promise<GraphQLResponse> {
  const response = await fetch(`${stack.gatewayUrl}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

beforeAll(async () => {
  dir = makeTempDir('trusted-documents-e2e');
  const write = (path: string, text: string) => {
    mkdirSync(join(dir.path, path, '..'), { recursive: true });
    writeFileSync(join(dir.path, path), text);
  };
  // hr-file's documents only for the labour bureau's service key; union-cases' for any UNION key.
  write('hr-file/system.json', JSON.stringify({ department: 'HR_BUREAU', kids: [TEST_SERVICE_KEYS['hr-bureau']!.kid] }));
  write('hr-file/EnterpriseFile.graphql', ENTERPRISE_FILE);
  write('hr-file/Aliases.graphql', ALIASES);
  write('union-cases/system.json', JSON.stringify({ department: 'UNION' }));
  write('union-cases/Mediation.graphql', MEDIATION);
  // The court's service key is exempt: its system still sends free-form queries.
  stack = await startStack({ demo: true, trustedDocuments: { dir: dir.path, exemptKids: [TEST_SERVICE_KEYS['court']!.kid] }, metrics: {} });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  dir?.remove();
});

describe('trusted documents at the gateway', () => {
  it('runs a registered document named by documentId, bare or sha256:-prefixed, and by APQ hash without a query', async () => {
    const answered = { status: 200, body: { data: { enterprise: { name: NAME } } } };
    expect(await post({ documentId: FILE_ID, variables }, hrSystem)).toEqual(answered);
    expect(await post({ documentId: `sha256:${FILE_ID}`, variables }, hrSystem)).toEqual(answered);
    expect(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: FILE_ID } }, variables }, hrSystem)).toEqual(answered);
    // The text itself, unchanged, is the document too, with or without its id.
    expect(await post({ query: ENTERPRISE_FILE, documentId: FILE_ID, variables }, hrSystem)).toEqual(answered);
    expect(await postGraphQL(stack.gatewayUrl, ENTERPRISE_FILE, variables, hrSystem)).toEqual(answered);
  });

  it('refuses an unknown id with PERSISTED_QUERY_NOT_FOUND, for systems and people alike', async () => {
    const unknown = documentIdOf('query Unknown { __typename }');
    for (const headers of [hrSystem, asPrincipal(Department.UNION, Role.COORDINATOR)]) {
      expect(await post({ documentId: unknown }, headers)).toEqual({
        status: 200,
        body: {
          errors: [
            {
              message:
                `No trusted document has id ${unknown}: register the operation as a .graphql file under ` +
                "gateway/trusted-documents/<system>/ and send its id (the id is the sha256 of the file's text)",
              extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
            },
          ],
        },
      });
    }
    expect(
      (await post({ extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } }, hrSystem)).body.errors?.[0]?.extensions,
    ).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect((await post({ documentId: 'EnterpriseFile' }, hrSystem)).body.errors?.[0]).toEqual({
      message: 'documentId must be the sha256 of the document, 64 lowercase hex digits (optionally "sha256:" first)',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('refuses a query whose text does not hash to the id it is sent with, with 400 BAD_REQUEST', async () => {
    const edited = ENTERPRISE_FILE.replace('name', 'name creditCode');
    const answer = await post({ query: edited, documentId: FILE_ID, variables }, asPrincipal(Department.UNION, Role.COORDINATOR));
    expect(answer).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              `The query's sha256 is ${documentIdOf(edited)}, not the id the request names (${FILE_ID}): ` +
              'send the registered text unchanged, or only its id',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    });
    const apq = await post({ query: edited, extensions: { persistedQuery: { version: 1, sha256Hash: FILE_ID } } }, hrSystem);
    expect([apq.status, apq.body.errors?.[0]?.extensions]).toEqual([400, { code: 'BAD_REQUEST' }]);
  });

  it("refuses a system's free-form query with TRUSTED_DOCUMENT_REQUIRED, by POST and by GET, unless its key is exempt", async () => {
    const required = async () =>
      (await scrape(stack.metricsUrls.get('gateway')!)).value('http_requests_refused_total', { code: 'TRUSTED_DOCUMENT_REQUIRED' });
    const before = await required();
    const freeForm = 'query EnterpriseFile($creditCode: String!) { enterprise(creditCode: $creditCode) { name } }';
    expect(await postGraphQL(stack.gatewayUrl, freeForm, variables, hrSystem)).toEqual({
      status: 403,
      body: {
        errors: [
          {
            message:
              'A SERVICE token runs registered operations only, not free-form queries: register the operation as a .graphql file under ' +
              'gateway/trusted-documents/<system>/ and send its id (documentId, or extensions.persistedQuery.sha256Hash)',
            extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED' },
          },
        ],
      },
    });
    const get = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { ...hrSystem, 'apollo-require-preflight': 'true' },
    });
    expect([get.status, ((await get.json()) as GraphQLResponse['body']).errors?.[0]?.extensions]).toEqual([
      403,
      { code: 'TRUSTED_DOCUMENT_REQUIRED' },
    ]);
    // Counted as refusals before GraphQL, by code.
    expect((await required()) - before).toBe(2);
    // The court's service key is exempt (TRUSTED_DOCUMENTS_EXEMPT_KIDS).
    expect(await postGraphQL(stack.gatewayUrl, freeForm, variables, courtSystem)).toEqual({
      status: 200,
      body: { data: { enterprise: { name: NAME } } },
    });
  });

  it("refuses a system another department's documents, and a system's documents to keys it does not name", async () => {
    const other = await post({ documentId: MEDIATION_ID, variables }, hrSystem);
    expect(other).toEqual({
      status: 403,
      body: {
        errors: [
          {
            message:
              `Trusted document ${MEDIATION_ID} belongs to union-cases, a system of UNION: ` +
              "a SERVICE token of HR_BUREAU may run only its own department's systems' documents",
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      },
    });
    // The same text sent in full is the same document, and refused the same way.
    expect((await postGraphQL(stack.gatewayUrl, MEDIATION, variables, hrSystem)).status).toBe(403);
    // A SERVICE token of the labour bureau signed with its identity-provider key, not the key hr-file names.
    const idpSigned = await post({ documentId: FILE_ID, variables }, asPrincipal(Department.HR_BUREAU, Role.SERVICE));
    expect([idpSigned.status, idpSigned.body.errors?.[0]?.message]).toEqual([
      403,
      `Trusted document ${FILE_ID} belongs to hr-file, whose documents only tokens signed with key(s) ` +
        `${TEST_SERVICE_KEYS['hr-bureau']!.kid} may run`,
    ]);
    // The union's own system runs it.
    const own = await post({ documentId: MEDIATION_ID, variables }, unionSystem);
    expect([own.status, own.body.errors, Array.isArray(own.body.data?.enterprise?.mediationCases)]).toEqual([200, undefined, true]);
  });

  it("keeps people's free-form queries, lets them run any registered id, and holds registered documents to their limits", async () => {
    const coordinator = asPrincipal(Department.UNION, Role.COORDINATOR);
    expect(
      await postGraphQL(stack.gatewayUrl, '{ enterprise(creditCode: "91110115102884310L") { name } }', undefined, coordinator),
    ).toEqual({
      status: 200,
      body: { data: { enterprise: { name: expect.any(String) } } },
    });
    expect(await post({ documentId: FILE_ID, variables }, coordinator)).toEqual({
      status: 200,
      body: { data: { enterprise: { name: NAME } } },
    });
    const aliasesId = documentIdOf(ALIASES);
    expect((await post({ documentId: aliasesId, variables }, hrSystem)).body.data).toMatchObject({ a10: { name: NAME } });
    const analyst = await post({ documentId: aliasesId, variables }, asPrincipal(Department.HR_BUREAU, Role.ANALYST));
    expect([analyst.status, analyst.body.errors?.[0]?.extensions]).toEqual([
      400,
      { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', maxAllowed: 10, found: 11 },
    ]);
  });
});
