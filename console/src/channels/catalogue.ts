import catalogue from '@labour/field-catalogue';

/**
 * The field catalogue (every field of every department's schema with its data class), generated with the
 * schemas into shared/src/permissions/catalogue.json (imported as `@labour/field-catalogue`: an alias in
 * vite.config.ts and tsconfig.json). The API does not expose it, so the console bundles it at build time; the registry checks every proposal against its own copy anyway, and its refusal is
 * shown as it comes.
 */
type DataClass = 'PUBLIC' | 'SHARED' | 'PERSONAL' | 'RESTRICTED';
const CATALOGUE = catalogue as unknown as Record<string, Record<string, Record<string, DataClass>>>;

/** What a channel may grant: only fields whose class makes another department's access depend on one. */
const GRANTABLE: ReadonlySet<DataClass> = new Set(['SHARED', 'PERSONAL']);

export interface TypeFields {
  readonly grantable: ReadonlyArray<{ readonly name: string; readonly dataClass: 'SHARED' | 'PERSONAL' }>;
  readonly restricted: readonly string[];
}

/** A type of a provider's schema: the fields a channel may grant, and those that never leave it. */
export function fieldsOf(provider: string, typeName: string): TypeFields {
  const fields = CATALOGUE[provider]?.[typeName] ?? {};
  const entries = Object.entries(fields);
  return {
    grantable: entries
      .filter(([, dataClass]) => GRANTABLE.has(dataClass))
      .map(([name, dataClass]) => ({ name, dataClass: dataClass as 'SHARED' | 'PERSONAL' })),
    restricted: entries.filter(([, dataClass]) => dataClass === 'RESTRICTED').map(([name]) => name),
  };
}
