import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  FileChangeType,
  InsertTextFormat,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { snippetToPlain } from '../../server/src/core';
import { DEFAULT_TEST_SETTINGS, LspClient } from './client';

/** What VS Code declares for completion: snippets, one shared edit range, markdown documentation. */
const VSCODE_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } },
  textDocument: {
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/** An editor that knows none of it (settings still pulled): plain text edits per item, plain documentation. */
const MINIMAL_CAPABILITIES: ClientCapabilities = { workspace: { configuration: true } };

const ACCOUNTS_SETTINGS = { ...DEFAULT_TEST_SETTINGS, accounts: { '444455556666': 'Production' } };

/** `|` marks the cursor: the text without it and the LSP position (UTF-16, as the protocol's default). */
function cursor(marked: string): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no | in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, position: TextDocument.create('file:///x', 'json', 1, text).positionAt(offset) };
}

const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;

let documents = 0;

/** Opens `marked` as a new document (the file name hints the kind) and asks for completion at `|`. */
async function completeAt(client: LspClient, marked: string, fileName = 'policy.json', languageId = 'json') {
  const { text, position, offset } = cursor(marked);
  const uri = `file:///ws/${++documents}/${fileName}`;
  client.open(uri, text, languageId);
  const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
  return { list, text, offset, position, uri };
}

async function hoverAt(client: LspClient, marked: string, fileName = 'policy.json', languageId = 'json') {
  const { text, position } = cursor(marked);
  const uri = `file:///ws/${++documents}/${fileName}`;
  client.open(uri, text, languageId);
  return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
}

/** The range and text an item writes, whichever way the server sent them. */
function editOf(list: CompletionList, item: CompletionItem): { range: Range; newText: string } {
  if (item.textEdit) {
    assert.ok('range' in item.textEdit, 'the server sends plain TextEdits, not InsertReplaceEdits');
    return item.textEdit;
  }
  const range = list.itemDefaults?.editRange;
  assert.ok(range && 'start' in range, `${item.label}: no textEdit and no default edit range`);
  assert.equal(typeof item.textEditText, 'string', `${item.label}: no textEditText`);
  return { range, newText: item.textEditText as string };
}

/** The document after accepting `item`, with the snippet's default placeholder values. */
function applied(text: string, list: CompletionList, item: CompletionItem): string {
  const edit: TextEdit = editOf(list, item);
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? snippetToPlain(edit.newText) : edit.newText;
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), [{ range: edit.range, newText }]);
}

function find(list: CompletionList | null, label: string): CompletionItem {
  assert.ok(list, 'no completion list');
  const item = list.items.find((i) => i.label === label);
  assert.ok(item, `no ${label} among ${list.items.slice(0, 30).map((i) => i.label).join(', ')}`);
  return item;
}

const labels = (list: CompletionList | null) => list?.items.map((i) => i.label) ?? [];

/** Asks again until `check` passes: the workspace scan runs in the background. */
async function eventually<T>(ask: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await ask();
  while (!check(last)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await ask();
  }
  return last;
}

