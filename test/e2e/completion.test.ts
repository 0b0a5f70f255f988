import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { after, describe as suite, it } from 'mocha';
import { EXTENSION_ID, api, nextAnalysis, open, workspaceFile } from './vscodeWait';

/** Files this suite writes into the (throwaway) examples workspace; deleted at the end. */
const FOLDER = 'e2e-completion';
const TIMEOUT_MS = 20_000;

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:Get",
      "Resource": "*"
    }
  ]
}
`;

const GITHUB_TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Deploy",
      "Effect": "Allow",
      "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
        "StringLike": { "" }
      }
    },
    {
      "Sid": "Vendor",
      "Effect": "Allow",
      "Principal": { "AWS": "" },
      "Action": "sts:AssumeRole"
    }
  ]
}
`;

/** Writes `text` to a new file of the workspace, opens it, and waits until the server has analysed it as a policy. */
async function policyFile(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(`${FOLDER}/${name}`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  const analysed = nextAnalysis(uri, await api(), (params) => params.kind !== null);
  const editor = await open(uri);
  await analysed;
  return editor;
}

/** The position just after `needle` (its `index`th occurrence), or `delta` characters into it. */
function positionOf(document: vscode.TextDocument, needle: string, delta = needle.length, index = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= index; i++) offset = document.getText().indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `no ${needle} in ${document.uri.toString()}`);
  return document.positionAt(offset + delta);
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function completions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items;
}

