import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { graph } from '../../server/src/core';
import { completeTf, lintTf, loadTerraform, parseTf, terraformService } from './terraformHelpers';

before(loadTerraform);

/** Hostile Terraform: none may throw, hang or overflow the stack, in analysis, completion, hover or fixes. */
const HOSTILE: [string, string][] = [
  ['empty', ''],
  ['garbage and NULs', '\u0000\u0001}{][ resource "x" {{{ = = ='],
  ['an unclosed heredoc', 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{"Version": "2012-10-17",\n'],
  ['a heredoc without a body line', 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\nEOF\n}\n'],
  ['10,000 nested lists in jsonencode', `resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = ${'['.repeat(10_000)}${']'.repeat(10_000)} })\n}\n`],
  ['10,000 nested objects in jsonencode', `resource "aws_iam_policy" "p" {\n  policy = jsonencode(${'{ a = '.repeat(10_000)}1${' }'.repeat(10_000)})\n}\n`],
  ['10,000 nested lists in a heredoc', `resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{"Statement": ${'['.repeat(10_000)}\nEOF\n}\n`],
  ['5,000 lines with an open string each', Array.from({ length: 5_000 }, (_, i) => `x${i} = "open`).join('\n')],
  ['a storm of interpolations', `resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "${'${'.repeat(20_000)}", Resource = "*" }] })\n}\n`],
  ['lone surrogates and odd Unicode', 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "a\uD800", Effect = "Allow\u202E", Action = "s3:Get\uFEFFObject", Resource = "*" }] })\n}\n'],
  ['CRLF line ends and a BOM', '\ufeffresource "aws_iam_role" "r" {\r\n  assume_role_policy = jsonencode({\r\n    Version = "2012-10-17"\r\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::444455556666:root" }, Action = "sts:AssumeRole" }]\r\n  })\r\n}\r\n'],
  ['wrong types everywhere', 'data "aws_iam_policy_document" "d" {\n  version = 42\n  statement {\n    effect = ["Allow"]\n    actions = { a = 1 }\n    resources = "x"\n    principals {\n      type = 1\n      identifiers = {}\n    }\n    condition {\n      test = []\n      variable = null\n      values = 3\n    }\n  }\n}\nresource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.d.json\n}\n'],
  ['a data source merging itself', 'data "aws_iam_policy_document" "a" {\n  source_policy_documents = [data.aws_iam_policy_document.a.json]\n  statement {\n    actions = ["s3:GetObject"]\n    resources = ["*"]\n  }\n}\n'],
  ['blocks in attributes, Terraform 0.11 style', 'data "aws_iam_policy_document" "d" {\n  statement = {\n    actions = ["s3:GetObject"]\n  }\n}\n'],
];

describe('Terraform: bad input never throws', () => {
  for (const [name, text] of HOSTILE) {
    it(`copes with ${name}`, () => {
      const service = terraformService();
      const parsed = parseTf(text);
      const analysis = service.analyze(parsed);
      for (const f of analysis.findings) {
        assert.ok(f.message.length > 0);
        assert.ok(f.offset >= 0 && f.offset + f.length <= text.length, `${f.rule} at ${f.offset}+${f.length} of ${text.length}`);
        service.quickFixes(parsed, f);
      }
      for (const offset of [0, Math.floor(text.length / 2), text.length]) {
        service.complete(parsed, offset);
        service.hover(parsed, offset);
      }
      service.explainTrust(parsed);
      graph.buildTrustGraph(service.graphFacts(parsed).map((facts) => ({ path: 'x.tf', facts })));
      parsed.dispose?.();
    });
  }

  it('reports nesting deeper than IAM policies go, at its place, and reads no further', () => {
    const text = HOSTILE.find(([name]) => name === '10,000 nested lists in jsonencode')?.[1] ?? '';
    const deep = terraformService().analyze(parseTf(text)).findings.filter((f) => f.rule === 'hcl-syntax');
    assert.equal(deep.length, 1);
    assert.match(deep[0].message, /more than 64 levels deep/);
    assert.equal(text.slice(deep[0].offset, deep[0].offset + 1), '[');
  });

  it('still completes after hostile text elsewhere in the file', () => {
    const completed = completeTf(`${'x = "open\n'.repeat(200)}data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["s3:GetObj|"]\n    resources = ["*"]\n  }\n}\n`);
    assert.ok(completed.labels.includes('s3:GetObject'));
  });
});

