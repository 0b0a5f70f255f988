import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { completeTf, fixTf, lintTf, loadTerraform, parseTf, seriousRules, terraformService } from './terraformHelpers';

before(loadTerraform);

const jsonencodeTrust = (statement: string) => `resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
${statement}
      }
    ]
  })
}
`;

const dataTrust = (statement: string) => `data "aws_iam_policy_document" "trust" {
  statement {
${statement}
  }
}

resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;

describe('Terraform completion', () => {
  it('completes action names in jsonencode strings, in a list or alone, closed or not', () => {
    for (const line of ['        Action = ["s3:GetOb|"]', '        Action = "s3:GetOb|"', '        Action = ["s3:GetOb|']) {
      const text = `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      {\n        Effect = "Allow"\n${line}\n        Resource = "*"\n      }\n    ]\n  })\n}\n`;
      const completed = completeTf(text);
      assert.ok(completed.labels.includes('s3:GetObject'), line);
      assert.match(completed.applied('s3:GetObject'), /Action = \[?"s3:GetObject"/, line);
    }
  });

  it('completes statement keys in jsonencode as HCL members, with a value to fill in', () => {
    const completed = completeTf(jsonencodeTrust('        Effect = "Allow"\n        Princ|\n        Action = "sts:AssumeRole"'));
    assert.ok(completed.labels.includes('Principal'), completed.labels.join(', '));
    assert.match(completed.applied('Principal'), /\n {8}Principal = \{\n\t"AWS" = ""\n\}|Principal = \{\n\tAWS = ""\n\}/);
  });

  it('completes condition keys in jsonencode as quoted HCL keys', () => {
    const completed = completeTf(jsonencodeTrust('        Effect    = "Allow"\n        Principal = { AWS = "arn:aws:iam::444455556666:root" }\n        Action    = "sts:AssumeRole"\n        Condition = {\n          Bool = { "aws:MultiFactorAuthPre|" = "true" }\n        }'));
    assert.match(completed.applied('aws:MultiFactorAuthPresent'), /Bool = \{ "aws:MultiFactorAuthPresent" = "true" \}/);
  });

  it('completes the values of a data source: actions, test operators, variable keys, principal types and identifiers', () => {
    assert.ok(completeTf(dataTrust('    actions = ["sts:Assume|"]')).labels.includes('sts:AssumeRole'));
    const withBlock = (inner: string) =>
      dataTrust(`    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::444455556666:root"]\n    }\n    condition {\n${inner}\n    }`);
    const test = completeTf(withBlock('      test     = "StringEq|"\n      variable = "sts:ExternalId"\n      values   = ["x"]'));
    assert.equal(test.applied('StringEquals').includes('test     = "StringEquals"'), true);
    const variable = completeTf(withBlock('      test     = "Bool"\n      variable = "aws:MultiFactor|"\n      values   = ["true"]'));
    assert.ok(variable.labels.includes('aws:MultiFactorAuthPresent'), variable.labels.join(', '));
    const values = completeTf(withBlock('      test     = "Bool"\n      variable = "aws:MultiFactorAuthPresent"\n      values   = ["|"]'));
    assert.ok(values.labels.includes('true'), values.labels.join(', '));
    const type = completeTf(dataTrust('    actions = ["sts:AssumeRoleWithWebIdentity"]\n    principals {\n      type        = "|"\n      identifiers = ["x"]\n    }'));
    assert.deepEqual(type.labels.slice(0, 3).sort(), ['AWS', 'Federated', 'Service']);
    const identifiers = completeTf(dataTrust('    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "Service"\n      identifiers = ["lambda.|"]\n    }'));
    assert.ok(identifiers.labels.includes('lambda.amazonaws.com'), identifiers.labels.slice(0, 10).join(', '));
  });

  it('writes a policy variable typed in a completion as $${...}, which HCL keeps literal', () => {
    const completed = completeTf(`resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*", Condition = { StringEquals = { "aws:username" = "|" } } }]\n  })\n}\n`);
    for (const label of completed.labels) assert.doesNotMatch(completed.applied(label), /[^$]\$\{aws:/, label);
  });

  it('completes nothing outside policies', () => {
    assert.deepEqual(completeTf('resource "aws_instance" "i" {\n  ami = "ami-|"\n}\n').labels, []);
  });
});