/** Asks again until an item with `label` shows up: the workspace scan and settings changes reach the server in the background. */
async function completionWith(document: vscode.TextDocument, position: vscode.Position, label: string, check: (item: vscode.CompletionItem) => boolean = () => true) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const items = await completions(document, position);
    const found = items.find((i) => labelOf(i) === label && check(i));
    if (found) return { found, items };
    if (Date.now() > deadline) assert.fail(`no ${label} after ${TIMEOUT_MS} ms among ${items.map(labelOf).slice(0, 40).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n\n');
}

const documentation = (item: vscode.CompletionItem) => (typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? ''));

suite('completion and hover in a real VS Code', () => {
  after(async () => {
    // Saved files close without a prompt; then the folder goes, so later suites see the examples only.
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile(FOLDER), { recursive: true, useTrash: false });
    await vscode.workspace.getConfiguration('iamPolicy').update('accounts', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('offers the actions of a service inside a JSON string, and accepting one writes it', async () => {
    const editor = await policyFile('reader-policy.json', POLICY);
    const document = editor.document;
    const position = positionOf(document, '"s3:Get', 7);
    const items = await completions(document, position);
    const getObject = items.find((i) => labelOf(i) === 's3:GetObject');
    assert.ok(getObject, `no s3:GetObject among ${items.map(labelOf).slice(0, 40).join(', ')}`);
    assert.equal(getObject.detail, 'Read');
    assert.match(documentation(getObject), /Grants permission to retrieve objects from Amazon S3/);
    assert.ok(getObject.insertText instanceof vscode.SnippetString, `insertText: ${JSON.stringify(getObject.insertText)}`);
    assert.equal(getObject.insertText.value, 's3:GetObject');
    // VS Code gives the shared edit range to each item; it covers the string's content, quotes excluded.
    const range = getObject.range instanceof vscode.Range ? getObject.range : getObject.range?.replacing;
    assert.ok(range, 'no range');
    assert.equal(document.getText(range), 's3:Get');
    assert.ok(await editor.insertSnippet(getObject.insertText, range));
    assert.ok(document.getText().includes('"Action": "s3:GetObject",\n'), document.getText());
    assert.doesNotThrow(() => JSON.parse(document.getText()));
    await document.save();
  });

  it('has quick suggestions inside strings for JSON and JSONC, and leaves other languages alone', () => {
    const inStrings = (languageId: string) => vscode.workspace.getConfiguration('editor', { languageId }).get<Record<string, unknown>>('quickSuggestions')?.strings;
    for (const languageId of ['json', 'jsonc']) assert.ok(inStrings(languageId) === 'on' || inStrings(languageId) === true, `${languageId}: ${String(inStrings(languageId))}`);
    // VS Code's own JSON extension turns them on; we change nobody's editor settings.
    const contributes = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes?: Record<string, unknown> } | undefined)?.contributes;
    assert.ok(contributes, 'no package.json contributions');
    assert.equal(contributes.configurationDefaults, undefined);
    const plain = inStrings('plaintext');
    assert.ok(plain !== 'on' && plain !== true, `plaintext: ${String(plain)}`);
  });

  it('offers the GitHub subject claim as a condition key of a GitHub trust policy', async () => {
    const { document } = await policyFile('deploy-trust.json', GITHUB_TRUST);
    const items = await completions(document, positionOf(document, '"StringLike": { "', '"StringLike": { "'.length));
    const labels = items.map(labelOf);
    assert.ok(labels.includes('token.actions.githubusercontent.com:sub'), labels.slice(0, 40).join(', '));
  });

  it('offers account ARNs under Principal AWS: from the workspace scan, and the named ones of the settings first', async () => {
    const document = (await open(workspaceFile(`${FOLDER}/deploy-trust.json`))).document;
    const position = positionOf(document, '"AWS": "', '"AWS": "'.length);
    // broken/partner-roles-trust.json names 100000000000: the server found it scanning the workspace.
    await completionWith(document, position, 'arn:aws:iam::100000000000:root');
    await vscode.workspace.getConfiguration('iamPolicy').update('accounts', { '444455556666': 'Production' }, vscode.ConfigurationTarget.Workspace);
    const { items } = await completionWith(document, position, 'arn:aws:iam::444455556666:root', (item) => item.detail === 'Production');
    assert.equal(labelOf(items.find((i) => labelOf(i).startsWith('arn:aws:iam::')) as vscode.CompletionItem), 'arn:aws:iam::444455556666:root');
  });

  // broken/partner-roles-trust.json names 60 accounts: the workspace's accounts must not be cut at 20.
  it("offers an account named in another of the workspace's policies", async () => {
    const document = (await open(workspaceFile(`${FOLDER}/deploy-trust.json`))).document;
    await completionWith(document, positionOf(document, '"AWS": "', '"AWS": "'.length), 'arn:aws:iam::777788889999:root');
  });

  it('offers the accounts of a policy file created in the workspace (file watcher)', async () => {
    const created = workspaceFile(`${FOLDER}/auditor-trust.json`);
    // An id that sorts first, so that the 20-account cap above does not hide it.
    const statement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::012345678901:root' }, Action: 'sts:AssumeRole' };
    await vscode.workspace.fs.writeFile(created, Buffer.from(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)));
    const document = (await open(workspaceFile(`${FOLDER}/deploy-trust.json`))).document;
    await completionWith(document, positionOf(document, '"AWS": "', '"AWS": "'.length), 'arn:aws:iam::012345678901:root');
  });

  it('shows the description over an action, and the ARN with who can assume the role over a trust Principal', async () => {
    const policy = workspaceFile(`${FOLDER}/reader-policy.json`);
    const document = (await open(policy)).document;
    const action = await hoverText(policy, positionOf(document, 's3:GetObject', 3));
    assert.match(action, /\*\*s3:GetObject\*\* \(Read\)/);
    assert.match(action, /Grants permission to retrieve objects from Amazon S3/);
    const trust = workspaceFile('broken/vendor-access-trust.json');
    const trustDocument = (await open(trust)).document;
    const principal = await hoverText(trust, positionOf(trustDocument, 'arn:aws:iam::777788889999:root', 15));
    assert.match(principal, /\*\*ARN\*\* `arn:aws:iam::777788889999:root`/);
    assert.match(principal, /account: `777788889999`/);
    assert.match(principal, /Who can assume this role/);
    assert.match(principal, /Any principal in account 777788889999/);
  });
});
