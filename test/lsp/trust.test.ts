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
  // A graceful stop: the notifications still in flight are written before the process goes.
  after(async () => {
    await client.stop();
  });

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
    const whoCanAssume = async (line: number, character: number) => {
      const found = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      return /Who can assume/.test((found?.contents as MarkupContent | undefined)?.value ?? '');
    };
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 9 } });
    assert.ok(hover, 'no hover on "Principal"');
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Who can assume this role\*\*: Statement 1 \\\(Vendor\\\)/);
    assert.match(value, /Any principal in account 444455556666/);
    assert.match(value, /Actions: `sts:AssumeRole`/);
    assert.deepEqual(hover.range?.start, { line: 6, character: 6 });
    assert.equal(await whoCanAssume(5, 9), false, 'the Effect hover says nothing of who can assume the role');
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
      const effect = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///ws/policy.json' }, position: { line: 0, character: 40 } });
      assert.doesNotMatch((effect?.contents as MarkupContent | undefined)?.value ?? '', /Who can assume/);
      client.open('file:///ws/broken-trust.json', '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ');
      assert.ok(Array.isArray(await client.request('textDocument/codeLens', { textDocument: { uri: 'file:///ws/broken-trust.json' } })));
      assert.deepEqual(client.errors(), []);
    } finally {
      await client.stop();
    }
  });
});

/** One trust policy statement per case, with the finding whose every fix is applied through the server. */
const FIX_CASES: [string, Record<string, unknown>][] = [
  ['mfa-if-exists', { Principal: { AWS: '444455556666' }, Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' }, Bool: { 'aws:SecureTransport': 'true' } } }],
  ['forallvalues-single-valued', { Principal: { AWS: '444455556666' }, Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }],
  ['wildcard-without-like', { Principal: { AWS: '444455556666' }, Condition: { StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::444455556666:role/Deploy*', 'sts:ExternalId': 'Xq7RkV2mP9sLw4Tz' } } }],
  ['trust-has-resource', { Principal: { AWS: 'arn:aws:iam::444455556666:role/Ops' }, Resource: '*' }],
  ['trust-invalid-action', { Principal: { AWS: 'arn:aws:iam::444455556666:role/Ops' }, Action: 'sts:AssumeRol' }],
  [
    'trust-action-principal-mismatch',
    { Principal: { AWS: 'arn:aws:iam::444455556666:role/Admin', Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' }, Action: ['sts:AssumeRole'], Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } },
  ],
  ['trust-cross-account-unconditioned', { Principal: { AWS: '444455556666' } }],
  ['trust-external-id-weak', { Principal: { AWS: '444455556666' }, Condition: { StringLike: { 'sts:ExternalId': 'EXTERNAL_ID' } } }],
  ['trust-oidc-missing-aud', { Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:acme-corp/web:ref:refs/heads/main' } } }],
  ['trust-oidc-missing-sub', { Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/A1B2C3D4E5F6' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'oidc.eks.eu-west-1.amazonaws.com/id/A1B2C3D4E5F6:aud': 'sts.amazonaws.com' } } }],
  ['trust-saml-missing-aud', { Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' }, Action: 'sts:AssumeRoleWithSAML' }],
  ['trust-service-confused-deputy', { Principal: { Service: 'states.amazonaws.com' } }],
];

describe('every trust quick fix through the server', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
  });
  // A graceful stop: the notifications still in flight are written before the process goes.
  after(async () => {
    await client.stop();
  });

  for (const [rule, statement] of FIX_CASES) {
    it(`${rule}: each fix gives valid JSON without the finding and adds no other`, async () => {
      const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] }, null, 2);
      const uri = `file:///ws/fix-${rule}-trust.json`;
      client.open(uri, text);
      const before = items(await client.pull(uri));
      const diagnostic = before.find((d) => d.code === rule);
      assert.ok(diagnostic, `no ${rule} among ${before.map((d) => d.code).join()}`);
      const others = before.filter((d) => d !== diagnostic).map((d) => d.code);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      assert.ok(actions.length > 0, `no fix for ${rule}`);
      let version = 1;
      for (const action of actions) {
        const fixed = apply(text, action.edit?.changes?.[uri] ?? []);
        assert.doesNotThrow(() => JSON.parse(fixed), action.title);
        client.replace(uri, ++version, fixed);
        const after = items(await client.pull(uri)).map((d) => d.code);
        const count = (codes: unknown[]) => codes.filter((c) => c === rule).length;
        assert.ok(count(after) < count(before.map((d) => d.code)), `${action.title}: ${after.join()}`);
        // Nothing new, but for unfilled-placeholder where a fix writes one (a fix may settle another finding too:
        // MFA in Bool also satisfies trust-cross-account-unconditioned).
        const added = after.filter((c) => c !== 'unfilled-placeholder' && c !== rule && !others.includes(c));
        assert.deepEqual(added, [], action.title);
        client.replace(uri, ++version, text);
      }
    });
  }
});
