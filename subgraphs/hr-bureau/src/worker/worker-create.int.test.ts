import { idNumberCheckCharacter } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from '../definition';

const idNumber = (body17: string) => body17 + idNumberCheckCharacter(body17);

const CREATE_WORKER = /* GraphQL */ `mutation ($input: CreateWorkerInput!) { createWorker(input: $input) { name version } }`;
const FIND = /* GraphQL */ `query ($idNumber: String!) { worker(idNumber: $idNumber) { name } }`;

/**
 * A worker is registered once per ID number, also when two registrations arrive together. The refusal
 * names the field but never repeats the number: it is personal data.
 */
describe('createWorker with an ID number that is registered', () => {
  const hr = useSubgraph(hrBureauSubgraph);

  it('registers one of 8 concurrent requests; the others get CONFLICT without the number', async () => {
    const number = idNumber('11010519900303123');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => hr.query(CREATE_WORKER, { input: { idNumber: number, name: `并发${i}`, phone: '13800138000' } })),
    );
    const created = answers
      .filter((a) => a.body.data?.createWorker)
      .map((a) => a.body.data.createWorker as { name: string; version: number });
    const refusals = answers.filter((a) => a.body.errors).map((a) => a.body.errors);
    expect({ created: created.length, refused: refusals.length }).toEqual({ created: 1, refused: 7 });
    for (const errors of refusals) {
      expect(errors).toEqual([
        expect.objectContaining({
          message: 'A worker with this idNumber already exists',
          extensions: { code: 'CONFLICT', field: 'idNumber' },
        }),
      ]);
    }
    expect((await hr.query(FIND, { idNumber: number })).body.data.worker).toEqual({ name: created[0]!.name });
  });
});
