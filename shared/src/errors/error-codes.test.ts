import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from './error-codes';

/** The codes of the README's "Errors" table, in its order. */
function readmeCodes(): string[] {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Errors\n'), readme.indexOf('\n## ', readme.indexOf('\n## Errors\n') + 1));
  return [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]!);
}

describe('the error catalogue', () => {
  it('is the README\'s "Errors" table, code for code and in the same order', () => {
    expect(readmeCodes()).toEqual(Object.keys(ERROR_CODES));
  });
});
