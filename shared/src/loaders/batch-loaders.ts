import DataLoader from 'dataloader';

/**
 * Loaders live for one request (they cache per request and batch everything asked in one tick),
 * so every list relation or reference costs one SQL statement per entity type, whatever the number
 * of parents or representations.
 */

/** One row (or null) per key: `fetch` gets every key of the batch and returns the rows it finds. */
export function uniqueLoader<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader<string, T | null>(async (keys) => {
    const byKey = new Map<string, T>();
    for (const row of await fetch(keys)) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A list of rows per key; a row that belongs to several keys (e.g. a case with many workers) lists under each. */
export function groupLoader<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keysOf: (row: T) => string | readonly string[]) {
  return new DataLoader<string, T[]>(async (keys) => {
    const wanted = new Set(keys);
    const byKey = new Map<string, T[]>();
    for (const row of await fetch(keys)) {
      const rowKeys = keysOf(row);
      for (const key of typeof rowKeys === 'string' ? [rowKeys] : rowKeys) {
        if (!wanted.has(key)) continue;
        const list = byKey.get(key);
        if (list) list.push(row);
        else byKey.set(key, [row]);
      }
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
