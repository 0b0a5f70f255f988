import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { moduleFactsOf } from '../../server/src/core';
import { loadTerraform, lintTf, parseTf, policiesOf } from './terraformHelpers';

before(loadTerraform);

/** A resource holding a policy in an argument. */
const resource = (type: string, argument: string, value: string) => `resource "${type}" "this" {\n  ${argument} = ${value}\n}\n`;

describe('Terraform: jsonencode({...}) as JSON', () => {
  it('maps objects, tuples, strings, numbers, booleans and null; identifier and quoted keys', () => {
    const [policy] = policiesOf(
      resource(
        'aws_iam_policy',
        'policy',
        `jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "*"
      Condition = {
        NumericLessThan = { "aws:MultiFactorAuthAge" = 3600 }
        Bool            = { "aws:SecureTransport" = true }
        Null            = { "aws:TokenIssueTime" = null }
        "StringEquals"  = { "s3:x-amz-acl" = "bucket-owner-full-control" }
      }
    }]
  })`,
      ),
    );
    assert.deepEqual(policy, {
      id: 'aws_iam_policy.this.policy',
      kind: 'identity',
      json: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: '*',
            Condition: {
              NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
              Bool: { 'aws:SecureTransport': true },
              Null: { 'aws:TokenIssueTime': null },
              StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' },
            },
          },
        ],
      },
    });
  });

  it('decodes HCL escapes; $${aws:username} is the policy variable ${aws:username}, not an interpolation', () => {
    const [policy] = policiesOf(resource('aws_iam_policy', 'policy', 'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/home/$${aws:username}/*", Sid = "A\\u0042" }] })'));
    const statement = (policy.json as { Statement: Record<string, unknown>[] }).Statement[0];
    assert.equal(statement.Resource, 'arn:aws:s3:::b/home/${aws:username}/*');
    assert.equal(statement.Sid, 'AB');
    // A policy variable is known text: no finding on it, and it needs Version 2012-10-17 like in JSON.
    const noVersion = lintTf(resource('aws_iam_policy', 'policy', 'jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/home/$${aws:username}/*" }] })'));
    assert.deepEqual(
      noVersion.map((f) => [f.rule, f.at]),
      [
        ['missing-version', '{'],
        ['policy-variable-version', '"arn:aws:s3:::b/home/$${aws:username}/*"'],
      ],
    );
  });

  it('reads references, calls, conditionals and for expressions as unknown values, and interpolations as placeholders', () => {
    const [policy] = policiesOf(
      resource(
        'aws_iam_policy',
        'policy',
        `jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.actions
      Resource = ["\${aws_s3_bucket.b.arn}/*", aws_s3_bucket.b.arn, var.enabled ? "a" : "b", [for k in var.keys : k]]
      Sid      = upper(var.sid)
    }]
  })`,
      ),
    );
    const statement = (policy.json as { Statement: Record<string, unknown>[] }).Statement[0];
    assert.deepEqual(statement.Action, '${var.actions}');
    assert.deepEqual(statement.Resource, ['${aws_s3_bucket.b.arn}/*', '${aws_s3_bucket.b.arn}', '${var.enabled ? "a" : "b"}', '${[for k in var.keys : k]}']);
    assert.equal(statement.Sid, '${upper(var.sid)}');
  });

  it('keeps what concat() and merge() write, and knows there may be more', () => {
    const text = resource(
      'aws_iam_role',
      'assume_role_policy',
      `jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Action    = concat(["sts:AssumeRole"], var.extra_actions)
      Condition = merge({ Bool = { "aws:MultiFactorAuthPresent" = "true" } }, var.more_conditions)
    }]
  })`,
    );
    const statement = (policiesOf(text)[0].json as { Statement: Record<string, unknown>[] }).Statement[0];
    assert.deepEqual(statement.Action, ['sts:AssumeRole']);
    assert.deepEqual(statement.Condition, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    assert.deepEqual(lintTf(text), []);
  });

  it('spans: a finding covers the HCL value, quotes included, at its line', () => {
    const text = resource('aws_iam_policy', 'policy', 'jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "s3:GetObjects", Resource = "*" }]\n  })');
    assert.deepEqual(
      lintTf(text).map((f) => [f.rule, f.at, f.line]),
      [['unknown-action', '"s3:GetObjects"', 4]],
    );
  });

  it('offsets are UTF-16 code units, as in the editor, after non-ASCII text', () => {
    const text = `# Équipe données 😀\n${resource('aws_iam_policy', 'policy', 'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObjects", Resource = "*" }] })')}`;
    assert.deepEqual(
      lintTf(text).map((f) => f.at),
      ['"s3:GetObjects"'],
    );
  });
});

