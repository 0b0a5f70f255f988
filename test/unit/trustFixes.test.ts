import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicyService, type Finding, type TextEdit } from '../../server/src/core';
import type { RandomBytes } from '../../server/src/core/fixes/randomId';
import { lint, policy } from './helpers';

const service = createPolicyService();

type Pair = [rule: string, at: string];

interface Options {
  allowComments?: boolean;
  randomBytes?: RandomBytes;
}

interface Fixed {
  title: string;
  preferred: boolean;
  result: string;
}

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
}

/** A random source that counts 0, 1, 2, ... (from `start`, modulo 256): ids become predictable. */
function counter(start = 0): RandomBytes {
  let next = start;
  return (length) => Uint8Array.from({ length }, () => next++ % 256);
}

/** The ExternalId the counter from 0 gives: bytes 0..31 are the first 32 letters of the alphabet. */
const COUNTED_ID = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';

/** The findings of a document as [rule, covered text] pairs, sorted, analysed as a trust policy. */
function pairs(text: string, allowComments = false): Pair[] {
  return lint(text, { kindSetting: 'trust', allowComments })
    .findings.map((f): Pair => [f.rule, f.at])
    .sort((a, b) => (a.join('\0') < b.join('\0') ? -1 : a.join('\0') > b.join('\0') ? 1 : 0));
}

function findingsOf(text: string, allowComments = false): Finding[] {
  return service.analyze(service.parse(text, { allowComments }), { kindSetting: 'trust' }).findings;
}

/** The one finding of `rule` covering exactly `at` (quotes included). */
function findingAt(text: string, rule: string, at: string, allowComments = false): Finding {
  const matches = findingsOf(text, allowComments).filter((f) => f.rule === rule && text.slice(f.offset, f.offset + f.length) === at);
  assert.equal(matches.length, 1, `expected one ${rule} finding at ${at}, got ${JSON.stringify(pairs(text, allowComments))}`);
  return matches[0];
}

/** Every fix for that finding, and the document each one produces. */
function fixesAt(text: string, rule: string, at: string, options: Options = {}): Fixed[] {
  const allowComments = options.allowComments ?? false;
  const parsed = service.parse(text, { allowComments });
  const finding = findingAt(text, rule, at, allowComments);
  return service
    .quickFixes(parsed, finding, { randomBytes: options.randomBytes ?? counter() })
    .map((fix) => ({ title: fix.title, preferred: fix.preferred === true, result: apply(text, fix.edits) }));
}

/** The only fix for that finding. */
function onlyFix(text: string, rule: string, at: string, options: Options = {}): Fixed {
  const fixes = fixesAt(text, rule, at, options);
  assert.equal(fixes.length, 1, `expected one fix, got ${JSON.stringify(fixes.map((f) => f.title))}`);
  return fixes[0];
}

/**
 * What every fix must do: leave a document that parses (plain JSON, or jsonc without syntax problems),
 * without the finding it fixed (`gone`), every other finding unchanged, and only the `added` ones new
 * (the unfilled-placeholder a fix that inserts a placeholder is expected to raise).
 */
function assertFixed(before: string, after: string, gone: Pair[], options: { allowComments?: boolean; added?: Pair[] } = {}): void {
  const allowComments = options.allowComments ?? false;
  if (allowComments) assert.deepEqual(service.parse(after, { allowComments: true }).units[0]?.syntaxProblems, []);
  else assert.doesNotThrow(() => JSON.parse(after) as unknown);
  const expected = pairs(before, allowComments);
  for (const pair of gone) {
    const index = expected.findIndex((p) => p[0] === pair[0] && p[1] === pair[1]);
    assert.ok(index >= 0, `the document had no ${pair.join(' at ')} finding to fix`);
    expected.splice(index, 1);
  }
  const found = pairs(after, allowComments);
  for (const pair of gone) {
    const count = (list: Pair[]) => list.filter((p) => p[0] === pair[0] && p[1] === pair[1]).length;
    assert.equal(count(found), count(expected), `${pair.join(' at ')} is still reported`);
  }
  const withAdded = [...expected, ...(options.added ?? [])].sort((a, b) => (a.join('\0') < b.join('\0') ? -1 : a.join('\0') > b.join('\0') ? 1 : 0));
  assert.deepEqual(found, withAdded);
}

const ROOT_444 = 'arn:aws:iam::444455556666:root';
const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const GH = 'token.actions.githubusercontent.com';
const EKS_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/5C3F1A9E0B7D4E2F8A6C1B3D5E7F9A0B';
const OKTA = 'arn:aws:iam::111122223333:saml-provider/AcmeOkta';

