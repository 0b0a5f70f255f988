import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, Diagnostic, DocumentDiagnosticReport, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol/node';
import { DEFAULT_TEST_SETTINGS, LspClient, PULL_CAPABILITIES } from './client';

/** A vendor role and a GitHub deploy role with the mistakes issue [4] is about, in one trust policy. */
const TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Vendor",
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::444455556666:root" },
      "Action": "sts:AssumeRole"
    },
    {
      "Sid": "Deploy",
      "Effect": "Allow",
      "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
      "Action": "sts:AssumeRole",
      "Condition": {
        "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }
      }
    }
  ]
}
`;

const items = (report: DocumentDiagnosticReport): Diagnostic[] => (report.kind === 'full' ? report.items : []);
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), edits);

describe('trust policies over stdio', () => {
  let client: LspClient;
  const uri = 'file:///ws/deploy-role-trust.json';
  let version = 1;
  let text = TRUST;

  before(async () => {
    client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
    client.open(uri, TRUST);
  });
  after(() => client.kill());

  const diagnostics = async () => items(await client.pull(uri));
  const actionsFor = (diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });

  /** Applies the code action titled like `title` for the diagnostic of `rule`, and sends the new text. */
  async function applyFix(rule: string, title: RegExp): Promise<string> {
    const diagnostic = (await diagnostics()).find((d) => d.code === rule);
    assert.ok(diagnostic, `no ${rule} diagnostic`);
    const actions = await actionsFor(diagnostic);
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, `no action ${String(title)} among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(action.kind, 'quickfix');
    text = apply(text, action.edit?.changes?.[uri] ?? []);
    client.replace(uri, ++version, text);
    return action.title;
  }

  it('advertises code lenses and hovers', () => {
    assert.deepEqual(client.initializeResult?.capabilities.codeLensProvider, { resolveProvider: false });
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
  });

  it('reports the trust rules with their codes and data', async () => {
    const codes = (await diagnostics()).map((d) => d.code).sort();
    assert.deepEqual(codes, ['trust-action-principal-mismatch', 'trust-cross-account-unconditioned', 'trust-oidc-missing-sub']);
  });

  it('shows who can assume the role above each statement, as text lenses', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [
        [3, 'Can assume: Any principal in account 444455556666 whose own policies allow sts:AssumeRole on this role', ''],
        [9, 'Can assume: GitHub Actions runs of any repository on GitHub (but the statement does not allow sts:AssumeRoleWithWebIdentity, which it needs)', ''],
      ],
    );
  });

  it('explains the statement when hovering over its Principal, and nowhere else', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 9 } });
    assert.ok(hover, 'no hover on "Principal"');
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Who can assume this role\*\*: Statement 1 \\\(Vendor\\\)/);
    assert.match(value, /Any principal in account 444455556666/);
    assert.match(value, /Actions: `sts:AssumeRole`/);
    assert.deepEqual(hover.range?.start, { line: 6, character: 6 });
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 9 } }), null);
  });

  it('adds an ExternalId with a fresh random value, and the warning goes away', async () => {
    const title = await applyFix('trust-cross-account-unconditioned', /^Require the ExternalId/);
    const [, externalId] = /"([A-Za-z0-9]{32})"/.exec(title) ?? [];
    assert.ok(externalId, title);
    assert.match(title, /third party/);
    assert.ok(text.includes(`"Condition": {\n        "StringEquals": {\n          "sts:ExternalId": "${externalId}"\n        }\n      }`), text);
    assert.doesNotThrow(() => JSON.parse(text));
    const codes = (await diagnostics()).map((d) => d.code);
    assert.ok(!codes.includes('trust-cross-account-unconditioned'), codes.join());
    assert.ok(codes.includes('trust-oidc-missing-sub'), 'the other findings stay');
  });

  it('fixes the action for the OIDC principal, then pins the subject with a placeholder that is reported until filled in', async () => {
    await applyFix('trust-action-principal-mismatch', /^Change to "sts:AssumeRoleWithWebIdentity"$/);
    await applyFix('trust-oidc-missing-sub', /^Require token\.actions\.githubusercontent\.com:sub/);
    assert.ok(text.includes('"token.actions.githubusercontent.com:sub": "repo:OWNER/REPO:ref:refs/heads/main"'), text);
    // The new key joins the existing one-line block, which stays as it was written.
    assert.ok(text.includes('"StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub"'), text);
    assert.deepEqual((await diagnostics()).map((d) => d.code), ['unfilled-placeholder']);
    text = text.replace('OWNER/REPO', 'example-org/web');
    client.replace(uri, ++version, text);
    assert.deepEqual(await diagnostics(), []);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses[1].command?.title, 'Can assume: GitHub Actions runs of example-org/web on branch main');
    assert.deepEqual(client.errors(), []);
  });
});

describe('trust code lenses: settings and other documents', () => {
  it('shows none when iamPolicy.codeLens is false, and none for identity policies', async () => {
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES, settings: { ...DEFAULT_TEST_SETTINGS, codeLens: false } });
    try {
      client.open('file:///ws/a-trust.json', TRUST);
      assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: 'file:///ws/a-trust.json' } }), []);
      client.settings = DEFAULT_TEST_SETTINGS;
      client.changeConfiguration();
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: 'file:///ws/a-trust.json' } });
      assert.equal(lenses.length, 2);
      client.open('file:///ws/policy.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }));
      assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: 'file:///ws/policy.json' } }), []);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///ws/policy.json' }, position: { line: 0, character: 40 } }), null);
      client.open('file:///ws/broken-trust.json', '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ');
      assert.ok(Array.isArray(await client.request('textDocument/codeLens', { textDocument: { uri: 'file:///ws/broken-trust.json' } })));
      assert.deepEqual(client.errors(), []);
    } finally {
      client.kill();
    }
  });
});
