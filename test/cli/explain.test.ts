import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertUsageError, runCli, TempDir } from './run';

interface ExplainJson {
  files: { path: string; kind: string; statements: { index: number; sid: string | null; line: number; column: number; effect: string; summary: string; actions: string[] }[] }[];
  others: string[];
  skipped: string[];
}

describe('iam-policy explain', () => {
  it('says who can assume each role of the examples, one line per statement, and exits 0', () => {
    const result = runCli(['explain', 'examples/']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    const expected = [
      ['examples/ci/github-actions-deploy-role-trust.json', 'Can assume: GitHub Actions runs of example-org/web-app on branch main'],
      ['examples/eks/irsa-role-trust.json', 'Can assume: Pods of EKS cluster EXAMPLED539D4633E53DE1B71EXAMPLE (eu-west-1) running as service account kube-system/external-dns'],
      [
        'examples/client-account/security-audit-role-trust.json',
        'Can assume: Any principal in account 444455556666 whose own policies allow sts:AssumeRole on this role, with MFA in the last 60 minutes',
      ],
      ['examples/broken/github-deploy-any-repo-trust.json', 'Can assume: GitHub Actions runs of any repository of example-org (but the statement does not allow sts:AssumeRoleWithWebIdentity, which it needs)'],
      ['examples/broken/vendor-access-trust.json', 'Can assume: Any principal in account 777788889999 whose own policies allow sts:AssumeRole on this role'],
    ];
    for (const [file, line] of expected) {
      const block = result.stdout.split(/\n(?=\S)/).find((b) => b.startsWith(`${file}:`));
      assert.ok(block, `${file} not explained:\n${result.stdout}`);
      assert.ok(block.split('\n').some((l) => l.trim() === line), `${file}:\n${block}`);
    }
    // Identity and resource policies found in folders are counted, not listed one by one.
    assert.match(result.stdout, /^\d+ files in the folders with identity or resource policies only \(no trust policy\)\.$/m);
    assert.doesNotMatch(result.stdout, /lambda-developer-policy/);
  });

  it('prints JSON with the statement positions (1-based) and the actions', () => {
    const result = runCli(['explain', '--format', 'json', 'examples/ci/github-actions-deploy-role-trust.json', 'examples/developer/lambda-developer-policy.json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as ExplainJson;
    const [github, identity] = report.files;
    assert.equal(github.kind, 'trust');
    assert.deepEqual(github.statements.map((s) => [s.index, s.sid, s.line, s.column, s.effect, s.actions]), [
      [0, 'GitHubActionsDeployFromMain', 4, 5, 'Allow', ['sts:AssumeRoleWithWebIdentity']],
    ]);
    // A file named on the command line is listed even when it is not a trust policy.
    assert.deepEqual([identity.path, identity.kind, identity.statements], ['examples/developer/lambda-developer-policy.json', 'identity', []]);
  });

  it('explains broken and odd trust policies without failing', () => {
    const dir = new TempDir();
    try {
      dir.write('broken-trust.json', '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"');
      dir.write(
        'deny-trust.json',
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' },
            { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
          ],
        }),
      );
      const result = runCli(['explain', '--kind', 'trust', dir.root]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Can assume: Any principal in account 111122223333 whose own policies allow sts:AssumeRole on this role/);
      assert.match(result.stdout, /Denied: Anyone in any AWS account, when aws:MultiFactorAuthPresent is "false" \(or is absent\)/);
    } finally {
      dir.remove();
    }
  });

  it('rejects a format it does not have, and a missing file, with exit code 2', () => {
    assertUsageError(runCli(['explain', '--format', 'sarif', 'examples/']), /--format must be text or json, not "sarif"/);
    assertUsageError(runCli(['explain', 'no/such/file.json']), /no\/such\/file\.json/);
    assertUsageError(runCli(['explain']), /no files or folders to explain/);
  });
});
