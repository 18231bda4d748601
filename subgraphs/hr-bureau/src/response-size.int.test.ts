import { Department, Role } from '@labour/shared';
import { type LogLines, useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from './definition';
import { Enterprise, Ownership } from './enterprise/enterprise.entity';

/** A small limit, so that a page of the enterprise file goes over it and one enterprise does not. */
const MAX_RESPONSE_BYTES = 2048;
const ENTERPRISES = 30;

const logs: LogLines = [];

const hr = useSubgraph(
  hrBureauSubgraph,
  {
    maxResponseBytes: MAX_RESPONSE_BYTES,
    logs,
    principal: { department: Department.HR_BUREAU, roles: [Role.CASEWORKER] },
  },
  60_000,
);
beforeAll(async () => {
  const em = hr.subgraph.orm.em.fork();
  for (let i = 1; i <= ENTERPRISES; i++) {
    em.create(Enterprise, {
      creditCode: `91110302MA0${String(i).padStart(6, '0')}X`,
      name: `北京经济技术开发区第${i}精密制造有限公司`,
      industry: '制造业',
      district: '亦庄镇',
      address: `北京经济技术开发区科创十三街${i}号院`,
      ownership: Ownership.PRIVATE,
      employeeCount: 100 + i,
      registeredOn: '2010-01-01',
    });
  }
  await em.flush();
}, 60_000);

describe('the largest answer a subgraph sends (MAX_RESPONSE_BYTES)', () => {
  const PAGE = /* GraphQL */ `query ($first: Int!) { enterprises(first: $first) { nodes { creditCode name address industry district employeeCount } } }`;

  it('answers within the limit as usual', async () => {
    const { body } = await hr.query(PAGE, { first: 2 });
    expect(body.errors).toBeUndefined();
    expect(body.data.enterprises.nodes).toHaveLength(2);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
  });

  it('sends RESPONSE_TOO_LARGE instead of a larger answer, naming the limit and suggesting `first`', async () => {
    const { status, body } = await hr.query(PAGE, { first: ENTERPRISES });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(
          /^The answer would be \d+ bytes, more than the 2048 this service sends at once: ask for fewer items with `first`/,
        ),
        extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: MAX_RESPONSE_BYTES },
      },
    ]);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
  });

  it('logs what it withheld and how large it was', async () => {
    logs.length = 0;
    await hr.query(PAGE, { first: ENTERPRISES });
    const line = logs.find((l) => l['msg'] === 'answer too large: sent RESPONSE_TOO_LARGE instead');
    expect(line).toMatchObject({ level: 40, maxBytes: MAX_RESPONSE_BYTES, bytes: expect.any(Number) });
    expect(line!['bytes'] as number).toBeGreaterThan(MAX_RESPONSE_BYTES);
  });

  it("holds each fetch of the gateway's merged fetch to the limit alone: only the one over it is withheld", async () => {
    const merged = /* GraphQL */ `query Page__merged($f0_first: Int!, $f1_first: Int!) {
      f0_enterprises: enterprises(first: $f0_first) { nodes { creditCode name address industry district employeeCount } }
      f1_enterprises: enterprises(first: $f1_first) { nodes { creditCode name address industry district employeeCount } }
    }`;
    const { status, body } = await hr.query(merged, { f0_first: ENTERPRISES, f1_first: 2 });
    expect(status).toBe(200);
    expect(body.data.f0_enterprises).toBeNull();
    expect(body.data.f1_enterprises.nodes).toHaveLength(2);
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/^The answer would be \d+ bytes, more than the 2048 this service sends at once/),
        path: ['f0_enterprises'],
        extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: MAX_RESPONSE_BYTES },
      },
    ]);
  });
});
