import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseJsonReport, runCli, spots, type CliResult, type JsonReport, type Spot } from './run';

/**
 * The seeded mistakes in examples/broken/, 0-based `[rule, startLine, startChar, endLine, endChar]`,
 * counted by hand from the files (the other findings of a file are not constrained here).
 */
const SEEDED: Record<string, Spot[]> = {
  // line 1 `  "Version": "2024-01-01",` (the value); line 5 `      "Effect": "allow",` (the value)
  'bad-version-and-effect.json': [['invalid-version', 1, 13, 1, 25], ['invalid-effect', 5, 16, 5, 23]],
  // the statement object, lines 3-7, that has no Principal
  'batch-role-trust.json': [['missing-principal', 3, 4, 7, 5]],
  // the second `"Action"` key, line 7
  'duplicate-key.json': [['duplicate-key', 7, 6, 7, 14]],
  // the second `"ReadLogs"`, line 10
  'duplicate-sid.json': [['duplicate-sid', 10, 13, 10, 23]],
  // no Version; the Resource value with ${aws:username} on line 6
  'home-folder-legacy.json': [['missing-version', 0, 0, 0, 1], ['policy-variable-version', 6, 18, 6, 76]],
  // `"ops-admins"` on line 4; the `"Resource"` key on line 10
  'ops-role-trust.json': [['invalid-sid', 4, 13, 4, 25], ['trust-has-resource', 10, 6, 10, 16]],
  // 3,279 characters for a trust policy (quota 2,048): reported at the opening brace
  'partner-roles-trust.json': [['policy-size', 0, 0, 0, 1]],
  // the value `"“platform”"` on line 10 (typographic quotes, one UTF-16 unit each)
  'pasted-quotes.json': [['invalid-character', 10, 34, 10, 46]],
  // statement 1 lacks Action (the object), `"Actions"` key, `"NotAction"` next to Action, `42`
  'schema-errors.json': [
    // "Actions" (with did-you-mean); the Action it stands for is not reported missing on top
    ['schema', 6, 6, 6, 15],
    ['schema', 13, 6, 13, 17],
    ['schema', 14, 18, 14, 20],
  ],
  // `"*"` (public, a warning in a bucket policy); s3:ListBucket on an object ARN; an 11-digit account
  'public-bucket-policy.json': [['public-principal', 7, 19, 7, 22], ['resource-mismatch', 9, 18, 9, 54], ['invalid-principal', 14, 28, 14, 59]],
  // `"s3:GetObjcet"`, the `"StringEqual"` operator, the `"aws:MultiFactorAuthPresnt"` key
  'typos-policy.json': [['unknown-action', 6, 17, 6, 31], ['unknown-condition-operator', 9, 8, 9, 21], ['unknown-condition-key', 10, 18, 10, 45]],
  // the Federated provider (no aud), `"sts:AssumeRole"` for an OIDC provider, the org-wide subject
  'github-deploy-any-repo-trust.json': [['trust-oidc-missing-aud', 7, 21, 7, 98], ['trust-action-principal-mismatch', 9, 16, 9, 32], ['trust-oidc-wildcard-sub', 12, 53, 12, 73]],
  // the vendor's account root with no ExternalId
  'vendor-access-trust.json': [['trust-cross-account-unconditioned', 7, 15, 7, 47]],
  // `"*"` as the AWS principal of a trust policy: anyone can assume the role (line 7)
  'open-to-everyone-role-trust.json': [['public-principal', 7, 15, 7, 18]],
  // the comma after the last property, line 7
  'trailing-comma.json': [['json-syntax', 7, 57, 7, 58]],
};

const KINDS: Record<string, string> = {
  'examples/auditors-account/auditors-group-policy.json': 'identity',
  'examples/ci/github-actions-deploy-role-trust.json': 'trust',
  'examples/client-account/security-audit-role-trust.json': 'trust',
  'examples/client-account/monitoring-vendor-role-trust.json': 'trust',
  'examples/developer/lambda-developer-policy.json': 'identity',
  'examples/eks/irsa-role-trust.json': 'trust',
  'examples/shared-data/bucket-policy.json': 'resource',
  'examples/broken/batch-role-trust.json': 'trust',
  'examples/broken/ops-role-trust.json': 'trust',
  'examples/broken/partner-roles-trust.json': 'trust',
  'examples/broken/duplicate-key.json': 'identity',
  'examples/broken/public-bucket-policy.json': 'resource',
  'examples/broken/typos-policy.json': 'identity',
};

