import { maskValue } from './mask';

describe('maskValue', () => {
  it.each([
    ['name', '张三丰', '张*'],
    ['name', '欧阳娜娜', '欧*'],
    ['name', '李四', '李*'],
    ['name', '王', '*'],
    ['name', '', ''],
    ['name', '𠀋一', '𠀋*'],
    ['text', '𠀋', '***'],
    ['idNumber', '110105194912310021', '110105********0021'],
    ['idNumber', '11010519491231123X', '110105********123X'],
    ['idNumber', '110105491231002', '110105*****1002'],
    ['idNumber', '1234567890', '**********'],
    ['idNumber', '𠀋12345678901234567', '𠀋12345********4567'],
    ['phone', '13812345678', '138****5678'],
    ['phone', '1381234', '*******'],
    ['text', '申请人家庭困难，月收入不足 1500 元', '***'],
    ['text', '', '***'],
  ] as const)('%s %j → %j', (kind, value, masked) => {
    expect(maskValue(value, kind)).toBe(masked);
  });

  it('masks lists element by element and keeps their nulls', () => {
    expect(maskValue(['张三丰', null, '李四'], 'name')).toEqual(['张*', null, '李*']);
  });

  it('leaves null as null (and undefined becomes null)', () => {
    expect(maskValue(null, 'phone')).toBeNull();
    expect(maskValue(undefined, 'idNumber')).toBeNull();
  });

  it('hides values that cannot be partly shown', () => {
    expect(maskValue(42, 'text')).toBeNull();
    expect(maskValue({ name: '张三丰' }, 'name')).toBeNull();
  });
});
