import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { after, describe as suite, it } from 'mocha';
import { api, codes, diagnosticsWhere, nextAnalysis, open, workspaceFile } from './vscodeWait';

/** Workspace settings changed by a test, restored afterwards so tests stay independent. */
async function setting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('iamPolicy').update(name, value, vscode.ConfigurationTarget.Workspace);
}

suite('settings in a real VS Code', () => {
  after(async () => {
    await setting('rules', undefined);
    await setting('files', undefined);
    await setting('enable', undefined);
  });

  it('turns a rule off and back on', async () => {
    const uri = workspaceFile('broken/ops-role-trust.json');
    await open(uri);
    await diagnosticsWhere(uri, (d) => codes(d).includes('invalid-sid'), 'invalid-sid');
    await setting('rules', { 'invalid-sid': 'off' });
    const without = await diagnosticsWhere(uri, (d) => !codes(d).includes('invalid-sid') && d.length > 0, 'invalid-sid gone');
    assert.deepEqual(codes(without), ['trust-has-resource']);
    await setting('rules', { 'invalid-sid': 'hint' });
    const hinted = await diagnosticsWhere(uri, (d) => codes(d).includes('invalid-sid'), 'invalid-sid back');
    assert.equal(hinted.find((d) => codes([d])[0] === 'invalid-sid')?.severity, vscode.DiagnosticSeverity.Hint);
  });

  it('analyses files associated with a kind', async () => {
    const policyApi = await api();
    const uri = workspaceFile('client-account/role-settings.json');
    await open(uri);
    // The analysis of the opening may still be on its way: wait for the one the setting causes.
    const analysed = nextAnalysis(uri, policyApi, (params) => params.kind !== null);
    await setting('files', { '**/role-settings.json': 'trust' });
    assert.equal((await analysed).kind, 'trust');
    await diagnosticsWhere(uri, (d) => codes(d).includes('schema'), 'schema errors of a forced trust policy');
    assert.equal(policyApi.kindLabel(uri), 'IAM: Trust policy');
  });

  it('can be disabled', async () => {
    const uri = workspaceFile('broken/duplicate-sid.json');
    await open(uri);
    await diagnosticsWhere(uri, (d) => d.length > 0, 'findings');
    await setting('enable', false);
    await diagnosticsWhere(uri, (d) => d.length === 0, 'no findings when disabled');
    await setting('enable', undefined);
    await diagnosticsWhere(uri, (d) => d.length > 0, 'findings again');
  });
});
