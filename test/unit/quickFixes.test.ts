import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicyService, type TextEdit } from '../../server/src/core';
import { policy } from './helpers';

const service = createPolicyService();

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
}

/** The fixes of the first finding of `rule`, and the document each produces. */
function fixesFor(rule: string, text: string): { title: string; result: string }[] {
  const parsed = service.parse(text);
  const finding = service.analyze(parsed).findings.find((f) => f.rule === rule);
  assert.ok(finding, `no ${rule} finding`);
  return service.quickFixes(parsed, finding).map((fix) => ({ title: fix.title, result: apply(text, fix.edits) }));
}

const rulesOf = (text: string) => service.analyze(service.parse(text)).findings.map((f) => f.rule);

describe('quick fixes', () => {
  it('replaces a misspelled action with each suggestion, best first, and the finding goes away', () => {
    const text = policy([{ Effect: 'Allow', Action: ['s3:GetObjects'], Resource: 'arn:aws:s3:::b/*' }]);
    const [first] = fixesFor('unknown-action', text);
    assert.equal(first.title, 'Change to "s3:GetObject"');
    assert.equal(first.result, text.replace('"s3:GetObjects"', '"s3:GetObject"'));
    assert.deepEqual(rulesOf(first.result), []);
  });

  it('fixes an unknown service, condition operator and condition key in place', () => {
    const service4 = policy([{ Effect: 'Allow', Action: 's4:GetObject', Resource: 'arn:aws:s3:::b/*' }]);
    assert.equal(fixesFor('unknown-service', service4)[0].result, service4.replace('s4:', 's3:'));
    const condition = { StringEqual: { 'aws:PrincipalTag/team': 'x' }, Bool: { 'aws:MultiFactorAuthPresnt': 'true' } };
    const text = policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: condition }]);
    const operatorFixed = fixesFor('unknown-condition-operator', text)[0].result;
    assert.equal(operatorFixed, text.replace('"StringEqual"', '"StringEquals"'));
    const keyFixed = fixesFor('unknown-condition-key', operatorFixed)[0].result;
    assert.equal(keyFixed, operatorFixed.replace('MultiFactorAuthPresnt', 'MultiFactorAuthPresent'));
    assert.deepEqual(rulesOf(keyFixed), []);
  });

  it('removes a redundant action from one-line and one-per-line lists, keeping valid JSON', () => {
    const oneLine = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*"}]}';
    const [fix] = fixesFor('redundant-action', oneLine);
    assert.match(fix.title, /^Remove "s3:GetObject" \(covered by "s3:Get\*"\)$/);
    assert.equal(fix.result, oneLine.replace('"s3:GetObject", ', ''));

    const perLine = '{\n\t"Version": "2012-10-17",\n\t"Statement": {\n\t\t"Effect": "Allow",\n\t\t"Action": [\n\t\t\t"s3:Get*",\n\t\t\t"s3:GetObject",\n\t\t\t"s3:PutObject"\n\t\t],\n\t\t"Resource": "*"\n\t}\n}';
    const middle = fixesFor('redundant-action', perLine)[0].result;
    assert.equal(middle, perLine.replace('\n\t\t\t"s3:GetObject",', ''));
    assert.doesNotThrow(() => JSON.parse(middle));
    assert.ok(!rulesOf(middle).includes('redundant-action'));

    const last = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "s3:GetObject"], "Resource": "*"}]}';
    assert.equal(fixesFor('redundant-action', last)[0].result, last.replace(', "s3:GetObject"', ''));
  });

  it('offers nothing for a finding whose text has changed since, or for rules without fixes', () => {
    const text = policy([{ Effect: 'Allow', Action: 's3:GetObjects', Resource: 'arn:aws:s3:::b/*' }]);
    const parsed = service.parse(text);
    const finding = service.analyze(parsed).findings.find((f) => f.rule === 'unknown-action');
    assert.ok(finding);
    assert.deepEqual(service.quickFixes(parsed, { ...finding, offset: finding.offset + 1 }), []);
    assert.deepEqual(service.quickFixes(parsed, { ...finding, rule: 'missing-version' }), []);
    assert.deepEqual(service.quickFixes(service.parse('{'), finding), []);
  });
});
