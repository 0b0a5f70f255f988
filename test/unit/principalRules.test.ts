import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyzeOptions } from '../../server/src/core';
import { ACCOUNT_ROOT, findingsOf, lint, policy, trustStatement, type SeenFinding } from './helpers';

const PRINCIPAL_RULES = ['invalid-principal', 'public-principal', 'not-principal-with-allow'];

/** The findings of the principal rules, as [rule, covered text] pairs. */
function principalFindings(text: string, options: AnalyzeOptions = {}): [string, string][] {
  return lint(text, options)
    .findings.filter((f) => PRINCIPAL_RULES.includes(f.rule))
    .map((f) => [f.rule, f.at]);
}

/** A resource-policy statement (S3 bucket policy shape) with the given principal. */
function bucketStatement(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: 'Allow', Principal: { AWS: ACCOUNT_ROOT }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*', ...extra };
}

const resource: AnalyzeOptions = { kindSetting: 'resource' };
const trust: AnalyzeOptions = { kindSetting: 'trust' };

const only = (found: SeenFinding[]) => found.map((f) => [f.at, f.severity]);

/** Real-world shapes from AWS documentation: none of them may raise a principal finding. */
const VALID_POLICIES: Record<string, { text: string; kind: 'trust' | 'resource' }> = {
  'S3 bucket policy for a CloudFront origin access identity': {
    kind: 'resource',
    text: policy(
      [
        bucketStatement({
          Sid: '1',
          Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity EH1HDMB1FH2TC' },
        }),
      ],
      { Version: '2012-10-17', Id: 'PolicyForCloudFrontPrivateContent' },
    ),
  },
  'S3 bucket policy for CloudFront origin access control (service + aws:SourceArn)': {
    kind: 'resource',
    text: policy([
      bucketStatement({
        Sid: 'AllowCloudFrontServicePrincipalReadOnly',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE' } },
      }),
    ]),
  },
  'S3 bucket policy for load balancer access logs': {
    kind: 'resource',
    text: policy([
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::127311923021:root' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/prefix/AWSLogs/111122223333/*' },
      { Effect: 'Allow', Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' },
    ]),
  },
  'S3 bucket policy limited to an organization, with a Deny for plain HTTP': {
    kind: 'resource',
    text: policy([
      bucketStatement({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } } }),
      bucketStatement({ Effect: 'Deny', Principal: '*', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    ]),
  },
  'S3 bucket policy delegating to access points of the owner account': {
    kind: 'resource',
    text: policy([
      {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: '*',
        Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
        Condition: { StringEquals: { 's3:DataAccessPointAccount': '111122223333' } },
      },
    ]),
  },
  'S3 bucket policy for a canonical user and a deleted user (unique id)': {
    kind: 'resource',
    text: policy([
      bucketStatement({ Principal: { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' } }),
      bucketStatement({ Principal: { AWS: ['AIDACKCEVSQ6C2EXAMPLE', 'AROADBQP57FF2AEXAMPLE'] } }),
    ]),
  },
  'KMS default key policy and an AWS managed key policy (kms:CallerAccount + kms:ViaService)': {
    kind: 'resource',
    text: policy(
      [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        {
          Sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': 'ec2.us-west-2.amazonaws.com' } },
        },
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
          Resource: '*',
        },
      ],
      { Version: '2012-10-17', Id: 'auto-ebs-2' },
    ),
  },
  'SNS default topic policy (AWS:SourceOwner, Version 2008-10-17)': {
    kind: 'resource',
    text: policy(
      [
        {
          Sid: '__default_statement_ID',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:Subscribe', 'SNS:Publish'],
          Resource: 'arn:aws:sns:us-east-2:111122223333:MyTopic',
          Condition: { StringEquals: { 'AWS:SourceOwner': '111122223333' } },
        },
      ],
      { Version: '2008-10-17', Id: '__default_policy_ID' },
    ),
  },
  'SQS queue policy for an SNS topic (service and "*" forms with aws:SourceArn)': {
    kind: 'resource',
    text: policy([
      {
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: 'arn:aws:sqs:us-east-2:111122223333:MyQueue',
        Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-2:111122223333:MyTopic' } },
      },
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'sqs:SendMessage',
        Resource: 'arn:aws:sqs:us-east-2:111122223333:MyQueue',
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:*:*:amzn-s3-demo-bucket' }, StringEquals: { 'aws:SourceAccount': 111122223333 } },
      },
    ]),
  },
  'Lambda permission for S3 and for a public function URL in the account (aws:PrincipalAccount variable)': {
    kind: 'resource',
    text: policy([
      {
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: 'arn:aws:lambda:us-east-1:111122223333:function:my-function',
        Condition: { StringEquals: { 'AWS:SourceAccount': '111122223333' }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::amzn-s3-demo-bucket' } },
      },
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'lambda:InvokeFunctionUrl',
        Resource: 'arn:aws:lambda:us-east-1:111122223333:function:my-function',
        Condition: { StringEquals: { 'aws:PrincipalAccount': '${aws:ResourceAccount}' } },
      },
    ]),
  },
  'VPC endpoint policy limited to an organization path and a VPC': {
    kind: 'resource',
    text: policy([
      { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*', Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*'] } } },
      bucketStatement({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }),
      bucketStatement({ Principal: { AWS: '*' }, Condition: { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '2001:DB8:1234:5678::/64'] } } }),
      bucketStatement({ Principal: { AWS: '*' }, Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/reader-*' } } }),
    ]),
  },
  'Deny with NotPrincipal (deny everyone but these)': {
    kind: 'resource',
    text: policy([
      bucketStatement({
        Effect: 'Deny',
        NotPrincipal: { AWS: ['arn:aws:iam::444455556666:user/Bob', 'arn:aws:iam::444455556666:root'] },
        Principal: undefined,
        Action: 's3:*',
      }),
    ]),
  },
  'ECR repository policy for accounts in several partitions, CloudFormation placeholders': {
    kind: 'resource',
    text: policy([
      {
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws-cn:iam::111122223333:root', '${AWS::AccountId}', 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}'] },
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      },
    ]),
  },
  'trust policy: account root, roles with paths, assumed-role and federated-user sessions': {
    kind: 'trust',
    text: policy([
      trustStatement({
        Principal: {
          AWS: [
            '111122223333',
            'arn:aws:iam::111122223333:root',
            'arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk',
            'arn:aws:iam::111122223333:user/division_abc/subdivision_xyz/JaneDoe',
            'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/jane.doe@example.com',
            'arn:aws:sts::111122223333:federated-user/Bob',
          ],
        },
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
    ]),
  },
  'trust policy: ISO, GovCloud, China and European sovereign partitions': {
    kind: 'trust',
    text: policy([
      trustStatement({
        Principal: {
          AWS: ['arn:aws-us-gov:iam::111122223333:root', 'arn:aws-iso:iam::111122223333:role/ops', 'arn:aws-iso-b:iam::111122223333:root', 'arn:aws-iso-f:iam::111122223333:root', 'arn:aws-eusc:iam::111122223333:root'],
          Service: ['ec2.amazonaws.com.cn', 'ec2.c2s.ic.gov', 'ec2.sc2s.sgov.gov', 'ec2.cloud.adc-e.uk', 'ec2.csp.hci.ic.gov', 'lambda.amazonaws.eu'],
        },
      }),
    ]),
  },
  'trust policy: services, SAML, GitHub OIDC, EKS IRSA and Cognito': {
    kind: 'trust',
    text: policy([
      trustStatement({ Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'logs.us-east-1.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }),
      trustStatement({
        Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider' },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      }),
      trustStatement({
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/main' } },
      }),
      trustStatement({
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE' },
        Action: 'sts:AssumeRoleWithWebIdentity',
      }),
      trustStatement({
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-abcd-abcd-123456789012' } },
      }),
    ]),
  },
  'trust policy: anyone in the organization': {
    kind: 'trust',
    text: policy([trustStatement({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })]),
  },
};

describe('principal rules: no false alarms on real-world policies', () => {
  for (const [name, { text, kind }] of Object.entries(VALID_POLICIES)) {
    it(name, () => {
      assert.deepEqual(principalFindings(text, { kindSetting: kind }), []);
    });
  }
});

describe('invalid-principal', () => {
  const invalid = (principal: unknown, options = trust) => findingsOf('invalid-principal', policy([trustStatement({ Principal: principal })]), options);

  it('reports a bad account id, a wildcard inside an ARN and a group at the value', () => {
    const found = invalid({ AWS: ['arn:aws:iam::11112222333:root', 'arn:aws:iam::111122223333:role/*', 'arn:aws:iam::*:root', '11112222333', 'arn:aws:iam::111122223333:group/Admins'] });
    assert.deepEqual(only(found), [
      ['"arn:aws:iam::11112222333:root"', 'error'],
      ['"arn:aws:iam::111122223333:role/*"', 'error'],
      ['"arn:aws:iam::*:root"', 'error'],
      ['"11112222333"', 'error'],
      ['"arn:aws:iam::111122223333:group/Admins"', 'error'],
    ]);
    assert.match(found[0].message, /"11112222333" has 11 digits/);
    assert.match(found[1].message, /Wildcards are not allowed.*aws:PrincipalArn/);
    assert.match(found[3].message, /exactly 12/);
    assert.match(found[4].message, /groups cannot be principals/);
    assert.deepEqual(found[1].data, { key: 'AWS', value: 'arn:aws:iam::111122223333:role/*' });
  });

  it('reports bad service, federated and canonical user principals, and values under the wrong key', () => {
    const found = invalid({
      Service: ['lambda', '*', 'Lambda.amazonaws.com', 'arn:aws:iam::111122223333:root'],
      Federated: ['token.actions.githubusercontent.com', 'arn:aws:iam::111122223333:oidc-provider/*'],
      CanonicalUser: 'abc',
      AWS: ['lambda.amazonaws.com', ' arn:aws:iam::111122223333:root', 'cognito-identity.amazonaws.com'],
    });
    const messages = Object.fromEntries(found.map((f) => [f.at, f.message]));
    assert.equal(found.length, 10);
    assert.match(messages['"lambda"'], /service principals look like lambda\.amazonaws\.com/);
    assert.match(messages['"*"'], /Wildcards are not allowed in a service principal/);
    assert.match(messages['"Lambda.amazonaws.com"'], /lower case: write "lambda\.amazonaws\.com"/);
    assert.match(messages['"arn:aws:iam::111122223333:root"'], /put it under "AWS", not "Service"/);
    assert.match(messages['"token.actions.githubusercontent.com"'], /oidc-provider\/token\.actions\.githubusercontent\.com/);
    assert.match(messages['"arn:aws:iam::111122223333:oidc-provider/*"'], /Wildcards are not allowed in a federated principal/);
    assert.match(messages['"abc"'], /64 hexadecimal/);
    assert.match(messages['"lambda.amazonaws.com"'], /put it under "Service", not "AWS"/);
    assert.match(messages['" arn:aws:iam::111122223333:root"'], /leading or trailing spaces/);
    assert.match(messages['"cognito-identity.amazonaws.com"'], /identity provider: put it under "Federated"/);
  });

  it('reports STS and other non-principal ARNs', () => {
    const found = invalid({ AWS: ['arn:aws:sts::111122223333:role/x', 'arn:aws:s3:::bucket', 'arn:aws:iam:us-east-1:111122223333:root', 'arn:aws:sts::111122223333:assumed-role/R', 'arn:aws:iam::111122223333:role/'] });
    assert.equal(found.length, 5);
    assert.match(found[0].message, /for a role use arn:aws:iam::111122223333:role\/NAME/);
    assert.match(found[1].message, /not "s3" ARNs/);
    assert.match(found[2].message, /empty Region/);
    assert.match(found[3].message, /role name and the session name/);
  });

  it('is an error in resource policies too, and checks NotPrincipal', () => {
    const text = policy([bucketStatement({ Effect: 'Deny', Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/*' } })]);
    assert.deepEqual(only(findingsOf('invalid-principal', text, resource)), [['"arn:aws:iam::111122223333:role/*"', 'error']]);
  });

  it('claims an unknown principal key, with the valid keys and "did you mean"', () => {
    const text = policy([trustStatement({ Principal: { aws: ACCOUNT_ROOT, User: 'arn:aws:iam::111122223333:user/bob', Servce: 'ec2.amazonaws.com', Foo: 'x' } })]);
    const found = findingsOf('invalid-principal', text, trust);
    assert.deepEqual(only(found), [
      ['"aws"', 'error'],
      ['"User"', 'error'],
      ['"Servce"', 'error'],
      ['"Foo"', 'error'],
    ]);
    assert.match(found[0].message, /must be written "AWS"/);
    assert.match(found[1].message, /under "AWS".*user\/NAME.*"AWS", "Service", "Federated", "CanonicalUser" \(case matters\)/);
    assert.match(found[2].message, /did you mean "Service"/);
    assert.match(found[3].message, /The principal types are/);
    assert.deepEqual(findingsOf('schema', text, trust), [], 'the generic schema rule does not repeat them');
  });

  it('claims a Principal string other than "*", and says to use an object', () => {
    const text = policy([bucketStatement({ Principal: '111122223333' })]);
    const found = findingsOf('invalid-principal', text, resource);
    assert.deepEqual(only(found), [['"111122223333"', 'error']]);
    assert.match(found[0].message, /must be "\*".*\{"AWS": "123456789012"\}/);
    assert.deepEqual(findingsOf('schema', text, resource), []);
  });

  it('leaves wrong types and empty principals to the schema rule', () => {
    const text = policy([trustStatement({ Principal: { AWS: 111122223333 } }), trustStatement({ Principal: {} })]);
    assert.deepEqual(findingsOf('invalid-principal', text, trust), []);
    assert.deepEqual(findingsOf('schema', text, trust).map((f) => f.at), ['111122223333', '{}']);
  });

  it('does not run on identity policies (the schema rejects Principal there)', () => {
    const text = policy([bucketStatement({ Principal: { AWS: 'bad' } })]);
    assert.deepEqual(findingsOf('invalid-principal', text, { kindSetting: 'identity' }), []);
  });
});

describe('public-principal', () => {
  const publicFindings = (statement: Record<string, unknown>, options = resource) => findingsOf('public-principal', policy([statement]), options);

  it('is an error for "*" in a trust policy', () => {
    const found = publicFindings(trustStatement({ Principal: { AWS: '*' } }), trust);
    assert.deepEqual(only(found), [['"*"', 'error']]);
    assert.match(found[0].message, /Anyone in any AWS account can assume this role.*aws:PrincipalOrgID/);
    assert.deepEqual(found[0].data, { element: 'AWS' });
  });

  it('is a warning for "Principal": "*" in a resource policy', () => {
    const found = publicFindings(bucketStatement({ Principal: '*' }));
    assert.deepEqual(only(found), [['"*"', 'warning']]);
    assert.match(found[0].message, /public.*aws:PrincipalOrgID/);
    assert.deepEqual(found[0].data, { element: 'Principal' });
  });

  it('finds "*" in a list of AWS principals', () => {
    const text = policy([bucketStatement({ Principal: { AWS: [ACCOUNT_ROOT, '*'] } })]);
    const found = findingsOf('public-principal', text, resource);
    assert.deepEqual(only(found), [['"*"', 'warning']]);
    assert.equal(found[0].line, text.split('\n').findIndex((l) => l.trim() === '"*"') + 1);
  });

  it('is not fooled by conditions that do not narrow who', () => {
    const notNarrowing: Record<string, unknown>[] = [
      { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      { 'ForAllValues:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/*' } },
      { StringLike: { 'aws:PrincipalOrgID': '*' } },
      { StringLike: { 'aws:PrincipalOrgID': ['*', '?*'] } },
      { Null: { 'aws:PrincipalOrgID': 'false' } },
      { StringEquals: { 'aws:username': 'alice' } },
      { StringEquals: { 'aws:PrincipalTag/team': 'data' } },
      { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
      { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' } },
      { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } },
      { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
      { Bool: { 'aws:SecureTransport': 'true' } },
      { StringEquals: { 'sts:ExternalId': 'c3a1e6f0-2f6e-4b0e-9f3e-1f0e2d3c4b5a' } },
      { StringLike: { 'aws:Referer': 'https://www.example.com/*' } },
    ];
    for (const condition of notNarrowing) {
      assert.equal(publicFindings(bucketStatement({ Principal: '*', Condition: condition })).length, 1, JSON.stringify(condition));
    }
  });

  it('accepts conditions that narrow who, whatever the key case', () => {
    const narrowing: Record<string, unknown>[] = [
      { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      { StringEquals: { 'AWS:PRINCIPALACCOUNT': '111122223333' } },
      { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/reader' } },
      { StringLike: { 'aws:userid': 'AROAEXAMPLEID:*' } },
      { StringEquals: { 'aws:SourceOrgID': 'o-a1b2c3d4e5' } },
      { StringEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } },
      { StringEquals: { 'aws:VpceOrgID': 'o-a1b2c3d4e5' } },
      { StringEquals: { 'aws:PrincipalServiceName': 'cloudtrail.amazonaws.com' } },
      { 'ForAnyValue:StringEquals': { 'aws:PrincipalServiceNamesList': 'cloudtrail.amazonaws.com' } },
      { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::amzn-s3-demo-bucket' } },
      { StringEquals: { 'aws:PrincipalOrgID': '${aws:ResourceOrgID}' } },
    ];
    for (const condition of narrowing) {
      assert.deepEqual(publicFindings(bucketStatement({ Principal: '*', Condition: condition })), [], JSON.stringify(condition));
    }
  });

  it('never reports Deny, NotPrincipal or non-"*" principals', () => {
    assert.deepEqual(publicFindings(bucketStatement({ Effect: 'Deny', Principal: '*' })), []);
    assert.deepEqual(publicFindings(bucketStatement({ Principal: undefined, NotPrincipal: { AWS: ACCOUNT_ROOT } })), []);
    assert.deepEqual(publicFindings(trustStatement({ Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }), trust), []);
    assert.deepEqual(publicFindings(bucketStatement({ Principal: { Service: '*' } })), [], '"Service": "*" is invalid-principal, not this rule');
  });
});

describe('not-principal-with-allow', () => {
  const withNotPrincipal = (effect: string) => policy([bucketStatement({ Effect: effect, Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::444455556666:user/Bob' } })]);

  it('is a warning in a resource policy and an error in a trust policy, at the NotPrincipal key', () => {
    const found = findingsOf('not-principal-with-allow', withNotPrincipal('Allow'), resource);
    assert.deepEqual(only(found), [['"NotPrincipal"', 'warning']]);
    assert.match(found[0].message, /every principal except those listed.*"Principal"/);
    const inTrust = findingsOf('not-principal-with-allow', policy([{ Effect: 'Allow', NotPrincipal: { AWS: ACCOUNT_ROOT }, Action: 'sts:AssumeRole' }]), trust);
    assert.deepEqual(only(inTrust), [['"NotPrincipal"', 'error']]);
    assert.match(inTrust[0].message, /assume this role/);
  });

  it('accepts NotPrincipal in Deny and Principal in Allow', () => {
    assert.deepEqual(findingsOf('not-principal-with-allow', withNotPrincipal('Deny'), resource), []);
    assert.deepEqual(findingsOf('not-principal-with-allow', policy([bucketStatement()]), resource), []);
  });
});
