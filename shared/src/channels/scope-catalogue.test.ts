import { Department } from '../context/principal';
import { FIELD_CATALOGUE } from './field-catalogue';
import { SCOPE_KINDS, scopeKindsOf } from './scope-catalogue';

describe('the catalogue of scope kinds', () => {
  it.each(SCOPE_KINDS.map((kind) => [kind.name, kind] as const))(
    '%s covers types of its provider, and says what it covers in English and Chinese',
    (_name, kind) => {
      expect(kind.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(kind.name.startsWith(kind.provider === Department.HR_BUREAU ? 'HR_' : `${kind.provider}_`)).toBe(true);
      expect(kind.types.filter((type) => !Object.hasOwn(FIELD_CATALOGUE[kind.provider], type))).toEqual([]);
      expect([kind.description.length > 20, /[\u4e00-\u9fa5]/.test(kind.descriptionZh)]).toEqual([true, true]);
    },
  );

  it('names each kind once, and gives every department at least one', () => {
    expect(new Set(SCOPE_KINDS.map((kind) => kind.name)).size).toBe(SCOPE_KINDS.length);
    for (const department of Object.values(Department)) expect(scopeKindsOf(department).length).toBeGreaterThan(0);
  });
});
