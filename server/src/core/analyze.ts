import type { Node } from 'jsonc-parser';
import { classify, type KindReason } from './classify';
import type { DialectId, ParsedDocument, PolicyUnit, UnitOwner } from './host/types';
import { fromElsewhere } from './host/units';
import { hasUnknowns, waivedAsUnknown, withoutUnknowns } from './host/unknowns';
import { toValue } from './jsonTree';
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
  /** The kind of a policy file; undefined when it is not an IAM policy, and for host files (see `policies`). */
  kind: PolicyKind | undefined;
  kindReason: KindReason | undefined;
  dialect: DialectId;
  /** Every policy analysed, in document order: one for a policy file, any number in a Terraform file. */
  policies: PolicySummary[];
  /** The findings of every policy, in document order; in host files each names its policy (`policy`). */
  findings: Finding[];
}

/** One policy of an analysed document. */
export interface PolicySummary extends Span {
  id: string;
  kind: PolicyKind;
  kindReason: KindReason;
  owner?: UnitOwner;
}

/** Runs every rule on every policy of a parsed document. Pure and synchronous; never throws on any input. */
export function analyze(parsed: ParsedDocument, options: AnalyzeOptions = {}): Analysis {
  const policies: PolicySummary[] = [];
  const findings: Finding[] = [];
  for (const unit of parsed.units) {
    const classification = classify(unit, options);
    if (!classification) continue;
    policies.push(summaryOf(unit, classification));
    const found = analyzeUnit(unit, classification.kind, options);
    if (parsed.dialect !== 'json') for (const finding of found) finding.policy = unit.id;
    findings.push(...found);
  }
  findings.sort((a, b) => a.offset - b.offset || a.length - b.length);
  const single = parsed.dialect === 'json' ? policies[0] : undefined;
  return { kind: single?.kind, kindReason: single?.kindReason, dialect: parsed.dialect, policies, findings };
}

/** A policy of a document as analyses and `policies()` list it. */
export function summaryOf(unit: PolicyUnit, classification: { kind: PolicyKind; reason: KindReason }): PolicySummary {
  return { id: unit.id, kind: classification.kind, kindReason: classification.reason, ...unit.span, ...(unit.owner ? { owner: unit.owner } : {}) };
}

/**
 * What each policy tree was found to have, by kind and rule settings, with the offset of its root
 * then. A Terraform policy that an edit elsewhere in its file only moved keeps its tree (see
 * terraform/document.ts): its findings are moved, not found again, on each keystroke.
 */
const analyses = new WeakMap<Node, Map<string, { base: number; findings: Finding[] }>>();

/** The findings of one policy of a known kind (only `rules` of the options matters here). */
export function analyzeUnit(parsed: PolicyUnit, kind: PolicyKind, options: Pick<AnalyzeOptions, 'rules'>): Finding[] {
  const root = parsed.root;
  if (!root) return findUnit(parsed, kind, options);
  const key = `${kind}|${parsed.incomplete ?? ''}|${JSON.stringify(options.rules ?? {})}`;
  let byKey = analyses.get(root);
  const cached = byKey?.get(key);
  if (cached) {
    const delta = root.offset - cached.base;
    return cached.findings.map((f) => ({ ...f, offset: f.offset + delta }));
  }
  const findings = findUnit(parsed, kind, options);
  if (!byKey) analyses.set(root, (byKey = new Map<string, { base: number; findings: Finding[] }>()));
  byKey.set(key, { base: root.offset, findings: findings.map((f) => ({ ...f })) });
  return findings;
}

function findUnit(parsed: PolicyUnit, kind: PolicyKind, options: Pick<AnalyzeOptions, 'rules'>): Finding[] {
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
    if (!report) continue;
    const before = findings.length;
    rule.check?.({ parsed, policy, kind, report });
    if (findings.length > before && hasUnknowns(parsed)) findings.push(...withoutUnknowns(parsed, policy, rule, findings.splice(before)));
  }
  // Statements merged in from documents written elsewhere are judged there.
  return parsed.elsewhere ? findings.filter((f) => !fromElsewhere(parsed, f)) : findings;
}

type ReporterFor = (rule: Rule) => ((at: Span | Node, message: string, data?: Record<string, unknown>) => void) | undefined;

/** Validates against the kind's schema; each problem goes to the first rule that claims it, else to `schema`. */
function reportSchemaProblems(parsed: PolicyUnit, kind: PolicyKind, reporterFor: ReporterFor): void {
  const root = parsed.root;
  if (!root) {
    // Too deep to parse, or (in a host file) not parsed at all: its own problems say why.
    if (!parsed.tooDeep && parsed.incomplete === undefined) {
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
    if (isWaived(problem, kind, root) || waivedAsUnknown(problem, parsed, root)) continue;
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
