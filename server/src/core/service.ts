import { analyze, type Analysis, type AnalyzeOptions } from './analyze';
import { quickFixes } from './fixes';
import { parseDocument, type ParsedDocument, type ParseOptions } from './parse';
import { RULES } from './rules';

/**
 * The one facade the server, the CLI, the tests and the benchmark use. Each feature takes a parsed
 * document, so callers parse once and cache by document version.
 */
export interface PolicyService {
  parse(text: string, options?: Partial<ParseOptions>): ParsedDocument;
  analyze(parsed: ParsedDocument, options?: AnalyzeOptions): Analysis;
  /** Quick fixes for a finding the client sends back (rule, span and data of a diagnostic). */
  quickFixes: typeof quickFixes;
  rules: typeof RULES;
}

export function createPolicyService(): PolicyService {
  return {
    parse: (text, options) => parseDocument(text, { allowComments: options?.allowComments ?? false }),
    analyze,
    quickFixes,
    rules: RULES,
  };
}
