// graphql-codegen: typed documents for src/pipeline.ts, from the published contract ../schema.graphql.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  emitLegacyCommonJSImports: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Every custom scalar must be mapped: an unknown one fails here rather than becoming `any`.
        strictScalars: true,
        // Decimal is an exact decimal written as a string (money, quantities, rates), never a float.
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
