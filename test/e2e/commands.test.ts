import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe as suite, it } from 'mocha';
import { api, codes, diagnosticsWhere, open, workspaceFile } from './vscodeWait';

suite('commands in a real VS Code', () => {
  it('contributes its commands', async () => {
    // Commands are registered during activation; this test may run before any policy file was opened.
    await api();
    const all = await vscode.commands.getCommands(true);
    for (const id of ['iamPolicy.restartServer', 'iamPolicy.showOutput', 'iamPolicy.createRole']) assert.ok(all.includes(id), id);
  });

  it('restarts the server and gets diagnostics again', async () => {
    const uri = workspaceFile('broken/duplicate-key.json');
    await open(uri);
    await diagnosticsWhere(uri, (d) => codes(d).includes('duplicate-key'), 'duplicate-key');
    await vscode.commands.executeCommand('iamPolicy.restartServer');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 1), ' ');
    await vscode.workspace.applyEdit(edit);
    await diagnosticsWhere(uri, (d) => codes(d).includes('duplicate-key'), 'duplicate-key after the restart');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
