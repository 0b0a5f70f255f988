import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe as suite, it } from 'mocha';
import { api, codes, diagnosticsWhere, EXTENSION_ID, nextAnalysis, open, workspaceFile } from './vscodeWait';

suite('diagnostics in a real VS Code', () => {
  it('activates on a policy file', async () => {
    await open(workspaceFile('broken/ops-role-trust.json'));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension installed');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('shows the rule ids at the right ranges, linked to their docs', async () => {
    const uri = workspaceFile('broken/ops-role-trust.json');
    await open(uri);
    const diagnostics = await diagnosticsWhere(uri, (d) => d.length >= 2, 'two findings');
    const byCode = new Map(diagnostics.map((d) => [codes([d])[0], d]));
    const resource = byCode.get('trust-has-resource');
    assert.ok(resource, codes(diagnostics).join());
    assert.deepEqual([resource.range.start.line, resource.range.start.character, resource.range.end.line, resource.range.end.character], [10, 6, 10, 16]);
    assert.equal(resource.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(resource.source, 'iam-policy');
    const code = resource.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/trust-has-resource\.md$/);
    const sid = byCode.get('invalid-sid');
    assert.ok(sid);
    assert.deepEqual([sid.range.start.line, sid.range.start.character, sid.range.end.character], [4, 13, 25]);
  });

  it('marks a seeded mistake in each broken example', async () => {
    const expected: [string, string, number][] = [
      ['broken/trailing-comma.json', 'json-syntax', 7],
      ['broken/duplicate-key.json', 'duplicate-key', 7],
      ['broken/bad-version-and-effect.json', 'invalid-version', 1],
      ['broken/duplicate-sid.json', 'duplicate-sid', 10],
      ['broken/batch-role-trust.json', 'missing-principal', 3],
      ['broken/home-folder-legacy.json', 'policy-variable-version', 6],
    ];
    for (const [file, rule, line] of expected) {
      const uri = workspaceFile(file);
      await open(uri);
      const diagnostics = await diagnosticsWhere(uri, (d) => codes(d).includes(rule), `${rule} in ${file}`);
      const found = diagnostics.find((d) => codes([d])[0] === rule);
      assert.equal(found?.range.start.line, line, `${rule} in ${file}`);
    }
  });

  it('gives a JSON file that is not a policy nothing', async () => {
    const policyApi = await api();
    const uri = workspaceFile('client-account/role-settings.json');
    const analysed = nextAnalysis(uri, policyApi);
    await open(uri);
    assert.equal((await analysed).kind, null);
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'iam-policy'), []);
    assert.equal(policyApi.kindLabel(uri), undefined);
  });

  it('gives a clean policy no findings and names its kind', async () => {
    const policyApi = await api();
    const uri = workspaceFile('client-account/security-audit-role-trust.json');
    const analysed = nextAnalysis(uri, policyApi);
    await open(uri);
    assert.equal((await analysed).kind, 'trust');
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'iam-policy'), []);
    assert.equal(policyApi.kindLabel(uri), 'IAM: Trust policy');
    const bucket = workspaceFile('shared-data/bucket-policy.json');
    const bucketAnalysed = nextAnalysis(bucket, policyApi);
    await open(bucket);
    assert.equal((await bucketAnalysed).kind, 'resource');
    assert.equal(policyApi.kindLabel(bucket), 'IAM: Resource policy');
  });

  it('updates diagnostics as the document is edited', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'json',
      content: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "allow", "Action": "s3:GetObject", "Resource": "*" }]\n}\n',
    });
    await vscode.window.showTextDocument(document);
    await diagnosticsWhere(document.uri, (d) => codes(d).includes('invalid-effect'), 'invalid-effect');
    const start = document.getText().indexOf('"allow"');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + 7)), '"Allow"');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await diagnosticsWhere(document.uri, (d) => d.length === 0, 'no findings after the fix');
    const broken = new vscode.WorkspaceEdit();
    broken.insert(document.uri, document.positionAt(document.getText().lastIndexOf('}')), ',');
    await vscode.workspace.applyEdit(broken);
    await diagnosticsWhere(document.uri, (d) => codes(d).includes('json-syntax'), 'json-syntax after breaking the JSON');
  });

  it('accepts comments in JSONC documents only', async () => {
    const content = '{\n  // audit access\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}\n';
    const json = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(json);
    await diagnosticsWhere(json.uri, (d) => codes(d).includes('json-syntax'), 'a comment error in JSON');
    const policyApi = await api();
    const jsonc = await vscode.workspace.openTextDocument({ language: 'jsonc', content });
    const analysed = nextAnalysis(jsonc.uri, policyApi);
    await vscode.window.showTextDocument(jsonc);
    assert.equal((await analysed).kind, 'identity');
    assert.deepEqual(vscode.languages.getDiagnostics(jsonc.uri).filter((d) => d.source === 'iam-policy'), []);
  });
});