describe('Terraform: a syntax error hides nothing outside its block', () => {
  const OPEN_TRUST = `resource "aws_iam_role" "open" {
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sts:AssumeRole" }]
  })
}
`;

  it('a quote too many in one block: the block says where, the blocks after it are still analysed', () => {
    const text = `data "aws_iam_policy_document" "deploy" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity, "sts:TagSession"
    ]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  assume_role_policy = data.aws_iam_policy_document.deploy.json
}

${OPEN_TRUST}`;
    const findings = lintTf(text);
    assert.deepEqual(
      findings.filter((f) => f.rule === 'public-principal').map((f) => [f.policy, f.line, f.at]),
      [['aws_iam_role.open.assume_role_policy', 20, '"*"']],
    );
    const broken = findings.filter((f) => f.policy === 'data.aws_iam_policy_document.deploy');
    assert.ok(broken.some((f) => f.rule === 'hcl-syntax' && f.line === 4), JSON.stringify(broken));
    // What the error swallowed (the principals block) is not reported missing.
    assert.deepEqual(broken.filter((f) => f.rule === 'missing-principal' || f.rule.startsWith('trust-oidc')), []);
  });

  it('a block whose closing brace is not typed yet does not swallow the blocks after it', () => {
    const text = `resource "aws_iam_policy" "read" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })

${OPEN_TRUST}`;
    assert.deepEqual(
      parseTf(text).units.map((u) => u.id),
      ['aws_iam_policy.read.policy', 'aws_iam_role.open.assume_role_policy'],
    );
    assert.deepEqual(
      lintTf(text).map((f) => [f.rule, f.line]),
      [['public-principal', 10]],
    );
  });

  it('a statement with a part that does not parse is not judged for what that part may hold', () => {
    // The Condition lacks an "=": it is not read, but it is written, so no "no condition" warning.
    const text = `resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Condition = { StringEquals { "sts:ExternalId" = "4bA9cQ2x7LmN0pR5sT8vW1yZ3dF6gH" } }
    }]
  })
}
`;
    assert.deepEqual(
      lintTf(text).map((f) => [f.rule, f.line, f.at]),
      [
        ['hcl-syntax', 8, 'StringEquals'],
        ['hcl-syntax', 8, '{ "sts:ExternalId" = "4bA9cQ2x7LmN0pR5sT8vW1yZ3dF6gH" }'],
      ],
    );
  });
});

describe('Terraform: size quotas', () => {
  it('measures the rendered policy, and says "about" when it counts unknown values as written', () => {
    const statements = Array.from({ length: 80 }, (_, i) => `{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::bucket-${i}/\${var.prefix_${i}}/*" }`).join(',\n      ');
    const text = `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      ${statements}\n    ]\n  })\n}\n`;
    const size = lintTf(text).find((f) => f.rule === 'policy-size');
    assert.ok(size);
    assert.equal(size.at, '{');
    const message = terraformService().analyze(parseTf(text)).findings.find((f) => f.rule === 'policy-size')?.message ?? '';
    assert.match(message, /^The policy is about [\d,]+ characters without whitespace/);
    // The whole file is much longer than the policy: a quota is never measured on it.
    const small = `${'# comment line of a long file\n'.repeat(2_000)}resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })\n}\n`;
    assert.deepEqual(lintTf(small), []);
  });
});

describe('Terraform: the trust graph', () => {
  const build = (text: string) => {
    const parsed = parseTf(text);
    return graph.buildTrustGraph(terraformService().graphFacts(parsed).map((facts) => ({ path: 'main.tf', relativePath: 'main.tf', facts })));
  };

  it('names roles by their name, else their resource, and draws their principals; grants from attached policies reach them', () => {
    const g = build(`resource "aws_iam_role" "audit" {
  name = "SecurityAudit"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::\${var.auditors}:root" }, Action = "sts:AssumeRole", Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } } }]
  })
}

variable "auditors" {
  default = "444455556666"
}

resource "aws_iam_role" "unnamed" {
  assume_role_policy = data.aws_iam_policy_document.ec2.json
}

data "aws_iam_policy_document" "ec2" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_group" "ops" {
  name = "ops"
}

resource "aws_iam_group_policy" "ops" {
  group  = aws_iam_group.ops.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = aws_iam_role.audit.arn }] })
}
`);
    const edges = g.edges.map((e) => `${e.kind} ${e.from} -> ${e.to} ${e.conditions.join('|')}`).sort();
    assert.deepEqual(edges, [
      'grant policy:main.tf#aws_iam_group_policy.ops.policy -> role::SecurityAudit ',
      'trust account:444455556666 -> role::SecurityAudit MFA',
      'trust service:ec2.amazonaws.com -> role::unnamed ',
    ]);
    const policy = g.nodes.find((n) => n.kind === 'policy');
    assert.equal(policy?.label, 'aws_iam_group_policy.ops');
    assert.match(policy?.detail ?? '', /attached to group:ops/);
  });

  it('one trust document used by two roles is the trust policy of both', () => {
    const g = build(`data "aws_iam_policy_document" "lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}
resource "aws_iam_role" "a" {
  name               = "a"
  assume_role_policy = data.aws_iam_policy_document.lambda.json
}
resource "aws_iam_role" "b" {
  name               = "b"
  assume_role_policy = data.aws_iam_policy_document.lambda.json
}
`);
    assert.deepEqual(g.edges.map((e) => e.to).sort(), ['role::a', 'role::b']);
  });
});

describe('Terraform: versions of a document being edited', () => {
  it('a version parsed from the previous one does not keep the one before alive', async () => {
    // A full collection, on demand: the flag is set here so that the test needs no special runner.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const service = terraformService();
    const version = (n: number) => `data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::bucket-${n}/*"]
  }
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
resource "aws_iam_policy" "q" {
  policy = data.aws_iam_policy_document.d.json
}
`;
    // The jsonencode block never changes, so each version reuses its unit: the chain would run through it.
    let current = service.parse(version(0), { dialect: 'terraform' });
    service.analyze(current);
    const first = new WeakRef(current);
    for (let n = 1; n <= 3; n++) {
      current = service.parse(version(n), { dialect: 'terraform', previous: current });
      service.analyze(current);
    }
    // WeakRefs hold their target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    assert.equal(first.deref(), undefined, 'the first version is still reachable from the last');
    assert.equal(current.units.length, 2);
  });
});
