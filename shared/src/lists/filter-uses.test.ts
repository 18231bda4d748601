import { filterUses } from './filter-uses';

interface Filter {
  stages?: string[] | null;
  overdue?: boolean | null;
  enterprise?: string | null;
}
const FIELDS: Record<keyof Filter, string> = { stages: 'stage', overdue: 'dueOn', enterprise: 'defendants' };

describe('filterUses', () => {
  it('names each filter set, false and empty values included, with the field it tests', () => {
    expect(filterUses<Filter>({ overdue: false, stages: [], enterprise: null }, FIELDS)).toEqual([
      { argument: 'filter.stages', field: 'stage' },
      { argument: 'filter.overdue', field: 'dueOn' },
    ]);
  });

  it('names none when no filter is given', () => {
    expect(filterUses<Filter>(null, FIELDS)).toEqual([]);
    expect(filterUses<Filter>(undefined, FIELDS)).toEqual([]);
    expect(filterUses<Filter>({}, FIELDS)).toEqual([]);
  });
});
