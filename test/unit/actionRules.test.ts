import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wildcardCovers } from '../../server/src/core/iam';
import { findingsOf, identityStatement, lint, policy, trustStatement } from './helpers';

const ACTION_RULES = ['unknown-service', 'unknown-action', 'wildcard-matches-nothing', 'redundant-action'];

/** An identity policy whose one statement has these actions. */
const withActions = (actions: string | string[], extra: Record<string, unknown> = {}) => policy([identityStatement({ Action: actions, ...extra })]);

/** The findings of the four action rules, as `rule at`. */
function actionFindings(text: string, options = {}): string[] {
  return lint(text, options)
    .findings.filter((f) => ACTION_RULES.includes(f.rule))
    .map((f) => `${f.rule} ${f.at}`);
}

describe('unknown-service', () => {
  it('reports an unknown prefix on the value, with whole-string replacements that have the action', () => {
    const [found, ...rest] = findingsOf('unknown-service', withActions(['s4:GetObject', 's3:PutObject']));
    assert.equal(rest.length, 0);
    assert.equal(found.at, '"s4:GetObject"');
    assert.equal(found.severity, 'warning');
    assert.match(found.message, /Unknown service prefix "s4".*did you mean "s3:GetObject"/i);
    assert.deepEqual(found.data, { suggestions: ['s3:GetObject'] });
  });

  it('keeps the action part of the replacement, wildcards included', () => {
    const [found] = findingsOf('unknown-service', withActions('lamda:Invoke*'));
    assert.deepEqual(found.data?.suggestions, ['lambda:Invoke*']);
    assert.deepEqual(findingsOf('unknown-service', withActions(' s3:GetObject'))[0].data, { suggestions: ['s3:GetObject'] });
  });

  it('reports a retired service without a far-fetched suggestion', () => {
    const [found] = findingsOf('unknown-service', withActions('iot1click:ListDevices'));
    assert.match(found.message, /retired/);
    assert.ok(!(found.data?.suggestions as string[]).some((s) => !s.endsWith(':ListDevices')));
  });

  it('reports an action without a service prefix, suggesting where the colon goes', () => {
    const text = withActions(['s3GetObject', 's3.PutObject', 'GetObject', '']);
    const found = findingsOf('unknown-service', text);
    assert.deepEqual(
      found.map((f) => f.at),
      ['"s3GetObject"', '"s3.PutObject"', '"GetObject"', '""'],
    );
    assert.deepEqual(found[0].data, { suggestions: ['s3:GetObject'] });
    assert.deepEqual(found[1].data, { suggestions: ['s3:PutObject'] });
    assert.match(found[0].message, /no service prefix; IAM rejects it.*"s3:GetObject"/);
    assert.match(found[2].message, /service:Action/);
    assert.match(found[3].message, /empty Action value/);
  });

  it('leaves an unknown wildcard prefix to this rule alone: one finding per value', () => {
    assert.deepEqual(actionFindings(withActions('s4:Get*')), ['unknown-service "s4:Get*"']);
  });

  it('is silent on known prefixes in any case, service wildcards, "*" and placeholders', () => {
    const text = withActions(['S3:GetObject', 'EC2:describeinstances', '*:List*', 's?:PutObject', '${Service}:GetObject', '${AWS::Partition}x:Get*']);
    assert.deepEqual(actionFindings(text), []);
    assert.deepEqual(actionFindings(withActions('*')), []);
  });
});

describe('unknown-action', () => {
  it('reports a misspelled action with "did you mean" and exact replacement strings', () => {
    const [found, ...rest] = findingsOf('unknown-action', withActions(['s3:GetObjects', 's3:ListBucket']));
    assert.equal(rest.length, 0);
    assert.equal(found.at, '"s3:GetObjects"');
    assert.equal(found.severity, 'warning');
    assert.match(found.message, /Amazon S3 has no action "GetObjects".*did you mean "s3:GetObject"/);
    assert.equal((found.data?.suggestions as string[])[0], 's3:GetObject');
  });

  it('suggests a sibling service that has the action', () => {
    const [found] = findingsOf('unknown-action', withActions('cloudwatch:PutLogEvents'));
    assert.deepEqual(found.data, { suggestions: ['logs:PutLogEvents'] });
  });

  it('reports a name without a suggestion, and an empty name', () => {
    const found = findingsOf('unknown-action', withActions(['s3:Frobnicate', 's3:']));
    assert.deepEqual(
      found.map((f) => f.at),
      ['"s3:Frobnicate"', '"s3:"'],
    );
    assert.deepEqual(found[0].data, { suggestions: [] });
    assert.match(found[0].message, /service reference/);
    assert.match(found[1].message, /no action name after the colon/);
  });

  it('leaves the actions of trust policies to trust-invalid-action, which suggests trust actions', () => {
    const text = policy([trustStatement({ Action: ['sts:AssumeRol', 'sts:TagSession'] })]);
    assert.deepEqual(findingsOf('unknown-action', text, { kindSetting: 'trust' }), []);
    const [found] = findingsOf('trust-invalid-action', text, { kindSetting: 'trust' });
    assert.equal(found.at, '"sts:AssumeRol"');
    assert.equal((found.data?.suggestions as string[])[0], 'sts:AssumeRole');
  });

  it('reports a typo in NotAction too (it silently widens a Deny exception)', () => {
    const text = policy([{ Effect: 'Deny', NotAction: ['iam:ChangePasword', 'sts:GetSessionToken'], Resource: '*' }]);
    assert.deepEqual(actionFindings(text), ['unknown-action "iam:ChangePasword"']);
  });

  it('never reports a difference of case', () => {
    const text = withActions(['s3:getobject', 'S3:GETOBJECTACL', 'ec2:describeIdentityIdFormat', 'IAM:PassRole', 'sts:assumerole']);
    assert.deepEqual(actionFindings(text), []);
  });
});

