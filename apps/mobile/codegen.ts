import type { CodegenConfig } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import path from 'node:path';

/** The generated code's folder, relative to this app. The drift test writes the same output elsewhere. */
export const GENERATED_DIR = 'src/gql/';

/**
 * The schema's types and each operation as a typed string, in one file: the plugins the client
 * preset runs, without its `graphql()` lookup (gql.ts), which nothing here uses and which is
 * typed `any`.
 */
export function clientPreset(): Types.ConfiguredOutput {
  return {
    plugins: ['typescript-operations', 'typed-document-node'],
    config: {
      // Posted as text by our own fetcher: no graphql-js parser in the bundle.
      documentMode: 'string',
      enumsAsTypes: true,
      onlyOperationTypes: true,
      preResolveTypes: true,
      dedupeFragments: true,
      useTypeImports: true,
      // Both travel as ISO text: an instant ("2026-12-08T10:30:00.000Z") and a day ("2027-03-03").
      scalars: { DateTime: 'string', LocalDate: 'string' },
      skipTypename: true,
    },
  };
}

export function codegenConfig(outDir: string = GENERATED_DIR): CodegenConfig {
  return {
    schema: path.join(__dirname, '../../schema.graphql'),
    documents: [path.join(__dirname, 'src/**/*.graphql')],
    ignoreNoDocuments: false,
    generates: { [`${outDir}graphql.ts`]: clientPreset() },
    silent: true,
  };
}

// KITH_CODEGEN_OUT lets the drift test write a second copy to compare with the committed one.
export default codegenConfig(process.env.KITH_CODEGEN_OUT ?? GENERATED_DIR);
