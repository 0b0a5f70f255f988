import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, lint, policy } from './helpers';

/** Cases found in review: object-prototype names as data, loosest condition values, big pasted lists. */
describe('inputs that look like JavaScript built-ins', () => {
  it('treats "constructor" and "__proto__" as the plain unknown names they are', () => {
    const key = policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'constructor:x': 'y' } } }]);
    assert.deepEqual(lint(key).findings.map((f) => f.rule), ['unknown-condition-key']);
    const principal = policy([{ Effect: 'Allow', Principal: { constructor: 'y' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }]);
    const [invalid] = findingsOf('invalid-principal', principal);
    assert.ok(invalid && !invalid.message.includes('native code'), invalid?.message);
  });

  it('does not let a "__proto__" key stand in for the statement (IAM rejects it)', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Sid":"A","__proto__":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}]}';
    const schema = lint(text, { kindSetting: 'identity' }).findings.filter((f) => f.rule === 'schema');
    assert.ok(schema.some((f) => f.at === '"__proto__"'), JSON.stringify(schema));
  });
});

describe('public-principal judges the loosest value', () => {
  const bucket = (condition: unknown) =>
    policy([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: condition }]);

  it('reports patterns that admit any organization or account, and lists with one open value', () => {
    for (const condition of [
      { StringLike: { 'aws:PrincipalOrgID': 'o-*' } },
      { StringLike: { 'aws:PrincipalAccount': '1*' } },
      { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5', '*'] } },
    ]) {
      assert.equal(findingsOf('public-principal', bucket(condition)).length, 1, JSON.stringify(condition));
    }
  });

  it('accepts a real organization or account, also as a pattern with substance', () => {
    for (const condition of [
      { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      { StringLike: { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*' } },
      { StringEquals: { 'aws:PrincipalAccount': ['111122223333', '444455556666'] } },
    ]) {
      assert.deepEqual(findingsOf('public-principal', bucket(condition)), [], JSON.stringify(condition));
    }
  });
});

describe('resource-mismatch and S3 Multi-Region Access Points', () => {
  it('accepts object actions on a Multi-Region Access Point object ARN', () => {
    const text = policy([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3::123456789012:accesspoint/abc123.mrap/object/*' }]);
    assert.deepEqual(findingsOf('resource-mismatch', text), []);
  });
});

describe('a pasted list of thousands of unknown actions', () => {
  it('reports each one, with suggestions for the first ones only', () => {
    const actions = Array.from({ length: 2000 }, (_, i) => `ec2:DescribeThing${i}`);
    const found = findingsOf('unknown-action', policy([{ Effect: 'Allow', Action: actions, Resource: '*' }]));
    assert.equal(found.length, 2000);
    assert.deepEqual(found[found.length - 1].data, { suggestions: [] });
  });
});