/** A statement trusting a whole account, after one that keeps its own (unrelated) finding. */
const configStatement = { Sid: 'ConfigRecorder', Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole' };
const accountStatement = { Sid: 'DeployAccount', Effect: 'Allow', Principal: { AWS: ROOT_444 }, Action: 'sts:AssumeRole' };
const webIdentity = (federated: string, condition?: unknown) => ({
  Effect: 'Allow',
  Principal: { Federated: federated },
  Action: 'sts:AssumeRoleWithWebIdentity',
  ...(condition ? { Condition: condition } : {}),
});
const roleStatement = (condition: unknown) => ({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/ops-admin' }, Action: 'sts:AssumeRole', Condition: condition });

describe('trust-cross-account-unconditioned fixes', () => {
  const text = policy([configStatement, accountStatement]);
  const at = `"${ROOT_444}"`;
  const gone: Pair[] = [['trust-cross-account-unconditioned', at]];

  it('offers ExternalId, MFA, MFA with age, a role ARN and the organization, in that order', () => {
    const fixes = fixesAt(text, 'trust-cross-account-unconditioned', at);
    assert.deepEqual(
      fixes.map((f) => f.title),
      [
        `Require the ExternalId "${COUNTED_ID}" (newly generated: give it to the third party that assumes the role)`,
        'Require MFA (aws:MultiFactorAuthPresent "true")',
        'Require MFA within the last hour (aws:MultiFactorAuthAge < 3600)',
        'Only a role of account 444455556666 (aws:PrincipalArn; fill in ROLE_NAME)',
        'Only principals of your organization (aws:PrincipalOrgID; fill in o-xxxxxxxxxx)',
      ],
    );
    assert.match(fixes[0].title, /give it to the third party/);
    // None is "the" fix: which one fits depends on who assumes the role.
    assert.ok(fixes.every((f) => !f.preferred));
  });

  const cases: { name: string; index: number; condition: Record<string, unknown>; added: Pair[] }[] = [
    { name: 'a newly generated ExternalId', index: 0, condition: { StringEquals: { 'sts:ExternalId': COUNTED_ID } }, added: [] },
    { name: 'MFA', index: 1, condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, added: [] },
    {
      name: 'MFA within the last hour',
      index: 2,
      condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
      added: [],
    },
    {
      name: 'a role of the account (ROLE_NAME then reported as unfilled)',
      index: 3,
      condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::444455556666:role/ROLE_NAME' } },
      added: [['unfilled-placeholder', '"arn:aws:iam::444455556666:role/ROLE_NAME"']],
    },
    {
      name: 'the organization (o-xxxxxxxxxx then reported as unfilled)',
      index: 4,
      condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-xxxxxxxxxx' } },
      added: [['unfilled-placeholder', '"o-xxxxxxxxxx"']],
    },
  ];
  for (const c of cases) {
    it(`adds ${c.name} to the statement, nothing else changes`, () => {
      const fix = fixesAt(text, 'trust-cross-account-unconditioned', at)[c.index];
      assert.equal(fix.result, policy([configStatement, { ...accountStatement, Condition: c.condition }]));
      assertFixed(text, fix.result, gone, { added: c.added });
    });
  }

  it('generates the ExternalId from the random source, dropping bytes that would bias it', () => {
    // 240..247 are letters 54..61 ("2".."9"); 248..255 are dropped; 0..23 are "A".."X".
    const [fix] = fixesAt(text, 'trust-cross-account-unconditioned', at, { randomBytes: counter(240) });
    assert.match(fix.title, /"23456789ABCDEFGHIJKLMNOPQRSTUVWX"/);
    assert.ok(fix.result.includes('"sts:ExternalId": "23456789ABCDEFGHIJKLMNOPQRSTUVWX"'));
  });

  it('uses crypto randomness by default: 32 letters and digits, new on every request', () => {
    const parsed = service.parse(text);
    const finding = findingAt(text, 'trust-cross-account-unconditioned', at);
    const ids = [1, 2].map(() => {
      const [fix] = service.quickFixes(parsed, finding);
      const id = /"sts:ExternalId": "([^"]*)"/.exec(apply(text, fix.edits))?.[1];
      assert.ok(id !== undefined);
      assert.match(id, /^[A-Za-z0-9]{32}$/);
      assert.ok(fix.title.includes(`"${id}"`));
      return id;
    });
    assert.notEqual(ids[0], ids[1]);
  });

  it('does not hang on a random source that only returns unusable bytes', () => {
    const [fix] = fixesAt(text, 'trust-cross-account-unconditioned', at, { randomBytes: (length) => new Uint8Array(length).fill(255) });
    assert.match(fix.title, /"[A-Za-z0-9]{32}"/);
  });

  it('keeps CloudFormation references whole in the role ARN it writes', () => {
    const template = { Effect: 'Allow', Principal: { AWS: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }, Action: 'sts:AssumeRole' };
    const fix = fixesAt(policy([template]), 'trust-cross-account-unconditioned', '"arn:${AWS::Partition}:iam::${AWS::AccountId}:root"')[3];
    assert.equal(fix.title, 'Only a role of account ${AWS::AccountId} (aws:PrincipalArn; fill in ROLE_NAME)');
    assert.equal(fix.result, policy([{ ...template, Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/ROLE_NAME' } } }]));
  });

  it('names the role in the principal\'s partition; with several principals, one condition covers all and no role fix locks the others out', () => {
    const china = { Effect: 'Allow', Principal: { AWS: 'arn:aws-cn:iam::444455556666:root' }, Action: 'sts:AssumeRole' };
    const chinaFix = fixesAt(policy([china]), 'trust-cross-account-unconditioned', '"arn:aws-cn:iam::444455556666:root"')[3];
    assert.equal(chinaFix.result, policy([{ ...china, Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws-cn:iam::444455556666:role/ROLE_NAME' } } }]));
    const statement = { Effect: 'Allow', Principal: { AWS: ['arn:aws-cn:iam::444455556666:root', '111122223333'] }, Action: 'sts:AssumeRole' };
    const both = policy([statement]);
    const titles = fixesAt(both, 'trust-cross-account-unconditioned', '"111122223333"').map((f) => f.title);
    assert.ok(!titles.some((t) => t.includes('aws:PrincipalArn')), titles.join(' | '));
    const mfa = fixesAt(both, 'trust-cross-account-unconditioned', '"111122223333"')[1];
    assertFixed(both, mfa.result, [
      ['trust-cross-account-unconditioned', '"arn:aws-cn:iam::444455556666:root"'],
      ['trust-cross-account-unconditioned', '"111122223333"'],
    ]);
  });
});

describe('layouts the inserted condition follows', () => {
  const at = `"${ROOT_444}"`;
  const gone: Pair[] = [['trust-cross-account-unconditioned', at]];
  const externalId = (text: string, options: Options = {}) => fixesAt(text, 'trust-cross-account-unconditioned', at, options)[0].result;
  const mfa = (text: string, options: Options = {}) => fixesAt(text, 'trust-cross-account-unconditioned', at, options)[1].result;

  it('4-space indentation', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [accountStatement] }, null, 4);
    const result = externalId(text);
    assert.equal(result, JSON.stringify({ Version: '2012-10-17', Statement: [{ ...accountStatement, Condition: { StringEquals: { 'sts:ExternalId': COUNTED_ID } } }] }, null, 4));
    assert.ok(result.includes(`\n            "Condition": {\n                "StringEquals": {\n                    "sts:ExternalId": "${COUNTED_ID}"\n                }\n            }\n`));
    assertFixed(text, result, gone);
  });

  it('tabs', () => {
    const text = '{\n\t"Version": "2012-10-17",\n\t"Statement": [\n\t\t{\n\t\t\t"Effect": "Allow",\n\t\t\t"Principal": {\n\t\t\t\t"AWS": "arn:aws:iam::444455556666:root"\n\t\t\t},\n\t\t\t"Action": "sts:AssumeRole"\n\t\t}\n\t]\n}\n';
    const result = mfa(text);
    assert.equal(
      result,
      '{\n\t"Version": "2012-10-17",\n\t"Statement": [\n\t\t{\n\t\t\t"Effect": "Allow",\n\t\t\t"Principal": {\n\t\t\t\t"AWS": "arn:aws:iam::444455556666:root"\n\t\t\t},\n\t\t\t"Action": "sts:AssumeRole",\n\t\t\t"Condition": {\n\t\t\t\t"Bool": {\n\t\t\t\t\t"aws:MultiFactorAuthPresent": "true"\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t]\n}\n',
    );
    assertFixed(text, result, gone);
  });

  it('CRLF line endings: every inserted line ends in CRLF too', () => {
    const text = policy([accountStatement]).replace(/\n/g, '\r\n');
    const result = fixesAt(text, 'trust-cross-account-unconditioned', at)[2].result;
    assert.equal(
      result,
      policy([{ ...accountStatement, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } }]).replace(/\n/g, '\r\n'),
    );
    assert.doesNotMatch(result, /[^\r]\n/);
    assertFixed(text, result, gone);
  });

  it('a one-line document stays on one line', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"}]}';
    const result = externalId(text);
    assert.equal(
      result,
      `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole", "Condition": { "StringEquals": { "sts:ExternalId": "${COUNTED_ID}" } }}]}`,
    );
    assertFixed(text, result, gone);
  });

  it('a statement written as a single object, not a list', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: accountStatement }, null, 2);
    const result = mfa(text);
    assert.equal(result, JSON.stringify({ Version: '2012-10-17', Statement: { ...accountStatement, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } }, null, 2));
    assertFixed(text, result, gone);
  });

  const withOperators = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::444455556666:root" },
      "Action": "sts:AssumeRole",
      "Condition": {
        "Bool": { "aws:SecureTransport": "true" },
        "IpAddress": {
          "aws:SourceIp": ["203.0.113.0/24", "198.51.100.7/32"]
        }
      }
    }
  ]
}`;

  it('an existing Condition with other operators: a new block goes last, the others stay byte for byte', () => {
    const result = externalId(withOperators);
    assert.equal(
      result,
      withOperators.replace(
        '\n        }\n      }',
        `\n        },\n        "StringEquals": {\n          "sts:ExternalId": "${COUNTED_ID}"\n        }\n      }`,
      ),
    );
    const lines = result.split('\n');
    for (const untouched of withOperators.split('\n').slice(0, 11)) assert.ok(lines.includes(untouched), `changed: ${untouched}`);
    assert.deepEqual(lines.slice(0, 11), withOperators.split('\n').slice(0, 11));
    assertFixed(withOperators, result, gone);
  });

  it('an operator block written on one line gets the new key inline', () => {
    const result = mfa(withOperators);
    assert.equal(result, withOperators.replace('{ "aws:SecureTransport": "true" }', '{ "aws:SecureTransport": "true", "aws:MultiFactorAuthPresent": "true" }'));
    const [before, after] = [withOperators.split('\n'), result.split('\n')];
    assert.deepEqual(after.filter((_, i) => i !== 8), before.filter((_, i) => i !== 8));
    assertFixed(withOperators, result, gone);
  });

  it('a Condition written on one line gets the new block on that line', () => {
    const text = policy([accountStatement]).replace('"Action": "sts:AssumeRole"', '"Action": "sts:AssumeRole",\n      "Condition": { "Bool": { "aws:SecureTransport": "true" } }');
    const result = externalId(text);
    assert.equal(result, text.replace('"true" } }', `"true" }, "StringEquals": { "sts:ExternalId": "${COUNTED_ID}" } }`));
    assertFixed(text, result, gone);
  });

  it('jsonc: a // comment after the last member stays on its line', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::444455556666:root" },
      "Action": "sts:AssumeRole" // the deploy pipeline's account
    }
  ]
}`;
    const result = externalId(text, { allowComments: true });
    assert.equal(
      result,
      text.replace(
        '"sts:AssumeRole" // the deploy pipeline\'s account\n',
        `"sts:AssumeRole", // the deploy pipeline's account\n      "Condition": {\n        "StringEquals": {\n          "sts:ExternalId": "${COUNTED_ID}"\n        }\n      }\n`,
      ),
    );
    assertFixed(text, result, gone, { allowComments: true });
  });

  it('jsonc: comments after the last operator block and after the last key stay where they were', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::444455556666:root" },
      "Action": "sts:AssumeRole",
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "true" /* TLS only */
        } // transport
      }
    }
  ]
}`;
    const block = externalId(text, { allowComments: true });
    assert.equal(block, text.replace('} // transport\n', `}, // transport\n        "StringEquals": {\n          "sts:ExternalId": "${COUNTED_ID}"\n        }\n`));
    assertFixed(text, block, gone, { allowComments: true });
    const key = mfa(text, { allowComments: true });
    assert.equal(key, text.replace('"true" /* TLS only */\n', '"true", /* TLS only */\n          "aws:MultiFactorAuthPresent": "true"\n'));
    assertFixed(text, key, gone, { allowComments: true });
  });

  it('an empty "Condition": {}', () => {
    const text = policy([{ ...accountStatement, Condition: {} }]);
    const result = externalId(text);
    assert.equal(result, policy([{ ...accountStatement, Condition: { StringEquals: { 'sts:ExternalId': COUNTED_ID } } }]));
    assertFixed(text, result, gone);
    const oneLine = text.replace('"Condition": {}', '"Condition": { }');
    assert.equal(externalId(oneLine), result);
  });

  it('only the statement of the finding changes; the others stay byte for byte', () => {
    const text = policy([accountStatement, configStatement]);
    const result = mfa(text);
    assert.equal(result, policy([{ ...accountStatement, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }, configStatement]));
    const config = JSON.stringify(configStatement, null, 2).split('\n').map((l) => `    ${l}`).join('\n');
    assert.ok(text.includes(config) && result.includes(config));
    assertFixed(text, result, gone);
  });

  it('a document with a byte order mark: offsets are those of the text the client sent', () => {
    const text = `\ufeff${policy([accountStatement])}`;
    const result = mfa(text);
    assert.equal(result, `\ufeff${policy([{ ...accountStatement, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }])}`);
  });
});

