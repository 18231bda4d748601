import { ANONYMOUS_OPERATION, OperationNames, OTHER_OPERATION, UNRESOLVED_OPERATION } from './operation-names';

describe('operation names as labels', () => {
  it('keeps the first names seen, then counts every new one as <other>, however often it comes', () => {
    const names = new OperationNames(2);
    expect(['Dossier', 'MeetingView', 'Dossier', 'Analyst1', 'Analyst2', 'MeetingView', 'Analyst1'].map((n) => names.label(n))).toEqual([
      'Dossier',
      'MeetingView',
      'Dossier',
      OTHER_OPERATION,
      OTHER_OPERATION,
      'MeetingView',
      OTHER_OPERATION,
    ]);
  });

  it('names an anonymous operation and a request without one apart, in brackets no GraphQL name can hold', () => {
    const names = new OperationNames(1);
    expect([names.label(null), names.label(''), names.label(undefined), names.label('A')]).toEqual([
      ANONYMOUS_OPERATION,
      ANONYMOUS_OPERATION,
      UNRESOLVED_OPERATION,
      'A',
    ]);
    expect([ANONYMOUS_OPERATION, UNRESOLVED_OPERATION, OTHER_OPERATION]).toEqual(['<anonymous>', '<unresolved>', '<other>']);
  });

  it('counts a name longer than 100 characters as <other> and does not keep it', () => {
    const names = new OperationNames(1);
    expect(names.label('Q'.repeat(101))).toBe(OTHER_OPERATION);
    expect(names.label('Short')).toBe('Short');
  });
});
