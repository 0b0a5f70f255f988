import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionOptions } from '../../server/src/core';
import { Session, atCaret, completeAt, completeText, parses } from './completionHelpers';
import { lint } from './helpers';

/** A one-statement policy on one line; the statement starts with `"Effect": "Allow"`. */
const inStatement = (body: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", ${body}}]}`;
/** A value in the first statement of a document that must be valid JSON: `statementAt(text, 'Condition', 'Bool')`. */
function statementAt(text: string, ...path: (string | number)[]): unknown {
  let value: unknown = (JSON.parse(text) as { Statement: unknown[] }).Statement[0];
  for (const step of path) value = (value as Record<string | number, unknown> | undefined)?.[step];
  return value;
}

const OWN = '111122223333';
const OTHER = '444455556666';
const GITHUB = 'token.actions.githubusercontent.com';
const GITHUB_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/${GITHUB}`;
const SAML_PROVIDER = `arn:aws:iam::${OWN}:saml-provider/AcmeOkta`;
/** Statement parts of the usual trust statements. */
const GITHUB_TRUST = `"Principal": {"Federated": "${GITHUB_PROVIDER}"}, "Action": "sts:AssumeRoleWithWebIdentity"`;
const SAML_TRUST = `"Principal": {"Federated": "${SAML_PROVIDER}"}, "Action": "sts:AssumeRoleWithSAML"`;
const ACCOUNT_TRUST = `"Principal": {"AWS": "arn:aws:iam::${OTHER}:root"}, "Action": "sts:AssumeRole"`;

const TRUST: CompletionOptions = { kindSetting: 'trust' };
const RESOURCE: CompletionOptions = { kindSetting: 'resource' };
const NAMED: CompletionOptions = { accounts: new Map([[OWN, 'Production']]) };
const EXTERNAL_ID = 'Xk4tR9vQ2mLp7Wz3Nc8Bh5YdQ1sT6uVw';

describe('completion: where the cursor is', () => {
  it('inside a closed string: the content is replaced, the quotes stay', () => {
    const c = completeAt(inStatement('"Action": "s3:Get|"'));
    assert.equal(c.list?.incomplete, false);
    assert.equal(c.applied('s3:GetObject'), inStatement('"Action": "s3:GetObject"'));
    assert.equal(c.item('s3:GetObject').insertText, 's3:GetObject');
  });

  it('inside a closed string, text after the caret is replaced too', () => {
    const c = completeAt(inStatement('"Action": "s3:Get|Obj", "Resource": "*"'));
    assert.equal(c.applied('s3:GetObject'), inStatement('"Action": "s3:GetObject", "Resource": "*"'));
  });

  it('in an unclosed string at the end of a line: the closing quote is added and the document parses', () => {
    const c = completeAt('{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "s3:Get|\n  }]\n}');
    const applied = c.applied('s3:GetObject');
    assert.ok(applied.includes('    "Action": "s3:GetObject"\n  }]'), applied);
    assert.equal(statementAt(applied, 'Action'), 's3:GetObject');
  });

  it('in an unclosed string at the end of the document', () => {
    const c = completeAt('{"Statement": [{"Effect": "Allow", "Action": "s3:Get|');
    assert.equal(c.applied('s3:GetObject'), '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"');
  });

  it('in an empty array: items bring their quotes, a service prefix leaves the cursor before the closing quote', () => {
    const text = inStatement('"Action": [|]');
    const c = completeAt(text);
    assert.equal(c.applied('s3'), inStatement('"Action": ["s3:"]'));
    assert.equal(c.cursorAfter('s3'), c.applied('s3').indexOf('s3:"') + 's3:'.length);
    assert.equal(c.item('s3').retrigger, true);
  });

  it('after a comma in an array', () => {
    const c = completeAt(inStatement('"Action": ["s3:GetObject", |]'));
    assert.equal(c.applied('s3'), inStatement('"Action": ["s3:GetObject", "s3:"]'));
  });

  it('an empty value after a colon', () => {
    assert.equal(completeAt(inStatement('"Action": |')).applied('s3'), inStatement('"Action": "s3:"'));
    const effect = completeAt('{"Version": "2012-10-17", "Statement": [{"Effect": |}]}');
    assert.equal(effect.applied('Deny'), '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny"}]}');
  });

  it('a bare word outside quotes is replaced by the quoted item', () => {
    const value = completeAt(inStatement('"Action": s3:Get|, "Resource": "*"'));
    assert.equal(value.list?.replace.length, 's3:Get'.length);
    assert.equal(value.applied('s3:GetObject'), inStatement('"Action": "s3:GetObject", "Resource": "*"'));
    const tight = completeAt(inStatement('"Action":s3:Get|'));
    assert.equal(tight.applied('s3:GetObject'), inStatement('"Action":"s3:GetObject"'), 'the colon after the key is not part of the word');
    const key = completeAt(inStatement('"Action": "s3:GetObject", Res|'));
    assert.equal(key.applied('Resource'), inStatement('"Action": "s3:GetObject", "Resource": ""'));
  });

  it('a key inside a string with no colon after it: the whole token is replaced and a value is written', () => {
    const c = completeAt(inStatement('"Act|"'));
    assert.equal(c.applied('Action'), inStatement('"Action": ""'));
    assert.equal(c.item('Action').filterText, '"Action"');
    assert.equal(c.item('Action').retrigger, true);
  });

  it('a key inside a string followed by a colon: only the key is written', () => {
    const c = completeAt(inStatement('"Act|": "s3:GetObject"'));
    assert.equal(c.applied('Action'), inStatement('"Action": "s3:GetObject"'));
    assert.equal(c.item('Action').retrigger, undefined);
  });

  it('a key in an empty object', () => {
    const c = completeAt('{"Version": "2012-10-17", "Statement": [{|}]}');
    assert.deepEqual(c.labels, ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
    assert.equal(c.applied('Effect'), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}');
    assert.equal(statementAt(c.applied('Condition'), 'Condition', 'StringEquals', ''), '');
  });
});

describe('completion: policy structure', () => {
  it('top-level keys of a new policy file, and a Statement to start from', () => {
    const c = completeAt('{|}', { fileName: 'policy.json' });
    assert.deepEqual(c.labels, ['Version', 'Statement', 'Id']);
    assert.equal(c.applied('Version'), '{"Version": "2012-10-17"}');
    const statement = statementAt(c.applied('Statement'));
    assert.deepEqual(statement, { Effect: 'Allow', Action: '', Resource: '' });
  });

  it('a new trust policy file gets a trust statement: a principal and sts:AssumeRole, no Resource', () => {
    const c = completeAt('{|}', { fileName: 'infra/new-trust.json' });
    assert.deepEqual(statementAt(c.applied('Statement')), { Effect: 'Allow', Principal: { AWS: '' }, Action: 'sts:AssumeRole' });
  });

  it('top-level keys already there are not offered again', () => {
    assert.deepEqual(completeAt('{"Version": "2012-10-17", |}', { fileName: 'policy.json' }).labels, ['Statement', 'Id']);
  });

  it('identity statements have no Principal; present keys and their Not twins are left out', () => {
    assert.deepEqual(completeAt(inStatement('|')).labels, ['Sid', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
    assert.deepEqual(completeAt(inStatement('"NotAction": "iam:*", |')).labels, ['Sid', 'Resource', 'NotResource', 'Condition']);
    assert.deepEqual(completeAt(inStatement('"Action": "s3:GetObject", "NotResource": "*", |')).labels, ['Sid', 'Condition']);
  });

  it('trust statements have no Resource; a present Principal is left out', () => {
    assert.deepEqual(completeAt(inStatement(`${ACCOUNT_TRUST}, |`), TRUST).labels, ['Sid', 'Condition']);
    assert.deepEqual(completeAt(inStatement('|'), TRUST).labels, ['Sid', 'Principal', 'Action', 'NotAction', 'Condition']);
  });

  it('resource policies offer Principal and NotPrincipal, and drop both once one is there', () => {
    const keys = ['Sid', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
    assert.deepEqual(completeAt(inStatement('|'), RESOURCE).labels, keys);
    assert.deepEqual(completeAt(inStatement('"Principal": "*", |'), RESOURCE).labels, ['Sid', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
  });

  it('applying Principal writes an object with a key choice (AWS by default)', () => {
    const applied = completeAt(inStatement('|'), TRUST).applied('Principal');
    assert.deepEqual(statementAt(applied, 'Principal'), { AWS: '' });
  });

  it('Version values: 2012-10-17 first', () => {
    const c = completeAt('{"Version": "|", "Statement": []}');
    assert.deepEqual(c.labels, ['2012-10-17', '2008-10-17']);
    assert.equal(c.item('2012-10-17').detail, 'current');
    assert.equal(c.applied('2012-10-17'), '{"Version": "2012-10-17", "Statement": []}');
  });

  it('Effect values', () => {
    const c = completeAt('{"Version": "2012-10-17", "Statement": [{"Effect": "|"}]}');
    assert.deepEqual(c.labels, ['Allow', 'Deny']);
    assert.equal(c.applied('Deny'), '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny"}]}');
  });

  describe('Statement written as a single object', () => {
    const single = (body: string) => `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", ${body}}}`;

    it('offers statement keys', () => {
      const c = completeAt(single('|'));
      assert.deepEqual(c.labels, ['Sid', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
      assert.equal(c.applied('Action'), single('"Action": ""'));
    });

    it('offers Effect values, actions, resources and condition operators', () => {
      assert.deepEqual(completeAt('{"Statement": {"Effect": "|"}}').labels, ['Allow', 'Deny']);
      assert.equal(completeAt(single('"Action": "s3:Get|"')).applied('s3:GetObject'), single('"Action": "s3:GetObject"'));
      assert.equal(completeAt(single('"Action": "s3:GetObject", "Resource": "|"')).labels[0], 'arn:aws:s3:::bucket/key');
      assert.equal(completeAt(single('"Action": "s3:GetObject", "Condition": {|}')).labels[0], 'StringEquals');
    });
  });
});