describe('Terraform: heredoc JSON', () => {
  const heredoc = (body: string, marker = '<<EOF') => resource('aws_iam_policy', 'policy', `${marker}\n${body}\n${marker.includes('-') ? '  ' : ''}EOF`);

  it('parses <<EOF and <<-EOF bodies with host offsets; a trailing comma is reported on the comma', () => {
    for (const marker of ['<<EOF', '<<-EOF']) {
      const text = heredoc('  {\n    "Version": "2012-10-17",\n    "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", }]\n  }', marker);
      assert.deepEqual(
        lintTf(text).map((f) => [f.rule, f.at, f.line]),
        [['json-syntax', ',', 5]],
        marker,
      );
    }
  });

  it('interpolations inside JSON strings are placeholders; outside strings they are unknown values, never a syntax error', () => {
    const text = heredoc(`{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "\${aws_s3_bucket.b.arn}/*" },
    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": \${jsonencode(var.bucket_arns)} },
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/\${var.map["key"]}" }
  ]
}`);
    assert.deepEqual(lintTf(text), []);
    const statements = (policiesOf(text)[0].json as { Statement: { Resource: string }[] }).Statement;
    assert.deepEqual(
      statements.map((s) => s.Resource),
      ['${aws_s3_bucket.b.arn}/*', '${jsonencode(var.bucket_arns)}', 'arn:aws:s3:::b/${var.map["key"]}'],
    );
  });

  it('$${aws:username} in a heredoc is the policy variable', () => {
    const text = heredoc('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/$${aws:username}/*"}]}');
    assert.equal((policiesOf(text)[0].json as { Statement: { Resource: string }[] }).Statement[0].Resource, 'arn:aws:s3:::b/${aws:username}/*');
  });

  it('template directives (%{ if }) make the policy incomplete, not a syntax error', () => {
    const text = heredoc('{"Version": "2012-10-17", "Statement": [%{ if var.read }{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}%{ endif }]}');
    assert.deepEqual(lintTf(text).filter((f) => f.rule === 'json-syntax'), []);
    assert.match(policiesOf(text)[0].incomplete ?? '', /directives/);
  });
});

describe('Terraform: data "aws_iam_policy_document"', () => {
  const data = (body: string, name = 'this') => `data "aws_iam_policy_document" "${name}" {\n${body}\n}\n`;

  it('renders statements as the AWS provider does: Effect Allow and Version 2012-10-17 by default, arguments to elements', () => {
    const [policy] = policiesOf(
      data(`  policy_id = "doc"
  statement {
    sid           = "Read"
    actions       = ["s3:GetObject"]
    not_resources = ["arn:aws:s3:::secret/*"]
  }
  statement {
    effect      = "Deny"
    not_actions = ["iam:*"]
    resources   = ["*"]
  }`),
    );
    assert.deepEqual(policy.json, {
      Version: '2012-10-17',
      Id: 'doc',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], NotResource: ['arn:aws:s3:::secret/*'] },
        { Effect: 'Deny', NotAction: ['iam:*'], Resource: ['*'] },
      ],
    });
  });

  it('merges principals blocks of one type, writes type "*" with ["*"] as "Principal": "*", and &{} as a policy variable', () => {
    const [policy] = policiesOf(
      data(`  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b/&{aws:userid}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
  }
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }`),
    );
    const [first, second] = (policy.json as { Statement: Record<string, unknown>[] }).Statement;
    assert.deepEqual(first.Principal, { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'], Service: ['cloudfront.amazonaws.com'] });
    assert.deepEqual(first.Resource, ['arn:aws:s3:::b/${aws:userid}/*']);
    assert.equal(second.Principal, '*');
  });

  it('merges condition blocks by test, then by variable (the values of one test and variable are ORed)', () => {
    const [policy] = policiesOf(
      data(`  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["a"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["b"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }`),
    );
    assert.deepEqual((policy.json as { Statement: Record<string, unknown>[] }).Statement[0].Condition, {
      StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'], 'aws:RequestedRegion': ['eu-west-1'] },
      Bool: { 'aws:SecureTransport': ['true'] },
    });
  });

  it('a finding on a default (Effect, Version) or a merged element lands on HCL the user wrote', () => {
    const text = data(`  statement {
    effect  = "allow"
    actions = ["s3:GetObject"]
    resources = ["*"]
  }`);
    assert.deepEqual(
      lintTf(text).map((f) => [f.rule, f.at]),
      [['invalid-effect', '"allow"']],
    );
  });

  it('dynamic "statement" makes the document incomplete: nothing that a statement not seen here could change is reported', () => {
    const text = `${data(`  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
  }
  dynamic "statement" {
    for_each = var.denies
    content {
      effect  = "Deny"
      actions = ["sts:AssumeRole"]
      principals {
        type        = "*"
        identifiers = ["*"]
      }
    }
  }`)}resource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.this.json\n}\n`;
    assert.match(policiesOf(text)[0].incomplete ?? '', /dynamic "statement"/);
    // A Deny of the dynamic statements could guard the account principal: not reported.
    assert.deepEqual(lintTf(text), []);
  });

  it('dynamic "condition" and dynamic "principals" leave those elements open', () => {
    const text = `${data(`  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
    }
    dynamic "condition" {
      for_each = var.subjects
      content {
        test     = "StringLike"
        variable = "token.actions.githubusercontent.com:sub"
        values   = condition.value
      }
    }
  }`)}resource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.this.json\n}\n`;
    // The dynamic condition may pin the subject and the audience: no missing-sub, no missing-aud.
    assert.deepEqual(lintTf(text), []);
  });

  it('source_policy_documents of the same module are merged: a statement with the same Sid replaces the source one', () => {
    const text = `${data(
      `  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Write"
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }`,
      'base',
    )}${data(
      `  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid       = "Write"
    actions   = ["s3:DeleteObject"]
    resources = ["arn:aws:s3:::b/*"]
  }`,
      'merged',
    )}`;
    const merged = policiesOf(text).find((p) => p.id === 'data.aws_iam_policy_document.merged');
    assert.deepEqual((merged?.json as { Statement: { Sid: string; Action: string[] }[] }).Statement.map((s) => [s.Sid, s.Action]), [
      ['Read', ['s3:GetObject']],
      ['Write', ['s3:DeleteObject']],
    ]);
    assert.equal(merged?.incomplete, undefined);
  });

  it('documents merged in from outside the module make the document incomplete', () => {
    const text = data(`  source_policy_documents = [var.base_json]
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }`);
    assert.match(policiesOf(text)[0].incomplete ?? '', /source_policy_documents/);
  });
});

