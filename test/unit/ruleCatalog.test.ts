import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { POLICY_KINDS, RULES, RULES_BY_ID, defaultSeverity, type PolicyKind } from '../../server/src/core';
import { renderConfigSchema, renderReadmeRules, renderRuleDoc, renderRuleIndex } from '../../server/src/core/ruleDocs';

const root = join(import.meta.dirname, '..', '..');

/** The ids that issues [1], [3] and [4] implement; later issues add theirs here. */
const IMPLEMENTED_RULES = [
  'json-syntax',
  'duplicate-key',
  'schema',
  'missing-version',
  'invalid-version',
  'invalid-effect',
  'duplicate-sid',
  'invalid-sid',
  'missing-principal',
  'trust-has-resource',
  'policy-variable-version',
  'policy-size',
  // [3]
  'unknown-service',
  'unknown-action',
  'wildcard-matches-nothing',
  'redundant-action',
  'invalid-arn',
  'resource-mismatch',
  'unknown-condition-operator',
  'unknown-condition-key',
  'condition-key-not-applicable',
  'condition-type-mismatch',
  'forallvalues-single-valued',
  'wildcard-without-like',
  'mfa-if-exists',
  'invalid-principal',
  'public-principal',
  'not-principal-with-allow',
  'full-admin',
  'passrole-wildcard-resource',
  'assume-role-wildcard-resource',
  'not-action-with-allow',
  'not-resource-with-allow',
  // [4]
  'trust-invalid-action',
  'trust-action-principal-mismatch',
  'trust-cross-account-unconditioned',
  'trust-external-id-weak',
  'trust-oidc-missing-aud',
  'trust-oidc-missing-sub',
  'trust-oidc-wildcard-sub',
  'trust-saml-missing-aud',
  'trust-service-confused-deputy',
];

/**
 * A documented severity per kind: "warning", "error in trust, warning in resource", or
 * "warning (error in trust)".
 */
function documentedSeverities(text: string): Record<PolicyKind, string> {
  const perKind = /^(\w+) in trust, (\w+) in resource$/.exec(text);
  if (perKind) return { trust: perKind[1], resource: perKind[2], identity: perKind[2] };
  const trustOnly = /^(\w+) \((\w+) in trust\)$/.exec(text);
  if (trustOnly) return { trust: trustOnly[2], resource: trustOnly[1], identity: trustOnly[1] };
  return { trust: text, resource: text, identity: text };
}

describe('rule catalog', () => {
  it('has every implemented rule id of RULES.md, with its documented default severity per kind', () => {
    const catalog = readFileSync(join(root, '..', 'shared', 'RULES.md'), 'utf8');
    for (const id of IMPLEMENTED_RULES) {
      const rule = RULES_BY_ID.get(id);
      assert.ok(rule, `missing rule ${id}`);
      const row = catalog.split('\n').find((line) => line.startsWith(`| ${id} |`));
      assert.ok(row, `${id} not in RULES.md`);
      const documented = documentedSeverities(row.split('|')[2].trim());
      for (const kind of POLICY_KINDS) {
        if (rule.kinds && !rule.kinds.includes(kind)) continue;
        assert.equal(defaultSeverity(rule, kind), documented[kind], `${id} in ${kind} policies`);
      }
    }
  });

  it('has unique ids, a summary and docs for every rule', () => {
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(rule.summary.length > 10 && rule.docs.length > 40, rule.id);
    }
  });

  it('has up-to-date docs pages (run `npm run docs` after changing a rule)', () => {
    for (const rule of RULES) {
      assert.equal(readFileSync(join(root, 'docs', 'rules', `${rule.id}.md`), 'utf8'), renderRuleDoc(rule), rule.id);
    }
    assert.equal(readFileSync(join(root, 'docs', 'rules', 'README.md'), 'utf8'), renderRuleIndex(RULES));
    assert.ok(readFileSync(join(root, 'README.md'), 'utf8').includes(renderReadmeRules(RULES)), 'README rules table');
    assert.equal(readFileSync(join(root, 'schemas', 'iampolicyrc.schema.json'), 'utf8'), renderConfigSchema(RULES));
  });
});
