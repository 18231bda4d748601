import { Department, Role, type Principal } from '../context';
import { DataClass } from '../permissions/data-class';
import { BufferedAccessRecorder } from './buffered-access-recorder';
import { canonicalEntryJson, entryHash, GENESIS_HASH, hashedTime } from './hash-chain';
import { TextArrayType } from './text-array.type';

const reader: Principal = { subject: 'u-17', name: '李四', department: Department.UNION, roles: [Role.CASEWORKER] };
const request = { at: new Date('2026-11-20T08:30:00.123Z'), principal: reader, operationName: 'WorkerFile', purpose: '调解', requestId: 'req-1' };

describe('BufferedAccessRecorder', () => {
  it('folds the reads of a request into one row per outcome, channel and type, keys and fields without repetition', () => {
    const recorder = new BufferedAccessRecorder();
    expect(recorder.isEmpty).toBe(true);
    for (const ref of ['ref-b', 'ref-a', 'ref-b']) {
      for (const fieldName of ['name', 'idNumber']) {
        recorder.record({ typeName: 'Worker', fieldName, dataClass: DataClass.PERSONAL, subjectKey: ref, outcome: 'MASKED', channelId: null });
      }
    }
    recorder.record({ typeName: 'Worker', fieldName: 'phone', dataClass: DataClass.PERSONAL, subjectKey: 'ref-a', outcome: 'GRANTED', channelId: 'ch-1' });
    recorder.record({ typeName: 'ArbitrationCase', fieldName: 'awardSummary', dataClass: DataClass.SHARED, subjectKey: null, outcome: 'DENIED', channelId: null });

    const rows = recorder.take(request);
    expect(rows).toEqual([
      { ...common(), subjectKeys: ['ref-a', 'ref-b'], fields: ['Worker.idNumber', 'Worker.name'], channelId: null, outcome: 'MASKED' },
      { ...common(), subjectKeys: ['ref-a'], fields: ['Worker.phone'], channelId: 'ch-1', outcome: 'GRANTED' },
      { ...common(), subjectKeys: [], fields: ['ArbitrationCase.awardSummary'], channelId: null, outcome: 'DENIED' },
    ]);
    expect(recorder.isEmpty).toBe(true);
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
    expect(json).toBe('["2026-11-20T08:30:00.123000Z","u-17",null,"UNION",["CASEWORKER"],null,"调解",["ref-a"],["Worker.name"],null,"MASKED","req-1"]');
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
