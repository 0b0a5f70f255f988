import * as assert from 'node:assert/strict';
import { describe as suite, it } from 'mocha';
import * as vscode from 'vscode';
import type { CreateRoleArgs, CreateRoleOutcome } from '../../client/src/wizard/createRole';
import { api, describe, nextAnalysis, workspaceFile } from './vscodeWait';

const ACCOUNT = '111122223333';

async function create(args: CreateRoleArgs): Promise<CreateRoleOutcome> {
  const outcome = await vscode.commands.executeCommand<CreateRoleOutcome | undefined>('iamPolicy.createRole', { open: false, ...args });
  assert.ok(outcome, 'the command returns an outcome when given answers');
  return outcome;
}

/** Opens a written policy and waits for the server's verdict: its kind, and no diagnostics of ours. */
async function assertClean(uri: vscode.Uri, kind: string): Promise<void> {
  const policyApi = await api();
  const analysed = nextAnalysis(uri, policyApi);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  assert.equal((await analysed).kind, kind, uri.path);
  const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'iam-policy');
  assert.deepEqual(ours, [], `${uri.path}: ${describe(ours)}`);
}

suite('IAM Policy: Create Role with answers (no questions asked)', () => {
  it('writes the audit role of the README walkthrough, clean, with the trusted account policy', async () => {
    const outcome = await create({
      folder: 'roles-e2e/audit',
      answers: { name: 'SecurityAuditor', account: ACCOUNT, trust: [{ type: 'account', accounts: ['444455556666'] }], mfa: true, managedPolicies: ['SecurityAudit'], maxSessionDuration: 7200 },
    });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(
      outcome.files.map((f) => f.slice(f.lastIndexOf('/') + 1)),
      ['trust-policy.json', 'trusted-account-policy.json', 'README.md'],
    );
    const trust = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('roles-e2e/audit/trust-policy.json')))) as { Statement: { Condition: unknown }[] };
    assert.deepEqual(trust.Statement[0].Condition, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    const readme = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('roles-e2e/audit/README.md')));
    assert.match(readme, /--policy-arn arn:aws:iam::aws:policy\/SecurityAudit/);
    assert.match(readme, /switchrole\?roleName=SecurityAuditor&account=111122223333/);
    await assertClean(workspaceFile('roles-e2e/audit/trust-policy.json'), 'trust');
    await assertClean(workspaceFile('roles-e2e/audit/trusted-account-policy.json'), 'identity');
  });

  it('writes the vendor and GitHub deploy roles, clean', async () => {
    const vendor = await create({
      folder: 'roles-e2e/vendor',
      answers: { name: 'VendorRole', account: ACCOUNT, trust: [{ type: 'account', accounts: ['444455556666'] }], externalId: { generate: true }, managedPolicies: ['ReadOnlyAccess'] },
    });
    assert.ok(vendor.ok, JSON.stringify(vendor));
    assert.match(vendor.externalId ?? '', /^[A-Za-z0-9]{32}$/);
    await assertClean(workspaceFile('roles-e2e/vendor/trust-policy.json'), 'trust');
    const deploy = await create({
      folder: 'roles-e2e/deploy',
      answers: {
        name: 'GitHubDeploy',
        account: ACCOUNT,
        trust: [{ type: 'github', repository: 'my-org/my-repo', branch: 'main' }],
        actions: ['s3:PutObject', 's3:ListBucket'],
        resources: ['arn:aws:s3:::my-site', 'arn:aws:s3:::my-site/*'],
      },
    });
    assert.ok(deploy.ok, JSON.stringify(deploy));
    await assertClean(workspaceFile('roles-e2e/deploy/trust-policy.json'), 'trust');
    await assertClean(workspaceFile('roles-e2e/deploy/permissions-policy.json'), 'identity');
  });

  it('refuses unsafe answers and existing files, and writes nothing', async () => {
    const open = await create({ folder: 'roles-e2e/open', answers: { name: 'Open', account: ACCOUNT, trust: [{ type: 'account', accounts: ['444455556666'] }] } });
    assert.equal(open.ok, false);
    assert.match(open.ok ? '' : open.problems.join(' '), /MFA/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceFile('roles-e2e/open'))));
    const again = await create({
      folder: 'roles-e2e/audit',
      answers: { name: 'SecurityAuditor', account: ACCOUNT, trust: [{ type: 'account', accounts: ['444455556666'] }], mfa: true },
    });
    assert.equal(again.ok, false);
    assert.match(again.ok ? '' : again.problems.join(' '), /already exist/);
  });
});