describe('Terraform quick fixes write HCL', () => {
  it('adds an ExternalId to a jsonencode statement as a member aligned with its siblings', () => {
    const text = jsonencodeTrust('        Effect    = "Allow"\n        Principal = { AWS = "arn:aws:iam::444455556666:root" }\n        Action    = "sts:AssumeRole"');
    const fixed = fixTf(text, 'trust-cross-account-unconditioned', 'Require the ExternalId');
    assert.match(fixed, /\n {8}Action {4}= "sts:AssumeRole"\n {8}Condition = \{ StringEquals = \{ "sts:ExternalId" = "[A-Za-z0-9]{32,}" \} \}\n {6}\}/);
    assert.deepEqual(seriousRules(fixed), []);
  });

  it('merges into an existing Condition map of jsonencode', () => {
    const text = jsonencodeTrust('        Effect    = "Allow"\n        Principal = { AWS = "arn:aws:iam::444455556666:root" }\n        Action    = "sts:AssumeRole"\n        Condition = {\n          StringLike = { "aws:PrincipalArn" = "*" }\n        }');
    const fixed = fixTf(text, 'trust-cross-account-unconditioned', 'Require MFA (aws');
    assert.match(fixed, /Condition = \{\n {10}StringLike = \{ "aws:PrincipalArn" = "\*" \}\n {10}Bool {7}= \{ "aws:MultiFactorAuthPresent" = "true" \}\n {8}\}/);
    assert.deepEqual(seriousRules(fixed), []);
  });

  it('adds a condition block to a data source statement, and changes BoolIfExists to Bool in its test', () => {
    const text = dataTrust('    actions = ["sts:AssumeRole"]\n\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::444455556666:root"]\n    }');
    const fixed = fixTf(text, 'trust-cross-account-unconditioned', 'Require the ExternalId');
    assert.match(fixed, /\n {4}\}\n\n {4}condition \{\n {6}test {5}= "StringEquals"\n {6}variable = "sts:ExternalId"\n {6}values {3}= \["[A-Za-z0-9]{32,}"\]\n {4}\}\n {2}\}\n\}/);
    assert.deepEqual(seriousRules(fixed), []);
    const ifExists = dataTrust('    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::444455556666:root"]\n    }\n    condition {\n      test     = "BoolIfExists"\n      variable = "aws:MultiFactorAuthPresent"\n      values   = ["true"]\n    }');
    const bool = fixTf(ifExists, 'mfa-if-exists', 'Change BoolIfExists to Bool');
    assert.ok(bool.includes('      test     = "Bool"\n'), bool);
    assert.deepEqual(seriousRules(bool), []);
  });

  it('removes an item from a data source list and a Resource argument from a trust statement', () => {
    const text = 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions = [\n      "s3:Get*",\n      "s3:GetObject",\n      "s3:ListBucket",\n    ]\n    resources = ["*"]\n  }\n}\n';
    assert.equal(fixTf(text, 'redundant-action', 'Remove "s3:GetObject"'), text.replace('      "s3:GetObject",\n', ''));
    const trust = dataTrust('    actions   = ["sts:AssumeRole"]\n    resources = ["*"]\n    principals {\n      type        = "Service"\n      identifiers = ["ec2.amazonaws.com"]\n    }');
    assert.equal(fixTf(trust, 'trust-has-resource', 'Remove'), trust.replace('    resources = ["*"]\n', ''));
  });

  it('fixes a heredoc as JSON, keeping its interpolations and escaping ${ for the template', () => {
    const text = 'resource "aws_iam_role" "r" {\n  assume_role_policy = <<-EOF\n    {\n      "Version": "2012-10-17",\n      "Statement": [{\n        "Effect": "Allow",\n        "Principal": { "AWS": "arn:aws:iam::${var.account}:root" },\n        "Action": "sts:AssumeRole"\n      }]\n    }\n  EOF\n}\n';
    const fixed = fixTf(text, 'trust-cross-account-unconditioned', 'Require MFA (aws');
    assert.ok(fixed.includes('"Principal": { "AWS": "arn:aws:iam::${var.account}:root" },'), fixed);
    assert.ok(fixed.includes('"Condition": {'), fixed);
    assert.deepEqual(seriousRules(fixed), []);
  });

  it('"did you mean" replaces an HCL string with an HCL string', () => {
    const text = 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions   = ["s3:GetObjects"]\n    resources = ["*"]\n  }\n}\n';
    assert.equal(fixTf(text, 'unknown-action', 'Change to "s3:GetObject"'), text.replace('s3:GetObjects', 's3:GetObject'));
  });
});

