import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kindSettingForFile } from '../../server/src/core';
import { identityStatement, lint, policy, trustStatement } from './helpers';

describe('kind detection', () => {
  it('a principal with an sts action makes a trust policy', () => {
    assert.equal(lint(policy([trustStatement()])).kind, 'trust');
    assert.equal(lint(policy([trustStatement({ Action: ['sts:AssumeRole', 'sts:TagSession'] })])).kind, 'trust');
    const oidc = trustStatement({ Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity' });
    assert.equal(lint(policy([oidc])).kind, 'trust');
  });

  it('a principal without sts actions makes a resource policy', () => {
    const bucket = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
    assert.equal(lint(policy([bucket])).kind, 'resource');
    assert.equal(lint(policy([{ ...bucket, Principal: '*', Effect: 'Deny' }])).kind, 'resource');
  });

  it('no principal makes an identity policy, even with sts actions', () => {
    assert.equal(lint(policy([identityStatement()])).kind, 'identity');
    assert.equal(lint(policy([identityStatement({ Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/R' })])).kind, 'identity');
  });

  it('a single statement object is read like a list of one', () => {
    assert.equal(lint(JSON.stringify({ Version: '2012-10-17', Statement: trustStatement() })).kind, 'trust');
  });

  it('trust-like file names win over the content', () => {
    const text = policy([identityStatement()]);
    assert.equal(lint(text, { fileName: '/repo/roles/deploy-trust.json' }).kind, 'trust');
    assert.equal(lint(text, { fileName: 'C:\\repo\\roles\\assume-role-policy.json' }).kind, 'trust');
    assert.equal(lint(text, { fileName: '/repo/trust/readme-policy.json' }).kind, 'identity', 'a folder name is no hint');
    assert.equal(lint(text, { fileName: '/repo/roles/trusted-account-policy.json' }).kind, 'identity', 'the caller side of a trust is no trust policy');
    assert.equal(lint(policy([trustStatement()]), { fileName: '/repo/roles/trusted-entities.json' }).kind, 'trust', 'the content still decides');
  });

  it('a kind setting wins over everything and makes any JSON a policy', () => {
    assert.equal(lint(policy([trustStatement()]), { kindSetting: 'identity' }).kind, 'identity');
    assert.equal(lint('{"Version": "2012-10-17"}', { kindSetting: 'resource' }).kind, 'resource');
    assert.equal(lint('{"Version": "2012-10-17"}', { kindSetting: 'auto' }).kind, 'identity');
    assert.equal(lint(policy([trustStatement()]), { kindSetting: 'ignore' }).kind, undefined);
  });

  it('JSON that is not a policy is left alone', () => {
    for (const text of ['{"name": "x", "version": "1.0.0"}', '[]', 'null', '', '{"compilerOptions": {"strict": true}}', '{"Resources": {"R": {"Properties": {"Statement": []}}}}']) {
      const result = lint(text, { fileName: '/repo/package.json' });
      assert.equal(result.kind, undefined, text);
      assert.deepEqual(result.findings, [], text);
    }
  });

  it('a "Statement" string inside an array at the top is not a policy', () => {
    assert.equal(lint('["Statement", {"Effect": "Allow"}]').kind, undefined);
  });
});

describe('iamPolicy.files associations', () => {
  const files = { '**/policies/*.json': 'identity', 'trust.json': 'trust', '**/vendor/**': 'ignore' } as const;

  it('matches globs against the path, and bare names against the base name', () => {
    assert.equal(kindSettingForFile('/repo/policies/a.json', files), 'identity');
    assert.equal(kindSettingForFile('/repo/x/trust.json', files), 'trust');
    assert.equal(kindSettingForFile('/repo/vendor/lib/p.json', files), 'ignore');
    assert.equal(kindSettingForFile('/repo/other/a.json', files), undefined);
    assert.equal(kindSettingForFile('C:\\repo\\policies\\b.json', files), 'identity');
    assert.equal(kindSettingForFile(undefined, files), undefined);
  });
});
