import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextEdit } from 'vscode-languageserver-protocol/node';
import { LspClient, PULL_CAPABILITIES } from './client';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObjcet", "s3:Get*", "s3:GetBucketLocation"],
      "Resource": "*"
    }
  ]
}
`;

function items(report: DocumentDiagnosticReport): Diagnostic[] {
  return report.kind === 'full' ? report.items : [];
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), edits);
}

describe('code actions over stdio', () => {
  let client: LspClient;
  const uri = 'file:///ws/developer-policy.json';
  before(async () => {
    client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
    client.open(uri, POLICY);
  });
  after(() => client.kill());

  const actionsFor = async (diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });

  it('advertises quick fixes', () => {
    assert.deepEqual(client.initializeResult?.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
  });

  it('offers "did you mean" for an unknown action, and the edit gives a policy without the finding', async () => {
    const unknown = items(await client.pull(uri)).find((d) => d.code === 'unknown-action');
    assert.ok(unknown, 'no unknown-action diagnostic');
    const actions = await actionsFor(unknown);
    const fix = actions.find((a) => a.title === 'Change to "s3:GetObject"');
    assert.ok(fix, `titles: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.kind, 'quickfix');
    const fixed = apply(POLICY, fix.edit?.changes?.[uri] ?? []);
    assert.ok(fixed.includes('["s3:GetObject", "s3:Get*"'));
    client.replace(uri, 2, fixed);
    assert.equal(items(await client.pull(uri)).filter((d) => d.code === 'unknown-action').length, 0);
  });

  it('removes a redundant action from its list, keeping the JSON valid', async () => {
    const current = TextDocument.create(uri, 'json', 2, POLICY.replace('GetObjcet', 'GetObject'));
    const redundant = items(await client.pull(uri)).find(
      (d) => d.code === 'redundant-action' && current.getText(d.range) === '"s3:GetBucketLocation"',
    );
    assert.ok(redundant, 'no redundant-action diagnostic on "s3:GetBucketLocation"');
    const [fix] = await actionsFor(redundant);
    assert.ok(fix?.title.startsWith('Remove "s3:GetBucketLocation"'), fix?.title);
    const text = apply(current.getText(), fix.edit?.changes?.[uri] ?? []);
    assert.equal(text, current.getText().replace(', "s3:GetBucketLocation"', ''));
  });

  it('answers nothing for diagnostics of other sources or stale ranges', async () => {
    const foreign: Diagnostic = { range: { start: { line: 5, character: 18 }, end: { line: 5, character: 30 } }, message: 'x', source: 'json', code: 'unknown-action' };
    assert.deepEqual(await actionsFor(foreign), []);
    const stale: Diagnostic = { ...foreign, source: 'iam-policy', data: { suggestions: ['s3:GetObject'] }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
    assert.deepEqual(await actionsFor(stale), []);
    assert.deepEqual(client.errors(), []);
  });
});
