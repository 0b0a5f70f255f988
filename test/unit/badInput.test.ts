import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeSettings, settingsFromFlatKeys } from '../../server/src/core';
import { identityStatement, lint, policy } from './helpers';

describe('bad input never throws', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['an array', '[]'],
    ['null', 'null'],
    ['a number', '42'],
    ['a lone brace', '{'],
    ['garbage', '\u0000\u0001}{]['],
    ['lone surrogates', '{"Statement": [{"Sid": "\ud800", "Effect": "Allow\udfff"}]}'],
    ['a BOM', '\ufeff' + policy([identityStatement()])],
    ['deep arrays', '['.repeat(10_000)],
    ['deep objects', '{"a":'.repeat(10_000)],
    ['deep policy', '{"Statement": [' + '{"a":'.repeat(10_000)],
    ['wrong types everywhere', '{"Version": [], "Statement": [1, "x", null, {"Effect": {}, "Action": {}, "Resource": [[]], "Condition": []}]}'],
  ];
  for (const [name, text] of inputs) {
    it(`copes with ${name}`, () => {
      for (const kindSetting of [undefined, 'trust', 'identity', 'resource'] as const) {
        const result = lint(text, { kindSetting });
        for (const f of result.findings) assert.ok(f.message.length > 0);
      }
    });
  }

  it('analyses a 5 MB policy', () => {
    const statements = Array.from({ length: 30_000 }, (_, i) => identityStatement({ Sid: `S${i}`, Resource: `arn:aws:s3:::bucket/${'x'.repeat(60)}/${i}` }));
    const text = policy(statements);
    assert.ok(text.length > 5_000_000);
    const { kind, findings } = lint(text);
    assert.equal(kind, 'identity');
    assert.deepEqual(findings.map((f) => f.rule), ['policy-size']);
  });
});

describe('positions', () => {
  it('are the same with CRLF line ends', () => {
    const lf = policy([identityStatement({ Effect: 'allow' })]);
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = lint(lf).findings;
    const b = lint(crlf).findings;
    assert.deepEqual(b.map((f) => [f.rule, f.at, f.line]), a.map((f) => [f.rule, f.at, f.line]));
  });

  it('count UTF-16 code units after non-ASCII text', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Sid": "Zugriff😀", "Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]}';
    const effect = lint(text).findings.find((f) => f.rule === 'invalid-effect');
    assert.equal(effect?.at, '"allow"');
  });
});

describe('settings', () => {
  it('keep what they understand and drop the rest', () => {
    assert.deepEqual(normalizeSettings(undefined), { enable: true, rules: {}, files: {}, codeLens: true, accounts: {}, graph: { roles: {} } });
    assert.deepEqual(normalizeSettings('x'), { enable: true, rules: {}, files: {}, codeLens: true, accounts: {}, graph: { roles: {} } });
    assert.deepEqual(
      normalizeSettings({ enable: false, rules: { 'missing-version': 'off', 'policy-size': 'error', bad: 'loud', n: 1 }, files: { '*.json': 'trust', x: 'nope' }, codeLens: 'no' }),
      { enable: false, rules: { 'missing-version': 'off', 'policy-size': 'error' }, files: { '*.json': 'trust' }, codeLens: true, accounts: {}, graph: { roles: {} } },
    );
    assert.deepEqual(
      normalizeSettings({ accounts: { '111122223333': '  Production\n(main) ', '1234': 'short', '444455556666': 7, constructor: 'x' } }).accounts,
      { '111122223333': 'Production (main)' },
    );
    assert.equal(normalizeSettings({ codeLens: false }).codeLens, false);
    assert.deepEqual(normalizeSettings({ graph: { defaultAccount: ' 111122223333 ', roles: { 'a/*.json': ' Deploy ', b: 3, c: '' } } }).graph, {
      defaultAccount: '111122223333',
      roles: { 'a/*.json': 'Deploy' },
    });
    assert.deepEqual(normalizeSettings({ graph: { defaultAccount: '12345' } }).graph, { roles: {} });
  });

  it('read from a settings.json with flat keys, never reaching Object.prototype', () => {
    const settings = settingsFromFlatKeys({ 'iamPolicy.accounts': { '111122223333': 'Prod' }, 'iamPolicy.graph.defaultAccount': '111122223333', 'iamPolicy.__proto__.polluted': 'yes', 'editor.tabSize': 2 });
    assert.deepEqual(settings.accounts, { '111122223333': 'Prod' });
    assert.equal(settings.graph.defaultAccount, '111122223333');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('turn rules off and change severities', () => {
    const text = policy([identityStatement({ Effect: 'allow' })], {});
    const rules = { 'missing-version': 'off', 'invalid-effect': 'warning' } as const;
    assert.deepEqual(lint(text, { rules }).findings.map((f) => [f.rule, f.severity]), [['invalid-effect', 'warning']]);
  });
});
