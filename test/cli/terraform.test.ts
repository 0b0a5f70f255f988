import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseJsonReport, runCli, TempDir } from './run';

/** A module split across files as people split them: the role in main.tf, its documents in iam.tf. */
const MAIN = `resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role" "legacy" {
  name               = "legacy"
  assume_role_policy = file("\${path.module}/policies/legacy-trust.json")
}
`;

const IAM = `data "aws_iam_policy_document" "assume" {
  statement {
    actions   = ["sts:AssumeRole"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
  }
}
`;

/** Read as a trust policy because main.tf names it in an assume_role_policy. */
const LEGACY_TRUST = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}]}\n';

describe('iam-policy with Terraform files', () => {
  const dir = new TempDir();
  before(() => {
    dir.write('infra/main.tf', MAIN);
    dir.write('infra/iam.tf', IAM);
    dir.write('infra/variables.tf', 'variable "region" {\n  default = "eu-west-1"\n}\n');
    dir.write('infra/policies/legacy-trust.json', LEGACY_TRUST);
    dir.write('infra/.terraform/modules/vpc/main.tf', MAIN.replace('deploy', 'copied'));
  });
  after(() => dir.remove());

  it('walks folders into .tf files, skipping .terraform/, and reads each with the files of its module', () => {
    const result = runCli(['lint', '--format', 'json', 'infra'], { cwd: dir.root });
    assert.equal(result.status, 1, result.stderr);
    const report = parseJsonReport(result);
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['infra/iam.tf', 'infra/policies/legacy-trust.json'],
    );
    const iam = report.files[0];
    assert.deepEqual([iam.kind, iam.dialect, iam.policies?.map((p) => [p.id, p.kind])], [null, 'terraform', [['data.aws_iam_policy_document.assume', 'trust']]]);
    // A trust policy: "resources" is not allowed, and the account root has no condition.
    assert.deepEqual(
      iam.findings.map((f) => [f.rule, f.policy, f.range.start.line + 1, f.range.start.character + 1]),
      [
        ['trust-has-resource', 'data.aws_iam_policy_document.assume', 4, 5],
        ['trust-cross-account-unconditioned', 'data.aws_iam_policy_document.assume', 8, 22],
      ],
    );
    // file("${path.module}/policies/legacy-trust.json") in an assume_role_policy: a trust policy.
    assert.deepEqual(
      report.files[1].findings.map((f) => f.rule),
      ['trust-has-resource'],
    );
  });

  it('reads one .tf file named on the command line with its module too, and prints host line:column', () => {
    const result = runCli(['lint', 'infra/iam.tf'], { cwd: dir.root });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^infra\/iam\.tf:4:5 {2}error {2}"Resource" is not allowed in a trust policy/m);
    // A .tf file without a policy is only mentioned when named.
    assert.match(runCli(['lint', 'infra/variables.tf'], { cwd: dir.root }).stdout, /^Skipped \(not IAM policies\): infra\/variables\.tf$/m);
    assert.doesNotMatch(runCli(['lint', 'infra'], { cwd: dir.root }).stdout, /variables\.tf/);
  });

  it('writes SARIF results located in the .tf file, naming the policy', () => {
    const result = runCli(['lint', '--format', 'sarif', 'infra/iam.tf'], { cwd: dir.root });
    const sarif = JSON.parse(result.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; properties: { policy?: string; kind?: string } }[] }[] };
    const results = sarif.runs[0].results;
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine, r.properties.policy, r.properties.kind]),
      [
        ['trust-has-resource', 'infra/iam.tf', 4, 'data.aws_iam_policy_document.assume', 'trust'],
        ['trust-cross-account-unconditioned', 'infra/iam.tf', 8, 'data.aws_iam_policy_document.assume', 'trust'],
      ],
    );
  });

  it('explains who can assume each Terraform role', () => {
    const result = runCli(['explain', '--format', 'json', 'infra'], { cwd: dir.root });
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { files: { path: string; statements: { line: number; summary: string; policy?: string }[] }[] };
    const iam = report.files.find((f) => f.path === 'infra/iam.tf');
    assert.deepEqual(
      iam?.statements.map((s) => [s.line, s.policy, s.summary]),
      [[2, 'data.aws_iam_policy_document.assume', 'Any principal in account 444455556666 whose own policies allow sts:AssumeRole on this role']],
    );
  });

  it('draws the Terraform roles in the graph, named by their name', () => {
    const result = runCli(['graph', 'infra'], { cwd: dir.root });
    assert.equal(result.status, 0, result.stderr);
    const graph = JSON.parse(result.stdout) as { edges: { from: string; to: string }[] };
    assert.deepEqual(graph.edges.map((e) => `${e.from} -> ${e.to}`).sort(), ['account:444455556666 -> role::deploy', 'service:ec2.amazonaws.com -> role::legacy']);
  });

  it('fails a file with a syntax error in one block on the public trust policy of another', () => {
    dir.write('broken/main.tf', `resource "aws_iam_policy" "read" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject, "s3:ListBucket"], Resource = "*" }]
  })
}

resource "aws_iam_role" "open" {
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sts:AssumeRole" }]
  })
}
`);
    const result = runCli(['lint', 'broken'], { cwd: dir.root });
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stdout, /^broken\/main\.tf:4:\d+ {2}error {2}.*\[hcl-syntax\]$/m);
    assert.match(result.stdout, /^broken\/main\.tf:11:50 {2}error {2}Anyone in any AWS account can assume this role.*\[public-principal\]$/m);
  });
});