describe('completion over stdio, VS Code-like client', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ capabilities: VSCODE_CAPABILITIES, initializationOptions: { retriggerSuggest: true }, settings: ACCOUNTS_SETTINGS });
  });
  after(async () => {
    await client.stop();
  });

  it('advertises completion on " and : and hover', () => {
    assert.deepEqual(client.initializeResult?.capabilities.completionProvider, { triggerCharacters: ['"', ':'], resolveProvider: false });
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
  });

  it('completes the actions of a service inside the string, with one shared edit range', async () => {
    const { list, text } = await completeAt(client, policy('{ "Effect": "Allow", "Action": "s3:Get|", "Resource": "*" }'));
    assert.ok(list);
    assert.equal(list.isIncomplete, false);
    // Exactly the string's content: the quotes stay.
    const line = text.split('\n')[3];
    const start = line.indexOf('"s3:Get"') + 1;
    assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 3, character: start }, end: { line: 3, character: start + 's3:Get'.length } });
    for (const item of list.items) {
      assert.equal(item.textEdit, undefined, item.label);
      assert.equal(typeof item.textEditText, 'string', item.label);
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet, item.label);
      assert.equal(item.command, undefined, `${item.label}: an action is complete, nothing to retrigger`);
    }
    const getObject = find(list, 's3:GetObject');
    assert.equal(getObject.detail, 'Read');
    assert.deepEqual(getObject.documentation, {
      kind: 'markdown',
      value: '**s3:GetObject** (Read)\n\nGrants permission to retrieve objects from Amazon S3',
    });
    assert.match(applied(text, list, getObject), /"Action": "s3:GetObject", "Resource"/);
    assert.match(find(list, 's3:Get*').detail ?? '', /^\d+ actions$/);
    assert.equal(list.items.at(-1)?.label, 's3:*');
    assert.deepEqual(client.errors(), []);
  });

  it('offers service prefixes for an empty action: incomplete, and each retriggers the suggestions', async () => {
    const { list, text, position } = await completeAt(client, policy('{ "Effect": "Allow", "Action": "|", "Resource": "*" }'));
    assert.ok(list);
    assert.equal(list.isIncomplete, true);
    assert.deepEqual(list.itemDefaults?.editRange, { start: position, end: position });
    assert.ok(list.items.length > 400, `${list.items.length} prefixes`);
    for (const item of list.items) assert.deepEqual(item.command, { title: 'Suggest', command: 'editor.action.triggerSuggest' }, item.label);
    const s3 = find(list, 's3');
    assert.equal(s3.textEditText, 's3:');
    assert.match(applied(text, list, s3), /"Action": "s3:", "Resource"/);
  });

  it('sends ARN templates as snippets (insertTextFormat 2), the simplest first and * last', async () => {
    const { list, text } = await completeAt(client, policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "|" }'));
    assert.ok(list);
    const first = list.items[0];
    assert.equal(first.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(first.textEditText, 'arn:aws:s3:::${1:bucket}/${2:key}');
    assert.match(applied(text, list, first), /"Resource": "arn:aws:s3:::bucket\/key" }/);
    assert.equal(list.items.at(-1)?.label, '*');
    // The named account of the settings is a choice in the account field of templates that have one.
    assert.ok(
      list.items.some((i) => i.textEditText?.includes('${2|444455556666,ACCOUNT_ID|}')),
      list.items.map((i) => i.textEditText).join('\n'),
    );
  });

  it('offers the accounts of iamPolicy.accounts under Principal AWS, with their names', async () => {
    const { list, text } = await completeAt(client, policy('{ "Effect": "Allow", "Principal": { "AWS": "|" }, "Action": "sts:AssumeRole" }'), 'vendor-trust.json');
    const root = find(list, 'arn:aws:iam::444455556666:root');
    assert.equal(root.detail, 'Production');
    assert.equal(list?.items[0], root, 'known accounts come first');
    assert.match(applied(text, list, root), /"AWS": "arn:aws:iam::444455556666:root" }/);
    // A template's account placeholder is a snippet tab stop.
    const template = find(list, 'arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME');
    assert.equal(template.textEditText, 'arn:aws:iam::${1:ACCOUNT_ID}:role/${2:ROLE_NAME}');
  });

  it('follows a change of iamPolicy.accounts', async () => {
    client.settings = { ...DEFAULT_TEST_SETTINGS, accounts: { '444455556666': 'Staging' } };
    client.changeConfiguration();
    try {
      const { list } = await completeAt(client, policy('{ "Effect": "Allow", "Principal": { "AWS": "|" }, "Action": "sts:AssumeRole" }'), 'vendor-trust.json');
      assert.equal(find(list, 'arn:aws:iam::444455556666:root').detail, 'Staging');
    } finally {
      client.settings = ACCOUNTS_SETTINGS;
      client.changeConfiguration();
    }
  });

  it('completes a condition key of a GitHub trust policy as a key with its value', async () => {
    const { list, text } = await completeAt(
      client,
      policy(
        '{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, ' +
          '"Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringLike": { "|" } } }',
      ),
      'deploy-trust.json',
    );
    const sub = find(list, 'token.actions.githubusercontent.com:sub');
    const after = applied(text, list as CompletionList, sub);
    assert.ok(after.includes('"StringLike": { "token.actions.githubusercontent.com:sub": "" } }'), after);
    assert.ok(sub.command, 'the value is suggested next');
  });

  it('converts positions after non-ASCII text on the same line (UTF-16, like the editor)', async () => {
    // 🚀 takes two UTF-16 code units, each CJK character one, é one: the range must count the same way.
    const { list, text } = await completeAt(client, policy('{ "Sid": "Déploiement🚀日本語", "Effect": "Allow", "Action": "s3:Get|", "Resource": "*" }'));
    assert.ok(list);
    const line = text.split('\n')[3];
    const start = line.indexOf('"s3:Get"') + 1;
    assert.equal(start, [...line.slice(0, start)].length + 1, 'the emoji is one code point and two code units');
    assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 3, character: start }, end: { line: 3, character: start + 6 } });
    assert.ok(applied(text, list, find(list, 's3:GetObject')).includes('"Sid": "Déploiement🚀日本語", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }'));
  });

  it('closes an unclosed string at the end of a broken document', async () => {
    const { list, text } = await completeAt(client, '{\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObj|');
    assert.ok(list);
    assert.ok(applied(text, list, find(list, 's3:GetObject')).endsWith('"Action": "s3:GetObject"'));
    assert.deepEqual(client.errors(), []);
  });
});