describe('iam-policy lint --format json examples/', () => {
  let result: CliResult;
  let report: JsonReport;
  const file = (path: string) => report.files.find((f) => f.path === path);

  before(() => {
    result = runCli(['lint', '--format', 'json', 'examples/']);
    report = parseJsonReport(result);
  });

  it('prints exactly one JSON document, version 1, and exits 1 for the seeded errors', () => {
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '');
    assert.equal(report.version, 1);
    for (const f of report.files) {
      assert.equal(typeof f.path, 'string');
      // A Terraform file has no kind of its own: each of its policies has one.
      if (f.path.endsWith('.tf')) assert.equal(f.kind, null, f.path);
      else assert.ok(['trust', 'identity', 'resource'].includes(f.kind ?? ''), f.kind ?? 'null');
      assert.ok(Array.isArray(f.findings));
    }
  });

  for (const [name, expected] of Object.entries(SEEDED)) {
    it(`reports the seeded mistakes of broken/${name} at their exact ranges`, () => {
      const found = file(`examples/broken/${name}`);
      assert.ok(found, `examples/broken/${name} is not in the report`);
      const actual = spots(found.findings);
      for (const spot of expected) assert.ok(actual.some((s) => JSON.stringify(s) === JSON.stringify(spot)), `${JSON.stringify(spot)} not in ${JSON.stringify(actual)}`);
      assert.ok(found.findings.some((f) => f.severity === 'error' || f.severity === 'warning'));
    });
  }

  it('classifies the examples', () => {
    for (const [path, kind] of Object.entries(KINDS)) assert.equal(file(path)?.kind, kind, path);
  });

  it('finds nothing at all in the clean examples', () => {
    const clean = report.files.filter((f) => !f.path.includes('/broken/'));
    for (const path of Object.keys(KINDS).filter((p) => !p.includes('/broken/'))) assert.ok(file(path), `${path} is not linted`);
    for (const f of clean) assert.deepEqual(f.findings, [], f.path);
  });

  it('leaves out JSON files that are not policies', () => {
    assert.equal(file('examples/client-account/role-settings.json'), undefined);
    assert.equal(file('examples/.vscode/settings.json'), undefined);
    assert.ok(report.files.every((f) => /\.(json|tf)$/.test(f.path)));
    // variables.tf holds no policy: it is not a file of the report, nor listed as skipped.
    assert.equal(file('examples/terraform/client-account/variables.tf'), undefined);
  });

  it('reads the Terraform story: each policy with the kind its argument or its use gives it', () => {
    const policies = (path: string) => Object.fromEntries((file(path)?.policies ?? []).map((p) => [p.id, p.kind]));
    assert.deepEqual(policies('examples/terraform/client-account/audit-role.tf'), { 'data.aws_iam_policy_document.security_audit_trust': 'trust' });
    assert.deepEqual(policies('examples/terraform/client-account/vendor-role.tf'), {
      'aws_iam_role.monitoring_vendor.assume_role_policy': 'trust',
      'aws_iam_role_policy.monitoring_vendor_read.policy': 'identity',
    });
    assert.deepEqual(policies('examples/terraform/client-account/github-deploy.tf'), {
      'data.aws_iam_policy_document.github_deploy_trust': 'trust',
      'aws_iam_role_policy.github_deploy_site.policy': 'identity',
    });
    assert.deepEqual(policies('examples/terraform/client-account/reports-bucket.tf'), { 'aws_s3_bucket_policy.reports.policy': 'resource' });
    assert.deepEqual(policies('examples/terraform/auditors-account/auditors.tf'), { 'aws_iam_group_policy.assume_client_audit.policy': 'identity' });
  });

  it('reports the seeded mistakes of terraform/broken/main.tf on the HCL values, each naming its policy', () => {
    const found = file('examples/terraform/broken/main.tf');
    assert.ok(found);
    const at = found.findings.map((f) => [f.rule, f.policy, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]);
    const expected = [
      // the Federated provider string, line 10
      ['trust-oidc-missing-sub', 'aws_iam_role.deploy_any_repo.assume_role_policy', 9, 32, 9, 109],
      // the identifiers item of the principals block, line 26
      ['trust-cross-account-unconditioned', 'data.aws_iam_policy_document.vendor_trust', 25, 21, 25, 53],
      // `effect = "allow"`, line 39: the value
      ['invalid-effect', 'data.aws_iam_policy_document.lowercase_effect', 38, 16, 38, 23],
      // in the heredoc, line 59: the misspelt action and iam:PassRole; line 60: the trailing comma
      ['unknown-action', 'aws_iam_policy.ci_runner.policy', 58, 32, 58, 50],
      ['passrole-wildcard-resource', 'aws_iam_policy.ci_runner.policy', 58, 52, 58, 66],
      ['json-syntax', 'aws_iam_policy.ci_runner.policy', 59, 21, 59, 22],
      // `Principal = "*"` of the bucket policy, line 74
      ['public-principal', 'aws_s3_bucket_policy.public.policy', 73, 18, 73, 21],
    ];
    assert.deepEqual(at, expected);
  });
});