describe('completion: Action', () => {
  it('before a colon: every service prefix, incomplete, each asking for its actions', () => {
    const c = completeAt(inStatement('"Action": "|"'));
    assert.equal(c.list?.incomplete, true);
    assert.ok(c.labels.length > 400, `${c.labels.length} prefixes`);
    const s3 = c.item('s3');
    assert.equal(s3.kind, 'service');
    assert.equal(s3.detail, 'Amazon S3');
    assert.equal(s3.retrigger, true);
    assert.equal(c.item('sts').detail, 'AWS Security Token Service');
    assert.equal(c.applied('s3'), inStatement('"Action": "s3:"'));
  });

  it('a partly typed prefix still lists prefixes (the editor filters)', () => {
    const c = completeAt(inStatement('"Action": "dynam|"'));
    assert.equal(c.list?.incomplete, true);
    assert.equal(c.applied('dynamodb'), inStatement('"Action": "dynamodb:"'));
  });

  it('after `s3:`: the actions with their access level and description', () => {
    const c = completeAt(inStatement('"Action": "s3:Get|"'));
    assert.equal(c.list?.incomplete, false);
    const get = c.item('s3:GetObject');
    assert.equal(get.kind, 'action');
    assert.equal(get.detail, 'Read');
    assert.match(get.documentation ?? '', /retrieve objects/);
    assert.equal(c.item('s3:PutObject').detail, 'Write');
    assert.equal(c.item('s3:ListBucket').detail, 'List');
    assert.ok(c.labels.every((l) => l.startsWith('s3:')));
  });

  it('verb wildcards say how many actions they match, and `s3:*` comes last', () => {
    const c = completeAt(inStatement('"Action": "s3:Get|"'));
    const gets = c.labels.filter((l) => /^s3:Get[A-Z]/.test(l));
    const wildcard = c.item('s3:Get*');
    assert.equal(wildcard.kind, 'wildcard');
    assert.equal(wildcard.detail, `${gets.length} actions`);
    assert.match(wildcard.documentation ?? '', /`s3:GetObject`|and \d+ more/);
    assert.equal(c.labels.at(-1), 's3:*');
    const actions = c.labels.filter((l) => c.item(l).kind === 'action');
    assert.equal(c.item('s3:*').detail, `all ${actions.length} actions`);
    assert.equal(c.applied('s3:Get*'), inStatement('"Action": "s3:Get*"'));
  });

  it('the typed name becomes a wildcard when several actions start with it', () => {
    const c = completeAt(inStatement('"Action": "s3:GetObject|"'));
    const matching = c.labels.filter((l) => c.item(l).kind === 'action' && l.startsWith('s3:GetObject'));
    assert.ok(matching.length >= 2);
    assert.equal(c.item('s3:GetObject*').detail, `${matching.length} actions`);
    assert.deepEqual(c.labels.slice(-2), ['s3:GetObject*', 's3:*']);
  });

  it('actions already in the element are left out (in any case), the one being edited stays', () => {
    const c = completeAt(inStatement('"Action": ["S3:getobject", "s3:ListBucket", "s3:|"]'));
    assert.ok(!c.labels.includes('s3:GetObject'));
    assert.ok(!c.labels.includes('s3:ListBucket'));
    assert.ok(c.labels.includes('s3:PutObject'));
    const editing = completeAt(inStatement('"Action": ["s3:ListBucket", "s3:GetObject|"]'));
    assert.ok(editing.labels.includes('s3:GetObject'));
  });

  it('a service prefix typed in another case', () => {
    const c = completeAt(inStatement('"Action": "S3:get|"'));
    assert.equal(c.applied('s3:GetObject'), inStatement('"Action": "s3:GetObject"'));
  });

  it('a service prefix typed in another case offers each wildcard once', () => {
    const c = completeAt(inStatement('"Action": "S3:get|"'));
    assert.deepEqual(c.labels.filter((l) => l.toLowerCase() === 's3:get*'), ['s3:Get*']);
  });

  describe('in trust policies', () => {
    const trustActions = [
      'sts:AssumeRole',
      'sts:AssumeRoleWithSAML',
      'sts:AssumeRoleWithWebIdentity',
      'sts:TagSession',
      'sts:SetSourceIdentity',
      'sts:SetContext',
    ];

    it('only the sts actions a trust policy accepts', () => {
      const c = completeAt(inStatement('"Principal": {"AWS": "*"}, "Action": "|"'), TRUST);
      assert.deepEqual([...c.labels].sort(), [...trustActions].sort());
      assert.equal(c.labels[0], 'sts:AssumeRole');
    });

    it('a GitHub OIDC principal puts AssumeRoleWithWebIdentity first', () => {
      const c = completeAt(inStatement(`"Principal": {"Federated": "${GITHUB_PROVIDER}"}, "Action": "|"`), TRUST);
      assert.equal(c.labels[0], 'sts:AssumeRoleWithWebIdentity');
      assert.equal(c.item('sts:AssumeRoleWithWebIdentity').detail, 'fits the principal');
      assert.equal(statementAt(c.applied('sts:AssumeRoleWithWebIdentity'), 'Action'), 'sts:AssumeRoleWithWebIdentity');
    });

    it('a SAML principal puts AssumeRoleWithSAML first', () => {
      assert.equal(completeAt(inStatement(`"Principal": {"Federated": "${SAML_PROVIDER}"}, "Action": "|"`), TRUST).labels[0], 'sts:AssumeRoleWithSAML');
    });

    it('a service principal puts AssumeRole first; listed actions are left out', () => {
      const podIdentity = '"Principal": {"Service": "pods.eks.amazonaws.com"}';
      const c = completeAt(inStatement(`${podIdentity}, "Action": ["sts:AssumeRole", "|"]`), TRUST);
      assert.ok(!c.labels.includes('sts:AssumeRole'));
      assert.equal(c.applied('sts:TagSession'), inStatement(`${podIdentity}, "Action": ["sts:AssumeRole", "sts:TagSession"]`));
    });
  });
});