describe('Terraform: values only known when Terraform runs never raise a finding', () => {
  const cases: Record<string, string> = {
    'an Effect from a variable': jsonencodeTrust('        Effect    = var.effect\n        Principal = { AWS = "*" }\n        Action    = "sts:AssumeRole"'),
    'a Sid with an interpolation': jsonencodeTrust('        Sid       = "Allow${var.suffix}"\n        Effect    = "Allow"\n        Principal = { Service = "ec2.amazonaws.com" }\n        Action    = "sts:AssumeRole"'),
    'a Condition from a variable': jsonencodeTrust('        Effect    = "Allow"\n        Principal = { AWS = "arn:aws:iam::444455556666:root" }\n        Action    = "sts:AssumeRole"\n        Condition = var.conditions'),
    'an operator and a key from variables': jsonencodeTrust('        Effect    = "Allow"\n        Principal = { AWS = "arn:aws:iam::444455556666:root" }\n        Action    = "sts:AssumeRole"\n        Condition = { (var.operator) = { (var.key) = "x" } }'),
    'claim keys built from the provider URL': jsonencodeTrust('        Effect    = "Allow"\n        Principal = { Federated = aws_iam_openid_connect_provider.eks.arn }\n        Action    = "sts:AssumeRoleWithWebIdentity"\n        Condition = {\n          StringEquals = {\n            "${replace(var.url, "https://", "")}:sub" = "system:serviceaccount:kube-system:aws-node"\n            "${replace(var.url, "https://", "")}:aud" = "sts.amazonaws.com"\n          }\n        }'),
    'principals from a variable': jsonencodeTrust('        Effect    = "Allow"\n        Principal = { AWS = var.trusted_arns }\n        Action    = "sts:AssumeRole"'),
    'a statement from a variable next to a known one': `resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::444455556666:root" }, Action = "sts:AssumeRole" },\n      var.deny_statement,\n    ]\n  })\n}\n`,
    'the whole Statement list from a variable': 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = var.statements\n  })\n}\n',
    'actions and resources from variables': 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = var.actions, Resource = [for b in var.buckets : "arn:aws:s3:::${b}/*"] }] })\n}\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      assert.deepEqual(lintTf(text).filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
    });
  }

  it('an unknown value of a known condition key adds no key: a missing audience is still missing', () => {
    const text = dataTrust('    actions = ["sts:AssumeRoleWithWebIdentity"]\n    principals {\n      type        = "Federated"\n      identifiers = [aws_iam_openid_connect_provider.github.arn]\n    }\n    condition {\n      test     = "StringLike"\n      variable = "token.actions.githubusercontent.com:sub"\n      values   = local.subjects\n    }');
    assert.deepEqual(seriousRules(text), ['trust-oidc-missing-aud']);
  });

  it('format() keeps its literal parts: "%s:sub" names the subject claim of whatever issuer', () => {
    const text = dataTrust('    actions = ["sts:AssumeRoleWithWebIdentity"]\n    principals {\n      type        = "Federated"\n      identifiers = [format("arn:aws:iam::%s:oidc-provider/%s", var.account, local.issuer)]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = format("%s:sub", local.issuer)\n      values   = ["system:serviceaccount:kube-system:external-dns"]\n    }');
    assert.deepEqual(seriousRules(text), ['trust-oidc-missing-aud']);
  });

  it('but known values next to unknown ones are still judged', () => {
    const text = 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:GetObjects", var.more], Resource = "*" }] })\n}\n';
    assert.deepEqual(
      lintTf(text).map((f) => [f.rule, f.at]),
      [['unknown-action', '"s3:GetObjects"']],
    );
    // A public trust with an unknown action list next to it is still public.
    const open = jsonencodeTrust('        Effect    = "Allow"\n        Principal = "*"\n        Action    = concat(["sts:AssumeRole"], var.more)');
    assert.ok(seriousRules(open).includes('public-principal'));
  });
});