describe('completion over stdio, minimal client', () => {
  let client: LspClient;
  let vscodeLike: LspClient;
  before(async () => {
    [client, vscodeLike] = await Promise.all([
      LspClient.start({ capabilities: MINIMAL_CAPABILITIES, settings: ACCOUNTS_SETTINGS }),
      LspClient.start({ capabilities: VSCODE_CAPABILITIES, initializationOptions: { retriggerSuggest: true }, settings: ACCOUNTS_SETTINGS }),
    ]);
  });
  after(async () => {
    await Promise.all([client.stop(), vscodeLike.stop()]);
  });

  const CASES: [string, string, string?][] = [
    ['top-level keys', '{\n  |\n}\n'],
    ['service prefixes', policy('{ "Effect": "Allow", "Action": "|", "Resource": "*" }')],
    ['actions', policy('{ "Effect": "Allow", "Action": "s3:Get|", "Resource": "*" }')],
    ['ARN templates', policy('{ "Effect": "Allow", "Action": ["s3:GetObject", "ec2:StartInstances"], "Resource": "|" }')],
    ['trust principals', policy('{ "Effect": "Allow", "Principal": { "AWS": "|" }, "Action": "sts:AssumeRole" }'), 'vendor-trust.json'],
    ['statement keys', policy('{ "Effect": "Allow", | }')],
    ['condition operators', policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { | } }')],
    [
      'condition values',
      policy(
        '{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, ' +
          '"Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringLike": { "token.actions.githubusercontent.com:sub": "|" } } }',
      ),
      'deploy-trust.json',
    ],
  ];

  for (const [name, marked, fileName] of CASES) {
    it(`${name}: a plain text edit per item, no command, plain documentation`, async () => {
      const { list, text } = await completeAt(client, marked, fileName);
      assert.ok(list && list.items.length > 0, `no items for ${name}`);
      assert.equal(list.itemDefaults, undefined);
      const rich = (await completeAt(vscodeLike, marked, fileName)).list;
      assert.ok(rich);
      assert.equal(list.isIncomplete, rich.isIncomplete);
      assert.deepEqual(labels(list), labels(rich));
      list.items.forEach((item, index) => {
        assert.ok(item.textEdit && 'range' in item.textEdit, `${item.label}: no textEdit`);
        assert.equal(item.textEditText, undefined, item.label);
        assert.notEqual(item.insertTextFormat, InsertTextFormat.Snippet, item.label);
        // Snippet tab stops ($1, ${1:x}, ${1|a,b|}) must not reach an editor that would insert them as text.
        assert.doesNotMatch(item.textEdit.newText, /\$\d|\$\{\d/, item.label);
        assert.equal(item.command, undefined, item.label);
        assert.ok(item.documentation === undefined || typeof item.documentation === 'string', `${item.label}: documentation ${JSON.stringify(item.documentation)}`);
        // The same edit as the snippet client's, as the text that one would show with default placeholders.
        const other = rich.items[index];
        assert.deepEqual(item.textEdit.range, rich.itemDefaults?.editRange, item.label);
        assert.equal(item.textEdit.newText, snippetToPlain(other.textEditText as string), item.label);
        assert.equal(applied(text, list, item), applied(text, rich, other), item.label);
      });
    });
  }

  it('gives ARN templates their default values as plain text', async () => {
    const { list, text } = await completeAt(client, policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "|" }'));
    const template = find(list, 'arn:aws:s3:::bucket/key');
    assert.deepEqual(template.textEdit && 'range' in template.textEdit ? template.textEdit.newText : undefined, 'arn:aws:s3:::bucket/key');
    assert.match(applied(text, list as CompletionList, template), /"Resource": "arn:aws:s3:::bucket\/key" }/);
    const getObject = find((await completeAt(client, policy('{ "Effect": "Allow", "Action": "s3:Get|", "Resource": "*" }'))).list, 's3:GetObject');
    assert.equal(getObject.documentation, '**s3:GetObject** (Read)\n\nGrants permission to retrieve objects from Amazon S3');
  });

  it('converts positions after non-ASCII text in the per-item edits too', async () => {
    const { list, text } = await completeAt(client, policy('{ "Sid": "例🚀", "Effect": "Allow", "Action": "s3:Get|", "Resource": "*" }'));
    const item = find(list, 's3:GetObject');
    const line = text.split('\n')[3];
    const start = line.indexOf('"s3:Get"') + 1;
    assert.deepEqual(item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined, { start: { line: 3, character: start }, end: { line: 3, character: start + 6 } });
    assert.deepEqual(client.errors(), []);
  });
});

