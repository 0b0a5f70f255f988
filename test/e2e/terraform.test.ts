import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe as suite, it } from 'mocha';
import { api, codes, diagnosticsWhere, nextAnalysis, open, workspaceFile } from './vscodeWait';

const RULE = 'trust-cross-account-unconditioned';

suite('Terraform files in a real VS Code', () => {
  const broken = () => workspaceFile('terraform/broken/main.tf');

  it('opens .tf files as Terraform and marks the seeded mistakes on the HCL values', async () => {
    const editor = await open(broken());
    assert.equal(editor.document.languageId, 'terraform');
    const expected = ['trust-oidc-missing-sub', RULE, 'invalid-effect', 'unknown-action', 'passrole-wildcard-resource', 'json-syntax', 'public-principal'];
    const diagnostics = await diagnosticsWhere(broken(), (d) => expected.every((rule) => codes(d).includes(rule)), 'the seeded Terraform mistakes');
    const vendor = diagnostics.find((d) => codes([d])[0] === RULE);
    assert.ok(vendor);
    // The squiggle is on the identifiers value of the principals block, not on the block or the file.
    assert.equal(editor.document.getText(vendor.range), '"arn:aws:iam::777788889999:root"');
    const effect = diagnostics.find((d) => codes([d])[0] === 'invalid-effect');
    assert.equal(effect && editor.document.getText(effect.range), '"allow"');
  });

  it('says how many policies the file holds in the status bar text the extension exports', async () => {
    const policyApi = await api();
    await open(broken());
    const label = policyApi.kindLabel(broken()) ?? (await nextAnalysis(broken(), policyApi), policyApi.kindLabel(broken()));
    assert.equal(label, 'IAM: 5 policies in Terraform');
  });

  it('applies the ExternalId fix: a condition block in HCL, and the warning goes away', async () => {
    await open(broken());
    const diagnostics = await diagnosticsWhere(broken(), (d) => codes(d).includes(RULE), RULE);
    const diagnostic = diagnostics.find((d) => codes([d])[0] === RULE);
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', broken(), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Require the ExternalId'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsWhere(broken(), (d) => !codes(d).includes(RULE) && codes(d).includes('invalid-effect'), `${RULE} to go away`);
    const text = (await vscode.workspace.openTextDocument(broken())).getText();
    assert.match(text, /\n {4}condition \{\n {6}test {5}= "StringEquals"\n {6}variable = "sts:ExternalId"\n {6}values {3}= \["[A-Za-z0-9]{32,}"\]\n {4}\}\n/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhere(broken(), (d) => codes(d).includes(RULE), `${RULE} back after the revert`);
  });

  it('completes action names in a data source and in jsonencode', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'terraform', content: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["s3:GetOb"]\n    resources = ["*"]\n  }\n}\n' });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(2, 24));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('s3:GetObject'), labels.slice(0, 20).join(', '));
  });

  it('shows who can assume each Terraform role in a code lens', async () => {
    const uri = workspaceFile('terraform/client-account/vendor-role.tf');
    await open(uri);
    await diagnosticsWhere(uri, () => true, 'the analysis of vendor-role.tf');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['Can assume: Any principal in account ${var.vendor_account_id} whose own policies allow sts:AssumeRole on this role, that present the agreed ExternalId'],
    );
  });
});
