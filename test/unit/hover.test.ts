import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HoverOptions } from '../../server/src/core';
import { atCaret, completeAt, hoverAt, hoverText } from './completionHelpers';

/** A one-statement policy on one line; the statement starts with `"Effect": "Allow"`. */
const inStatement = (body: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", ${body}}]}`;

const OWN = '111122223333';
const GITHUB = 'token.actions.githubusercontent.com';
const GITHUB_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/${GITHUB}`;
const TRUST: HoverOptions = { kindSetting: 'trust' };
const FOOTER = /\n\n_IAM reference data: .+, \d{4}-\d{2}-\d{2}_$/;

/** The hover's markdown; fails when there is none. */
function hoverContents(textWithCaret: string, options: HoverOptions = {}): string {
  const result = hoverAt(textWithCaret, options);
  assert.ok(result, `no hover at ${textWithCaret}`);
  return result.contents;
}

/** The markdown outside code spans: what a renderer reads as markup. */
const outsideCode = (markdown: string) => markdown.replace(/(`+)[^`]*?\1/g, '');

describe('hover: actions', () => {
  it('an action: description, access level, resource types, condition keys, link and data footer', () => {
    const text = inStatement('"Action": "s3:Get|Object", "Resource": "*"');
    const result = hoverAt(text);
    assert.ok(result);
    const { text: plain } = atCaret(text);
    assert.equal(plain.slice(result.span.offset, result.span.offset + result.span.length), '"s3:GetObject"');
    const contents = result.contents;
    assert.ok(contents.startsWith('**s3:GetObject** (Read)'), contents);
    assert.match(contents, /retrieve objects/);
    assert.match(contents, /Resource types: .*`object \(optional\)`/);
    assert.match(contents, /Condition keys: .*`s3:ResourceAccount`/);
    assert.match(contents, /\]\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazons3\.html\)/);
    assert.match(contents, FOOTER);
  });

  it('an action that takes only `*` says so', () => {
    assert.match(hoverContents(inStatement('"Action": "s3:ListAll|MyBuckets", "Resource": "*"')), /Resource: `\*` only/);
  });

  it('a wildcard: how many actions it matches and the first ones per access level', () => {
    const contents = hoverContents(inStatement('"Action": "s3:Get|*", "Resource": "*"'));
    const count = completeAt(inStatement('"Action": "s3:Get|"')).item('s3:Get*').detail?.replace(' actions', '');
    assert.ok(contents.startsWith(`\`s3:Get*\` matches **${count}** actions.`), contents);
    assert.match(contents, /- Read \(\d+\): `s3:Get\w+`, `s3:Get\w+`/);
    assert.match(contents, /and \d+ more/);
    assert.match(contents, FOOTER);
  });

  it('a wildcard that reaches permissions management says so', () => {
    assert.match(hoverContents(inStatement('"Action": "iam:*|", "Resource": "*"')), /permissions management actions/);
  });

  it('NotAction: a note that the statement applies to every other action', () => {
    const contents = hoverContents(inStatement('"NotAction": "iam:Create|User", "Resource": "*"'));
    assert.ok(contents.startsWith('**NotAction**: the statement applies to every action except this.'), contents);
    assert.match(contents, /\*\*iam:CreateUser\*\* \(Write\)/);
  });

  it('an unknown action has no hover', () => {
    assert.equal(hoverAt(inStatement('"Action": "s3:GetObj|ects", "Resource": "*"')), undefined);
  });
});

