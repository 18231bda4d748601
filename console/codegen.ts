import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation the console sends, generated from the gateway's API schema
 * (`schema.graphql`, written by `npm run schema:generate`). `graphql(...)` in a component returns a
 * typed document; documents are plain strings, so no GraphQL parser ships to the browser. The output
 * (src/graphql/generated) is not committed: the build and `npm run typecheck` generate it first.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: { Date: 'string', DateTimeISO: 'string', Decimal: 'string' },
      },
    },
  },
};

export default config;
