// The layering of the repository as ESLint rules (the `layering/` rules of eslint.config.mjs, which says where
// each applies). ESLint's own no-restricted-imports matches the text of an import, not where it leads: a relative
// path from one subgraph into another (`../../../union/src/…`) names no folder a pattern could tell apart, so these
// rules resolve every import first, a relative path against the importing file and a workspace package name
// (`@labour/union/…`) to its folder, then judge the folder it lands in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_WORLD = '@labour/demo-world';

/** Workspace package name → its folder, relative to the root (`@labour/union` → `subgraphs/union`). */
function workspaceFolders() {
  const folders = new Map();
  for (const folder of JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).workspaces ?? []) {
    try {
      folders.set(JSON.parse(readFileSync(path.join(ROOT, folder, 'package.json'), 'utf8')).name, folder);
    } catch {
      // A workspace listed before its folder exists: nothing imports it yet.
    }
  }
  return folders;
}
const WORKSPACES = workspaceFolders();

const toPosix = (p) => p.split(path.sep).join('/');

/**
 * Where an import leads: its path relative to the root with a trailing slash (`subgraphs/union/src/x/`), or null for
 * a package from outside the repository (and a path out of it).
 */
function destination(specifier, filename) {
  let target;
  if (specifier.startsWith('.')) {
    target = path.relative(ROOT, path.resolve(path.dirname(filename), specifier));
  } else {
    const match = /^(@[^/]+\/[^/]+|[^/]+)(\/.*)?$/.exec(specifier);
    const folder = match && WORKSPACES.get(match[1]);
    if (!folder) return null;
    target = path.join(folder, match[2] ?? '');
  }
  target = toPosix(target);
  return target.startsWith('../') || path.isAbsolute(target) ? null : `${target}/`;
}

const subgraphOf = (rel) => /^subgraphs\/([^/]+)\//.exec(rel)?.[1];
const isUnder = (folder) => (rel) => rel.startsWith(`${folder}/`);

/**
 * A rule that reports each import for which `verdict(import)` gives a message id. The import: `specifier` as
 * written, `target` (see `destination`, may be null) and `from`, the importing file relative to the root.
 */
function importRule(description, messages, verdict) {
  return {
    meta: { type: 'problem', docs: { description }, schema: [], messages },
    create(context) {
      const from = `${toPosix(path.relative(ROOT, context.filename))}`;
      const check = (node) => {
        if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
        const specifier = node.value;
        const target = destination(specifier, context.filename);
        const messageId = verdict({ specifier, target, from });
        if (messageId) context.report({ node, messageId, data: { specifier, target: target?.slice(0, -1) ?? specifier } });
      };
      return {
        ImportDeclaration: (node) => check(node.source),
        ExportNamedDeclaration: (node) => check(node.source),
        ExportAllDeclaration: (node) => check(node.source),
        ImportExpression: (node) => check(node.source),
        TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
        TSExternalModuleReference: (node) => check(node.expression),
        CallExpression: (node) => {
          if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
        },
      };
    },
  };
}

const inSubgraphs = isUnder('subgraphs');
const inGateway = isUnder('gateway');
const inTestSupport = isUnder('test/support');

const rules = {
  'shared-imports-no-service': importRule(
    'shared/ is the layer under the services: it imports no subgraph and not the gateway',
    { service: 'shared/ is the layer under the services: it imports no subgraph and not the gateway ({{target}}).' },
    ({ target }) => (target && (inSubgraphs(target) || inGateway(target)) ? 'service' : null),
  ),
  'no-other-subgraph': importRule(
    'A subgraph imports no other subgraph',
    { other: 'A subgraph imports no other subgraph ({{target}}): what departments share belongs in shared/.' },
    ({ target, from }) => {
      const other = target && subgraphOf(target);
      return other && other !== subgraphOf(from) ? 'other' : null;
    },
  ),
  'gateway-imports-no-subgraph': importRule(
    'The gateway imports no subgraph',
    { subgraph: 'The gateway imports no subgraph ({{target}}): it reaches them over HTTP, through the supergraph.' },
    ({ target }) => (target && inSubgraphs(target) ? 'subgraph' : null),
  ),
  'testing-by-package-name': importRule(
    'Test support is imported as @labour/testing/<module>, not by a relative path into test/support',
    { relative: "Test support is the package @labour/testing: import '@labour/testing/<module>', not '{{specifier}}'." },
    ({ specifier, target }) => (specifier.startsWith('.') && target && inTestSupport(target) ? 'relative' : null),
  ),
  'demo-world-only-in-demo-code': importRule(
    'Runtime code imports @labour/demo-world only from demo code',
    {
      demo: "@labour/demo-world is demo data: runtime code imports it only under a subgraph's src/**/demo/ or from a demo-*.ts file.",
    },
    ({ specifier, target }) => {
      const folder = WORKSPACES.get(DEMO_WORLD);
      const named = specifier === DEMO_WORLD || specifier.startsWith(`${DEMO_WORLD}/`);
      return named || (folder && target && isUnder(folder)(target)) ? 'demo' : null;
    },
  ),
};

export default { meta: { name: 'layering' }, rules };
