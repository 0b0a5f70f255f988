import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyzeOptions } from '../../server/src/core';
import { findingsOf, identityStatement, lint, policy, trustStatement, type SeenFinding } from './helpers';

const CONDITION_RULES = [
  'unknown-condition-operator',
  'unknown-condition-key',
  'condition-key-not-applicable',
  'condition-type-mismatch',
  'forallvalues-single-valued',
  'wildcard-without-like',
  'mfa-if-exists',
];

const trust: AnalyzeOptions = { kindSetting: 'trust' };
const resource: AnalyzeOptions = { kindSetting: 'resource' };

/** An identity policy with one statement and the given Condition. */
const withCondition = (condition: unknown, extra: Record<string, unknown> = {}) => policy([identityStatement({ Condition: condition, ...extra })]);

const brief = (found: SeenFinding[]) => found.map((f) => [f.at, f.severity]);

describe('unknown-condition-operator', () => {
  it('reports misspelled operators at the operator key, with suggestions', () => {
    const found = findingsOf('unknown-condition-operator', withCondition({ StringEqual: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }));
    assert.deepEqual(brief(found), [['"StringEqual"', 'error']]);
    assert.match(found[0].message, /not an IAM condition operator/);
    assert.match(found[0].message, /Did you mean "StringEquals"/);
    assert.deepEqual(found[0].data, { suggestions: ['StringEquals'] });
  });

  it('reports NullIfExists and bad set prefixes, keeping the rest of the operator in the suggestion', () => {
    const text = withCondition({
      NullIfExists: { 'aws:TokenIssueTime': 'true' },
      'ForAllValue:StringLike': { 'aws:TagKeys': 'team-*' },
      'ForAnyValue:StringLikeIfExist': { 'aws:TagKeys': 'x' },
    });
    const found = findingsOf('unknown-condition-operator', text);
    assert.deepEqual(
      found.map((f) => f.at),
      ['"NullIfExists"', '"ForAllValue:StringLike"', '"ForAnyValue:StringLikeIfExist"'],
    );
    assert.match(found[0].message, /Null cannot take IfExists/);
    assert.deepEqual(found[0].data, { suggestions: ['Null'] });
    assert.deepEqual(found[1].data, { suggestions: ['ForAllValues:StringLike'] });
    assert.match(found[1].message, /ForAllValues: and ForAnyValue:/);
  });

  it('reports an unknown operator even when its block is empty', () => {
    assert.deepEqual(brief(findingsOf('unknown-condition-operator', withCondition({ Frobnicate: {} }))), [['"Frobnicate"', 'error']]);
  });

  it('accepts every operator form, in any case, with IfExists and set prefixes', () => {
    const text = withCondition({
      stringequals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
      'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'team-*' },
      'forallvalues:stringequals': { 'aws:TagKeys': ['a', 'b'] },
      NumericLessThanEqualsIfExists: { 'aws:MultiFactorAuthAge': '3600' },
      DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
      BinaryEquals: { 'aws:PrincipalTag/bin': 'QmluYXJ5VmFsdWU=' },
      NotIpAddressIfExists: { 'aws:SourceIp': '203.0.113.0/24' },
      ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin-*' },
      Null: { 'aws:TokenIssueTime': 'true' },
      'ForAllValues:Null': { 'aws:TagKeys': 'false' },
    });
    assert.deepEqual(findingsOf('unknown-condition-operator', text), []);
  });
});

