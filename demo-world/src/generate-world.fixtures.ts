import { DEFAULT_WORLD_OPTIONS, generateWorld, type World } from '.';

/** The default world, shared by the tests of generate-world*.test.ts. */
export const world = generateWorld(DEFAULT_WORLD_OPTIONS);
/** The rules must hold for any options, so they are checked on a second world too: another seed, a smaller scale, early January. */
export const WORLDS: [string, World][] = [
  ['default world', world],
  ['seed 99, scale 0.7, as of 2025-01-08', generateWorld({ seed: 99, scale: 0.7, asOf: '2025-01-08' })],
];

/** Day numbers computed here independently of the generator's own date helpers. */
export const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
export const yearOfIso = (iso: string): number => Number(iso.slice(0, 4));

/** Every record of the world with the name of its collection. */
export function records(w: World): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  for (const [dept, slice] of Object.entries(w)) {
    if (typeof slice !== 'object') continue;
    for (const [name, list] of Object.entries(slice as Record<string, unknown[]>)) {
      for (const r of list) out.push([`${dept}.${name}`, r as Record<string, unknown>]);
    }
  }
  return out;
}

export const expectUnique = (values: string[]): void => {
  expect(new Set(values).size).toBe(values.length);
};
