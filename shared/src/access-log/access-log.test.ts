import { Department, Role, type Principal } from '../context';
import { DataClass } from '../permissions/data-class';
import { BufferedAccessRecorder } from './buffered-access-recorder';
import { canonicalEntryJson, entryHash, GENESIS_HASH, hashedTime } from './hash-chain';
import { TextArrayType } from './text-array.type';

const reader: Principal = { subject: 'u-17', name: '李四', department: Department.UNION, roles: [Role.CASEWORKER] };
const request = {
  at: new Date('2026-11-20T08:30:00.123Z'),
  principal: reader,
  operationName: 'WorkerFile',
  purpose: '调解',
  requestId: 'req-1',
};

describe('BufferedAccessRecorder', () => {
  it('folds the reads of a request into one row per outcome, channel and type, keys and fields without repetition', () => {
    const recorder = new BufferedAccessRecorder();
    expect(recorder.isEmpty).toBe(true);
    for (const ref of ['ref-b', 'ref-a', 'ref-b']) {
      for (const fieldName of ['name', 'idNumber']) {
        recorder.record({
          typeName: 'Worker',
          fieldName,
          dataClass: DataClass.PERSONAL,
          subjectKey: ref,
          outcome: 'MASKED',
          channelId: null,
        });
      }
    }
    recorder.record({
      typeName: 'Worker',
      fieldName: 'phone',
      dataClass: DataClass.PERSONAL,
      subjectKey: 'ref-a',
      outcome: 'GRANTED',
      channelId: 'ch-1',
    });
    recorder.record({
      typeName: 'ArbitrationCase',
      fieldName: 'awardSummary',
      dataClass: DataClass.SHARED,
      subjectKey: null,
      outcome: 'DENIED',
      channelId: null,
    });

    const rows = recorder.take(request);
    expect(rows).toEqual([
      { ...common(), subjectKeys: ['ref-a', 'ref-b'], fields: ['Worker.idNumber', 'Worker.name'], channelId: null, outcome: 'MASKED' },
      { ...common(), subjectKeys: ['ref-a'], fields: ['Worker.phone'], channelId: 'ch-1', outcome: 'GRANTED' },
      { ...common(), subjectKeys: [], fields: ['ArbitrationCase.awardSummary'], channelId: null, outcome: 'DENIED' },
    ]);
    expect(recorder.isEmpty).toBe(true);
  });

  it("gives the reads of each fetch of a merged request that fetch's own request id and operation name", () => {
    const recorder = new BufferedAccessRecorder();
    const read = (subjectKey: string, fetch?: number) =>
      recorder.record({
        typeName: 'Worker',
        fieldName: 'name',
        dataClass: DataClass.PERSONAL,
        subjectKey,
        outcome: 'MASKED',
        channelId: null,
        fetch,
      });
    read('ref-a', 0);
    read('ref-b', 1);
    read('ref-c', 0);
    read('ref-d');
    const origins = [
      { requestId: 'client-req-0', operationName: 'Workers0__hr_bureau__0' },
      { requestId: 'client-req-1', operationName: null },
    ];
    const rows = recorder.take(request, origins);
    const masked = { fields: ['Worker.name'], channelId: null, outcome: 'MASKED' };
    expect(rows).toEqual([
      { ...common(), ...masked, subjectKeys: ['ref-a', 'ref-c'], requestId: 'client-req-0', operationName: 'Workers0__hr_bureau__0' },
      { ...common(), ...masked, subjectKeys: ['ref-b'], requestId: 'client-req-1', operationName: null },
      { ...common(), ...masked, subjectKeys: ['ref-d'] },
    ]);
    expect(recorder.isEmpty).toBe(true);
  });

  it('keeps each read in its own group when one field changes outcome, channel or type from read to read', () => {
    const recorder = new BufferedAccessRecorder();
    const read = (typeName: string, subjectKey: string, outcome: 'GRANTED' | 'MASKED', channelId: string | null) =>
      recorder.record({ typeName, fieldName: 'name', dataClass: DataClass.PERSONAL, subjectKey, outcome, channelId });
    read('Worker', 'w-3', 'GRANTED', 'ch-1'); // in the channel's scope
    read('Worker', 'w-1', 'MASKED', null); // out of it
    read('Worker', 'w-2', 'GRANTED', 'ch-1');
    read('Worker', 'w-4', 'GRANTED', 'ch-2'); // another channel
    read('Enterprise', 'e-1', 'GRANTED', 'ch-1'); // the same field name on another type
    read('Worker', 'w-5', 'MASKED', null);
    read('Worker', 'w-6', 'GRANTED', 'ch-1');
    expect(recorder.take(request).map((row) => [row.fields, row.outcome, row.channelId, row.subjectKeys])).toEqual([
      [['Worker.name'], 'GRANTED', 'ch-1', ['w-2', 'w-3', 'w-6']],
      [['Worker.name'], 'MASKED', null, ['w-1', 'w-5']],
      [['Worker.name'], 'GRANTED', 'ch-2', ['w-4']],
      [['Enterprise.name'], 'GRANTED', 'ch-1', ['e-1']],
    ]);
    // A taken recorder starts again: nothing of the last request's groups is kept.
    read('Worker', 'w-7', 'GRANTED', 'ch-1');
    expect(recorder.take(request).map((row) => [row.fields, row.outcome, row.channelId, row.subjectKeys])).toEqual([
      [['Worker.name'], 'GRANTED', 'ch-1', ['w-7']],
    ]);
  });

  function common() {
    return {
      at: request.at,
      subject: 'u-17',
      subjectName: '李四',
      department: Department.UNION,
      roles: [Role.CASEWORKER],
      operationName: 'WorkerFile',
      purpose: '调解',
      requestId: 'req-1',
    };
  }
});

describe('hash chain', () => {
  const entry = {
    at: request.at,
    subject: 'u-17',
    subjectName: null,
    department: 'UNION',
    roles: ['CASEWORKER'],
    operationName: null,
    purpose: '调解',
    subjectKeys: ['ref-a'],
    fields: ['Worker.name'],
    channelId: null,
    outcome: 'MASKED',
    requestId: 'req-1',
  };

  it('hashes the previous hash and a fixed-order JSON of the contents, the time with microseconds', () => {
    expect(hashedTime(request.at)).toBe('2026-11-20T08:30:00.123000Z');
    const json = canonicalEntryJson(entry);
    expect(json).toBe(
      '["2026-11-20T08:30:00.123000Z","u-17",null,"UNION",["CASEWORKER"],null,"调解",["ref-a"],["Worker.name"],null,"MASKED","req-1"]',
    );
    const first = entryHash(GENESIS_HASH, json);
    // Pinned: the hash of an entry never changes, or logs written before could no longer be verified.
    expect(first).toBe('7bf0ce3339804e87a14c7ac4056b8a736b272f3366d0e19cc89cf7f712863bca');
    // Any change of the contents or of the link gives another hash.
    expect(entryHash(GENESIS_HASH, canonicalEntryJson({ ...entry, purpose: '调解 ' }))).not.toBe(first);
    expect(entryHash(first, json)).not.toBe(first);
  });
});

describe('TextArrayType', () => {
  it('quotes every element, so PostgreSQL reads back exactly what was written', () => {
    const type = new TextArrayType();
    expect(type.convertToDatabaseValue(['a', ' b ', 'NULL', 'c,"d"\\', ''])).toBe('{"a"," b ","NULL","c,\\"d\\"\\\\",""}');
    expect(type.convertToDatabaseValue([])).toBe('{}');
  });
});
