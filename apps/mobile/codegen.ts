import type { CodegenConfig } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import path from 'node:path';

/** The generated code's folder, relative to this app. The drift test writes the same output elsewhere. */
export const GENERATED_DIR = 'src/gql/';

/** What codegen writes into `dir` (the client preset: types, and each operation as a typed string). */
export function clientPreset(): Types.ConfiguredOutput {
  return {
    preset: 'client',
    presetConfig: { fragmentMasking: false },
    config: {
      // Posted as text by our own fetcher: no graphql-js parser in the bundle.
      documentMode: 'string',
      enumsAsTypes: true,
      useTypeImports: true,
      scalars: { DateTime: 'string' },
      skipTypename: true,
    },
  };
}

export function codegenConfig(outDir: string = GENERATED_DIR): CodegenConfig {
  return {
    schema: path.join(__dirname, '../../schema.graphql'),
    documents: [path.join(__dirname, 'src/**/*.graphql')],
    ignoreNoDocuments: false,
    generates: { [outDir]: clientPreset() },
    silent: true,
  };
}

export default codegenConfig();
