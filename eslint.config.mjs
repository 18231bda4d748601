// ESLint flat config (`npm run lint`): typescript-eslint's recommended rules (syntax only, not type-aware), the
// Rules of Hooks in the console, then eslint-config-prettier last so that no stylistic rule disagrees with Prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layering from './scripts/lint/layering.mjs';

const TEST_FILES = ['**/*.test.ts', 'test/**'];

export default tseslint.config(
  {
    // Built output, installs, local data, and code written by generators (GraphQL Codegen's client types).
    ignores: ['**/node_modules/', '**/dist/', '**/coverage/', '.data/', 'console/src/graphql/generated/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // The type check already refuses unused locals (tsconfig's noUnusedLocals) and, like it, this leaves
      // parameters alone (an interface's callback keeps its full signature). A leading underscore marks a binding
      // kept on purpose: a property left out of a rest copy (`const { stack: _stack, ...rest } = …`) or a tuple slot.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'none', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Control characters in patterns are what these patterns are for (terminal colour codes, NUL bytes in input).
      'no-control-regex': 'off',
      // `any` stays refused in runtime code; a rest parameter of a function type that takes anything is allowed.
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
    },
  },
  {
    // Tests and benchmarks read GraphQL answers as untyped JSON on purpose: the assertions are the type.
    files: [...TEST_FILES, 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Generic bounds over any record or resolver map (`BaseRecord<any>`, `Record<string, any>`), where `unknown`
    // would not accept the concrete types.
    files: ['shared/src/db/optimistic-update.ts', 'shared/src/federation/build-federated-schema.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Probes Node's own `util` at the moment of the check, where an import would be hoisted (elsewhere a `require`
    // of this kind carries its own eslint-disable comment).
    files: ['shared/src/permissions/shield-node24.test.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // MikroORM's migration generator writes `\$` in its SQL strings; migrations are kept as generated.
    files: ['**/src/migrations/**'],
    rules: { 'no-useless-escape': 'off' },
  },
  {
    // Jest's configuration files are CommonJS.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['console/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The Rules of Hooks; the React Compiler's rules in the plugin's preset do not apply (the console is not compiled by it).
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // The layering (scripts/lint/layering.mjs; README "Code style"). Test files, scripts and the benchmarks may reach
  // into any service's sources: they set the services up.
  { plugins: { layering } },
  {
    files: ['shared/**'],
    ignores: TEST_FILES,
    rules: { 'layering/shared-imports-no-service': 'error' },
  },
  {
    files: ['subgraphs/**'],
    ignores: TEST_FILES,
    rules: { 'layering/no-other-subgraph': 'error' },
  },
  {
    files: ['gateway/**'],
    ignores: TEST_FILES,
    rules: { 'layering/gateway-imports-no-subgraph': 'error' },
  },
  {
    // Inside test/ (the e2e and browser tests and test support itself) relative paths are the package's own.
    ignores: ['test/**'],
    rules: { 'layering/testing-by-package-name': 'error' },
  },
  {
    // The demo world is data for demonstrations and tests: the running services load it only through their demo code.
    ignores: [...TEST_FILES, 'scripts/**', 'bench/**', 'demo-world/**', 'subgraphs/*/src/**/demo/**', '**/demo-*.ts'],
    rules: { 'layering/demo-world-only-in-demo-code': 'error' },
  },
  prettier,
);
