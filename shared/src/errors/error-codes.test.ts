import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from './error-codes';

/** The codes of the README's "Errors" table, in its order. */
function readmeCodes(readme: string): string[] {
  const section = readme.slice(readme.indexOf('\n## Errors\n'), readme.indexOf('\n## ', readme.indexOf('\n## Errors\n') + 1));
  return [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]!);
}

describe('error codes', () => {
  it("are the README's Errors table, one row each, in the catalogue's order", () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(readmeCodes(readme)).toEqual(Object.keys(ERROR_CODES));
  });

  it('reads the table rows only (the check above can fail)', () => {
    expect(
      readmeCodes(
        '# x\n\n## Errors\n\n| code | meaning |\n| --- | --- |\n| `NOT_FOUND` | gone |\n\n## Next\n\n| `CONFLICT` | elsewhere |\n',
      ),
    ).toEqual(['NOT_FOUND']);
  });
});
