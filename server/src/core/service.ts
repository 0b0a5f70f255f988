import { analyze, type Analysis, type AnalyzeOptions } from './analyze';
import { classify } from './classify';
import { complete, type CompletionList, type CompletionOptions } from './completion';
import { accountsIn } from './completion/accounts';
import { hover, type HoverOptions, type HoverResult } from './hover';
import { readPolicy } from './policyModel';
import { explainTrustPolicy, type StatementExplanation } from './trust/explain';
import { quickFixes } from './fixes';
import { readFacts, type FileFacts } from './graph';
import { parseDocument, type ParsedDocument, type ParseOptions } from './parse';
import { RULES } from './rules';
import type { PolicyKind } from './types';

/**
 * The one facade the server, the CLI, the tests and the benchmark use. Each feature takes a parsed
 * document, so callers parse once and cache by document version.
 */
export interface PolicyService {
  parse(text: string, options?: Partial<ParseOptions>): ParsedDocument;
  analyze(parsed: ParsedDocument, options?: AnalyzeOptions): Analysis;
  /** Quick fixes for a finding the client sends back (rule, span and data of a diagnostic). */
  quickFixes: typeof quickFixes;
  /** The kind of policy a document is (as `analyze` would decide), or undefined when it is not one. */
  kindOf(parsed: ParsedDocument, options?: Pick<AnalyzeOptions, 'fileName' | 'kindSetting'>): PolicyKind | undefined;
  /** Who can assume the role, statement by statement; undefined when the document is not a trust policy. */
  explainTrust(parsed: ParsedDocument, options?: Pick<AnalyzeOptions, 'fileName' | 'kindSetting'>): StatementExplanation[] | undefined;
  /** Completion items at an offset; undefined when the document is not a policy or nothing fits there. */
  complete(parsed: ParsedDocument, offset: number, options?: CompletionOptions): CompletionList | undefined;
  /** The account ids a policy names (none when the document is not a policy), for completion across files. */
  accounts(parsed: ParsedDocument, options?: Pick<AnalyzeOptions, 'fileName' | 'kindSetting'>): string[];
  /** What a file adds to the trust graph (`buildTrustGraph` joins the files). */
  graphFacts(parsed: ParsedDocument, options?: Pick<AnalyzeOptions, 'fileName' | 'kindSetting'>): FileFacts;
  /** Markdown about what is at an offset (action, key, operator, ARN, principal...). */
  hover(parsed: ParsedDocument, offset: number, options?: HoverOptions): HoverResult | undefined;
  rules: typeof RULES;
}

export function createPolicyService(): PolicyService {
  return {
    parse: (text, options) => parseDocument(text, { allowComments: options?.allowComments ?? false }),
    analyze,
    quickFixes,
    kindOf: (parsed, options = {}) => classify(parsed, options)?.kind,
    explainTrust: (parsed, options = {}) => {
      if (classify(parsed, options)?.kind !== 'trust' || parsed.root?.type !== 'object') return undefined;
      return explainTrustPolicy(readPolicy(parsed.root));
    },
    complete,
    hover,
    graphFacts: readFacts,
    accounts: (parsed, options = {}) => (classify(parsed, options) ? accountsIn(parsed.root) : []),
    rules: RULES,
  };
}
