import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arnMatchesTemplate, arnProblem, splitArn } from '../../server/src/core/iam';
import { findingsOf, identityStatement, policy, trustStatement } from './helpers';

/** An identity policy with one statement whose Resource is `resource`. */
const withResource = (resource: unknown, extra: Record<string, unknown> = {}) => policy([identityStatement({ Resource: resource, ...extra })]);

describe('invalid-arn', () => {
  const bad: [string, RegExp][] = [
    ['bucket/*', /must be an ARN/],
    ['ARN:aws:s3:::bucket', /lower-case "arn:"/],
    ['arn:aws', /no service field/],
    ['arn:aws:s3::bucket/*', /5 of the 6 .*resource is missing/],
    ['arn:aws:s3:bucket', /4 of the 6 .*account, resource are missing/],
    ['arn:amazon:s3:::bucket', /"amazon" is not an AWS partition/],
    ['arn:aws*:s3:::bucket', /"aws\*" is not an AWS partition/],
    ['arn:aws::us-east-1:111122223333:thing', /service field of this ARN is empty/],
    ['arn:aws:*:*:111122223333:*', /service field "\*" cannot contain wildcards/],
    ['arn:aws:S3:::bucket', /"S3" is not a service name/],
    ['arn:aws:sqs:US-EAST-1:111122223333:queue', /"US-EAST-1" is not a Region/],
    ['arn:aws:iam:us-east-1:111122223333:role/admin', /IAM resources are global/],
    ['arn:aws:sqs:us-east-1:12345678901:queue', /"12345678901" has 11 digits/],
    ['arn:aws:sqs:us-east-1:my-account:queue', /"my-account" is not an AWS account id/],
    ['arn:aws:sns:us-east-1:111122223333:', /resource part of this ARN is empty/],
  ];
  for (const [resource, message] of bad) {
    it(`reports ${resource}`, () => {
      const found = findingsOf('invalid-arn', withResource(['arn:aws:s3:::fine/*', resource]));
      assert.equal(found.length, 1);
      assert.equal(found[0].at, JSON.stringify(resource));
      assert.equal(found[0].severity, 'error');
      assert.match(found[0].message, message);
      assert.deepEqual(found[0].data, { resource });
    });
  }

  it('checks NotResource and resource policies too', () => {
    const text = policy([{ Effect: 'Deny', NotAction: 's3:*', NotResource: 'arn:aws:s3::bucket' }]);
    assert.equal(findingsOf('invalid-arn', text)[0]?.at, '"arn:aws:s3::bucket"');
    const bucketPolicy = policy([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket*/' }]);
    assert.deepEqual(findingsOf('invalid-arn', bucketPolicy), []);
    assert.equal(findingsOf('invalid-arn', bucketPolicy.replace('arn:aws:s3:::bucket*/', 'arn:aws:s3:bucket')).length, 1);
  });

  it('accepts the forms AWS managed policies use', () => {
    const good = [
      '*',
      'arn:aws:s3:::bucket',
      'arn:aws:s3:::bucket/*',
      'arn:aws:s3:*',
      'arn:aws:logs:*:*:*',
      'arn:aws:ec2:*:*:instance/*',
      'arn:aws:ec2:*::image/*',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:sso::aws:applicationProvider/aiops',
      'arn:*:kms:*:*:key/*',
      'arn:aws:apigateway:*::/restapis/*',
      'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/*:*',
      'arn:aws:organizations::*:',
      'arn:aws-us-gov:s3:::bucket',
      'arn:aws-iso-b:sqs:us-isob-east-1:111122223333:queue',
      'arn:aws:s3:*:*:accesspoint/*',
      'arn:aws:dynamodb:us-east-1:111122223333:table/Books',
    ];
    assert.deepEqual(findingsOf('invalid-arn', withResource(good)), []);
  });

  it('accepts policy variables and CloudFormation placeholders, colons inside them included', () => {
    const good = [
      'arn:aws:s3:::bucket/home/${aws:username}/*',
      'arn:*:kms:*:${aws:PrincipalAccount}:key/*',
      'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:queue',
      'arn:aws:s3:::${BucketName}/*',
      '${BucketArn}',
      '${BucketArn}/*',
      'arn:aws:dynamodb:*:*:table/${aws:PrincipalTag/team}-*',
    ];
    assert.deepEqual(findingsOf('invalid-arn', withResource(good)), []);
    assert.deepEqual(splitArn('arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:queue'), {
      partition: '${AWS::Partition}',
      service: 'sqs',
      region: '${AWS::Region}',
      account: '${AWS::AccountId}',
      resource: 'queue',
    });
  });

  it('leaves trust policies to trust-has-resource', () => {
    const text = policy([trustStatement({ Resource: 'arn:aws:s3::bucket' })]);
    assert.deepEqual(findingsOf('invalid-arn', text, { kindSetting: 'trust' }), []);
    assert.equal(arnProblem('arn:aws:s3::bucket')?.includes('5 of the 6'), true);
  });
});

describe('resource-mismatch', () => {
  const mismatch = (action: unknown, resource: unknown, extra: Record<string, unknown> = {}) =>
    findingsOf('resource-mismatch', withResource(resource, { Action: action, ...extra }));

  it('reports s3:ListBucket on objects and names the bucket template', () => {
    const found = mismatch('s3:ListBucket', 'arn:aws:s3:::bucket/*');
    assert.equal(found.length, 1);
    assert.equal(found[0].at, '"arn:aws:s3:::bucket/*"');
    assert.equal(found[0].severity, 'warning');
    assert.equal(
      found[0].message,
      's3:ListBucket applies to accesspoint ARNs (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}) and bucket ARNs (arn:${Partition}:s3:::${BucketName}), not object ARNs.',
    );
    assert.deepEqual(found[0].data, { resource: 'arn:aws:s3:::bucket/*', actions: ['s3:ListBucket'], resourceTypes: ['accesspoint', 'bucket'] });
  });

  it('reports s3:GetObject on a bucket', () => {
    const found = mismatch('s3:GetObject', ['arn:aws:s3:::bucket', 'arn:aws:s3:::other/*']);
    assert.deepEqual(found.map((f) => f.at), ['"arn:aws:s3:::bucket"']);
    assert.match(found[0].message, /^s3:GetObject applies to .* and object ARNs \(arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}\), not bucket ARNs\.$/);
  });

  it('reports another service\'s ARN', () => {
    const found = mismatch('ec2:TerminateInstances', 'arn:aws:s3:::bucket/key');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^ec2:TerminateInstances applies to instance ARNs \(arn:\$\{Partition\}:ec2:\$\{Region\}:\$\{Account\}:instance\/\$\{InstanceId\}\), not s3 object ARNs\.$/);
  });

  it('says when actions support only "*"', () => {
    const one = mismatch('ec2:DescribeInstances', 'arn:aws:ec2:us-east-1:111122223333:instance/*');
    assert.equal(one[0]?.message, 'ec2:DescribeInstances does not support resource-level permissions; use "*".');
    const two = mismatch(['ec2:DescribeInstances', 'ec2:DescribeVolumes'], 'arn:aws:ec2:*:*:volume/*');
    assert.match(two[0]?.message ?? '', /^None of the 2 actions \(ec2:DescribeInstances and ec2:DescribeVolumes\) supports resource-level permissions; use "\*"\.$/);
  });

  it('keeps the message short for wildcard actions', () => {
    const found = mismatch('s3:Get*', 'arn:aws:iam::111122223333:role/x');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^None of the \d+ actions \(s3:\w+, s3:\w+ and \d+ more\) applies to [\w-]+, [\w-]+, [\w-]+ and \d+ more ARNs \(or only "\*", for [^)]+\), not iam role ARNs\.$/);
    assert.ok(found[0].message.length < 260, found[0].message);
  });

  it('accepts an ARN as soon as one action of the statement applies to it', () => {
    assert.deepEqual(mismatch(['s3:ListBucket', 's3:GetObject'], ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/*']), []);
    assert.deepEqual(mismatch('s3:*', ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:us-east-1:111122223333:accesspoint/ap']), []);
    assert.deepEqual(mismatch(['s3:ListAllMyBuckets', 's3:GetObject'], 'arn:aws:s3:::bucket/*'), []);
  });

  it('accepts wildcards, variables and placeholders in their place', () => {
    const ok: [unknown, unknown][] = [
      ['s3:GetObject', 'arn:aws:s3:::bucket*'],
      ['s3:ListBucket', 'arn:aws:s3:::*'],
      ['s3:GetObject', 'arn:aws:s3:::bucket/home/${aws:username}/*'],
      ['s3:ListBucket', 'arn:${AWS::Partition}:s3:::${BucketName}'],
      ['s3:GetObject', 'arn:${AWS::Partition}:s3:::${BucketName}/*'],
      ['sqs:SendMessage', 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:queue-*'],
      ['dynamodb:Query', ['arn:aws:dynamodb:*:*:table/Books', 'arn:aws:dynamodb:*:*:table/Books/index/*']],
      ['iam:PassRole', 'arn:aws:iam::*:role/service-role/*'],
      ['sts:AssumeRole', 'arn:aws-cn:iam::111122223333:role/deploy'],
      ['kms:Decrypt', 'arn:aws-iso-b:kms:us-isob-east-1:111122223333:key/*'],
      ['ec2:TerminateInstances', 'arn:aws:ec2:*:*:*'],
      ['ec2:RunInstances', ['arn:aws:ec2:*::image/ami-*', 'arn:aws:ec2:*:*:subnet/*']],
      ['S3:getobject', 'arn:aws:s3:::Bucket/Key'],
    ];
    for (const [action, resource] of ok) assert.deepEqual(mismatch(action, resource), [], `${String(action)} on ${String(resource)}`);
  });

  it('matches colons inside resource names (log groups, Lambda versions)', () => {
    assert.deepEqual(mismatch(['logs:CreateLogStream', 'logs:PutLogEvents'], 'arn:aws:logs:*:*:log-group:/aws/lambda/*:*'), []);
    assert.deepEqual(mismatch('logs:CreateLogGroup', 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/fn'), []);
    assert.deepEqual(mismatch('lambda:InvokeFunction', ['arn:aws:lambda:*:*:function:fn', 'arn:aws:lambda:*:*:function:fn:*']), []);
    const found = mismatch('logs:PutLogEvents', 'arn:aws:logs:*:*:/aws-glue/*');
    assert.equal(found.length, 1, 'a log group ARN without "log-group:" names nothing');
  });

  it('accepts what services check without the reference listing it', () => {
    assert.deepEqual(mismatch('s3:ListAllMyBuckets', 'arn:aws:s3:::*'), []);
    assert.deepEqual(mismatch('logs:DescribeLogGroups', ['arn:aws:logs:*:*:*', 'arn:aws:logs:*:*:log-group:*', 'arn:aws:logs:*:*:log-group::log-stream:*']), []);
    assert.deepEqual(mismatch('ssm:SendCommand', 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript'), [], 'AWS-owned documents have no account');
    assert.deepEqual(mismatch('elasticloadbalancing:AddTags', 'arn:aws:elasticloadbalancing:*:*:targetgroup/*/*'), [], 'ELB v2 shares the prefix');
    assert.deepEqual(mismatch('apigateway:GET', 'arn:aws:apigateway:*::/apis/*'), [], 'API Gateway v2 shares the prefix');
    assert.deepEqual(mismatch('cloudformation:CreateChangeSet', 'arn:aws:cloudformation:us-east-1:aws:transform/Serverless-2016-10-31'), []);
    assert.equal(mismatch('ec2:DescribeInstances', 'arn:aws:s3:::*').length, 1, 'all of another service does not help');
  });

  it('skips what it cannot know', () => {
    const skipped: Record<string, unknown>[] = [
      { Action: '*', Resource: 'arn:aws:s3:::bucket/*' },
      { Action: ['s3:ListBucket', '*:Describe*'], Resource: 'arn:aws:s3:::bucket/*' },
      { Action: ['s3:ListBucket', 's4:GetThing'], Resource: 'arn:aws:s3:::bucket/*' },
      { Action: ['s3:ListBucket', 's3:GetObjects'], Resource: 'arn:aws:s3:::bucket/*' },
      { Action: 's3:ListBucket', Resource: 'arn:aws:*:*:*:bucket/*' },
      { Action: 's3:ListBucket', Resource: '*' },
      { Action: 's3:ListBucket', Resource: '${BucketArn}/*' },
      { Action: 's3:ListBucket', Resource: 'arn:aws:s3::bucket/*' },
    ];
    for (const extra of skipped) assert.deepEqual(findingsOf('resource-mismatch', policy([identityStatement(extra)])), [], JSON.stringify(extra));
    const notAction = policy([{ Effect: 'Deny', NotAction: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket/*' }]);
    const notResource = policy([{ Effect: 'Deny', Action: 's3:ListBucket', NotResource: 'arn:aws:s3:::bucket/*' }]);
    assert.deepEqual(findingsOf('resource-mismatch', notAction), []);
    assert.deepEqual(findingsOf('resource-mismatch', notResource), []);
  });

  it('reports in resource policies, where Deny statements are judged alike', () => {
    const bucketPolicy = policy([
      { Sid: 'Read', Effect: 'Allow', Principal: { AWS: 'arn:aws:sts::111122223333:assumed-role/reader/session' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' },
      { Sid: 'NoList', Effect: 'Deny', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ]);
    const found = findingsOf('resource-mismatch', bucketPolicy, { kindSetting: 'resource' });
    assert.deepEqual(found.map((f) => [f.line, f.at]), [[bucketPolicy.slice(0, bucketPolicy.lastIndexOf('arn:aws:s3:::bucket/*')).split('\n').length, '"arn:aws:s3:::bucket/*"']]);
  });

  it('compares distinct templates, so s3:* on many ARNs stays fast', () => {
    const resources = Array.from({ length: 400 }, (_, i) => `arn:aws:sns:us-east-1:111122223333:topic${i}`);
    const text = policy([identityStatement({ Action: ['s3:*', 'ec2:*'], Resource: resources })]);
    findingsOf('resource-mismatch', text); // load the services once
    const start = performance.now();
    const found = findingsOf('resource-mismatch', text);
    assert.equal(found.length, 400);
    assert.ok(performance.now() - start < 1500, `${performance.now() - start} ms`);
  });
});

describe('arnMatchesTemplate', () => {
  it('tells buckets from objects and reads two-ARN templates', () => {
    assert.equal(arnMatchesTemplate('arn:aws:s3:::bucket', 'arn:${Partition}:s3:::${BucketName}'), true);
    assert.equal(arnMatchesTemplate('arn:aws:s3:::bucket/*', 'arn:${Partition}:s3:::${BucketName}'), false);
    const apiStage = 'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages/${StageName}, arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages/${StageName}';
    assert.equal(arnMatchesTemplate('arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod', apiStage), true);
    assert.equal(arnMatchesTemplate('arn:aws:apigateway:us-east-1::/apis/a1/stages/prod', apiStage), true);
    assert.equal(arnMatchesTemplate('arn:aws:apigateway:us-east-1::/apis/a1', apiStage), false);
    assert.equal(arnMatchesTemplate('arn:aws:braket:us-east-1::device/qpu/ionq/Aria-1', 'arn:${Partition}:braket:*:*:device/${DeviceType}/${Provider}/${DeviceId}'), true);
  });
});
