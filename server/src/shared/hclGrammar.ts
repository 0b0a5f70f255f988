import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { HclParser } from '../core';

/** The two WebAssembly files: web-tree-sitter's runtime and the Terraform grammar (copied beside the bundles by the build). */
export const GRAMMAR_FILES = { runtime: 'web-tree-sitter.wasm', terraform: 'tree-sitter-terraform.wasm' } as const;

let loading: Promise<HclParser> | undefined;

/**
 * The Terraform parser, loaded once per process (about 20 ms) and only when a Terraform file is
 * first met: a JSON-only workspace never pays for it. The files are read from beside the bundle,
 * or from node_modules when running from source (tests, scripts).
 */
export function loadHclParser(): Promise<HclParser> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<HclParser> {
  const [runtime, grammar] = await Promise.all([readFile(locate(GRAMMAR_FILES.runtime, 'web-tree-sitter/web-tree-sitter.wasm')), readFile(locate(GRAMMAR_FILES.terraform, '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'))]);
  await Parser.init({ wasmBinary: runtime });
  const language = await Language.load(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

function locate(bundled: string, packaged: string): string {
  const beside = join(__dirname, bundled);
  return existsSync(beside) ? beside : require.resolve(packaged);
}
