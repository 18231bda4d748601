import { birthDateOf, idNumberCheckCharacter, idNumberProblem, normaliseIdNumber } from './id-number';
import { personRefOf } from './person-ref';
import { caseNumberYear, DISPUTE_NO_PATTERN } from './case-numbers';
import { usccCheckCharacter, usccProblem } from './uscc';

describe('unified social credit code', () => {
  it('accepts a published code and computes its check character', () => {
    // Published example of GB 32100-2015 style codes: the check character follows from the first 17.
    expect(usccCheckCharacter('91110000600037341')).toBe('L');
    expect(usccProblem('91110000600037341L')).toBeNull();
  });

  it('names what is wrong: length, alphabet, check', () => {
    expect(usccProblem('91110000600037341')).toBe('length');
    expect(usccProblem('91110000600037341I')).toBe('alphabet');
    expect(usccProblem('9111000060003734OL')).toBe('alphabet');
    expect(usccProblem('91110000600037341M')).toBe('check');
  });

  it('maps a remainder of 0 to check character 0', () => {
    // Find a body whose weighted sum is a multiple of 31 by varying the last body character.
    const bodies = Array.from('0123456789ABCDEFGHJKLMNPQRTUWXY', (c) => `9111000060003734${c}`);
    const zero = bodies.find((b) => usccCheckCharacter(b) === '0');
    expect(zero).toBeDefined();
    expect(usccProblem(`${zero}0`)).toBeNull();
  });
});

describe('resident identity number', () => {
  it('accepts the standard example and rejects a changed digit', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231003X')).toBe('check');
  });

  it('checks format and birth date', () => {
    expect(idNumberProblem('1101051949123100')).toBe('format');
    expect(idNumberProblem('11010519491231002x')).toBe('format');
    expect(idNumberProblem(normaliseIdNumber(' 11010519491231002x '))).toBeNull();
    const feb30 = `11010519490230002`;
    expect(idNumberProblem(feb30 + idNumberCheckCharacter(feb30))).toBe('birthDate');
    const future = `11010520990101002`;
    expect(idNumberProblem(future + idNumberCheckCharacter(future), new Date('2026-11-21'))).toBe('birthDate');
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
  });

  it('derives the same personRef for the same person under the same key only', () => {
    const key = Buffer.alloc(32, 7);
    const ref = personRefOf('11010519491231002x', key);
    expect(ref).toMatch(/^[0-9a-f]{32}$/);
    expect(personRefOf('11010519491231002X', key)).toBe(ref);
    expect(personRefOf('11010519491231002X', Buffer.alloc(32, 8))).not.toBe(ref);
  });
});

describe('case and dispute numbers', () => {
  it('reads the year of each style and refuses other shapes', () => {
    expect(caseNumberYear('arbitration', '京开劳人仲字〔2026〕第0123号')).toBe(2026);
    expect(caseNumberYear('courtCivil', '（2025）京0115民初1234号')).toBe(2025);
    expect(caseNumberYear('courtCivil', '(2025)京0115民初1234号')).toBeNull();
    expect(caseNumberYear('legalAid', '京开法援〔2026〕第0007号')).toBe(2026);
    expect(DISPUTE_NO_PATTERN.test('LD-UN-2026-000123')).toBe(true);
    expect(DISPUTE_NO_PATTERN.test('LD-XX-2026-000123')).toBe(false);
  });
});
