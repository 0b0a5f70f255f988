import * as assert from 'node:assert/strict';
import { describe as suite, it } from 'mocha';
import * as vscode from 'vscode';
import type { TrustGraphShown } from '../../client/src/trustGraph/panel';
import { api, EXTENSION_ID, nextAnalysis, workspaceFile } from './vscodeWait';

const VIEW_TYPE = 'iamPolicy.trustGraph';
const TITLE = 'Trust Relationships';
const TIMEOUT_MS = 20_000;

/** The tabs of our panel, in every editor group. */
function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

/** Resolves when `check` holds of the tabs (now or after a tab change). */
function tabsWhere(check: (tabs: vscode.Tab[]) => boolean, what: string): Promise<vscode.Tab[]> {
  return new Promise((resolve, reject) => {
    const done = (fn: () => void) => {
      clearTimeout(timer);
      listener.dispose();
      fn();
    };
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (check(panelTabs())) done(() => resolve(panelTabs()));
    });
    const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${what}; tabs: ${panelTabs().map((t) => t.label).join(', ')}`))), TIMEOUT_MS);
    if (check(panelTabs())) done(() => resolve(panelTabs()));
  });
}

async function show(command: string, ...args: unknown[]): Promise<TrustGraphShown> {
  const shown = await vscode.commands.executeCommand<TrustGraphShown | undefined>(command, ...args);
  assert.ok(shown, `${command} resolves with what the page shows`);
  assert.equal(shown.error, undefined, shown.error);
  return shown;
}

/** Opens a policy and waits until the server has analysed it, so the graph has it too. */
async function openPolicy(relative: string): Promise<vscode.Uri> {
  const uri = workspaceFile(relative);
  const policyApi = await api();
  // An earlier test may have it open and analysed already: then no new analysis comes.
  const analysed = policyApi.kindLabel(uri) ? Promise.resolve() : nextAnalysis(uri, policyApi, (params) => params.kind === 'trust');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await analysed;
  return uri;
}

async function closePanels(): Promise<void> {
  await vscode.window.tabGroups.close(panelTabs());
  await tabsWhere((tabs) => tabs.length === 0, 'the panel to close');
}

suite('the trust relationships panel in a real VS Code', () => {
  it('opens a "Trust Relationships" tab with the roles and principals of the examples', async () => {
    const shown = await show('iamPolicy.showTrustGraph');
    const [tab] = await tabsWhere((tabs) => tabs.length === 1, 'one trust relationships tab');
    assert.equal(tab.label, TITLE);
    for (const label of ['SecurityAuditRole', 'account 444455556666', 'auditors-group-policy', 'token.actions.githubusercontent.com', 'anyone (*)', 'vendor-access']) {
      assert.ok(shown.nodes.includes(label), `${label} among ${shown.nodes.join(' | ')}`);
    }
    assert.ok(shown.edges > 5, `${shown.edges} edges`);
    // The same command again brings the panel forward instead of opening a second one.
    await show('iamPolicy.showTrustGraph');
    assert.equal(panelTabs().length, 1);
  });

  it('narrows the picture to the role of the open trust policy, from the file command', async () => {
    const audit = await openPolicy('client-account/security-audit-role-trust.json');
    const shown = await show('iamPolicy.showTrustGraphForFile', audit);
    assert.equal(shown.focus, 'role:111122223333:SecurityAuditRole');
    for (const label of ['SecurityAuditRole', 'account 444455556666', 'auditors-group-policy']) assert.ok(shown.nodes.includes(label), `${label} among ${shown.nodes.join(' | ')}`);
    assert.ok(!shown.nodes.includes('vendor-access'), 'other roles are left out');
    assert.equal(panelTabs().length, 1, 'the panel is reused');

    // Without an argument (the command palette) it takes the active editor's file.
    await openPolicy('broken/vendor-access-trust.json');
    const vendor = await show('iamPolicy.showTrustGraphForFile');
    assert.equal(vendor.focus, 'role:111122223333:vendor-access');
    assert.ok(vendor.nodes.includes('account 777788889999'), vendor.nodes.join(' | '));
    await closePanels();
  });

  it('updates by itself when a policy file is added', async () => {
    await show('iamPolicy.showTrustGraph');
    const uri = workspaceFile('graph-e2e/added-role-trust.json');
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(policy, null, 2)));
    try {
      // The panel asks again on the server's change notification; the command reports what it last drew.
      const deadline = Date.now() + TIMEOUT_MS;
      let shown = await show('iamPolicy.showTrustGraph');
      while (!shown.nodes.includes('added-role') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        shown = await show('iamPolicy.showTrustGraph');
      }
      assert.ok(shown.nodes.includes('added-role'), shown.nodes.join(' | '));
    } finally {
      // Other tests read the workspace: never leave the file behind.
      await vscode.workspace.fs.delete(uri);
      await closePanels();
    }
  });

  it('registers its serializer during activation, so a reload restores the panel', async () => {
    // A reload ends this test run: the UI test reloads the workbench and sees the panel come back.
    // Here: ours is registered (VS Code refuses a second one for the type), and activation is declared.
    await api();
    assert.throws(() => vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: () => Promise.resolve() }));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok((extension?.packageJSON as { activationEvents: string[] }).activationEvents.includes(`onWebviewPanel:${VIEW_TYPE}`));
  });
});