describe('completion: Resource', () => {
  it('s3:GetObject: the object ARN as a snippet with tab stops, `*` last', () => {
    const c = completeAt(inStatement('"Action": "s3:GetObject", "Resource": "|"'));
    assert.equal(c.labels[0], 'arn:aws:s3:::bucket/key');
    const item = c.item('arn:aws:s3:::bucket/key');
    assert.equal(item.kind, 'resource');
    assert.ok(item.insertText.includes('${1:bucket}'), item.insertText);
    assert.ok(item.insertText.includes('${2:key}'), item.insertText);
    assert.equal(c.labels.at(-1), '*');
    assert.equal(c.applied('arn:aws:s3:::bucket/key'), inStatement('"Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/key"'));
  });

  it('s3:ListBucket and s3:GetObject: the bucket and object templates first', () => {
    const c = completeAt(inStatement('"Action": ["s3:ListBucket", "s3:GetObject"], "Resource": [|]'));
    assert.deepEqual(c.labels.slice(0, 2), ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key']);
    assert.deepEqual(statementAt(c.applied('arn:aws:s3:::bucket'), 'Resource'), ['arn:aws:s3:::bucket']);
  });

  it('an action that takes only `*` gets `*` first', () => {
    const c = completeAt(inStatement('"Action": "s3:ListAllMyBuckets", "Resource": "|"'));
    assert.equal(c.labels[0], '*');
    assert.equal(c.item('*').detail, 'needed by 1 action');
    assert.equal(statementAt(c.applied('*'), 'Resource'), '*');
  });

  it('offers the accounts the document names in the account field', () => {
    const text = inStatement(`"Action": "dynamodb:GetItem", "Resource": ["arn:aws:dynamodb:us-east-1:${OTHER}:table/Orders", "|"]`);
    const c = completeAt(text);
    const label = 'arn:aws:dynamodb:REGION:ACCOUNT_ID:table/table';
    assert.ok(c.item(label).insertText.includes(`\${2|${OTHER},ACCOUNT_ID|}`), c.item(label).insertText);
    assert.equal(statementAt(c.applied(label), 'Resource', 1), `arn:aws:dynamodb:REGION:${OTHER}:table/table`);
    const named = completeAt(text, NAMED);
    assert.ok(named.item(label).insertText.includes(`\${2|${OWN},${OTHER},ACCOUNT_ID|}`), named.item(label).insertText);
  });

  it('without a known account the account field is a plain placeholder', () => {
    const c = completeAt(inStatement('"Action": "dynamodb:GetItem", "Resource": |'));
    assert.equal(c.item('arn:aws:dynamodb:REGION:ACCOUNT_ID:table/table').insertText, '"arn:aws:dynamodb:${1:REGION}:${2:ACCOUNT_ID}:table/${3:table}"');
  });
});

describe('completion: Principal', () => {
  it('keys of a trust principal: AWS, Service, Federated; present ones left out', () => {
    const c = completeAt(inStatement('"Principal": {|}, "Action": "sts:AssumeRole"'), TRUST);
    assert.deepEqual(c.labels, ['AWS', 'Service', 'Federated']);
    assert.deepEqual(statementAt(c.applied('Service'), 'Principal'), { Service: '' });
    assert.deepEqual(completeAt(inStatement('"Principal": {"AWS": "*", |}, "Action": "sts:AssumeRole"'), TRUST).labels, ['Service', 'Federated']);
  });

  it('resource policies also offer CanonicalUser', () => {
    assert.deepEqual(completeAt(inStatement('"Principal": {|}, "Action": "s3:GetObject"'), RESOURCE).labels, ['AWS', 'Service', 'Federated', 'CanonicalUser']);
  });

  it('the Principal value: objects to start from; `*` only in resource policies', () => {
    const trust = completeAt(inStatement('"Principal": |, "Action": "sts:AssumeRole"'), TRUST);
    assert.deepEqual(trust.labels, ['{ "AWS": ... }', '{ "Service": ... }', '{ "Federated": ... }']);
    assert.deepEqual(statementAt(trust.applied('{ "Federated": ... }'), 'Principal'), { Federated: '' });
    const resource = completeAt(inStatement('"Principal": |, "Action": "s3:GetObject"'), RESOURCE);
    assert.equal(resource.labels.at(-1), '*');
    assert.equal(statementAt(resource.applied('*'), 'Principal'), '*');
  });

  it('AWS values: accounts from the options (with their names) and from the document, then templates', () => {
    const text = inStatement(`"Principal": {"AWS": "|"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "${OTHER}"}}`);
    const c = completeAt(text, { ...TRUST, ...NAMED });
    assert.deepEqual(c.labels.slice(0, 6), [
      `arn:aws:iam::${OWN}:root`,
      `arn:aws:iam::${OWN}:role/…`,
      `arn:aws:iam::${OWN}:user/…`,
      `arn:aws:iam::${OTHER}:root`,
      `arn:aws:iam::${OTHER}:role/…`,
      `arn:aws:iam::${OTHER}:user/…`,
    ]);
    assert.equal(c.item(`arn:aws:iam::${OWN}:root`).detail, 'Production');
    assert.equal(c.item(`arn:aws:iam::${OTHER}:root`).detail, 'account in this policy');
    assert.equal(statementAt(c.applied(`arn:aws:iam::${OWN}:role/…`), 'Principal', 'AWS'), `arn:aws:iam::${OWN}:role/ROLE_NAME`);
    assert.ok(c.labels.includes('arn:aws:iam::ACCOUNT_ID:root'));
    assert.ok(!c.labels.includes('*'), 'no `*` in a trust policy');
  });

  it('AWS values in a resource policy end with `*`', () => {
    const c = completeAt(inStatement('"Principal": {"AWS": ["|"]}, "Action": "s3:GetObject", "Resource": "*"'), RESOURCE);
    assert.equal(c.labels.at(-1), '*');
    assert.equal(c.item('*').detail, 'everyone');
    assert.deepEqual(statementAt(c.applied('arn:aws:iam::ACCOUNT_ID:root'), 'Principal', 'AWS'), ['arn:aws:iam::ACCOUNT_ID:root']);
  });

  it('Service values include the common service principals', () => {
    const c = completeAt(inStatement('"Principal": {"Service": "|"}, "Action": "sts:AssumeRole"'), TRUST);
    for (const principal of ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'pods.eks.amazonaws.com', 'ecs-tasks.amazonaws.com']) {
      assert.ok(c.labels.includes(principal), principal);
    }
    assert.match(c.item('lambda.amazonaws.com').documentation ?? '', /Lambda/);
    assert.equal(statementAt(c.applied('ec2.amazonaws.com'), 'Principal', 'Service'), 'ec2.amazonaws.com');
  });

  it('Federated values: the GitHub provider ARN (with the known account), cognito-identity.amazonaws.com', () => {
    const text = inStatement('"Principal": {"Federated": "|"}, "Action": "sts:AssumeRoleWithWebIdentity"');
    const label = `arn:aws:iam::ACCOUNT_ID:oidc-provider/${GITHUB}`;
    const c = completeAt(text, TRUST);
    assert.equal(c.labels[0], label);
    assert.equal(c.item(label).detail, 'GitHub Actions (OIDC)');
    assert.ok(c.labels.includes('cognito-identity.amazonaws.com'));
    assert.ok(c.labels.includes('arn:aws:iam::ACCOUNT_ID:saml-provider/PROVIDER_NAME'));
    assert.equal(statementAt(c.applied(label), 'Principal', 'Federated'), `arn:aws:iam::ACCOUNT_ID:oidc-provider/${GITHUB}`);
    assert.equal(statementAt(completeAt(text, { ...TRUST, ...NAMED }).applied(label), 'Principal', 'Federated'), GITHUB_PROVIDER);
  });
});