describe('wildcard-matches-nothing', () => {
  it('reports wildcards that match no known action', () => {
    const text = withActions(['dynamodb:Frobnicate*', '*:Frab*', 's3:Get?bjectz', 'zz*:Get*']);
    const found = findingsOf('wildcard-matches-nothing', text);
    assert.deepEqual(
      found.map((f) => f.at),
      ['"dynamodb:Frobnicate*"', '"*:Frab*"', '"s3:Get?bjectz"', '"zz*:Get*"'],
    );
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /matches no known action/);
    assert.deepEqual(actionFindings(text).length, 4, 'one finding per value');
  });

  it('is silent on wildcards that match, in any case and in any position', () => {
    const text = withActions(['s3:Get?bject', 'dynamodb:get*', '*:Describe*', 's3*:Put*', 'ec2:*', '*:*', '?3:ListBucket']);
    assert.deepEqual(findingsOf('wildcard-matches-nothing', text), []);
  });

  it('leaves placeholders alone', () => {
    assert.deepEqual(findingsOf('wildcard-matches-nothing', withActions('s3:${Verb}*')), []);
  });
});

describe('redundant-action', () => {
  it('reports a value covered by a wildcard of the same list, whichever comes first', () => {
    for (const actions of [
      ['s3:Get*', 's3:GetObject'],
      ['s3:GetObject', 's3:Get*'],
    ]) {
      const [found, ...rest] = findingsOf('redundant-action', withActions(actions));
      assert.equal(rest.length, 0);
      assert.equal(found.at, '"s3:GetObject"');
      assert.equal(found.severity, 'hint');
      assert.match(found.message, /"s3:GetObject" is already covered by "s3:Get\*"/);
      assert.deepEqual(found.data, { coveredBy: 's3:Get*' });
    }
  });

  it('reports anything next to "*", and narrower wildcards next to broader ones', () => {
    const text = withActions(['s3:*', 's3:Get*', 'ec2:DescribeInstances', '*']);
    assert.deepEqual(
      findingsOf('redundant-action', text).map((f) => [f.at, f.data?.coveredBy]),
      [
        ['"s3:*"', '*'],
        ['"s3:Get*"', 's3:*'],
        ['"ec2:DescribeInstances"', '*'],
      ],
    );
  });

  it('reports only the later of two duplicates, ignoring case', () => {
    const found = findingsOf('redundant-action', withActions(['s3:GetObject', 'S3:getobject', 's3:Get*', 'S3:GET*']));
    assert.deepEqual(
      found.map((f) => [f.at, f.data?.coveredBy]),
      [
        ['"s3:GetObject"', 's3:Get*'],
        ['"S3:getobject"', 's3:GetObject'],
        ['"S3:GET*"', 's3:Get*'],
      ],
    );
    assert.match(findingsOf('redundant-action', withActions(['s3:GetObject', 's3:GetObject']))[0].message, /repeats "s3:GetObject"/);
  });

  it('checks NotAction lists and trust policies', () => {
    const deny = policy([{ Effect: 'Deny', NotAction: ['iam:*', 'iam:ChangePassword'], Resource: '*' }]);
    assert.deepEqual(findingsOf('redundant-action', deny).map((f) => f.at), ['"iam:ChangePassword"']);
    const trust = policy([trustStatement({ Action: ['sts:AssumeRole', 'sts:*'] })]);
    assert.deepEqual(findingsOf('redundant-action', trust, { kindSetting: 'trust' }).map((f) => f.at), ['"sts:AssumeRole"']);
  });

  it('is silent across statements, on distinct actions, placeholders and ? that cannot cover *', () => {
    const text = policy([
      identityStatement({ Action: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObject*Attributes'] }),
      identityStatement({ Action: ['s3:GetObject', 's3:PutObject', 's3:*ObjectTagging'] }),
      identityStatement({ Action: ['${AWS::Partition}:*', 's3:PutObject', 'sts:AssumeRole', 'sts:TagSession'] }),
      identityStatement({ Action: 's3:Get*' }),
    ]);
    assert.deepEqual(findingsOf('redundant-action', text), []);
    assert.equal(wildcardCovers('s3:Get?bject', 's3:Get*bject'), false);
    assert.equal(wildcardCovers('s3:Get*bject', 's3:Get?bject'), true);
  });
});

describe('action rules on valid real-world shapes', () => {
  it('stay silent on an assumed-role trust, ISO partitions, Deny with NotAction and CloudFormation placeholders', () => {
    const text = policy([
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws-iso:sts::111122223333:assumed-role/Admin/alice' },
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        Condition: { StringEquals: { 'sts:ExternalId': '${ExternalId}' } },
      },
    ]);
    assert.deepEqual(actionFindings(text, { kindSetting: 'trust' }), []);
    const identity = policy([
      { Effect: 'Deny', NotAction: ['iam:*', 'sts:GetCallerIdentity', 'organizations:Describe*'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
      identityStatement({ Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: 'arn:${AWS::Partition}:s3:::${BucketName}' }),
      identityStatement({ Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::bucket/home/${aws:username}/*' }),
    ]);
    assert.deepEqual(actionFindings(identity), []);
  });

  it('ignore non-string action values (CloudFormation intrinsics), left to the schema rule', () => {
    const text = policy([identityStatement({ Action: [{ 'Fn::Sub': 's3:${Verb}' }, 's3:GetObject'] })]);
    assert.deepEqual(actionFindings(text), []);
  });
});
