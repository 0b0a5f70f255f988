/** Severity of a finding, as in LSP and SARIF (`hint` = redundancy or style). */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity override in settings or the CLI config: a severity, or `off` to silence the rule. */
export type SeverityOverride = Severity | 'off';

/** The three kinds of IAM policy documents (see RULES.md). */
export type PolicyKind = 'trust' | 'identity' | 'resource';

/** How a file association or `--kind` overrides detection: a kind, `auto` (guess), or `ignore`. */
export type KindSetting = PolicyKind | 'auto' | 'ignore';

/** A span of the document in UTF-16 code units, as jsonc-parser reports them. */
export interface Span {
  offset: number;
  length: number;
}

/** One problem found in a document. Positions are converted at the edges (LSP, CLI), never here. */
export interface Finding extends Span {
  /** Stable rule id from RULES.md; the LSP `code` and the CLI's `rule`. */
  rule: string;
  severity: Severity;
  message: string;
  /** Structured facts for quick fixes; never parse `message` for them. */
  data?: Record<string, unknown>;
  /** In a file that holds several policies (Terraform): the id of the policy it is about. */
  policy?: string;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
export const POLICY_KINDS: readonly PolicyKind[] = ['trust', 'identity', 'resource'];
