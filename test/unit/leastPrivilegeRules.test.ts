import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCOUNT_ROOT, findingsOf, identityStatement, lint, policy, trustStatement, type SeenFinding } from './helpers';

const LEAST_PRIVILEGE_RULES = ['full-admin', 'passrole-wildcard-resource', 'assume-role-wildcard-resource', 'not-action-with-allow', 'not-resource-with-allow'];

const only = (found: SeenFinding[]) => found.map((f) => [f.at, f.severity]);
const resource = { kindSetting: 'resource' as const };

/** Findings of one rule for an identity policy made of the given statements. */
const findings = (rule: string, ...statements: Record<string, unknown>[]) => findingsOf(rule, policy(statements));

describe('least-privilege rules: no false alarms', () => {
  it('leaves scoped and Deny statements alone', () => {
    const text = policy([
      identityStatement({ Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::team-data/${aws:username}/*' }),
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-lambda-*', Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } },
      { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: 'arn:aws:iam::111122223333:role/deploy' },
      { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'sts:GetCallerIdentity'], Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
      { Effect: 'Deny', NotAction: ['iam:ChangePassword', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
      { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::team-data', 'arn:aws:s3:::team-data/*'] },
      { Effect: 'Deny', Action: ['iam:PassRole', 'sts:AssumeRole'], Resource: '*' },
      { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: 'arn:${AWS::Partition}:ec2:*:${AWS::AccountId}:instance/*' },
    ]);
    assert.deepEqual(
      lint(text).findings.filter((f) => LEAST_PRIVILEGE_RULES.includes(f.rule)),
      [],
    );
  });

  it('finds nothing to say about a trust policy that allows sts:*', () => {
    const text = policy([trustStatement({ Action: 'sts:*' })]);
    assert.deepEqual(lint(text, { kindSetting: 'trust' }).findings.filter((f) => LEAST_PRIVILEGE_RULES.includes(f.rule)), []);
  });
});

describe('full-admin', () => {
  it('reports Allow of "*" (or "*:*") on Resource "*" at the action', () => {
    const found = findings('full-admin', { Effect: 'Allow', Action: '*', Resource: '*' });
    assert.deepEqual(only(found), [['"*"', 'warning']]);
    assert.match(found[0].message, /full administrator access.*Grant the actions/);
    assert.deepEqual(only(findings('full-admin', { Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: ['arn:aws:s3:::b/*', '*'] })), [['"*:*"', 'warning']]);
  });

  it('reports it in resource policies too', () => {
    const text = policy([{ Effect: 'Allow', Principal: { AWS: ACCOUNT_ROOT }, Action: '*', Resource: '*' }]);
    assert.deepEqual(only(findingsOf('full-admin', text, resource)), [['"*"', 'warning']]);
  });

  it('ignores Deny, scoped resources, NotResource, NotAction and service wildcards', () => {
    assert.deepEqual(findings('full-admin', { Effect: 'Deny', Action: '*', Resource: '*' }), []);
    assert.deepEqual(findings('full-admin', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' }), []);
    assert.deepEqual(findings('full-admin', { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::bucket/*' }), []);
    assert.deepEqual(findings('full-admin', { Effect: 'Allow', NotAction: '*', Resource: '*' }), []);
    assert.deepEqual(findings('full-admin', { Effect: 'Allow', Action: ['s3:*', '*:Describe*'], Resource: '*' }), []);
    // S3 access point delegation: every action, but on one bucket only.
    const delegation = policy([
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'], Condition: { StringEquals: { 's3:DataAccessPointAccount': '111122223333' } } },
    ]);
    assert.deepEqual(findingsOf('full-admin', delegation, resource), []);
  });
});

describe('passrole-wildcard-resource', () => {
  it('reports iam:PassRole on "*" at the action, and advises iam:PassedToService', () => {
    const found = findings('passrole-wildcard-resource', { Effect: 'Allow', Action: ['ec2:RunInstances', 'iam:PassRole'], Resource: '*' });
    assert.deepEqual(only(found), [['"iam:PassRole"', 'warning']]);
    assert.match(found[0].message, /pass any role.*Name the roles.*iam:PassedToService/);
    assert.deepEqual(found[0].data, { action: 'iam:PassRole' });
  });

  it('finds it through wildcards and in any case', () => {
    const found = findings('passrole-wildcard-resource', { Effect: 'Allow', Action: ['iam:*', 'iam:Pass*', 'iam:PassRol?', 'IAM:passrole', 'iam:Get*'], Resource: ['*'] });
    assert.deepEqual(found.map((f) => f.at), ['"iam:*"', '"iam:Pass*"', '"iam:PassRol?"', '"IAM:passrole"']);
    assert.match(found[0].message, /"iam:\*" includes iam:PassRole/);
  });

  it('still reports a PassedToService-only limit, saying why', () => {
    const found = findings('passrole-wildcard-resource', {
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: '*',
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /iam:PassedToService limits the service, but any role can still be passed/);
  });

  it('leaves "*", role ARNs, Deny and NotAction to others', () => {
    assert.deepEqual(findings('passrole-wildcard-resource', { Effect: 'Allow', Action: '*', Resource: '*' }), []);
    assert.deepEqual(findings('passrole-wildcard-resource', { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-*' }), []);
    assert.deepEqual(findings('passrole-wildcard-resource', { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }), []);
    assert.deepEqual(findings('passrole-wildcard-resource', { Effect: 'Allow', NotAction: 'iam:PassRole', Resource: '*' }), []);
  });
});

describe('assume-role-wildcard-resource', () => {
  it('reports sts:AssumeRole on "*" (literal or via sts:*, sts:Assume*) at the action', () => {
    const found = findings('assume-role-wildcard-resource', { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:*', 'sts:Assume*', 'sts:AssumeRole*', 'sts:GetCallerIdentity'], Resource: '*' });
    assert.deepEqual(only(found), [
      ['"sts:AssumeRole"', 'warning'],
      ['"sts:*"', 'warning'],
      ['"sts:Assume*"', 'warning'],
      ['"sts:AssumeRole*"', 'warning'],
    ]);
    assert.match(found[0].message, /assume any role that trusts it.*Name the roles/);
    assert.match(found[1].message, /"sts:\*" includes sts:AssumeRole/);
  });

  it('ignores federated-only patterns, role ARNs, Deny and "*"', () => {
    assert.deepEqual(findings('assume-role-wildcard-resource', { Effect: 'Allow', Action: ['sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWith*'], Resource: '*' }), []);
    assert.deepEqual(findings('assume-role-wildcard-resource', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/CloudWatch-CrossAccountSharing*' }), []);
    assert.deepEqual(findings('assume-role-wildcard-resource', { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }), []);
    assert.deepEqual(findings('assume-role-wildcard-resource', { Effect: 'Allow', Action: '*', Resource: '*' }), []);
  });
});

describe('not-action-with-allow', () => {
  it('reports NotAction with Allow at the key (the PowerUserAccess shape)', () => {
    const found = findings('not-action-with-allow', { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' });
    assert.deepEqual(only(found), [['"NotAction"', 'warning']]);
    assert.match(found[0].message, /every action except those listed.*"Action".*Deny/);
  });

  it('ignores NotAction in Deny (the MFA guard pattern) and Action in Allow', () => {
    assert.deepEqual(
      findings('not-action-with-allow', { Effect: 'Deny', NotAction: ['iam:ListMFADevices', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
      [],
    );
    assert.deepEqual(findings('not-action-with-allow', identityStatement()), []);
  });
});

describe('not-resource-with-allow', () => {
  it('reports NotResource with Allow at the key', () => {
    const found = findings('not-resource-with-allow', { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret-bucket/*' });
    assert.deepEqual(only(found), [['"NotResource"', 'warning']]);
    assert.match(found[0].message, /every resource except those listed.*"Resource"/);
    const inResourcePolicy = policy([{ Effect: 'Allow', Principal: { AWS: ACCOUNT_ROOT }, Action: 's3:GetObject', NotResource: 'arn:aws:s3:::b/private/*' }]);
    assert.deepEqual(only(findingsOf('not-resource-with-allow', inResourcePolicy, resource)), [['"NotResource"', 'warning']]);
  });

  it('ignores NotResource in Deny, and trust policies (trust-has-resource says it there)', () => {
    assert.deepEqual(findings('not-resource-with-allow', { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::team-data', 'arn:aws:s3:::team-data/*'] }), []);
    const trust = policy([trustStatement({ NotResource: '*' })]);
    assert.deepEqual(findingsOf('not-resource-with-allow', trust, { kindSetting: 'trust' }), []);
    assert.equal(findingsOf('trust-has-resource', trust, { kindSetting: 'trust' }).length, 1);
  });
});
