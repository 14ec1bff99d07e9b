/**
 * GraphQL Code Generator: a typed client (client preset) for the example operations in
 * schema/examples, generated from the committed SDL. `npm run codegen`.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/examples/**/*.graphql'],
  ignoreNoDocuments: false,
  // ESM output with .js extensions, as NodeNext resolution requires.
  emitLegacyCommonJSImports: false,
  generates: {
    'test/generated/': {
      preset: 'client',
      // Not a React hook here: clients read a fragment's fields out of a result with this.
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        scalars: { Date: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
