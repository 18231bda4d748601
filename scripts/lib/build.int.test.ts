import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from '@labour/testing/temp-dir';
import { buildInputs, compiledEntry, compiledPackageJson, ensureBuilt, isBuildStale, SOURCE_MAPS_PRELOAD, workspacesOf } from './build';

/**
 * The build on a small repository of its own (a temporary directory): two workspaces as npm lays them
 * out, one importing the other by package name and subpath, decorator metadata, a JSON import, a file
 * found from __dirname, a test file. What the compiled (and bundled) entry point prints shows each of them worked.
 */

const REPO_ROOT = resolve(__dirname, '..', '..');
const temp = makeTempDir('build');
const root = join(temp.path, 'repo');

const LIB_INDEX = `import 'reflect-metadata';
import settings from './settings.json';
export { extra } from './extra';
export function field(): PropertyDecorator { return () => undefined; }
export function designTypeOf(target: object, key: string): string {
  return (Reflect.getMetadata('design:type', target, key) as { name: string }).name;
}
export const greeting = (): string => \`hello from \${settings.from}\`;
`;

const APP_MAIN = `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { designTypeOf, field, greeting } from '@fake/lib';
import { deep, Row as DeepRow } from '@fake/lib/deep';

class Row {
  @field() amount: Date;
}

if (process.argv.includes('--throw')) {
  throw new Error('thrown from the source');
}
const asset = readFileSync(join(__dirname, '..', 'asset.graphql'), 'utf8').trim();
console.log([greeting(), deep(), designTypeOf(Row.prototype, 'amount'), asset].join('|'));
if (process.argv.includes('--names')) console.log([Row.name, DeepRow.name].join('|'));
`;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Moves a file's modification time forward, as an editor saving it a moment later would. */
function touchLater(path: string, seconds: number): void {
  const later = new Date(Date.now() + seconds * 1000);
  utimesSync(join(root, path), later, later);
}

async function runApp(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--require', SOURCE_MAPS_PRELOAD, compiledEntry('apps/app/src/main.ts'), ...args],
    { cwd: root },
  );
  return stdout.trim();
}

beforeAll(() => {
  mkdirSync(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'fake', private: true, workspaces: ['lib', 'apps/*'] }));
  cpSync(join(REPO_ROOT, '.swcrc'), join(root, '.swcrc'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  write(
    'lib/package.json',
    JSON.stringify({
      name: '@fake/lib',
      main: 'src/index.ts',
      types: 'src/index.ts',
      exports: { '.': './src/index.ts', './deep': './src/deep/index.ts' },
    }),
  );
  write('lib/src/index.ts', LIB_INDEX);
  write('lib/src/settings.json', '{ "from": "the library" }');
  write('lib/src/extra.ts', 'export const extra = 1;\n');
  // A second class named Row, bundled into the same file as the app's.
  write('lib/src/deep/index.ts', "export const deep = (): string => 'deep';\nexport class Row {}\n");
  write('lib/src/index.test.ts', "it('is never compiled', () => undefined);\n");
  write('lib/src/index.fixtures.ts', "export const fixture = 'never compiled';\n");
  write('apps/app/package.json', JSON.stringify({ name: '@fake/app', main: 'src/main.ts' }));
  write('apps/app/asset.graphql', 'type Query { ok: Boolean }\n');
  write('apps/app/src/main.ts', APP_MAIN);
});

afterAll(() => temp.remove());

