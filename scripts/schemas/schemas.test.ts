import 'reflect-metadata';
import { emitSchemas, staleFiles } from './emit-schemas';

describe('committed schemas', () => {
  it('match what the subgraphs emit and compose now (else run `npm run schema:generate`)', async () => {
    const emitted = await emitSchemas();
    expect(staleFiles(emitted)).toEqual([]);
  }, 60_000);
});