describe('Terraform: typing', () => {
  const module = `resource "aws_iam_role" "a" {
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_policy" "b" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "c" {
  statement {
    actions   = ["s3:GetObjects"]
    resources = ["*"]
  }
}
`;
  const rulesOf = (text: string, previous?: ReturnType<typeof parseTf>) =>
    terraformService()
      .analyze(terraformService().parse(text, { dialect: 'terraform', ...(previous ? { previous } : {}) }))
      .findings.map((f) => `${f.rule}@${text.slice(f.offset, f.offset + f.length)}`);

  it('an open string or bracket under the cursor keeps the findings of the other blocks', () => {
    const baseline = rulesOf(module);
    assert.deepEqual(baseline, ['public-principal@"*"', 'unknown-action@"s3:GetObjects"']);
    for (const broken of [module.replace('["s3:GetObject"]', '["s3:GetOb'), module.replace('["s3:GetObject"]', '["s3:GetObject",'), module.replace('      Resource = "*"\n    }]', '      Resource = "*"\n')]) {
      const previous = terraformService().parse(module, { dialect: 'terraform' });
      const found = rulesOf(broken, previous);
      for (const kept of baseline) assert.ok(found.includes(kept), `${kept} lost in:\n${broken}\n${found.join(', ')}`);
    }
  });

  it('a policy kept while its file is broken offers no fix until the file parses again', () => {
    const service = terraformService();
    const previous = service.parse(module, { dialect: 'terraform' });
    // A heredoc opened and not closed yet: the rest of the file is its text, for the parser too.
    const broken = module.replace('resource "aws_iam_policy" "b" {\n', 'resource "aws_iam_policy" "b" {\n  description = <<EOT\n');
    const parsed = service.parse(broken, { dialect: 'terraform', previous });
    const kept = service.analyze(parsed).findings.find((f) => f.rule === 'unknown-action');
    assert.ok(kept, 'the finding of the data source below the broken block is kept');
    assert.deepEqual(service.quickFixes(parsed, kept), []);
    assert.equal(service.complete(parsed, kept.offset + 4), undefined);
  });

  it('parses the same tree incrementally as from scratch, edit after edit', () => {
    let text = module;
    let previous = terraformService().parse(text, { dialect: 'terraform' });
    const edits: [string, string][] = [
      ['"s3:GetObject"', '"s3:GetObject", "s3:PutObject"'],
      ['Principal = { AWS = "*" }', 'Principal = { AWS = "arn:aws:iam::444455556666:root" }'],
      ['s3:GetObjects', 's3:GetObjéct😀'],
      ['data "aws_iam_policy_document" "c"', '# données\ndata "aws_iam_policy_document" "c"'],
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const incremental = terraformService().parse(text, { dialect: 'terraform', previous });
      const fresh = terraformService().parse(text, { dialect: 'terraform' });
      assert.deepEqual(
        terraformService().analyze(incremental).findings,
        terraformService().analyze(fresh).findings,
        to,
      );
      fresh.dispose?.();
      previous = incremental;
    }
    previous.dispose?.();
  });
});

describe('Terraform and JSON agree', () => {
  /** Each policy of a Terraform text rendered to JSON and analysed as a JSON file of its kind. */
  it('a policy in jsonencode, in a heredoc and in a data source gets the findings a JSON copy gets', () => {
    const text = `${jsonencodeTrust('        Effect    = "Allow"\n        Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }\n        Action    = "sts:AssumeRole"\n        Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = "repo:acme/*" } }')}
resource "aws_iam_policy" "h" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:PassRole", "s3:GetObjcet"], "Resource": "*"}]}
EOF
}

data "aws_iam_policy_document" "bucket" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:CurrentTime"
      values   = ["2026-01-01T00:00:00Z"]
    }
  }
}

resource "aws_s3_bucket_policy" "b" {
  bucket = "b"
  policy = data.aws_iam_policy_document.bucket.json
}
`;
    const parsed = parseTf(text);
    const service = terraformService();
    const analysis = service.analyze(parsed);
    for (const policy of analysis.policies) {
      const unit = parsed.units.find((u) => u.id === policy.id);
      assert.ok(unit?.policyText);
      const json = service.parse(JSON.stringify(JSON.parse(unit.policyText()), null, 2));
      const copy = service.analyze(json, { kindSetting: policy.kind });
      const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule).sort();
      assert.deepEqual(rules(analysis.findings.filter((f) => f.policy === policy.id)), rules(copy.findings), policy.id);
      assert.ok(copy.findings.length > 0, policy.id);
    }
  });
});