describe('hover: conditions', () => {
  const condition = (block: string, action = '"s3:GetObject"') => inStatement(`"Action": ${action}, "Resource": "*", "Condition": {${block}}`);

  it('StringLikeIfExists: the base operator and what IfExists changes', () => {
    const contents = hoverContents(condition('"StringLike|IfExists": {"s3:ExistingObjectTag/team": "a*"}'));
    assert.ok(contents.startsWith('**StringLikeIfExists**'), contents);
    assert.match(contents, /wildcards/);
    assert.match(contents, /IfExists: when the key is in the request/);
    assert.match(contents, /\]\(https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/reference_policies_elements_condition_operators\.html\)/);
  });

  it('ForAllValues: the pitfall of an absent key', () => {
    const contents = hoverContents(condition('"ForAllValues:String|Equals": {"aws:TagKeys": ["team"]}'));
    assert.match(contents, /ForAllValues:/);
    assert.match(contents, /also true when the key is absent/);
    assert.match(contents, /"Null"/);
  });

  it('a service key: which of the statement actions use it', () => {
    const used = hoverContents(condition('"StringLike": {"s3:pre|fix": "home/"}', '["s3:ListBucket", "s3:GetObject"]'));
    assert.ok(used.startsWith('**s3:prefix** (String, s3 key)'), used);
    assert.match(used, /Used by 1 of this statement's 2 actions: `s3:ListBucket`/);
    assert.match(used, FOOTER);
    const unused = hoverContents(condition('"StringLike": {"s3:pre|fix": "home/"}'));
    assert.match(unused, /None of this statement's actions supports it/);
    const anyAction = hoverContents(condition('"StringLike": {"s3:pre|fix": "home/"}', '"*"'));
    assert.match(anyAction, /\d+ s3 actions support it, such as `s3:ListBucket`/);
  });

  it('a global key', () => {
    const contents = hoverContents(condition('"Bool": {"aws:Secure|Transport": "true"}'));
    assert.ok(contents.startsWith('**aws:SecureTransport** (Bool, global key)'), contents);
    assert.match(contents, /TLS/);
    assert.match(contents, /Global: present in the requests it applies to/);
    assert.match(contents, FOOTER);
  });

  it('a multi-valued key says to use a set operator', () => {
    const contents = hoverContents(condition('"ForAnyValue:StringEquals": {"aws:Tag|Keys": ["team"]}'));
    assert.match(contents, /Multi-valued: test it with `ForAnyValue:` or `ForAllValues:`/);
  });

  it('a GitHub claim', () => {
    const principal = `"Principal": {"Federated": "${GITHUB_PROVIDER}"}, "Action": "sts:AssumeRoleWithWebIdentity"`;
    const text = inStatement(`${principal}, "Condition": {"StringLike": {"${GITHUB}:s|ub": "repo:acme-corp/web:*"}}`);
    const contents = hoverContents(text, TRUST);
    assert.ok(contents.startsWith('**token\\.actions\\.githubusercontent\\.com:sub** (String, GitHub Actions claim)'), contents);
    assert.match(contents.replace(/\\(.)/g, '$1'), /repo:OWNER\/REPO:ref:refs\/heads\/main/, 'shown once markdown escapes are read');
  });

  it('an account id in a condition value, with its name', () => {
    const contents = hoverContents(condition(`"StringEquals": {"aws:ResourceAccount": "1111|22223333"}`), { accounts: new Map([[OWN, 'Production']]) });
    assert.equal(contents, `**AWS account** \`${OWN}\` (Production)`);
  });
});

describe('hover: ARNs and principals', () => {
  const NASTY: HoverOptions = { accounts: new Map([[OWN, 'Prod *bold* [x](y)']]) };
  const TABLE = inStatement(`"Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:eu-west-1:${OWN}:table/Or|ders"`);

  it('an ARN taken apart: partition, service, Region, account with its name, resource type', () => {
    const contents = hoverContents(TABLE, { accounts: new Map([[OWN, 'Production']]) });
    assert.equal(
      contents,
      [
        `**ARN** \`arn:aws:dynamodb:eu-west-1:${OWN}:table/Orders\``,
        '',
        '- partition: `aws`',
        '- service: `dynamodb` (Amazon DynamoDB)',
        '- Region: `eu-west-1` (Europe \\(Ireland\\))',
        `- account: \`${OWN}\` (Production)`,
        '- resource: `table/Orders`',
        '- resource type: `table`',
      ].join('\n'),
    );
  });

  it('an account name is escaped: no emphasis, no link', () => {
    const contents = hoverContents(TABLE, NASTY);
    assert.match(contents, /- account: `111122223333` \(Prod \\\*bold\\\* \\\[x\\\]\\\(y\\\)\)/);
    const markup = outsideCode(contents);
    assert.ok(!markup.includes('*bold*'), markup);
    assert.ok(!markup.includes('[x](y)'), markup);
  });

  it('an account name holding a URL is not turned into a link', () => {
    const contents = hoverContents(TABLE, { accounts: new Map([[OWN, 'see https://evil.example.com/login']]) });
    assert.doesNotMatch(outsideCode(contents), /https?:\/\//);
  });

  it('an S3 object ARN with a wildcard: no account, a note on wildcards', () => {
    const contents = hoverContents(inStatement('"Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/|*"'));
    assert.match(contents, /- Region: none in the ARN/);
    assert.match(contents, /- account: none/);
    assert.match(contents, /- resource type: `object`/);
    assert.match(contents, /Wildcards: `\*` matches any run of characters/);
  });

  it('`*` as a resource', () => {
    assert.equal(hoverContents(inStatement('"Action": "s3:ListAllMyBuckets", "Resource": "|*"')), 'Every resource.');
  });

  it('an IAM role ARN with a path: the role name and its path', () => {
    const text = inStatement(`"Principal": {"AWS": "arn:aws:iam::${OWN}:role/service-role/deploy/Deploy|er"}, "Action": "sts:AssumeRole"`);
    const contents = hoverContents(text, { ...TRUST, ...NASTY });
    assert.match(contents, /- service: `iam` \(AWS Identity and Access Management \\\(IAM\\\)\)/);
    assert.match(contents, /- names: role `Deployer` \(path `\/service-role\/deploy\/`\)/);
    assert.match(contents, /- account: `111122223333` \(Prod \\\*bold\\\* /);
  });

  it('an account id principal, with its name escaped', () => {
    const contents = hoverContents(inStatement(`"Principal": {"AWS": "1111|22223333"}, "Action": "sts:AssumeRole"`), { ...TRUST, ...NASTY });
    assert.ok(contents.startsWith('**AWS account** `111122223333` (Prod \\*bold\\* \\[x\\]\\(y\\))'), contents);
    assert.match(contents, /the same as `arn:aws:iam::111122223333:root`/);
  });

  it('a service principal with its description', () => {
    const lambda = hoverContents(inStatement('"Principal": {"Service": "lambda.amazon|aws.com"}, "Action": "sts:AssumeRole"'), TRUST);
    assert.ok(lambda.startsWith('**Service principal** `lambda.amazonaws.com`\n\n'), lambda);
    assert.match(lambda, /Lambda/);
    const podIdentity = inStatement('"Principal": {"Service": "pods.eks.amazon|aws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]');
    assert.match(hoverContents(podIdentity, TRUST), /EKS Pod Identity/);
  });

  it('an identity provider: its name and its ARN taken apart', () => {
    const provider = `arn:aws:iam::${OWN}:oidc-provider/token.actions.github|usercontent.com`;
    const text = inStatement(`"Principal": {"Federated": "${provider}"}, "Action": "sts:AssumeRoleWithWebIdentity"`);
    const contents = hoverContents(text, TRUST);
    assert.ok(contents.startsWith('**Identity provider**: GitHub Actions'), contents);
    assert.match(contents, /- names: oidc provider `token\.actions\.githubusercontent\.com`/);
  });

  it('`*` as a principal', () => {
    assert.match(hoverContents(inStatement('"Principal": "|*", "Action": "s3:GetObject", "Resource": "*"'), { kindSetting: 'resource' }), /^\*\*Everyone\*\*/);
  });
});

describe('hover: Version, Effect and element keys', () => {
  it('Version key and value; the old version gets a warning', () => {
    assert.match(hoverContents('{"Vers|ion": "2012-10-17", "Statement": []}'), /Always write `2012-10-17`/);
    const current = hoverContents('{"Version": "2012-10|-17", "Statement": []}');
    assert.doesNotMatch(current, /old version/);
    assert.match(hoverContents('{"Version": "2008-10|-17", "Statement": []}'), /This policy uses the old version: policy variables are read as plain text\./);
  });

  it('Effect key and value', () => {
    const value = hoverContents(inStatement('"Action": "s3:GetObject", "Resource": "*"').replace('"Allow"', '"Al|low"'));
    assert.match(value, /`Deny` refuses it and always wins over any Allow/);
    assert.equal(hoverContents(inStatement('"Action": "s3:GetObject", "Resource": "*"').replace('"Effect"', '"Eff|ect"')), value);
  });

  it('element keys', () => {
    assert.match(hoverContents(inStatement('"Not|Action": "iam:*", "Resource": "*"')), /grants far more than it seems/);
    assert.match(hoverContents('{"Version": "2012-10-17", "State|ment": []}'), /explicit Deny/);
    assert.match(hoverContents(inStatement('"S|id": "AllowRead", "Action": "s3:GetObject"')), /letters and digits/);
  });
});

describe('hover: nothing to show', () => {
  it('over a Sid value', () => {
    assert.equal(hoverAt(inStatement('"Sid": "Allow|Read", "Action": "s3:GetObject", "Resource": "*"')), undefined);
  });

  it('over punctuation, whitespace and numbers', () => {
    assert.equal(hoverAt(inStatement('"Action": "s3:GetObject",| "Resource": "*"')), undefined);
    const number = inStatement('"Action": "s3:GetObject", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": 36|00}}');
    assert.equal(hoverAt(number), undefined);
  });

  it('in a document that is not a policy', () => {
    assert.equal(hoverAt('{"name": "app", "dependencies": {"s3:Get|Object": "1.0.0"}}'), undefined);
    assert.equal(hoverAt('{"name": "app", "Action": "s3:Get|Object"}', { fileName: 'package.json' }), undefined);
    assert.equal(hoverAt('{"Effect": "Allow", "Action": "s3:Get|Object"}', { fileName: 'package.json' }), undefined);
    assert.equal(hoverAt(inStatement('"Action": "s3:Get|Object"'), { kindSetting: 'ignore' }), undefined);
  });

  it('never throws on bad input', () => {
    const texts = [
      '',
      '{',
      '"',
      '{"Statement": [{"Action": "s3:Get',
      '{"Statement": [{"Sid": "\ud800😀", "Action": "s3:GetObject"}]}',
      '{"Statement": [' + '['.repeat(10_000),
      '{"a":'.repeat(10_000),
    ];
    for (const text of texts) {
      for (const options of [{}, TRUST, { fileName: 'policy.json' }]) {
        for (const offset of [-1, 0, 1, text.length >> 1, text.length - 1, text.length, text.length + 5]) hoverText(text, offset, options);
      }
    }
  });
});