describe('condition operator fixes (mfa-if-exists, forallvalues-single-valued, wildcard-without-like)', () => {
  it('mfa-if-exists: renames BoolIfExists when the MFA key is alone in it', () => {
    const text = policy([roleStatement({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } })]);
    const fix = onlyFix(text, 'mfa-if-exists', '"BoolIfExists"');
    assert.equal(fix.title, 'Change BoolIfExists to Bool for aws:MultiFactorAuthPresent');
    assert.ok(fix.preferred);
    assert.equal(fix.result, text.replace('"BoolIfExists"', '"Bool"'));
    assertFixed(text, fix.result, [['mfa-if-exists', '"BoolIfExists"']]);
  });

  it('mfa-if-exists: merges the key into an existing Bool block', () => {
    const text = policy([roleStatement({ Bool: { 'aws:SecureTransport': 'true' }, BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } })]);
    const fix = onlyFix(text, 'mfa-if-exists', '"BoolIfExists"');
    assert.equal(fix.result, policy([roleStatement({ Bool: { 'aws:SecureTransport': 'true', 'aws:MultiFactorAuthPresent': 'true' } })]));
    assertFixed(text, fix.result, [['mfa-if-exists', '"BoolIfExists"']]);
  });

  it('mfa-if-exists: takes the key out of a block with other keys (tabs, CRLF)', () => {
    const text = policy([roleStatement({ BoolIfExists: { 'aws:SecureTransport': 'true', 'aws:MultiFactorAuthPresent': 'true' }, Bool: { 'aws:ViaAWSService': 'false' } })])
      .replace(/ {2}/g, '\t')
      .replace(/\n/g, '\r\n');
    const fix = onlyFix(text, 'mfa-if-exists', '"BoolIfExists"');
    const expected = policy([roleStatement({ BoolIfExists: { 'aws:SecureTransport': 'true' }, Bool: { 'aws:ViaAWSService': 'false', 'aws:MultiFactorAuthPresent': 'true' } })])
      .replace(/ {2}/g, '\t')
      .replace(/\n/g, '\r\n');
    assert.equal(fix.result, expected);
    assertFixed(text, fix.result, [['mfa-if-exists', '"BoolIfExists"']]);
  });

  it('mfa-if-exists: a one-line block with another key keeps that key on its line', () => {
    const text = policy([roleStatement({})]).replace(
      '"Condition": {}',
      '"Condition": {\n        "BoolIfExists": { "aws:MultiFactorAuthPresent": "true", "aws:SecureTransport": "true" }\n      }',
    );
    const fix = onlyFix(text, 'mfa-if-exists', '"BoolIfExists"');
    assert.equal(
      fix.result,
      text.replace(
        '"BoolIfExists": { "aws:MultiFactorAuthPresent": "true", "aws:SecureTransport": "true" }',
        '"BoolIfExists": { "aws:SecureTransport": "true" },\n        "Bool": { "aws:MultiFactorAuthPresent": "true" }',
      ),
    );
    assertFixed(text, fix.result, [['mfa-if-exists', '"BoolIfExists"']]);
  });

  it('forallvalues-single-valued: drops ForAllValues: from the operator', () => {
    const text = policy([roleStatement({ 'ForAllValues:StringLike': { 'sts:RoleSessionName': 'ci-*' } })]);
    const fix = onlyFix(text, 'forallvalues-single-valued', '"ForAllValues:StringLike"');
    assert.equal(fix.title, 'Change ForAllValues:StringLike to StringLike for sts:RoleSessionName');
    assert.equal(fix.result, text.replace('"ForAllValues:StringLike"', '"StringLike"'));
    assertFixed(text, fix.result, [['forallvalues-single-valued', '"ForAllValues:StringLike"']]);
  });

  it('forallvalues-single-valued: merges into the plain operator\'s block when there is one', () => {
    const text = policy([roleStatement({ StringEquals: { 'aws:PrincipalTag/team': 'platform' }, 'ForAllValues:StringEquals': { 'aws:PrincipalTag/cost-center': ['cc-100', 'cc-200'] } })]);
    const fix = onlyFix(text, 'forallvalues-single-valued', '"ForAllValues:StringEquals"');
    assert.equal(fix.result, policy([roleStatement({ StringEquals: { 'aws:PrincipalTag/team': 'platform', 'aws:PrincipalTag/cost-center': ['cc-100', 'cc-200'] } })]));
    assertFixed(text, fix.result, [['forallvalues-single-valued', '"ForAllValues:StringEquals"']]);
  });

  it('wildcard-without-like: moves one key of a StringEquals block with several keys to StringLike', () => {
    const text = policy([webIdentity(GITHUB, { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: 'repo:acme-corp/web:*' } })]);
    const fix = onlyFix(text, 'wildcard-without-like', '"repo:acme-corp/web:*"');
    assert.equal(fix.title, `Change StringEquals to StringLike for ${GH}:sub`);
    assert.equal(fix.result, policy([webIdentity(GITHUB, { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GH}:sub`]: 'repo:acme-corp/web:*' } })]));
    assertFixed(text, fix.result, [['wildcard-without-like', '"repo:acme-corp/web:*"']]);
  });

  it('wildcard-without-like: a list of values moves whole, into an existing StringLike block', () => {
    const subjects = ['repo:acme-corp/web:ref:refs/heads/main', 'repo:acme-corp/web:environment:*'];
    const text = policy([
      webIdentity(GITHUB, {
        StringLike: { [`${GH}:job_workflow_ref`]: 'acme-corp/workflows/.github/workflows/deploy.yml@*' },
        StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: subjects },
      }),
    ]);
    const fix = onlyFix(text, 'wildcard-without-like', '"repo:acme-corp/web:environment:*"');
    assert.equal(
      fix.result,
      policy([
        webIdentity(GITHUB, {
          StringLike: { [`${GH}:job_workflow_ref`]: 'acme-corp/workflows/.github/workflows/deploy.yml@*', [`${GH}:sub`]: subjects },
          StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' },
        }),
      ]),
    );
    assertFixed(text, fix.result, [['wildcard-without-like', '"repo:acme-corp/web:environment:*"']]);
  });
});

describe('trust-external-id-weak fixes', () => {
  const vendor = (condition: unknown) => policy([{ Sid: 'VendorAudit', Effect: 'Allow', Principal: { AWS: ROOT_444 }, Action: 'sts:AssumeRole', Condition: condition }]);
  const SECRET = 'Q7mVx2LpR9sT4wZc8NbK3hYf6DgJ1aE5';

  it('StringLike -> StringEquals, renaming the block when the ExternalId is alone in it', () => {
    const text = vendor({ StringLike: { 'sts:ExternalId': SECRET } });
    const fix = onlyFix(text, 'trust-external-id-weak', '"StringLike"');
    assert.equal(fix.title, 'Change StringLike to StringEquals for sts:ExternalId');
    assert.ok(fix.preferred);
    assert.equal(fix.result, vendor({ StringEquals: { 'sts:ExternalId': SECRET } }));
    assertFixed(text, fix.result, [['trust-external-id-weak', '"StringLike"']]);
  });

  it('StringLike -> StringEquals, merging into an existing StringEquals block', () => {
    const text = vendor({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' }, StringLike: { 'sts:ExternalId': SECRET } });
    const fix = onlyFix(text, 'trust-external-id-weak', '"StringLike"');
    assert.equal(fix.result, vendor({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'sts:ExternalId': SECRET } }));
    assertFixed(text, fix.result, [['trust-external-id-weak', '"StringLike"']]);
  });

  it('regenerates a placeholder value, and says to give the new one to the third party', () => {
    const text = vendor({ StringEquals: { 'sts:ExternalId': 'changeme' } });
    const fix = onlyFix(text, 'trust-external-id-weak', '"changeme"');
    assert.equal(fix.title, `Replace with the new random ExternalId "${COUNTED_ID}" (give it to the third party)`);
    assert.equal(fix.result, vendor({ StringEquals: { 'sts:ExternalId': COUNTED_ID } }));
    assertFixed(text, fix.result, [['trust-external-id-weak', '"changeme"']]);
  });

  it('a placeholder under StringLike: one fix per finding, each leaves the other finding as it was', () => {
    const text = vendor({ StringLike: { 'sts:ExternalId': '<external-id>' } });
    const operator = onlyFix(text, 'trust-external-id-weak', '"StringLike"');
    assert.equal(operator.result, vendor({ StringEquals: { 'sts:ExternalId': '<external-id>' } }));
    assertFixed(text, operator.result, [['trust-external-id-weak', '"StringLike"']]);
    const value = onlyFix(text, 'trust-external-id-weak', '"<external-id>"');
    assert.equal(value.result, vendor({ StringLike: { 'sts:ExternalId': COUNTED_ID } }));
    assertFixed(text, value.result, [['trust-external-id-weak', '"<external-id>"']]);
    const both = onlyFix(value.result, 'trust-external-id-weak', '"StringLike"').result;
    assert.equal(both, vendor({ StringEquals: { 'sts:ExternalId': COUNTED_ID } }));
    assert.deepEqual(pairs(both), []);
  });
});

describe('trust-has-resource fixes', () => {
  const lambda = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };

  it('removes a Resource in the middle of the statement, with its line', () => {
    const text = policy([{ Effect: 'Allow', Principal: lambda.Principal, Resource: '*', Action: 'sts:AssumeRole' }]);
    const fix = onlyFix(text, 'trust-has-resource', '"Resource"');
    assert.equal(fix.title, 'Remove "Resource" (a trust policy has none)');
    assert.ok(fix.preferred);
    assert.equal(fix.result, policy([lambda]));
    assertFixed(text, fix.result, [['trust-has-resource', '"Resource"']]);
  });

  it('removes the last member with the comma before it', () => {
    const text = policy([{ ...lambda, Resource: 'arn:aws:iam::111122223333:role/lambda-exec' }]);
    const fix = onlyFix(text, 'trust-has-resource', '"Resource"');
    assert.equal(fix.result, policy([lambda]));
    assertFixed(text, fix.result, [['trust-has-resource', '"Resource"']]);
  });

  it('removes a Resource whose value is a list over several lines', () => {
    const text = policy([{ Effect: 'Allow', Principal: lambda.Principal, Resource: ['arn:aws:iam::111122223333:role/a', 'arn:aws:iam::111122223333:role/b'], Action: 'sts:AssumeRole' }]);
    const fix = onlyFix(text, 'trust-has-resource', '"Resource"');
    assert.equal(fix.result, policy([lambda]));
    assertFixed(text, fix.result, [['trust-has-resource', '"Resource"']]);
  });

  it('one-line statement: first, middle and last member', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Resource": "*", "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "NotResource": "arn:aws:s3:::acme-logs", "Action": "sts:AssumeRole"}]}';
    const first = onlyFix(text, 'trust-has-resource', '"Resource"');
    assert.equal(first.result, text.replace('"Resource": "*", ', ''));
    assertFixed(text, first.result, [['trust-has-resource', '"Resource"']]);
    const middle = onlyFix(text, 'trust-has-resource', '"NotResource"');
    assert.equal(middle.title, 'Remove "NotResource" (a trust policy has none)');
    assert.equal(middle.result, text.replace('"NotResource": "arn:aws:s3:::acme-logs", ', ''));
    assertFixed(text, middle.result, [['trust-has-resource', '"NotResource"']]);
    const last = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}}';
    assert.equal(onlyFix(last, 'trust-has-resource', '"Resource"').result, last.replace(', "Resource": "*"', ''));
  });

  it('CRLF: the first member and the last member go with their line endings', () => {
    const text = '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [\r\n    {\r\n      "Resource": "*",\r\n      "Effect": "Allow",\r\n      "Principal": { "Service": "lambda.amazonaws.com" },\r\n      "Action": "sts:AssumeRole",\r\n      "NotResource": "arn:aws:s3:::acme-logs"\r\n    }\r\n  ]\r\n}\r\n';
    const first = onlyFix(text, 'trust-has-resource', '"Resource"').result;
    assert.equal(first, text.replace('      "Resource": "*",\r\n', ''));
    assertFixed(text, first, [['trust-has-resource', '"Resource"']]);
    const last = onlyFix(text, 'trust-has-resource', '"NotResource"').result;
    assert.equal(last, text.replace('"sts:AssumeRole",\r\n      "NotResource": "arn:aws:s3:::acme-logs"\r\n', '"sts:AssumeRole"\r\n'));
    assertFixed(text, last, [['trust-has-resource', '"NotResource"']]);
  });

  it('jsonc: a comment on the removed member\'s line goes with it (member in the middle)', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Resource": "*", // copied from the permission policy\n      "Principal": { "Service": "lambda.amazonaws.com" },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}\n';
    const fix = onlyFix(text, 'trust-has-resource', '"Resource"', { allowComments: true });
    assert.equal(fix.result, text.replace('      "Resource": "*", // copied from the permission policy\n', ''));
    assertFixed(text, fix.result, [['trust-has-resource', '"Resource"']], { allowComments: true });
  });

  it(
    'jsonc: a comment on the removed last member\'s line goes with it, not onto the line before',
    () => {
      const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "lambda.amazonaws.com" },\n      "Action": "sts:AssumeRole", // lambda\n      "Resource": "*" // copied from the permission policy\n    }\n  ]\n}\n';
      const fix = onlyFix(text, 'trust-has-resource', '"Resource"', { allowComments: true });
      assertFixed(text, fix.result, [['trust-has-resource', '"Resource"']], { allowComments: true });
      assert.equal(fix.result, text.replace('"sts:AssumeRole", // lambda\n      "Resource": "*" // copied from the permission policy\n', '"sts:AssumeRole" // lambda\n'));
    },
  );
});

describe('trust-action-principal-mismatch and trust-invalid-action fixes', () => {
  const githubCondition = { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' } };

  it('replaces the wrong assume action of an OIDC statement', () => {
    const text = policy([{ ...webIdentity(GITHUB, githubCondition), Action: 'sts:AssumeRole' }]);
    const fix = onlyFix(text, 'trust-action-principal-mismatch', '"sts:AssumeRole"');
    assert.equal(fix.title, 'Change to "sts:AssumeRoleWithWebIdentity"');
    assert.ok(fix.preferred);
    assert.equal(fix.result, policy([webIdentity(GITHUB, githubCondition)]));
    assertFixed(text, fix.result, [['trust-action-principal-mismatch', '"sts:AssumeRole"']]);
  });

  it('replaces the wrong action inside a list, leaving the others', () => {
    const text = policy([{ ...webIdentity(GITHUB, githubCondition), Action: ['sts:AssumeRole', 'sts:TagSession'] }]);
    const fix = onlyFix(text, 'trust-action-principal-mismatch', '"sts:AssumeRole"');
    assert.equal(fix.result, policy([{ ...webIdentity(GITHUB, githubCondition), Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }]));
    assertFixed(text, fix.result, [['trust-action-principal-mismatch', '"sts:AssumeRole"']]);
  });

  const saml = (action: unknown) => ({ Effect: 'Allow', Principal: { Federated: OKTA }, Action: action, Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } });

  /** A role that both a SAML provider and a role of another account assume. */
  const mixed = (action: unknown) => ({ ...saml(action), Principal: { AWS: `arn:aws:iam::${'444455556666'}:role/Admin`, Federated: OKTA } });

  it('adds the missing action to a list written one per line', () => {
    const text = policy([mixed(['sts:AssumeRole', 'sts:TagSession'])]);
    const fix = onlyFix(text, 'trust-action-principal-mismatch', '"Federated"');
    assert.equal(fix.title, 'Add "sts:AssumeRoleWithSAML" to the Action');
    assert.ok(fix.preferred);
    assert.equal(fix.result, policy([mixed(['sts:AssumeRole', 'sts:TagSession', 'sts:AssumeRoleWithSAML'])]));
    assertFixed(text, fix.result, [['trust-action-principal-mismatch', '"Federated"']]);
  });

  it('turns a single action into a list with the missing one', () => {
    const text = policy([mixed('sts:AssumeRole')]);
    const fix = onlyFix(text, 'trust-action-principal-mismatch', '"Federated"');
    assert.equal(fix.result, text.replace('"Action": "sts:AssumeRole"', '"Action": ["sts:AssumeRole", "sts:AssumeRoleWithSAML"]'));
    assertFixed(text, fix.result, [['trust-action-principal-mismatch', '"Federated"']]);
  });

  it('leaves a statement of session actions alone: it complements the statement that assumes (AWS\'s session tag pattern)', () => {
    const text = policy([saml('sts:AssumeRoleWithSAML'), { Effect: 'Allow', Principal: { Federated: OKTA }, Action: 'sts:TagSession' }]);
    assert.deepEqual(findingsOf(text), []);
  });

  it('trust-invalid-action: replaces a misspelled action with the suggestion; a permission gets no fix', () => {
    const lambda = (action: unknown) => policy([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: action }]);
    const text = lambda(['sts:AssumeRol', 's3:GetObject']);
    const fix = onlyFix(text, 'trust-invalid-action', '"sts:AssumeRol"');
    assert.equal(fix.title, 'Change to "sts:AssumeRole"');
    assert.ok(fix.preferred);
    assert.equal(fix.result, lambda(['sts:AssumeRole', 's3:GetObject']));
    assertFixed(text, fix.result, [['trust-invalid-action', '"sts:AssumeRol"']]);
    assert.deepEqual(fixesAt(text, 'trust-invalid-action', '"s3:GetObject"'), []);
  });
});

describe('federation and service fixes', () => {
  it('trust-oidc-missing-aud: GitHub gets sts.amazonaws.com, the preferred fix', () => {
    const text = policy([webIdentity(GITHUB, { StringLike: { [`${GH}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' } })]);
    const fix = onlyFix(text, 'trust-oidc-missing-aud', `"${GITHUB}"`);
    assert.equal(fix.title, `Require ${GH}:aud "sts.amazonaws.com"`);
    assert.ok(fix.preferred);
    assert.equal(
      fix.result,
      policy([webIdentity(GITHUB, { StringLike: { [`${GH}:sub`]: 'repo:acme-corp/web:ref:refs/heads/main' }, StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' } })]),
    );
    assertFixed(text, fix.result, [['trust-oidc-missing-aud', `"${GITHUB}"`]]);
  });

  it('trust-oidc-missing-aud: Cognito gets REGION:IDENTITY_POOL_ID to fill in, then reported by unfilled-placeholder', () => {
    const amr = { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } };
    const text = policy([webIdentity('cognito-identity.amazonaws.com', amr)]);
    const fix = onlyFix(text, 'trust-oidc-missing-aud', '"cognito-identity.amazonaws.com"');
    assert.equal(fix.title, 'Require cognito-identity.amazonaws.com:aud "REGION:IDENTITY_POOL_ID" (fill it in)');
    assert.ok(!fix.preferred);
    assert.equal(fix.result, policy([webIdentity('cognito-identity.amazonaws.com', { ...amr, StringEquals: { 'cognito-identity.amazonaws.com:aud': 'REGION:IDENTITY_POOL_ID' } })]));
    assertFixed(text, fix.result, [['trust-oidc-missing-aud', '"cognito-identity.amazonaws.com"']], {
      added: [['unfilled-placeholder', '"REGION:IDENTITY_POOL_ID"']],
    });
  });

  const subjectCases: { name: string; federated: string; issuer: string; aud: string; operator: string; subject: string }[] = [
    { name: 'GitHub', federated: GITHUB, issuer: GH, aud: 'sts.amazonaws.com', operator: 'StringEquals', subject: 'repo:OWNER/REPO:ref:refs/heads/main' },
    {
      name: 'EKS',
      federated: `arn:aws:iam::111122223333:oidc-provider/${EKS_ISSUER}`,
      issuer: EKS_ISSUER,
      aud: 'sts.amazonaws.com',
      operator: 'StringEquals',
      subject: 'system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT',
    },
    {
      name: 'GitLab',
      federated: 'arn:aws:iam::111122223333:oidc-provider/gitlab.com',
      issuer: 'gitlab.com',
      aud: 'https://gitlab.com',
      operator: 'StringEquals',
      subject: 'project_path:GROUP/PROJECT:ref_type:branch:ref:main',
    },
    {
      name: 'HCP Terraform',
      federated: 'arn:aws:iam::111122223333:oidc-provider/app.terraform.io',
      issuer: 'app.terraform.io',
      aud: 'aws.workload.identity',
      operator: 'StringLike',
      subject: 'organization:ORGANIZATION:project:PROJECT:workspace:WORKSPACE:run_phase:*',
    },
  ];
  for (const c of subjectCases) {
    it(`trust-oidc-missing-sub: ${c.name} gets its subject shape under ${c.operator}, then reported by unfilled-placeholder`, () => {
      const audience = { StringEquals: { [`${c.issuer}:aud`]: c.aud } };
      const text = policy([webIdentity(c.federated, audience)]);
      const fix = onlyFix(text, 'trust-oidc-missing-sub', `"${c.federated}"`);
      assert.equal(fix.title, `Require ${c.issuer}:sub "${c.subject}" (fill in the capitals)`);
      const condition =
        c.operator === 'StringEquals'
          ? { StringEquals: { ...audience.StringEquals, [`${c.issuer}:sub`]: c.subject } }
          : { ...audience, [c.operator]: { [`${c.issuer}:sub`]: c.subject } };
      assert.equal(fix.result, policy([webIdentity(c.federated, condition)]));
      assertFixed(text, fix.result, [['trust-oidc-missing-sub', `"${c.federated}"`]], { added: [['unfilled-placeholder', `"${c.subject}"`]] });
    });
  }

  it('trust-oidc-missing-sub: a StringLike "*" subject is replaced in place', () => {
    const condition = (sub: string) => ({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GH}:sub`]: sub } });
    const text = policy([webIdentity(GITHUB, condition('*'))]);
    const fix = onlyFix(text, 'trust-oidc-missing-sub', '"*"');
    assert.equal(fix.result, policy([webIdentity(GITHUB, condition('repo:OWNER/REPO:ref:refs/heads/main'))]));
    assertFixed(text, fix.result, [['trust-oidc-missing-sub', '"*"']], { added: [['unfilled-placeholder', '"repo:OWNER/REPO:ref:refs/heads/main"']] });
  });

  it('trust-saml-missing-aud: adds SAML:aud for the console sign-in, the preferred fix', () => {
    const statement = { Effect: 'Allow', Principal: { Federated: OKTA }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] };
    const text = policy([statement]);
    const fix = onlyFix(text, 'trust-saml-missing-aud', `"${OKTA}"`);
    assert.equal(fix.title, 'Require SAML:aud "https://signin.aws.amazon.com/saml" (console sign-in)');
    assert.ok(fix.preferred);
    assert.equal(fix.result, policy([{ ...statement, Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }]));
    assertFixed(text, fix.result, [['trust-saml-missing-aud', `"${OKTA}"`]]);
  });

  it('trust-service-confused-deputy: adds aws:SourceAccount ACCOUNT_ID, then reported by unfilled-placeholder', () => {
    const text = policy([configStatement, accountStatement]);
    const fix = onlyFix(text, 'trust-service-confused-deputy', '"config.amazonaws.com"');
    assert.equal(fix.title, 'Require aws:SourceAccount (fill in ACCOUNT_ID: the account whose resources use the role)');
    assert.equal(fix.result, policy([{ ...configStatement, Condition: { StringEquals: { 'aws:SourceAccount': 'ACCOUNT_ID' } } }, accountStatement]));
    assertFixed(text, fix.result, [['trust-service-confused-deputy', '"config.amazonaws.com"']], { added: [['unfilled-placeholder', '"ACCOUNT_ID"']] });
  });
});

describe('stale findings and broken documents', () => {
  /** Documents with at least one finding of every trust fix, for the robustness checks. */
  const FIXTURES = [
    policy([configStatement, accountStatement]),
    policy([roleStatement({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' }, 'ForAllValues:StringLike': { 'sts:RoleSessionName': 'ci-*' } })]),
    policy([{ Effect: 'Allow', Principal: { AWS: ROOT_444 }, Action: 'sts:AssumeRole', Condition: { StringLike: { 'sts:ExternalId': '<external-id>' } } }]),
    policy([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: ['sts:AssumeRol'], Resource: '*' }]),
    policy([{ ...webIdentity(GITHUB, { StringEquals: { [`${GH}:sub`]: 'repo:acme-corp/*' } }), Action: 'sts:AssumeRole' }]),
    policy([{ ...webIdentity(GITHUB), Action: ['sts:AssumeRole'] }]),
    policy([webIdentity('cognito-identity.amazonaws.com')]),
    policy([{ Effect: 'Allow', Principal: { Federated: OKTA }, Action: 'sts:AssumeRoleWithSAML' }]),
  ];
  const all = FIXTURES.flatMap((text) => findingsOf(text).map((finding) => ({ text, finding })));

  it('the fixtures have a finding of every rule with a trust fix, and each of those findings has a fix', () => {
    const rules = [
      'trust-cross-account-unconditioned',
      'mfa-if-exists',
      'forallvalues-single-valued',
      'wildcard-without-like',
      'trust-external-id-weak',
      'trust-has-resource',
      'trust-action-principal-mismatch',
      'trust-invalid-action',
      'trust-oidc-missing-aud',
      'trust-oidc-missing-sub',
      'trust-saml-missing-aud',
      'trust-service-confused-deputy',
    ];
    assert.deepEqual(rules.filter((rule) => !all.some((f) => f.finding.rule === rule)), []);
    // So that "no fix" in the tests below means something.
    for (const { text, finding } of all.filter((f) => rules.includes(f.finding.rule))) {
      assert.ok(service.quickFixes(service.parse(text), finding, { randomBytes: counter() }).length > 0, `${finding.rule} has no fix`);
    }
  });

  it('a finding whose text has changed since the diagnostic gets no fix', () => {
    for (const { text, finding } of all) {
      const at = text.slice(finding.offset, finding.offset + finding.length);
      // The covered text made longer: the span no longer covers a whole node.
      const longer = text.slice(0, finding.offset + 1) + 'x' + text.slice(finding.offset + 1);
      assert.deepEqual(service.quickFixes(service.parse(longer), finding), [], `${finding.rule} at ${at}`);
      // Text inserted before it: the span is now somewhere else.
      const shifted = text.replace('"Version"', '"Id": "acme",\n  "Version"');
      assert.deepEqual(service.quickFixes(service.parse(shifted), finding), [], `${finding.rule} at ${at}`);
      assert.deepEqual(service.quickFixes(service.parse(text), { ...finding, offset: finding.offset + 1 }), []);
    }
  });

  it(
    'a principal changed to another account of the same length: the role ARN fix names the account now in the document',
    () => {
      const text = policy([accountStatement]);
      const finding = findingAt(text, 'trust-cross-account-unconditioned', `"${ROOT_444}"`);
      const changed = text.replace('444455556666', '999988887777');
      const fixes = service.quickFixes(service.parse(changed), finding, { randomBytes: counter() });
      for (const fix of fixes) {
        assert.doesNotMatch(fix.title, /444455556666/);
        assert.doesNotMatch(apply(changed, fix.edits), /444455556666/);
      }
    },
  );

  it('never throws on broken documents, and edits only what parsed', () => {
    const broken = [
      '',
      '{',
      'null',
      '[]',
      '"Statement"',
      '{"Statement": 5}',
      '{"Statement": ["sts:AssumeRole"]}',
      '{"Statement": [null, {"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sts:AssumeRole", "Condition": "none"}]}',
      '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sts:AssumeRole", "Condition": [{"Bool": {}}]}]}',
      '{"Statement": {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": 7, "Condition": {"StringEquals": 1}}}',
    ];
    const randomBytes = counter();
    for (const { text, finding } of all) {
      const variants = [...broken, ...Array.from({ length: Math.ceil(text.length / 5) }, (_, i) => text.slice(0, i * 5)), text.replace(/[{}]/g, '')];
      for (const variant of variants) {
        for (const allowComments of [false, true]) {
          const parsed = service.parse(variant, { allowComments });
          assert.doesNotThrow(() => service.quickFixes(parsed, finding, { randomBytes }), `${finding.rule} on ${JSON.stringify(variant.slice(0, 60))}`);
          assert.doesNotThrow(() => service.quickFixes(parsed, { ...finding, data: undefined }, { randomBytes }));
          assert.doesNotThrow(() => service.quickFixes(parsed, { ...finding, data: { account: 5, issuer: [], replaceWith: {}, addAction: null, regenerate: 'yes' } }, { randomBytes }));
        }
      }
    }
  });

  it('a Condition that is not an object, or an operator block that is not one, gets no condition fix', () => {
    const text = policy([{ ...accountStatement, Condition: ['Bool'] }]);
    const parsed = service.parse(text);
    const finding = { rule: 'trust-cross-account-unconditioned', offset: text.indexOf(`"${ROOT_444}"`), length: ROOT_444.length + 2, data: { account: '444455556666' } };
    assert.deepEqual(service.quickFixes(parsed, finding), []);
    const blockText = policy([{ ...accountStatement, Condition: { Bool: 'true' } }]);
    const titles = service.quickFixes(service.parse(blockText), { ...finding, offset: blockText.indexOf(`"${ROOT_444}"`) }, { randomBytes: counter() }).map((f) => f.title);
    // MFA would go into the broken Bool block: not offered; the others add their own blocks.
    assert.deepEqual(titles.map((t) => t.split(' (')[0]), [`Require the ExternalId "${COUNTED_ID}"`, 'Only a role of account 444455556666', 'Only principals of your organization']);
  });
});

describe('review regressions: fixes that did harm once', () => {
  it('offers no aws:SourceAccount fix when a compute service shares the statement (it would lock Lambda out)', () => {
    const statement = { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com', 'states.amazonaws.com'] }, Action: 'sts:AssumeRole' };
    assert.deepEqual(fixesAt(policy([statement]), 'trust-service-confused-deputy', '"states.amazonaws.com"'), []);
  });

  it('adds a sub entry instead of writing a subject into another claim', () => {
    const text = policy([webIdentity(GITHUB, { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GH}:repository_id`]: '*' } })]);
    const fix = onlyFix(text, 'trust-oidc-missing-sub', '"*"');
    assert.ok(fix.result.includes(`"${GH}:repository_id": "*"`), fix.result);
    assert.ok(fix.result.includes(`"${GH}:sub": "repo:OWNER/REPO:ref:refs/heads/main"`), fix.result);
  });

  it('keeps both values when the key is already tested by the operator it moves to', () => {
    const text = policy([{ ...accountStatement, Condition: { StringEquals: { 'sts:ExternalId': 'Xq7RkV2mP9sLw4Tz' }, StringLike: { 'sts:ExternalId': 'Ab3dE6gH9jK2mN5p' } } }]);
    const fix = onlyFix(text, 'trust-external-id-weak', '"StringLike"');
    assert.deepEqual(JSON.parse(fix.result), JSON.parse(policy([{ ...accountStatement, Condition: { StringEquals: { 'sts:ExternalId': ['Xq7RkV2mP9sLw4Tz', 'Ab3dE6gH9jK2mN5p'] } } }])));
    assert.ok(fix.result.includes('"sts:ExternalId": ["Xq7RkV2mP9sLw4Tz", "Ab3dE6gH9jK2mN5p"]'), fix.result);
  });
});