describe('completion: Condition operators', () => {
  const operators = (condition: string) => completeAt(inStatement(`"Action": "s3:GetObject", "Resource": "*", "Condition": {${condition}}`));

  it('common operators first, with IfExists and set forms, but no NullIfExists', () => {
    const c = operators('|');
    assert.equal(c.labels[0], 'StringEquals');
    const expected = ['StringLike', 'Bool', 'ArnLike', 'IpAddress', 'Null', 'ForAnyValue:StringLike', 'ForAllValues:StringEquals', 'StringLikeIfExists'];
    for (const name of expected) assert.ok(c.labels.includes(name), name);
    assert.ok(!c.labels.includes('NullIfExists'));
    assert.ok(!c.labels.includes('ForAnyValue:Null'));
    assert.match(c.item('StringLikeIfExists').documentation ?? '', /IfExists/);
  });

  it('applying an operator writes a block to put a key in', () => {
    const applied = operators('|').applied('StringEquals');
    assert.deepEqual(statementAt(applied, 'Condition'), { StringEquals: { '': '' } });
    assert.equal(operators('|').item('StringEquals').retrigger, true);
  });

  it('operators already in the Condition are left out', () => {
    const c = operators('"StringEquals": {"s3:ExistingObjectTag/team": "x"}, |');
    assert.ok(!c.labels.includes('StringEquals'));
    assert.equal(c.labels[0], 'StringLike');
  });
});