describe('unknown-condition-key', () => {
  it('reports typos of global, service and identity-provider keys, with "did you mean"', () => {
    const text = policy([
      identityStatement({ Condition: { Bool: { 'aws:MultiFactorAuthPresnt': 'true' } } }),
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket', Condition: { StringLike: { 's3:prefx': 'home/*' } } },
    ]);
    const found = findingsOf('unknown-condition-key', text);
    assert.deepEqual(brief(found), [
      ['"aws:MultiFactorAuthPresnt"', 'warning'],
      ['"s3:prefx"', 'warning'],
    ]);
    assert.match(found[0].message, /not a known condition key.*Did you mean "aws:MultiFactorAuthPresent"/);
    assert.equal((found[0].data?.suggestions as string[])[0], 'aws:MultiFactorAuthPresent');
    assert.ok((found[1].data?.suggestions as string[]).includes('s3:prefix'));
  });

  it('reports a misspelled GitHub claim in a trust policy', () => {
    const text = policy([
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:subb': 'repo:my-org/my-repo:*' },
        },
      },
    ]);
    const found = findingsOf('unknown-condition-key', text, trust);
    assert.deepEqual(brief(found), [['"token.actions.githubusercontent.com:subb"', 'warning']]);
    assert.deepEqual(found[0].data, { suggestions: ['token.actions.githubusercontent.com:sub'] });
  });

  it('reports a prefix that is no service, and suggests a near service that has the key', () => {
    const found = findingsOf('unknown-condition-key', withCondition({ StringEquals: { 'foo:bar': 'x', 's4:prefix': 'home/' } }));
    assert.deepEqual(
      found.map((f) => f.at),
      ['"foo:bar"', '"s4:prefix"'],
    );
    assert.match(found[0].message, /"foo" is neither "aws", a known service prefix, nor an identity provider/);
    assert.deepEqual(found[0].data, { suggestions: [] });
    assert.ok((found[1].data?.suggestions as string[]).includes('s3:prefix'));
  });

  it('leaves the key of an unknown service to unknown-service when the actions name that service', () => {
    const text = policy([{ Effect: 'Allow', Action: 'deepracer:*', Resource: '*', Condition: { Null: { 'deepracer:UserToken': 'true' } } }]);
    assert.deepEqual(findingsOf('unknown-condition-key', text), []);
  });

  it('knows keys in any case, tag keys with any suffix, S3 object tag keys and claims of known and unknown issuers', () => {
    const text = policy([
      identityStatement({
        Condition: {
          StringEquals: {
            'AWS:PrincipalOrgId': 'o-a1b2c3d4e5',
            'aws:ResourceTag/Project': '${aws:PrincipalTag/Project}',
            'aws:RequestTag/${aws:PrincipalTag/team}': 'yes',
            's3:ExistingObjectTag/classification': 'public',
            'S3:ExistingObjectTag/aws:cloudformation:stack-name': 'x',
          },
        },
      }),
    ]);
    assert.deepEqual(findingsOf('unknown-condition-key', text), []);
    const trustText = policy([
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub': 'system:serviceaccount:default:app',
            'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud': 'sts.amazonaws.com',
            'login.example.com/realms/main:sub': 'user-1',
            'gitlab.com:ref_protected': 'true',
            'SAML:aud': 'https://signin.aws.amazon.com/saml',
            '${OidcProvider}:sub': 'system:serviceaccount:default:app',
          },
        },
      },
    ]);
    assert.deepEqual(findingsOf('unknown-condition-key', trustText, trust), []);
  });
});

describe('condition-key-not-applicable', () => {
  it('reports a service key that no action of the statement supports', () => {
    const found = findingsOf('condition-key-not-applicable', withCondition({ StringEquals: { 'ec2:InstanceType': 't3.micro' } }));
    assert.deepEqual(brief(found), [['"ec2:InstanceType"', 'warning']]);
    assert.match(found[0].message, /No action of this statement \(s3:GetObject\) supports the condition key "ec2:InstanceType"/);
    assert.deepEqual(found[0].data, { key: 'ec2:InstanceType' });
  });

  it('accepts keys supported by an action, by its resource types, or by one action of several', () => {
    const text = policy([
      { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro' } } },
      { Effect: 'Allow', Action: ['ec2:StartInstances', 'ec2:StopInstances'], Resource: '*', Condition: { StringEquals: { 'ec2:ResourceTag/Env': 'dev' } } },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*', Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*' } } },
      identityStatement({ Condition: { StringEquals: { 's3:ExistingObjectTag/classification': 'public' } } }),
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } },
      { Effect: 'Allow', Action: 's3:Get*', Resource: '*', Condition: { StringEquals: { 's3:ExistingObjectTag/x': 'y' } } },
      { Effect: 'Allow', Action: 'aws-marketplace:Subscribe', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws-marketplace:ProductId': ['prod-abc'] } } },
    ]);
    assert.deepEqual(findingsOf('condition-key-not-applicable', text), []);
  });

  it('is silent when it cannot know: NotAction, "*", unknown actions, global and claim keys', () => {
    const text = policy([
      { Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro' } } },
      { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro' } } },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:FrobnicateObject'], Resource: '*', Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro' } } },
      identityStatement({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'ec2:SourceInstanceArn': 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1' } } }),
    ]);
    assert.deepEqual(findingsOf('condition-key-not-applicable', text), []);
  });
});

describe('condition-type-mismatch', () => {
  it('reports an operator family that does not suit the key type, at the operator', () => {
    const text = withCondition({
      StringEquals: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
      NumericLessThan: { 'aws:PrincipalOrgID': '3' },
      Bool: { 'aws:PrincipalArn': 'true' },
      IpAddress: { 'aws:SourceVpce': '10.0.0.0/8' },
      DateGreaterThan: { 'aws:MultiFactorAuthAge': '2026-01-01' },
      ArnLike: { 'aws:SourceIp': 'arn:aws:*' },
    });
    const found = findingsOf('condition-type-mismatch', text);
    assert.deepEqual(
      found.map((f) => f.at),
      ['"StringEquals"', '"NumericLessThan"', '"Bool"', '"IpAddress"', '"DateGreaterThan"', '"ArnLike"'],
    );
    assert.ok(found.every((f) => f.severity === 'warning'));
    assert.match(found[0].message, /StringEquals does not suit "aws:CurrentTime", a Date key: use a Date operator/);
    assert.deepEqual(found[0].data, { operator: 'StringEquals', key: 'aws:CurrentTime', keyType: 'Date' });
  });

  it('reports values of the wrong shape, at the value', () => {
    const text = withCondition({
      Bool: { 'aws:SecureTransport': 'yes' },
      NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600', '1h'] },
      DateLessThan: { 'aws:CurrentTime': ['2026-13-01T00:00:00Z', 'tomorrow'] },
      IpAddress: { 'aws:SourceIp': ['10.0.0.0/33', '192.0.2.300', '2001:db8::/129', 'localhost'] },
      Null: { 'aws:TokenIssueTime': 'yes' },
      StringEquals: { 'aws:ViaAWSService': 'amplify.amazonaws.com' },
    });
    const found = findingsOf('condition-type-mismatch', text);
    assert.deepEqual(
      found.map((f) => f.at),
      ['"yes"', '"1h"', '"2026-13-01T00:00:00Z"', '"tomorrow"', '"10.0.0.0/33"', '"192.0.2.300"', '"2001:db8::/129"', '"localhost"', '"yes"', '"amplify.amazonaws.com"'],
    );
    assert.match(found[0].message, /Bool takes "true" or "false", not "yes"/);
    assert.match(found[1].message, /NumericLessThan compares numbers/);
    assert.match(found[9].message, /"aws:ViaAWSService" is a Bool key.*StringEquals never matches "amplify.amazonaws.com"/);
  });

  it('accepts the shapes AWS accepts: JSON booleans and numbers, dates, epoch seconds, IPv4 and IPv6 CIDRs', () => {
    const text = withCondition({
      Bool: { 'aws:SecureTransport': false, 'aws:MultiFactorAuthPresent': 'TRUE' },
      NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600', 3600, '1.5e3'] },
      DateGreaterThan: { 'aws:CurrentTime': ['2026-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.123+02:00', '1767225600'], 'aws:TokenIssueTime': 1767225600 },
      DateLessThan: { 'aws:EpochTime': '1767225600' },
      NumericGreaterThan: { 'aws:EpochTime': 1767225600 },
      IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.7', '2001:DB8:1234:5678::/64', '::ffff:192.0.2.1', '::1'] },
      Null: { 'aws:TokenIssueTime': true },
      StringEquals: { 'aws:ViaAWSService': 'false', 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/admin' },
      StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin-*' },
      ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:topic', 'aws:RequestTag/owner': 'arn:aws:ecs:*:*:task/*' },
    });
    assert.deepEqual(findingsOf('condition-type-mismatch', text), []);
  });

  it('skips policy variables, unknown keys and claims of unknown issuers; reads service key types from the data', () => {
    const text = policy([
      identityStatement({
        Condition: {
          NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:PrincipalTag/maxAge}' },
          IpAddress: { 'aws:SourceIp': '${aws:PrincipalTag/cidr}' },
          Bool: { 'aws:MultiFactorAuthPresnt': 'yes' },
          DateLessThan: { 'login.example.com:iat': '2026-01-01' },
        },
      }),
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { NumericGreaterThanEquals: { 's3:TlsVersion': '1.2' } } },
      { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { Bool: { 'ec2:Encrypted': 'true' } } },
    ]);
    assert.deepEqual(findingsOf('condition-type-mismatch', text), []);
    const wrong = findingsOf('condition-type-mismatch', policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 's3:TlsVersion': '1.2' } } }]));
    assert.deepEqual(brief(wrong), [['"StringEquals"', 'warning']]);
  });
});

describe('forallvalues-single-valued', () => {
  it('reports ForAllValues: on a single-valued key, at the operator', () => {
    const found = findingsOf('forallvalues-single-valued', withCondition({ 'ForAllValues:StringEquals': { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } }));
    assert.deepEqual(brief(found), [['"ForAllValues:StringEquals"', 'warning']]);
    assert.match(found[0].message, /"aws:RequestedRegion" is single-valued.*true when the key is absent.*this Allow also applies.*Use StringEquals/);
    assert.deepEqual(found[0].data, { operator: 'ForAllValues:StringEquals', key: 'aws:RequestedRegion', replaceWith: 'StringEquals' });
  });

  it('words it for a Deny, and still reports it', () => {
    const text = policy([{ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { 'ForAllValues:StringNotEqualsIfExists': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }]);
    const found = findingsOf('forallvalues-single-valued', text);
    assert.deepEqual(brief(found), [['"ForAllValues:StringNotEqualsIfExists"', 'warning']]);
    assert.match(found[0].message, /this Deny also applies to every request without the key/);
    assert.equal(found[0].data?.replaceWith, 'StringNotEqualsIfExists');
  });

  it('accepts set operators on multi-valued keys, ForAnyValue anywhere, and unknown keys', () => {
    const text = policy([
      identityStatement({
        Condition: {
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'], 'aws:CalledVia': 'cloudformation.amazonaws.com' },
          'ForAllValues:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*', 'login.example.com:groups': 'admins' },
          'ForAnyValue:StringEquals': { 'aws:RequestedRegion': 'eu-west-1' },
        },
      }),
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': 'eu-west-1:12345678-1234-1234-1234-123456789012' },
          'ForAllValues:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ]);
    assert.deepEqual(findingsOf('forallvalues-single-valued', text), []);
  });
});

describe('wildcard-without-like', () => {
  it('reports * and ? in values of exact String operators, at the value, with the Like operator to use', () => {
    const text = withCondition({
      StringEquals: { 'aws:PrincipalArn': ['arn:aws:iam::111122223333:role/admin', 'arn:aws:iam::111122223333:role/deploy-*'] },
      'ForAnyValue:StringNotEqualsIgnoreCaseIfExists': { 'aws:TagKeys': 'team-??' },
    });
    const found = findingsOf('wildcard-without-like', text);
    assert.deepEqual(brief(found), [
      ['"arn:aws:iam::111122223333:role/deploy-*"', 'warning'],
      ['"team-??"', 'warning'],
    ]);
    assert.match(found[0].message, /StringEquals compares "\*" literally, not as a wildcard: use StringLike/);
    assert.deepEqual(found[0].data, { operator: 'StringEquals', like: 'StringLike', replaceWith: 'StringLike' });
    assert.deepEqual(found[1].data, {
      operator: 'ForAnyValue:StringNotEqualsIgnoreCaseIfExists',
      like: 'StringNotLike',
      replaceWith: 'ForAnyValue:StringNotLikeIfExists',
    });
  });

  it('reports a wildcard GitHub subject under StringEquals in a trust policy', () => {
    const text = policy([
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:my-org/my-repo:*' } },
      },
    ]);
    assert.deepEqual(brief(findingsOf('wildcard-without-like', text, trust)), [['"repo:my-org/my-repo:*"', 'warning']]);
  });

  it('ignores Like and Arn operators, policy variables, and the ? of a URL query', () => {
    const text = withCondition({
      StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' },
      ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*' },
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/?dmin' },
      StringEquals: {
        's3:prefix': ['', 'home/', 'home/${aws:username}/'],
        'aws:ResourceTag/literal': 'a${*}b${?}',
        'aws:referer': 'https://example.com/app?id=1',
      },
      StringNotEquals: { 'aws:ResourceTag/Project': '${aws:PrincipalTag/Project}' },
    });
    assert.deepEqual(findingsOf('wildcard-without-like', text), []);
  });
});

describe('mfa-if-exists', () => {
  it('reports BoolIfExists on aws:MultiFactorAuthPresent "true" in an Allow, at the operator', () => {
    const found = findingsOf('mfa-if-exists', withCondition({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }));
    assert.deepEqual(brief(found), [['"BoolIfExists"', 'warning']]);
    assert.match(found[0].message, /long-term access keys.*without MFA\. Use Bool\./);
    assert.deepEqual(found[0].data, { replaceWith: 'Bool', key: 'aws:MultiFactorAuthPresent' });
  });

  it('reports JSON true and any key case, in trust policies too', () => {
    const text = policy([trustStatement({ Condition: { BoolIfExists: { 'AWS:MultiFactorAuthPresent': true } } })]);
    assert.deepEqual(brief(findingsOf('mfa-if-exists', text, trust)), [['"BoolIfExists"', 'warning']]);
  });

  it('accepts Bool in an Allow and the BoolIfExists "false" Deny pattern', () => {
    const text = policy([
      identityStatement({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } }),
      {
        Sid: 'DenyAllExceptListedIfNoMFA',
        Effect: 'Deny',
        NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'sts:GetSessionToken'],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } } },
    ]);
    assert.deepEqual(findingsOf('mfa-if-exists', text), []);
  });
});

/** Real-world shapes (AWS documentation examples): none may raise a condition finding. */
const VALID: Record<string, { text: string; options: AnalyzeOptions }> = {
  'GitHub Actions trust': {
    options: trust,
    text: policy([
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:my-org/my-repo:ref:refs/heads/main', 'repo:my-org/my-repo:environment:*'] },
        },
      },
    ]),
  },
  'cross-account trust with ExternalId and MFA age': {
    options: trust,
    text: policy([trustStatement({ Condition: { StringEquals: { 'sts:ExternalId': '4f6d2c1e-1a2b-4c3d-9e8f-0a1b2c3d4e5f' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } })]),
  },
  'SAML trust': {
    options: trust,
    text: policy([
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleOrgSSO' },
        Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' }, StringLike: { 'saml:sub': '*@example.com' } },
      },
    ]),
  },
  'S3 bucket policy: TLS only, organization, VPC endpoint, IP ranges, object ownership': {
    options: resource,
    text: policy([
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' }, NumericLessThan: { 's3:TlsVersion': 1.2 } },
      },
      {
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
        Condition: {
          StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 's3:x-amz-acl': 'bucket-owner-full-control' },
          StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' },
          NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '2001:DB8:1234:5678::/64'] },
        },
      },
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/AWSLogs/111122223333/*',
        Condition: { StringEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/main' }, ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:111122223333:trail/*' } },
      },
    ]),
  },
  'attribute-based access control with tags': {
    options: {},
    text: policy([
      {
        Effect: 'Allow',
        Action: ['ec2:StartInstances', 'ec2:StopInstances'],
        Resource: 'arn:aws:ec2:*:*:instance/*',
        Condition: { StringEquals: { 'aws:ResourceTag/Project': '${aws:PrincipalTag/Project}', 'ec2:ResourceTag/Env': 'dev' } },
      },
      {
        Effect: 'Allow',
        Action: ['ec2:CreateTags'],
        Resource: '*',
        Condition: {
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project', 'Env'] },
          StringEquals: { 'aws:RequestTag/Project': '${aws:PrincipalTag/Project}', 'ec2:CreateAction': 'RunInstances' },
        },
      },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::amzn-s3-demo-bucket',
        Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } },
      },
    ]),
  },
  'time window, region lock and a CloudFormation template policy': {
    options: {},
    text: policy([
      {
        Effect: 'Deny',
        NotAction: ['iam:*', 'organizations:*', 'sts:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrganizationAccountAccessRole' } },
      },
      identityStatement({
        Condition: {
          DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
          DateLessThan: { 'aws:CurrentTime': '2026-06-30T23:59:59Z' },
          StringEquals: { 'aws:PrincipalAccount': '${AWS::AccountId}', 'aws:SourceVpc': '${VpcId}' },
        },
      }),
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.${AWS::Region}.amazonaws.com', 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bucket' } } },
    ]),
  },
};

describe('real-world condition blocks raise no condition finding', () => {
  for (const [name, { text, options }] of Object.entries(VALID)) {
    it(name, () => {
      const found = lint(text, options).findings.filter((f) => CONDITION_RULES.includes(f.rule));
      assert.deepEqual(
        found.map((f) => `${f.rule} ${f.at}: ${f.message}`),
        [],
      );
    });
  }
});
