import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempDir } from '@labour/testing/temp-dir';

/** `npm run schema:check` as a department's team runs it: the subgraph's code as it is, or a given SDL file. */

const REPO_ROOT = resolve(__dirname, '..', '..');
const temp = makeTempDir('schema-check');
afterAll(() => temp.remove());

function schemaCheck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('npm', ['run', '-s', 'schema:check', '--', ...args], { cwd: REPO_ROOT }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: number }).code) : 0, stdout, stderr });
    });
  });
}

describe('npm run schema:check', () => {
  it('passes the subgraph as its code builds it now, with one summary line', async () => {
    const { code, stdout, stderr } = await schemaCheck(['justice']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(
      /^schema:check justice: OK: composes with hr-bureau, union, court; no breaking change against gateway\/supergraph\.graphql; \d+ console, \d+ README, 4 saved, \d+ trusted operations in use still validate\n$/,
    );
  }, 120_000);

  it('fails with exit code 1 on a breaking SDL given with --sdl, naming the file and operation it breaks', async () => {
    const file = join(temp.path, 'hr-bureau.graphql');
    const sdl = readFileSync(join(REPO_ROOT, 'subgraphs', 'hr-bureau', 'schema.graphql'), 'utf8');
    writeFileSync(file, sdl.replace('  """Number of employees (职工人数) as last reported."""\n  employeeCount: Int\n', ''));
    const { code, stdout, stderr } = await schemaCheck(['hr-bureau', '--sdl', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain("Field 'employeeCount' was removed from object type 'Enterprise' (Enterprise.employeeCount)");
    expect(stderr).toContain('  README.md: query EnterpriseFile: Cannot query field "employeeCount" on type "Enterprise".');
    expect(stderr).toMatch(/\nschema:check hr-bureau: FAILED: 1 breaking change, \d+ broken operations of .* checked\n$/);
  }, 120_000);

  it('refuses an unknown subgraph with exit code 2 and the usage', async () => {
    const { code, stderr } = await schemaCheck(['tax']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^unknown subgraph tax: expected one of hr-bureau, union, court, justice\nusage: npm run schema:check -- <hr-bureau \| union \| court \| justice> \[--sdl <file>\]/,
    );
  }, 120_000);
});