describe('account ids from the workspace', () => {
  let client: LspClient;
  let folder: string;
  let policyFile: string;
  const trustWith = (account: string) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] }, null, 2);

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'iam-lsp-accounts-'));
    mkdirSync(join(folder, 'roles'));
    policyFile = join(folder, 'roles', 'auditor-trust.json');
    writeFileSync(policyFile, trustWith('777788889999'));
    // Not a policy: its 12-digit number is no account.
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'infra', version: '1.0.0', config: { buildNumber: '123456789012' } }));
    client = await LspClient.start({
      capabilities: VSCODE_CAPABILITIES,
      initializationOptions: { retriggerSuggest: true },
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'infra' }],
    });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const principals = async () => labels((await completeAt(client, policy('{ "Effect": "Allow", "Principal": { "AWS": "|" }, "Action": "sts:AssumeRole" }'), 'new-trust.json')).list);

  it("offers the accounts named in the workspace's policies, in other documents, and not numbers of other JSON", async () => {
    const found = await eventually(principals, (l) => l.includes('arn:aws:iam::777788889999:root'), 'the scanned account');
    assert.ok(!found.some((l) => l.includes('123456789012')), found.join('\n'));
    assert.deepEqual(client.errors(), []);
  });

  it('follows changes on disk reported with workspace/didChangeWatchedFiles', async () => {
    await eventually(principals, (l) => l.includes('arn:aws:iam::777788889999:root'), 'the scanned account');
    writeFileSync(policyFile, trustWith('210987654321'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(policyFile).href, type: FileChangeType.Changed }] });
    const changed = await eventually(principals, (l) => l.includes('arn:aws:iam::210987654321:root'), 'the new account');
    assert.ok(!changed.includes('arn:aws:iam::777788889999:root'), 'the old account is gone');
    rmSync(policyFile);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(policyFile).href, type: FileChangeType.Deleted }] });
    await eventually(principals, (l) => !l.some((label) => /\d{12}/.test(label)), 'no account after the deletion');
    assert.deepEqual(client.errors(), []);
  });
});