describe('Terraform: where policies are and what kind each is', () => {
  it('gives each argument its kind: trust for assume_role_policy, identity for IAM policies, resource for resource policies', () => {
    const text = [
      resource('aws_iam_role', 'assume_role_policy', 'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })'),
      resource('aws_iam_role_policy', 'policy', 'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })'),
      resource('aws_kms_key', 'policy', 'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }] })'),
      resource('aws_opensearch_domain', 'access_policies', 'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "es:ESHttpGet", Resource = "*" }] })'),
      'resource "aws_iam_role" "inline" {\n  inline_policy {\n    name   = "x"\n    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })\n  }\n}\n',
    ].join('\n');
    assert.deepEqual(
      policiesOf(text).map((p) => [p.id, p.kind]),
      [
        ['aws_iam_role.this.assume_role_policy', 'trust'],
        ['aws_iam_role_policy.this.policy', 'identity'],
        ['aws_kms_key.this.policy', 'resource'],
        ['aws_opensearch_domain.this.access_policies', 'resource'],
        ['aws_iam_role.inline.inline_policy[0].policy', 'identity'],
      ],
    );
  });

  it('gives a data document the kind of the argument that uses it: in the same file, or in another file of the module', () => {
    const document = 'data "aws_iam_policy_document" "assume" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "Service"\n      identifiers = ["ec2.amazonaws.com"]\n    }\n  }\n}\n';
    const use = 'resource "aws_iam_role" "r" {\n  name               = "app"\n  assume_role_policy = var.custom != null ? var.custom : data.aws_iam_policy_document.assume.json\n}\n';
    assert.deepEqual(policiesOf(document + use).map((p) => p.kind), ['trust']);
    assert.deepEqual(policiesOf(document, [moduleFacts(use)]).map((p) => p.kind), ['trust']);
    // Alone, a document with principals and an sts action reads as a trust policy by its content.
    assert.deepEqual(policiesOf(document).map((p) => [p.kind]), [['trust']]);
  });

  it('reads policies in other places by their content, and leaves alone what is not an IAM policy', () => {
    const text = [
      'locals {\n  read = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })\n}\n',
      'module "role" {\n  source = "./role"\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })\n}\n',
      // An SNS data protection policy has Statement too, but it is not IAM's.
      'resource "aws_sns_topic" "t" {\n  data_protection_policy = jsonencode({ Name = "p", Version = "2021-06-01", Statement = [{ DataDirection = "Inbound" }] })\n}\n',
      // Organizations policies get their own kinds with issue [10].
      'resource "aws_organizations_policy" "scp" {\n  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })\n}\n',
    ].join('\n');
    assert.deepEqual(
      policiesOf(text).map((p) => [p.id, p.kind]),
      [
        ['local.read', 'identity'],
        ['module.role.policy', 'identity'],
      ],
    );
  });

  it('file("...") and templatefile("...") give that file its kind', () => {
    const parsed = parseTf('resource "aws_iam_role" "r" {\n  assume_role_policy = file("${path.module}/policies/trust.json")\n}\nresource "aws_iam_policy" "p" {\n  policy = templatefile("perms.json.tpl", { bucket = var.bucket })\n}\n');
    assert.deepEqual(parsed.fileKinds, [
      { path: 'policies/trust.json', kind: 'trust' },
      { path: 'perms.json.tpl', kind: 'identity' },
    ]);
  });
});

/** The facts a file gives the other files of its module. */
function moduleFacts(text: string) {
  const parsed = parseTf(text);
  const facts = moduleFactsOf(parsed);
  assert.ok(facts);
  return facts;
}