describe('completion: Condition keys', () => {
  it('a GitHub trust statement lists the GitHub claims first, aud then sub', () => {
    const c = completeAt(inStatement(`${GITHUB_TRUST}, "Condition": {"StringEquals": {|}}`), TRUST);
    assert.deepEqual(c.labels.slice(0, 2), [`${GITHUB}:aud`, `${GITHUB}:sub`]);
    assert.match(c.item(`${GITHUB}:aud`).detail ?? '', /GitHub Actions claim/);
    assert.deepEqual(statementAt(c.applied(`${GITHUB}:aud`), 'Condition'), { StringEquals: { [`${GITHUB}:aud`]: '' } });
  });

  it('a key typed in a string before a colon replaces the whole key token', () => {
    const c = completeAt(inStatement(`${GITHUB_TRUST}, "Condition": {"StringEquals": {"tok|": ""}}`), TRUST);
    assert.deepEqual(statementAt(c.applied(`${GITHUB}:sub`), 'Condition'), { StringEquals: { [`${GITHUB}:sub`]: '' } });
  });

  it('a SAML principal lists SAML:aud first', () => {
    const c = completeAt(inStatement(`${SAML_TRUST}, "Condition": {"StringEquals": {|}}`), TRUST);
    assert.equal(c.labels[0], 'SAML:aud');
  });

  it('a cross-account trust statement offers sts:ExternalId', () => {
    const c = completeAt(inStatement(`${ACCOUNT_TRUST}, "Condition": {"StringEquals": {|}}`), TRUST);
    assert.ok(c.labels.includes('sts:ExternalId'));
  });

  it('the keys of the statement actions: s3:prefix for s3:ListBucket', () => {
    const c = completeAt(inStatement('"Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b", "Condition": {"StringLike": {|}}'));
    assert.ok(c.labels.includes('s3:prefix'));
    assert.ok(c.labels.indexOf('s3:prefix') < c.labels.indexOf('aws:SecureTransport'), 'action keys before global keys');
    assert.deepEqual(statementAt(c.applied('s3:prefix'), 'Condition'), { StringLike: { 's3:prefix': '' } });
    const getObject = completeAt(inStatement('"Action": "s3:GetObject", "Resource": "*", "Condition": {"StringLike": {|}}'));
    assert.ok(!getObject.labels.includes('s3:prefix'), 's3:GetObject does not support s3:prefix');
  });

  it('Bool lists only Bool keys, and writes a true/false choice', () => {
    const c = completeAt(inStatement('"Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {|}}'));
    assert.ok(c.labels.includes('aws:SecureTransport'));
    assert.ok(c.labels.includes('aws:MultiFactorAuthPresent'));
    for (const label of c.labels) assert.match(c.item(label).detail ?? '', /^Bool /, label);
    assert.ok(c.item('aws:SecureTransport').insertText.includes('${1|true,false|}'));
    assert.deepEqual(statementAt(c.applied('aws:SecureTransport'), 'Condition'), { Bool: { 'aws:SecureTransport': 'true' } });
  });

  it('keys already in the block are left out', () => {
    const c = completeAt(inStatement('"Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5", |}}'));
    assert.ok(!c.labels.includes('aws:PrincipalOrgID'));
    assert.ok(c.labels.includes('aws:PrincipalArn'));
  });

  it('a templated key gets a tab stop where the tag key goes', () => {
    const c = completeAt(inStatement('"Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {|}}'));
    const item = c.item('aws:PrincipalTag/tag-key');
    assert.equal(item.insertText, '"aws:PrincipalTag/${1:tag-key}": "$2"');
    assert.deepEqual(statementAt(c.applied('aws:PrincipalTag/tag-key'), 'Condition'), { StringEquals: { 'aws:PrincipalTag/tag-key': '' } });
  });

  it('a set operator puts multi-valued keys first and writes a list', () => {
    const c = completeAt(inStatement('"Action": "s3:GetObject", "Resource": "*", "Condition": {"ForAnyValue:StringLike": {|}}'));
    assert.equal(c.labels[0], 'aws:TagKeys');
    assert.deepEqual(statementAt(c.applied('aws:TagKeys'), 'Condition'), { 'ForAnyValue:StringLike': { 'aws:TagKeys': [''] } });
  });

  it('an `Action: "*"` statement: global keys, and the keys of a typed service prefix (incomplete)', () => {
    const global = completeAt(inStatement('"Action": "*", "Resource": "*", "Condition": {"StringEquals": {"|"}}'));
    assert.equal(global.list?.incomplete, true);
    assert.ok(global.labels.includes('aws:SecureTransport'));
    assert.ok(!global.labels.some((l) => l.startsWith('s3:')), 'no service keys before a prefix is typed');
    const s3 = completeAt(inStatement('"Action": "*", "Resource": "*", "Condition": {"StringEquals": {"s3:|"}}'));
    assert.equal(s3.list?.incomplete, true);
    assert.ok(s3.labels.includes('s3:prefix'));
    assert.deepEqual(s3.labels.filter((l) => !l.startsWith('s3:') && !global.labels.includes(l)), [], 'only s3 keys and global keys');
    assert.deepEqual(statementAt(s3.applied('s3:prefix'), 'Condition'), { StringEquals: { 's3:prefix': '' } });
  });
});

