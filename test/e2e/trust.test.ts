import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe as suite, it } from 'mocha';
import { codes, diagnosticsWhere, open, workspaceFile } from './vscodeWait';

const RULE = 'trust-cross-account-unconditioned';

/** The quick fixes VS Code offers for our diagnostic of `rule`, through the same command the light bulb uses. */
async function quickFixes(uri: vscode.Uri, rule: string): Promise<vscode.CodeAction[]> {
  const diagnostics = await diagnosticsWhere(uri, (d) => codes(d).includes(rule), rule);
  const diagnostic = diagnostics.find((d) => codes([d])[0] === rule);
  assert.ok(diagnostic);
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

/** Applies the fix whose title matches, and waits until the server no longer reports the rule. */
async function applyFix(uri: vscode.Uri, title: RegExp): Promise<{ title: string; text: string }> {
  const actions = await quickFixes(uri, RULE);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action?.edit, `no fix ${String(title)} among ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  await diagnosticsWhere(uri, (d) => !codes(d).includes(RULE), `${RULE} to go away`);
  return { title: action.title, text: (await vscode.workspace.openTextDocument(uri)).getText() };
}

/** Puts the file back as it is on disk, so that the next test starts from the example. */
async function revert(uri: vscode.Uri): Promise<void> {
  await open(uri);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await diagnosticsWhere(uri, (d) => codes(d).includes(RULE), `${RULE} back after the revert`);
}

suite('trust policies in a real VS Code', () => {
  const uri = () => workspaceFile('broken/vendor-access-trust.json');

  it('shows who can assume the role in a code lens and in the hover over Principal', async () => {
    await open(uri());
    await diagnosticsWhere(uri(), (d) => codes(d).includes(RULE), RULE);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri());
    const titles = lenses.map((l) => l.command?.title);
    assert.ok(titles.includes('Can assume: Any principal in account 777788889999 whose own policies allow sts:AssumeRole on this role'), titles.join(' | '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), new vscode.Position(6, 9));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Who can assume this role/);
  });

  it('applies the MFA fix: the condition is added and the warning goes away', async () => {
    const { text } = await applyFix(uri(), /^Require MFA \(aws:MultiFactorAuthPresent "true"\)$/);
    assert.ok(text.includes('"Action": "sts:AssumeRole",\n      "Condition": {\n        "Bool": {\n          "aws:MultiFactorAuthPresent": "true"\n        }\n      }\n'), text);
    assert.doesNotThrow(() => JSON.parse(text));
    await revert(uri());
  });

  it('applies the ExternalId fix with a fresh random value, named in the title for the third party', async () => {
    const { title, text } = await applyFix(uri(), /^Require the ExternalId/);
    const externalId = /"([A-Za-z0-9]{32})"/.exec(title)?.[1];
    assert.ok(externalId, title);
    assert.match(title, /third party/);
    assert.ok(text.includes(`"sts:ExternalId": "${externalId}"`), text);
    assert.doesNotThrow(() => JSON.parse(text));
    await revert(uri());
  });
});