describe('account ids: many in the workspace', () => {
  let client: LspClient;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'iam-lsp-many-accounts-'));
    // One file naming 25 partner accounts, as examples/broken/partner-roles-trust.json does with 60.
    const partners = Array.from({ length: 25 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:role/Partner`);
    writeFileSync(join(folder, 'partners-trust.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: partners }, Action: 'sts:AssumeRole' }] }));
    client = await LspClient.start({ capabilities: VSCODE_CAPABILITIES, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'many' }] });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('still offers the accounts the document itself names', async () => {
    const marked = policy(
      '{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::999988887777:root" }, "Action": "sts:AssumeRole" },\n' +
        '    { "Effect": "Allow", "Principal": { "AWS": "|" }, "Action": "sts:AssumeRole" }',
    );
    const principals = async () => labels((await completeAt(client, marked, 'vendor-trust.json')).list);
    await eventually(principals, (l) => l.includes('arn:aws:iam::100000000000:root'), 'the scanned accounts');
    assert.ok((await principals()).includes('arn:aws:iam::999988887777:root'), (await principals()).join('\n'));
  });
});

describe('completion and hover: not a policy, disabled, robustness', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ capabilities: VSCODE_CAPABILITIES, initializationOptions: { retriggerSuggest: true } });
  });
  after(async () => {
    await client.stop();
  });

  const both = async (marked: string, fileName?: string, languageId?: string) => ({
    completion: (await completeAt(client, marked, fileName, languageId)).list,
    hover: await hoverAt(client, marked, fileName, languageId),
  });

  it('answers null for JSON that is not a policy, and for other languages', async () => {
    assert.deepEqual(await both('{ "name": "infra", "scripts": { "build": "tsc|" } }', 'package.json'), { completion: null, hover: null });
    assert.deepEqual(await both('{\n  "compilerOptions": {\n    "|"\n  }\n}\n', 'tsconfig.json'), { completion: null, hover: null });
    const statement = policy('{ "Effect": "Allow", "Action": "s3:Get|Object", "Resource": "*" }');
    assert.deepEqual(await both(statement, 'policy.txt', 'plaintext'), { completion: null, hover: null });
    // The same text as JSON is a policy.
    const answers = await both(statement);
    assert.ok(answers.completion && answers.hover);
  });

  it('answers null when iamPolicy.enable is false, and again once enabled', async () => {
    const statement = policy('{ "Effect": "Allow", "Action": "s3:Get|Object", "Resource": "*" }');
    client.settings = { ...DEFAULT_TEST_SETTINGS, enable: false };
    client.changeConfiguration();
    try {
      assert.deepEqual(await both(statement), { completion: null, hover: null });
    } finally {
      client.settings = DEFAULT_TEST_SETTINGS;
      client.changeConfiguration();
    }
    const answers = await both(statement);
    assert.ok(answers.completion && answers.hover);
  });

  it('answers at every position of broken documents without an error', async () => {
    const broken = [
      '{"Statement": [{"Effect": "Allow", "Action": "s3:Get',
      '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", , "Resource": "arn:aws:s3:::b/*"}',
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": }, "Condition": {"StringEquals": {"aws:": [}}}}',
      '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject" "Resource": "*" /* ? */, "Condition": {"Bool": {"aws:SecureTransport": tru',
      '\n\n  "Statement": "',
      '{"Statement": [{"Sid": "é🚀\\u00e9\\"", "Action": "\\',
      '',
    ];
    for (const [index, text] of broken.entries()) {
      const uri = `file:///ws/broken-${index}-trust.json`;
      client.open(uri, text);
      const document = TextDocument.create(uri, 'json', 1, text);
      for (let offset = 0; offset <= text.length; offset++) {
        const position = document.positionAt(offset);
        const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
        for (const item of list?.items ?? []) editOf(list as CompletionList, item);
        await client.request('textDocument/hover', { textDocument: { uri }, position });
      }
    }
    assert.deepEqual(client.errors(), []);
  });

  it('answers out-of-range positions and closed documents without an error, and still works', async () => {
    const marked = policy('{ "Effect": "Allow", "Action": "s3:Get|", "Resource": "*" }');
    const { uri } = await completeAt(client, marked);
    for (const position of [
      { line: 0, character: 10_000 },
      { line: 3, character: 10_000 },
      { line: 10_000, character: 0 },
      { line: 10_000, character: 10_000 },
    ]) {
      await client.request('textDocument/completion', { textDocument: { uri }, position });
      await client.request('textDocument/hover', { textDocument: { uri }, position });
    }
    client.close(uri);
    const position = cursor(marked).position;
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri }, position }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri: 'file:///never/opened.json' }, position }), null);
    assert.ok(find((await completeAt(client, marked)).list, 's3:GetObject'));
    assert.deepEqual(client.errors(), []);
    assert.equal(client.running, true);
  });
});