describe('completion: Condition values', () => {
  const value = (body: string, options: CompletionOptions = {}) => completeAt(inStatement(body), options);

  it('Bool: true and false', () => {
    const c = value('"Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "|"}}');
    assert.deepEqual(c.labels, ['true', 'false']);
    assert.equal(statementAt(c.applied('false'), 'Condition', 'Bool', 'aws:SecureTransport'), 'false');
    const bare = value('"Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": |}}');
    assert.equal(statementAt(bare.applied('true'), 'Condition', 'Bool', 'aws:SecureTransport'), 'true');
  });

  it('GitHub aud: sts.amazonaws.com', () => {
    const c = value(`${GITHUB_TRUST}, "Condition": {"StringEquals": {"${GITHUB}:aud": "|"}}`, TRUST);
    assert.deepEqual(c.labels, ['sts.amazonaws.com']);
    assert.equal(statementAt(c.applied('sts.amazonaws.com'), 'Condition', 'StringEquals', `${GITHUB}:aud`), 'sts.amazonaws.com');
  });

  it('GitHub sub: subject templates, `repo:OWNER/REPO:*` only under StringLike', () => {
    const exact = value(`${GITHUB_TRUST}, "Condition": {"StringEquals": {"${GITHUB}:sub": "|"}}`, TRUST);
    assert.equal(exact.labels[0], 'repo:OWNER/REPO:ref:refs/heads/main');
    assert.ok(!exact.labels.includes('repo:OWNER/REPO:*'));
    const branch = 'repo:OWNER/REPO:ref:refs/heads/main';
    assert.equal(statementAt(exact.applied(branch), 'Condition', 'StringEquals', `${GITHUB}:sub`), branch);
    const like = value(`${GITHUB_TRUST}, "Condition": {"StringLike": {"${GITHUB}:sub": ["repo:acme-corp/web:*", "|"]}}`, TRUST);
    assert.ok(like.labels.includes('repo:OWNER/REPO:*'));
    assert.deepEqual(statementAt(like.applied('repo:OWNER/REPO:*'), 'Condition', 'StringLike', `${GITHUB}:sub`), ['repo:acme-corp/web:*', 'repo:OWNER/REPO:*']);
  });

  it('SAML:aud: the AWS sign-in endpoint', () => {
    const c = value(`${SAML_TRUST}, "Condition": {"StringEquals": {"SAML:aud": "|"}}`, TRUST);
    assert.deepEqual(c.labels, ['https://signin.aws.amazon.com/saml', 'https://REGION.signin.aws.amazon.com/saml']);
  });

  it('sts:ExternalId: a generated id (options.externalId)', () => {
    const c = value(`${ACCOUNT_TRUST}, "Condition": {"StringEquals": {"sts:ExternalId": "|"}}`, { ...TRUST, externalId: () => EXTERNAL_ID });
    assert.deepEqual(c.labels, [EXTERNAL_ID]);
    assert.equal(statementAt(c.applied(EXTERNAL_ID), 'Condition', 'StringEquals', 'sts:ExternalId'), EXTERNAL_ID);
  });

  it('sts:ExternalId without options: a random id of 32 letters and digits', () => {
    const [label] = value(`${ACCOUNT_TRUST}, "Condition": {"StringEquals": {"sts:ExternalId": "|"}}`, TRUST).labels;
    assert.match(label, /^[A-Za-z0-9]{32}$/);
  });

  it('account keys: the known accounts, named ones with their name', () => {
    const c = value(`"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:ResourceAccount": "|"}}`, NAMED);
    assert.deepEqual(c.labels, [OWN]);
    assert.equal(c.item(OWN).detail, 'Production');
    const fromDocument = value(`${ACCOUNT_TRUST}, "Condition": {"StringEquals": {"aws:PrincipalAccount": "|"}}`, TRUST);
    assert.deepEqual(fromDocument.labels, [OTHER]);
  });

  it('aws:RequestedRegion: Region codes with their names', () => {
    const c = value('"Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": ["us-east-1", "|"]}}');
    assert.equal(c.item('eu-west-1').detail, 'Europe (Ireland)');
    assert.deepEqual(statementAt(c.applied('eu-west-1'), 'Condition', 'StringEquals', 'aws:RequestedRegion'), ['us-east-1', 'eu-west-1']);
  });
});