describe('the compiled build', () => {
  it('compiles every workspace so that the entry point runs without a loader: package names, decorator metadata, JSON, assets', async () => {
    expect(workspacesOf(root)).toEqual(['apps/app', 'lib']);
    expect(isBuildStale(root)).toBe(true);
    expect(await ensureBuilt(root)).toMatchObject({ built: true, compiled: 4 });
    expect(await runApp()).toBe('hello from the library|deep|Date|type Query { ok: Boolean }');
    expect(existsSync(join(root, 'dist/lib/src/index.test.js'))).toBe(false);
    expect(existsSync(join(root, 'dist/lib/src/index.fixtures.js'))).toBe(false);
    expect(JSON.parse(readFileSync(join(root, 'dist/lib/package.json'), 'utf8'))).toEqual({
      main: 'src/index.js',
      exports: { '.': './src/index.js', './deep': './src/deep/index.js' },
    });
  });

  it('bundles the entry point with the workspaces and libraries it imports, keeping class names', async () => {
    const entry = readFileSync(join(root, 'dist/apps/app/src/main.js'), 'utf8');
    expect(entry).not.toMatch(/require\(["']@fake\/lib/);
    expect(entry).not.toMatch(/require\(["']reflect-metadata/);
    expect(entry).toContain('hello from');
    // MikroORM and type-graphql name tables and types after classes: two classes of one name keep it in one bundle.
    expect((await runApp('--names')).split('\n').at(-1)).toBe('Row|Row');
    // The library's own compiled modules stay as they were, beside the bundle.
    expect(readFileSync(join(root, 'dist/lib/src/index.js'), 'utf8')).toMatch(/get greeting \(\)/);
  });

  it('names the TypeScript file and line in a stack trace (source maps, preloaded by the build)', async () => {
    const failure = await runApp('--throw').then(
      () => '',
      (error: { stderr: string }) => error.stderr,
    );
    expect(failure).toContain('Error: thrown from the source');
    // Line 11 of main.ts, where the throw is; the compiled line differs.
    expect(failure).toMatch(/apps\/app\/src\/main\.ts:11:\d+/);
  });

  it('leaves a current build alone', async () => {
    const stamp = readFileSync(join(root, 'dist/.build-stamp.json'), 'utf8');
    expect(isBuildStale(root)).toBe(false);
    expect(await ensureBuilt(root)).toMatchObject({ built: false, compiled: 0 });
    expect(readFileSync(join(root, 'dist/.build-stamp.json'), 'utf8')).toBe(stamp);
  });

  it('rebuilds a stale build: a source changed, an asset changed, a file removed', async () => {
    write('lib/src/index.ts', LIB_INDEX.replace('hello from', 'greetings from'));
    touchLater('lib/src/index.ts', 5);
    expect(isBuildStale(root)).toBe(true);
    expect(await ensureBuilt(root)).toMatchObject({ built: true, compiled: 4 });
    expect(await runApp()).toBe('greetings from the library|deep|Date|type Query { ok: Boolean }');

    write('apps/app/asset.graphql', 'type Query { changed: Boolean }\n');
    touchLater('apps/app/asset.graphql', 10);
    expect(isBuildStale(root)).toBe(true);
    await ensureBuilt(root);
    expect(await runApp()).toBe('greetings from the library|deep|Date|type Query { changed: Boolean }');

    rmSync(join(root, 'lib/src/extra.ts'));
    write('lib/src/index.ts', LIB_INDEX.replace('hello from', 'greetings from').replace("export { extra } from './extra';\n", ''));
    touchLater('lib/src/index.ts', 15);
    expect(await ensureBuilt(root)).toMatchObject({ built: true, compiled: 3 });
    expect(existsSync(join(root, 'dist/lib/src/extra.js'))).toBe(false);
  });

  it("rebuilds when the README changes (the console's explorer is built with its examples), without copying it", async () => {
    writeFileSync(join(root, 'README.md'), '# Example queries\n');
    expect(isBuildStale(root)).toBe(true);
    await ensureBuilt(root);
    expect(isBuildStale(root)).toBe(false);
    writeFileSync(join(root, 'README.md'), '# Example queries, one more\n');
    touchLater('README.md', 20);
    expect(isBuildStale(root)).toBe(true);
    await ensureBuilt(root);
    expect(existsSync(join(root, 'dist/README.md'))).toBe(false);
  });

  it('keeps the previous build when a file does not compile, and names that file', async () => {
    const before = buildInputs(root).fingerprint;
    write('lib/src/broken.ts', 'export const = ;\n');
    await expect(ensureBuilt(root)).rejects.toThrow(/^Build failed: .*lib\/src\/broken\.ts/s);
    expect(buildInputs(root).fingerprint).not.toBe(before);
    expect(isBuildStale(root)).toBe(true);
    expect(await runApp()).toBe('greetings from the library|deep|Date|type Query { changed: Boolean }');
    rmSync(join(root, 'lib/src/broken.ts'));
    expect(isBuildStale(root)).toBe(false);
  });
});

describe('compiledPackageJson', () => {
  it('points main and every export at the .js, and drops types and the name (Jest must not find a second @labour/shared)', () => {
    const text = readFileSync(join(REPO_ROOT, 'shared', 'package.json'), 'utf8');
    const compiled = JSON.parse(compiledPackageJson(text)) as {
      main: string;
      exports: Record<string, string>;
      types?: string;
      name?: string;
    };
    expect([compiled.types, compiled.name]).toEqual([undefined, undefined]);
    expect(compiled.main).toBe('src/index.js');
    expect(Object.values(compiled.exports).every((target) => /^\.\/src\/.+\.js$/.test(target))).toBe(true);
    expect(Object.keys(compiled.exports)).toEqual(Object.keys((JSON.parse(text) as { exports: object }).exports));
  });
});

describe('workspacesOf', () => {
  it("leaves out the tests' own workspace (under test/): never built, and not in the image", () => {
    const other = join(temp.path, 'with-test-support');
    for (const folder of ['lib', 'apps/one', 'test/support']) mkdirSync(join(other, folder), { recursive: true });
    writeFileSync(
      join(other, 'package.json'),
      JSON.stringify({ name: 'fake', private: true, workspaces: ['lib', 'apps/*', 'test/support'] }),
    );
    expect(workspacesOf(other)).toEqual(['apps/one', 'lib']);
    expect(buildInputs(other).workspaces).toEqual(['apps/one', 'lib']);
  });
});
