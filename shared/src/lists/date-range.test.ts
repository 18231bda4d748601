import 'reflect-metadata';
import { dateRangeCondition } from './date-range';

describe('dateRangeCondition', () => {
  it('makes an inclusive condition of the ends given', () => {
    expect(dateRangeCondition({ from: '2026-07-01', to: '2026-09-30' }, 'filter.filedOn')).toEqual({
      $gte: '2026-07-01',
      $lte: '2026-09-30',
    });
    expect(dateRangeCondition({ from: '2026-07-01' }, 'filter.filedOn')).toEqual({ $gte: '2026-07-01' });
    expect(dateRangeCondition({ to: '2026-09-30', from: null }, 'filter.filedOn')).toEqual({ $lte: '2026-09-30' });
    expect(dateRangeCondition({ from: '2026-07-01', to: '2026-07-01' }, 'filter.filedOn')).toEqual({
      $gte: '2026-07-01',
      $lte: '2026-07-01',
    });
  });

  it('makes none of a missing or open range', () => {
    expect(dateRangeCondition(undefined, 'filter.filedOn')).toBeUndefined();
    expect(dateRangeCondition(null, 'filter.filedOn')).toBeUndefined();
    expect(dateRangeCondition({}, 'filter.filedOn')).toBeUndefined();
  });

  it('refuses a range that ends before it starts, naming its end', () => {
    expect(() => dateRangeCondition({ from: '2026-09-30', to: '2026-07-01' }, 'filter.closedOn')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'filter.closedOn.to' }) }),
    );
  });
});