describe('completion: nothing offered', () => {
  const none = (textWithCaret: string, options: CompletionOptions = {}) => assert.equal(completeAt(textWithCaret, options).list, undefined, textWithCaret);

  it('after a closed string, a closed object or at the end of a value', () => {
    none(inStatement('"Action": "s3:GetObject"|, "Resource": "*"'));
    none(inStatement('"Action": "s3:GetObject" |, "Resource": "*"'));
    none(inStatement('"Action": "s3:GetObject", "Resource": "*"}|'));
  });

  it('inside a number', () => {
    none(inStatement('"Action": "s3:GetObject", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": 36|00}}'));
  });

  it('in a JSON file that is not a policy', () => {
    none('{"name": "app", "version": "1.0.0", "scripts": {"|"}}');
    none('{"name": "app", "version": "1.0.0", "scripts": {"|"}}', { fileName: 'package.json' });
    none('{|}', { fileName: 'package.json' });
    none('{"name": "app", "version": "|"}', { fileName: 'policy.json' });
  });

  it('inside a Sid value', () => {
    none(inStatement('"Sid": "|", "Action": "s3:GetObject"'));
    none(inStatement('"Sid": "Allow|Read", "Action": "s3:GetObject"'));
  });

  it('when the kind setting says to ignore the file', () => {
    none(inStatement('"Action": "s3:Get|"'), { kindSetting: 'ignore' });
  });
});

describe('completion: bad input never throws', () => {
  const OPTIONS: CompletionOptions[] = [{}, TRUST, RESOURCE, { fileName: 'policy.json' }, { fileName: 'role-trust.json', ...NAMED }];
  /** Completes at every offset (and a few outside the text) with every option set. */
  const everywhere = (text: string) => {
    for (const options of OPTIONS) for (let offset = -2; offset <= text.length + 2; offset++) completeText(text, offset, options);
  };

  const BROKEN: Record<string, string> = {
    'an empty text': '',
    'a lone quote': '"',
    'a lone brace': '{',
    'unbalanced braces': '{{{{]]]]',
    'a truncated policy': '{"Statement": [{"Effect": "Allow", "Action": ["s3:Get',
    'missing commas and colons': '{"Statement": [{"Effect" "Allow" "Action" "s3:Get" }',
    'commas only': '{"Statement": [{"Action": [,,,"s3:',
    'wrong types': '{"Version": [], "Statement": [1, "x", null, {"Effect": {}, "Action": {}, "Resource": [[]], "Condition": []}]}',
    'a condition nested too far': '{"Statement": [{"Condition": {"StringEquals": {"a": {"b": {"c": ',
    'escapes and control characters': '{"Statement": [{"Action": "s3:\\u00\\"\u0000\\',
  };
  for (const [name, text] of Object.entries(BROKEN)) it(`copes with ${name}`, () => everywhere(text));

  it('copes with offsets 0, text.length and beyond', () => {
    const text = inStatement('"Action": "s3:GetObject", "Resource": "*"');
    for (const offset of [0, text.length, text.length + 1, 10_000, -1, Number.NaN]) assert.equal(completeText(text, offset).list, undefined, String(offset));
    const open = '{"Statement": [{"Effect": "Allow", "Action": "s3:Get';
    assert.equal(completeText(open, open.length).applied('s3:GetObject'), `${open}Object"`);
  });

  it('copes with odd Unicode before the cursor, and still completes', () => {
    for (const odd of ['😀', '\ud800', '\udfff', 'e\u0301', '\u2028', '\u0000', '\\ud800']) {
      const sid = completeAt(inStatement(`"Sid": "${odd}", "Action": "s3:Get|"`));
      assert.equal(sid.applied('s3:GetObject'), inStatement(`"Sid": "${odd}", "Action": "s3:GetObject"`), JSON.stringify(odd));
      const inside = completeAt(inStatement(`"Action": "${odd}s3:Get|"`));
      assert.ok(inside.list === undefined || inside.labels.length > 0);
      everywhere(inStatement(`"Action": "${odd}s3:", ${odd}`));
    }
  });

  it('copes with deep nesting', () => {
    everywhere('['.repeat(200) + '{"Statement": [' + '{"a": '.repeat(200));
    const deep = `{"Statement": [{"Condition": ${'{"a": '.repeat(1000)}""${'}'.repeat(1000)}}]}`;
    for (const offset of [0, 20, deep.indexOf('""') + 1, deep.length]) completeText(deep, offset);
  });

  it('copes with nesting deeper than the parser allows', () => {
    const texts = ['{"Statement": [' + '['.repeat(10_000), '{"Statement": [' + '{"a":'.repeat(10_000), '['.repeat(10_000)];
    for (const text of texts) {
      for (const options of [{}, { fileName: 'policy.json' }]) {
        for (const offset of [0, text.length >> 1, text.length]) {
          assert.doesNotThrow(() => completeText(text, offset, options), `${text.slice(0, 20)} at ${offset}`);
        }
      }
    }
  });

  it('copes with a huge list of actions', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => `"ec2:Action${i}"`).join(', ');
    const actions = completeAt(inStatement(`"Action": [${many}, "s3:GetObject", "s3:|"], "Resource": "*"`));
    assert.ok(actions.labels.includes('s3:PutObject'));
    assert.ok(!actions.labels.includes('s3:GetObject'));
    const wildcards = Array.from({ length: 3_000 }, () => '"ec2:Describe*"').join(', ');
    assert.deepEqual(completeAt(inStatement(`"Action": [${wildcards}], "Resource": "|"`)).labels, ['*']);
    const keys = completeAt(inStatement(`"Action": [${wildcards}], "Resource": "*", "Condition": {"StringEquals": {"|"}}`));
    assert.equal(keys.list?.incomplete, true, 'too broad to list action keys: global keys and a typed prefix');
  });
});

