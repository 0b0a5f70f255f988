import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES, RULES_BY_ID } from '../../server/src/core';
import { renderRuleDoc, renderRuleIndex } from '../../server/src/core/ruleDocs';

const root = join(import.meta.dirname, '..', '..');

/** The ids that issue [1] implements; later issues add theirs here. */
const FOUNDATION_RULES = [
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
];

describe('rule catalog', () => {
  it('has every foundation rule id of RULES.md, with its documented default severity', () => {
    const catalog = readFileSync(join(root, '..', 'shared', 'RULES.md'), 'utf8');
    for (const id of FOUNDATION_RULES) {
      const rule = RULES_BY_ID.get(id);
      assert.ok(rule, `missing rule ${id}`);
      const row = catalog.split('\n').find((line) => line.startsWith(`| ${id} |`));
      assert.ok(row, `${id} not in RULES.md`);
      const documented = row.split('|')[2].trim();
      assert.equal(typeof rule.severity === 'string' ? rule.severity : rule.severity.trust, documented.split(' ')[0], id);
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
  });
});
