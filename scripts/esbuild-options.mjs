// The esbuild settings every io-trace bundle shares (dist/ and the benchmarks), so a benchmark runs the
// code exactly as it ships.
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native addon: loaded from node_modules at run time, never bundled.
  external: ['better-sqlite3'],
  loader: { '.bt': 'text' },
  // jsonc-parser's "main" is a UMD build whose require('./impl/format') esbuild cannot follow; its ESM
  // build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // Bundled CommonJS dependencies call require() for Node built-ins; ESM has no require.
  banner: { js: "import { createRequire as __ioTraceCreateRequire } from 'node:module';\nconst require = __ioTraceCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
};