describe('completion: building policies from scratch', () => {
  const errorsOf = (text: string, fileName: string) => lint(text, { fileName }).findings.filter((f) => f.severity === 'error');

  it('a cross-account trust policy with an ExternalId', () => {
    const fileName = 'partner-trust.json';
    const s = Session.at('{|}', { fileName, externalId: () => EXTERNAL_ID });
    s.choose('Version').type(', ').choose('Statement');
    s.moveAfter('"AWS": "').choose('arn:aws:iam::ACCOUNT_ID:root').fill('ACCOUNT_ID', OTHER);
    s.moveAfter('"sts:AssumeRole"').type(',\n').choose('Condition');
    s.moveAfter('"StringEquals": {\n\t\t"').choose('sts:ExternalId');
    s.moveAfter('"sts:ExternalId": "').choose(EXTERNAL_ID);
    assert.deepEqual(JSON.parse(s.text), {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
        },
      ],
    });
    assert.equal(lint(s.text, { fileName }).kind, 'trust');
    assert.deepEqual(errorsOf(s.text, fileName), []);
  });

  it('a GitHub OIDC trust policy', () => {
    const fileName = 'github-deploy-trust.json';
    const s = Session.at('{|}', { fileName, ...NAMED });
    s.choose('Version').type(', ').choose('Statement');
    s.fill('"AWS"', '"Federated"'); // the user picks Federated in the key choice
    s.moveAfter('"Federated": "').choose(`arn:aws:iam::ACCOUNT_ID:oidc-provider/${GITHUB}`);
    s.moveAfter('"Action": "sts:AssumeRole').choose('sts:AssumeRoleWithWebIdentity');
    s.moveAfter('"sts:AssumeRoleWithWebIdentity"').type(',\n').choose('Condition');
    s.moveAfter('"StringEquals": {\n\t\t"').choose(`${GITHUB}:aud`);
    s.moveAfter(`"${GITHUB}:aud": "`).choose('sts.amazonaws.com');
    s.moveAfter('"sts.amazonaws.com"').type(',\n').choose(`${GITHUB}:sub`);
    s.moveAfter(`"${GITHUB}:sub": "`).choose('repo:OWNER/REPO:ref:refs/heads/main').fill('OWNER', 'acme-corp').fill('REPO', 'web');
    assert.deepEqual(statementAt(s.text), {
      Effect: 'Allow',
      Principal: { Federated: GITHUB_PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' } },
    });
    assert.deepEqual(errorsOf(s.text, fileName), []);
    assert.deepEqual(lint(s.text, { fileName }).findings.filter((f) => f.rule.startsWith('trust-')), []);
  });

  it('an S3 read policy', () => {
    const fileName = 'reports-read-policy.json';
    const s = Session.at('{|}', { fileName });
    s.choose('Version').type(', ').choose('Statement');
    s.fill('"Action": ""', '"Action": []').moveAfter('"Action": [').choose('s3').choose('s3:ListBucket');
    s.moveAfter('"s3:ListBucket"').type(', ').choose('s3').choose('s3:GetObject');
    s.fill('"Resource": ""', '"Resource": []').moveAfter('"Resource": [').choose('arn:aws:s3:::bucket').fill('::bucket"', '::acme-reports"');
    s.moveAfter('acme-reports"').type(', ').choose('arn:aws:s3:::bucket/key').fill('bucket/key', 'acme-reports/*');
    assert.deepEqual(JSON.parse(s.text), {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: ['arn:aws:s3:::acme-reports', 'arn:aws:s3:::acme-reports/*'] }],
    });
    assert.equal(lint(s.text, { fileName }).kind, 'identity');
    assert.deepEqual(errorsOf(s.text, fileName), []);
  });
});

describe('completion helpers', () => {
  it('reads the caret', () => {
    assert.deepEqual(atCaret('ab|c'), { text: 'abc', offset: 2 });
    assert.throws(() => atCaret('abc'));
    assert.ok(parses('{}') && !parses('{'));
  });
});
