// Bundles the extension, the language server, the CLI and the trust relationships page with esbuild. Only these bundles ship.
// Type-checking is separate (`npm run typecheck`). Pass --watch to rebuild on change.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's default UMD build breaks once bundled; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// web-tree-sitter's ES module build reads import.meta.url, which a CommonJS bundle does not have: use its CommonJS build.
const TREE_SITTER = { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' };

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // elkjs (graph layout) is not bundled: shared/elk.ts loads the copy below on the first layout.
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, external: ['elkjs'], alias: TREE_SITTER },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['elkjs'], alias: TREE_SITTER },
  // The trust relationships page, run in a webview (a browser): one script, no modules, no Node.
  {
    entryPoints: ['client/src/webview/trustGraph/main.ts'],
    outfile: 'media/dist/trustGraph.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome114',
    mainFields: ['browser', 'module', 'main'],
  },
  // The extension-host test payload (never shipped): mocha stays external so that every test file
  // registers its suites with the one Mocha instance the runner creates.
  {
    entryPoints: readdirSync('test/e2e')
      .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
      .map((name) => `test/e2e/${name}`),
    outdir: 'out/test/e2e',
    external: ['vscode', 'mocha'],
  },
];

if (watch) {
  for (const build of builds) await (await esbuild.context({ ...common, ...build })).watch();
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build })));
  for (const file of ['dist/server.js', 'dist/cli.js']) chmodSync(file, 0o755);
}
// elkjs ships as one self-contained file (EPL-2.0): copied as is, with its licence.
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/elkjs/lib/elk.bundled.js', 'dist/elk.js');
copyFileSync('node_modules/elkjs/LICENSE.md', 'dist/elk.LICENSE.md');
// The Terraform parser: web-tree-sitter's runtime (MIT) and the Terraform grammar of tree-sitter-hcl
// (Apache-2.0), both WebAssembly, read by shared/hclGrammar.ts when a Terraform file is first met.
copyFileSync('node_modules/web-tree-sitter/web-tree-sitter.wasm', 'dist/web-tree-sitter.wasm');
copyFileSync('node_modules/web-tree-sitter/LICENSE', 'dist/web-tree-sitter.LICENSE');
copyFileSync('node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'dist/tree-sitter-terraform.wasm');
copyFileSync('node_modules/@tree-sitter-grammars/tree-sitter-hcl/LICENSE', 'dist/tree-sitter-hcl.LICENSE');
