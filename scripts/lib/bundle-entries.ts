import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { rolldown, type OutputAsset, type OutputChunk, type Plugin } from 'rolldown';

/**
 * `node -r @swc-node/register scripts/lib/bundle-entries.ts <outDir> <entry.ts>…`, run by the build
 * (build.ts) once every workspace is compiled into `outDir`: bundles the entries' compiled `.js` with what
 * they import, in place.
 */

/**
 * Packages left to `require` from node_modules at run time rather than bundled: those tracing hooks into
 * when they are required (`pg`, `undici`: a copy inside a bundle would not be traced), the OpenTelemetry API
 * (one copy in the process, whatever a bundle holds), `pg`'s
 * optional back ends, which are never installed, and Express's `parseurl`: it calls `url.parse`, which Node
 * lets pass silently from node_modules but warns of (DEP0169) in every service's log from anywhere else.
 */
const RUNTIME_REQUIRED = [
  /^pg($|\/)/,
  /^pg-native$/,
  /^pg-cloudflare$/,
  /^cloudflare:/,
  /^undici($|\/)/,
  /^@opentelemetry\/api($|\/)/,
  /^parseurl$/,
];

/**
 * Rolldown reads each compiled module with the map swc wrote beside it, so that the bundle's map leads
 * back to the .ts; a library's modules get an empty map, so that the bundle's map (which Node reads when
 * it loads the bundle, source-maps.js) holds the project's lines only, as it did before bundling.
 */
function inputSourceMaps(): Plugin {
  const EMPTY_MAP = { version: 3, sources: [], names: [], mappings: '' };
  return {
    name: 'input-source-maps',
    load(id) {
      if (!/\.[cm]?js$/.test(id)) return null;
      const code = readFileSync(id, 'utf8');
      if (id.includes(`${sep}node_modules${sep}`)) return { code, map: EMPTY_MAP };
      const map = existsSync(`${id}.map`) ? readFileSync(`${id}.map`, 'utf8') : null;
      return { code: code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), map };
    },
  };
}

/**
 * Apollo's Express integration reads a request's query string with `url.parse`, which Node lets pass silently
 * from node_modules but warns of (DEP0169) in every service's log from a bundle, at its first request. The
 * same string from the WHATWG URL API (`search` is '' without a query, as `url.parse(…).search ?? ''` gives). A
 * new version of the integration that reads it otherwise fails the build here, to be looked at again.
 */
function expressIntegrationWithoutUrlParse(): Plugin {
  const LEGACY = '(0, url_1.parse)(req.url).search';
  return {
    name: 'express-integration-without-url-parse',
    transform(code, id) {
      if (!id.includes(`${sep}@as-integrations${sep}express5${sep}`) || !code.includes('url_1')) return null;
      if (!code.includes(LEGACY)) throw new Error(`${id}: no longer reads the query string as \`${LEGACY}\`; see bundle-entries.ts`);
      return { code: code.replace(LEGACY, "new URL(req.url, 'http://localhost').search"), map: null };
    },
  };
}

/**
 * Bundles the entries (compiled `.js` files in `outDir`) with what they import, each replacing its file. A
 * service then starts from a few files instead of resolving and compiling about 2,000 modules (MikroORM's
 * ES modules among them, loaded through require): about half its start, measured with bench:startup.
 * All entries are bundled in one pass: a library that several entries use (graphql, MikroORM, the tracing
 * SDK, the shared package) is read and transformed once and lands in a chunk of its own under
 * `<outDir>/chunks`, which each entry that uses it requires; a chunk holds only modules that the same
 * entries use, so a service loads no code that it does not import (about half the CPU of bundling each
 * entry on its own, bench:startup). The tracing preload and the service it is loaded into share those chunks.
 * Class and function names are kept: MikroORM and type-graphql name entities and GraphQL types after them.
 * Dynamic imports stay chunks of their own (the demo world, loaded only into an empty database), so that a
 * service does not hold code it does not run.
 */
export async function bundleEntries(outDir: string, entries: readonly string[]): Promise<void> {
  // Named after the entry's path without `.ts`, so that each bundle is written where its compiled file was.
  const input = Object.fromEntries(entries.map((entry) => [entry.replace(/\.ts$/, ''), join(outDir, entry.replace(/\.ts$/, '.js'))]));
  const bundle = await rolldown({
    input,
    platform: 'node',
    external: RUNTIME_REQUIRED,
    // Node's own `punycode` is deprecated and warns (DEP0040) at every start when code outside node_modules
    // requires it, as a bundle of the gateway's node-fetch (whatwg-url) does: the npm package of the same API instead.
    resolve: { alias: { punycode: 'punycode/' } },
    plugins: [inputSourceMaps(), expressIntegrationWithoutUrlParse()],
    // MikroORM's `import.meta.resolve` (optional extensions and version checks, each in a try) is empty in
    // CommonJS: it falls back as when a package is missing; the project registers its extensions itself.
    onLog: (level, log) => {
      if (log.code === 'EMPTY_IMPORT_META' || log.code === 'CIRCULAR_DEPENDENCY' || log.code === 'EVAL') return;
      if (level === 'warn') throw new Error(`${log.id ?? entries.join(', ')}: ${log.message}`);
    },
  });
  try {
    const { output } = await bundle.write({
      dir: outDir,
      entryFileNames: '[name].js',
      // A libraries' chunk is named after the entries that share it, paths that would become folders: its hash names it.
      chunkFileNames: (chunk) => (chunk.name.startsWith('libraries~') ? 'chunks/libraries-[hash].js' : 'chunks/[name]-[hash].js'),
      format: 'cjs',
      sourcemap: true,
      keepNames: true,
      // Libraries apart from the project's code, in chunks by the entries that use them (so that a service
      // still loads no library it does not use): those chunks carry no source map, see withoutEmptyMaps.
      codeSplitting: { groups: [{ name: 'libraries', test: /[\\/]node_modules[\\/]/, entriesAware: true }] },
    });
    withoutEmptyMaps(outDir, output);
  } finally {
    await bundle.close();
  }
}

/**
 * Drops the source map of each chunk that maps no line (the libraries' chunks: their modules get an empty
 * map, see inputSourceMaps), and the comment that points at it. Node reads a loaded file's map, and
 * measures the lines of the file, when the file names one (source-maps.js): a library chunk of several
 * megabytes cost each service about a tenth of a CPU-second at every start for no line it could map.
 */
function withoutEmptyMaps(outDir: string, output: readonly (OutputChunk | OutputAsset)[]): void {
  for (const chunk of output) {
    if (chunk.type !== 'chunk' || !chunk.map || /[^;,]/.test(chunk.map.mappings)) continue;
    const file = join(outDir, chunk.fileName);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
    rmSync(`${file}.map`, { force: true });
  }
}

if (require.main === module) {
  const [outDir, ...entries] = process.argv.slice(2);
  bundleEntries(outDir!, entries).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
