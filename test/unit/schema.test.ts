import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, identityStatement, lint, policy, trustStatement } from './helpers';

/** Schema findings as [covered text, message] pairs. */
function schemaFindings(text: string, options = {}): [string, string][] {
  return findingsOf('schema', text, options).map((f) => [f.at, f.message]);
}

describe('schema: ranges', () => {
  it('marks the key of an unknown element, and suggests the right name', () => {
    const found = schemaFindings(policy([identityStatement({ Actions: 's3:GetObject' })]));
    const actions = found.find(([at]) => at === '"Actions"');
    assert.ok(actions, JSON.stringify(found));
    assert.match(actions[1], /did you mean "Action"/);
    const effect = schemaFindings(policy([{ effect: 'Allow', Action: 's3:GetObject', Resource: '*' }])).find(([at]) => at === '"effect"');
    assert.match(effect?.[1] ?? '', /must be written "Effect"/);
  });

  it('marks the value of a wrong type', () => {
    assert.deepEqual(schemaFindings(policy([identityStatement({ Resource: 42 })])), [['42', '"Resource" must be a string or a list.']]);
    assert.deepEqual(schemaFindings(policy([identityStatement({ Action: ['s3:GetObject', true] })])), [['true', 'Item 2 of "Action" must be a string.']]);
    const condition = policy([identityStatement({ Condition: { StringEquals: { 'aws:username': null } } })]);
    assert.deepEqual(schemaFindings(condition).map(([at]) => at), ['null']);
  });

  it('marks the object that lacks a required member', () => {
    const statement = { Action: 's3:GetObject', Resource: '*' };
    const found = schemaFindings(policy([statement]));
    assert.deepEqual(found.length, 1);
    assert.deepEqual(JSON.parse(found[0][0]), statement);
    assert.match(found[0][1], /Statement 1 is missing "Effect"/);
    const noResource = schemaFindings(policy([{ Effect: 'Allow', Action: 's3:GetObject' }]));
    assert.match(noResource[0][1], /needs "Resource" or "NotResource"/);
  });

  it('marks only the opening brace when the whole policy lacks a member', () => {
    assert.deepEqual(schemaFindings('{\n  "Version": "2012-10-17"\n}', { kindSetting: 'identity' }), [['{', 'The policy is missing "Statement".']]);
  });

  it('marks the second of two exclusive elements', () => {
    const found = schemaFindings(policy([identityStatement({ NotAction: 'iam:*' })]));
    assert.deepEqual(found.map(([at]) => at), ['"NotAction"']);
    assert.match(found[0][1], /both "Action" and "NotAction"/);
  });

  it('explains empty lists and principals', () => {
    assert.match(schemaFindings('{"Version": "2012-10-17", "Statement": []}')[0][1], /at least one statement/);
    assert.match(schemaFindings(policy([identityStatement({ Action: [] })]))[0][1], /at least one value/);
    const emptyPrincipal = schemaFindings(policy([trustStatement({ Principal: {} })]));
    assert.deepEqual(emptyPrincipal.map(([at]) => at), ['{}']);
    assert.match(emptyPrincipal[0][1], /at least one principal type/);
    // A Principal string other than "*" is claimed by the more precise invalid-principal rule.
    const stringPrincipal = lint(policy([trustStatement({ Principal: 'arn:aws:iam::111122223333:root' })])).findings;
    assert.deepEqual(stringPrincipal.map((f) => [f.rule, f.at]), [['invalid-principal', '"arn:aws:iam::111122223333:root"']]);
  });

  it('rejects a Principal in an identity policy with a clear reason', () => {
    const found = schemaFindings(policy([identityStatement({ Principal: { AWS: '111122223333' } })]), { kindSetting: 'identity' });
    assert.deepEqual(found.map(([at]) => at), ['"Principal"']);
    assert.match(found[0][1], /principal is whoever the policy is attached to/);
  });

  it('rejects unknown top-level members and a Statement that is not a list', () => {
    assert.deepEqual(schemaFindings('{"Version": "2012-10-17", "Statement": [], "Extra": 1}').map(([at]) => at), ['[]', '"Extra"']);
    assert.deepEqual(schemaFindings('{"Version": "2012-10-17", "Statement": "Allow all"}', { kindSetting: 'identity' }), [
      ['"Allow all"', '"Statement" must be an object or a list.'],
    ]);
  });

  it('says a forced policy must be an object', () => {
    assert.deepEqual(lint('[1, 2]', { kindSetting: 'identity' }).findings.map((f) => [f.rule, f.at]), [['schema', '[1, 2]']]);
    assert.deepEqual(lint('', { kindSetting: 'trust' }).findings.map((f) => f.rule), ['schema']);
  });
});

describe('schema: accepts real policies', () => {
  it('accepts every statement shape AWS accepts', () => {
    const statements = [
      identityStatement({ Sid: 'One', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'] }),
      { Effect: 'Deny', NotAction: ['iam:*', 'organizations:*'], NotResource: 'arn:aws:s3:::a/*' },
      identityStatement({
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::a',
        Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 }, Bool: { 'aws:SecureTransport': true }, StringLike: { 's3:prefix': ['', 'home/'] } },
      }),
    ];
    assert.deepEqual(lint(policy(statements)).findings, []);
  });

  it('accepts every principal form', () => {
    const principal = {
      AWS: ['111122223333', 'arn:aws:iam::111122223333:root', 'arn:aws:sts::111122223333:assumed-role/R/s'],
      Service: 'lambda.amazonaws.com',
      Federated: 'cognito-identity.amazonaws.com',
      CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
    };
    // Conditions that the trust rules ask for, so that only the schema is judged here.
    const Condition = {
      StringEquals: { 'sts:ExternalId': 'Xq7RkV2mP9sLw4Tz', 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-4ef0-9876-0123456789ab' },
    };
    const Action = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity'];
    assert.deepEqual(lint(policy([trustStatement({ Principal: principal, Action, Condition })])).findings, []);
    const publicRead = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' };
    // Valid, and public on purpose: only the public-principal warning remains.
    const findings = lint(policy([publicRead], { Version: '2012-10-17', Id: 'PublicSite' })).findings;
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.at]), [['public-principal', 'warning', '"*"']]);
  });
});

describe('schema: one finding per mistake', () => {
  it('does not also report the element a misspelling stands for as missing', () => {
    const found = schemaFindings(policy([{ Effect: 'Allow', Actions: 's3:GetObject', Resource: '*' }]));
    assert.deepEqual(found.map(([at]) => at), ['"Actions"']);
    const stillMissing = schemaFindings(policy([{ Effect: 'Allow', Foo: 's3:GetObject', Resource: '*' }]));
    assert.equal(stillMissing.length, 2, 'an unrelated unknown key does not hide a missing Action');
  });
});

describe('schema: what AWS waives', () => {
  const ecr = (actions: string[]) =>
    policy([{ Sid: 'AllowPull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: actions }]);

  it('accepts an ECR repository policy without Resource, as AWS documents them', () => {
    assert.deepEqual(lint(ecr(['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']), { kindSetting: 'resource' }).findings, []);
  });

  it('still requires Resource in other resource policies, and in mixed statements', () => {
    assert.equal(schemaFindings(ecr(['s3:GetObject']), { kindSetting: 'resource' }).length, 1);
    assert.equal(schemaFindings(ecr(['ecr:BatchGetImage', 's3:GetObject']), { kindSetting: 'resource' }).length, 1);
  });
});
