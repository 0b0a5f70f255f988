import type { Node } from 'jsonc-parser';
import { classify, type KindReason } from './classify';
import { toValue } from './jsonTree';
import type { ParsedDocument } from './parse';
import { readPolicy, type PolicyModel } from './policyModel';
import { CLAIMING_RULES, RULES, type Rule } from './rules';
import { defaultSeverity } from './rules/rule';
import { schema as schemaRule } from './rules/schema';
import { problemMessage, problemSpan } from './schema/problemMessages';
import { schemaProblems, type SchemaProblem } from './schema/schemaProblems';
import { isWaived } from './schema/waivers';
import type { Finding, KindSetting, PolicyKind, SeverityOverride, Span } from './types';

export interface AnalyzeOptions {
  /** The file's path or URI path: used for trust-policy file name hints and shown nowhere else. */
  fileName?: string;
  /** From `iamPolicy.files` or `--kind`: force a kind, `auto`, or `ignore`. */
  kindSetting?: KindSetting;
  /** Per-rule severity overrides; `off` silences a rule. */
  rules?: Readonly<Record<string, SeverityOverride>>;
}

export interface Analysis {
  /** Undefined when the document is not an IAM policy (then there are no findings). */
  kind: PolicyKind | undefined;
  kindReason: KindReason | undefined;
  findings: Finding[];
}

/** Runs every rule on a parsed document. Pure and synchronous; never throws on any input. */
export function analyze(parsed: ParsedDocument, options: AnalyzeOptions = {}): Analysis {
  const classification = classify(parsed, options);
  if (!classification) return { kind: undefined, kindReason: undefined, findings: [] };
  const { kind } = classification;
  const overrides = options.rules ?? {};
  const findings: Finding[] = [];

  const reporterFor = (rule: Rule) => {
    const override = overrides[rule.id];
    if (override === 'off' || (rule.kinds && !rule.kinds.includes(kind))) return undefined;
    const severity = override ?? defaultSeverity(rule, kind);
    return (at: Span | Node, message: string, data?: Record<string, unknown>) => {
      findings.push({ rule: rule.id, severity, message, offset: at.offset, length: at.length, ...(data ? { data } : {}) });
    };
  };

  const root = parsed.root;
  const policy: PolicyModel | undefined = root?.type === 'object' ? readPolicy(root) : undefined;
  reportSchemaProblems(parsed, kind, reporterFor);

  for (const rule of RULES) {
    const report = rule.check && reporterFor(rule);
    if (report) rule.check?.({ parsed, policy, kind, report });
  }
  findings.sort((a, b) => a.offset - b.offset || a.length - b.length);
  return { kind, kindReason: classification.reason, findings };
}

type ReporterFor = (rule: Rule) => ((at: Span | Node, message: string, data?: Record<string, unknown>) => void) | undefined;

/** Validates against the kind's schema; each problem goes to the first rule that claims it, else to `schema`. */
function reportSchemaProblems(parsed: ParsedDocument, kind: PolicyKind, reporterFor: ReporterFor): void {
  const root = parsed.root;
  if (!root) {
    if (!parsed.tooDeep) {
      reporterFor(schemaRule)?.({ offset: 0, length: 0 }, 'The document is empty; an IAM policy is a JSON object with "Version" and "Statement".');
    }
    return;
  }
  if (root.type !== 'object') {
    reporterFor(schemaRule)?.(root, 'An IAM policy must be a JSON object with "Version" and "Statement".');
    return;
  }
  const reported = new Set<string>();
  for (const problem of schemaProblems(kind, toValue(root))) {
    if (isWaived(problem, kind, root)) continue;
    const [rule, message] = claimant(problem, kind);
    const span = problemSpan(root, problem);
    // ajv can fail one value twice (`type` and `enum` for "Version": 2012): say the same thing once.
    const key = `${rule.id}@${span.offset}:${span.length}:${message}`;
    if (reported.has(key)) continue;
    reported.add(key);
    reporterFor(rule)?.(span, message, { problem: problem.type });
  }
}

function claimant(problem: SchemaProblem, kind: PolicyKind): [Rule, string] {
  for (const rule of CLAIMING_RULES) {
    if (rule.kinds && !rule.kinds.includes(kind)) continue;
    const message = rule.claim?.(problem, kind);
    if (message !== undefined) return [rule, message];
  }
  return [schemaRule, problemMessage(problem, kind)];
}
