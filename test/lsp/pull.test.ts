import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { IDENTITY_WITHOUT_VERSION, PACKAGE_JSON, TRUST_RESOURCE_RANGE, TRUST_WITH_RESOURCE } from '../support/policies';
import { LspClient, PULL_CAPABILITIES, PUSH_CAPABILITIES } from './client';

function fullItems(report: DocumentDiagnosticReport): Diagnostic[] {
  assert.equal(report.kind, 'full');
  return report.kind === 'full' ? report.items : [];
}

const rules = (items: Diagnostic[]) => items.map((d) => d.code);

describe('pull diagnostics (client with textDocument.diagnostic)', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
  });
  after(() => client.kill());

  it('advertises a diagnostic provider', () => {
    const provider = client.initializeResult?.capabilities.diagnosticProvider;
    assert.ok(provider, 'no diagnosticProvider');
    assert.equal(provider.interFileDependencies, false);
    assert.equal(provider.workspaceDiagnostics, false);
  });

  it('answers textDocument/diagnostic with a full report, the same items as in push mode', async () => {
    const uri = 'file:///ws/roles/ec2-role.json';
    client.open(uri, TRUST_WITH_RESOURCE);
    const pulled = fullItems(await client.pull(uri, 1_000));
    assert.deepEqual(pulled.find((d) => d.code === 'trust-has-resource')?.range, TRUST_RESOURCE_RANGE);

    const pushClient = await LspClient.start({ capabilities: PUSH_CAPABILITIES });
    try {
      const published = pushClient.nextDiagnostics(uri);
      pushClient.open(uri, TRUST_WITH_RESOURCE);
      assert.deepEqual(pulled, (await published).diagnostics);
    } finally {
      pushClient.kill();
    }
  });

  it('does not push diagnostics to a client that pulls', async () => {
    const uri = 'file:///ws/roles/no-push-trust.json';
    client.open(uri, TRUST_WITH_RESOURCE);
    await client.pull(uri);
    await client.pull(uri); // a second round trip: anything pushed for the open would have arrived
    assert.deepEqual(client.published.filter((p) => p.uri === uri), []);
  });

  it('returns an empty full report for package.json and for an unknown document', async () => {
    const uri = 'file:///x/package.json';
    client.open(uri, PACKAGE_JSON);
    assert.deepEqual(fullItems(await client.pull(uri)), []);
    assert.deepEqual(fullItems(await client.pull('file:///never/opened.json')), []);
  });

  it('follows edits', async () => {
    const uri = 'file:///ws/policies/edited.json';
    client.open(uri, IDENTITY_WITHOUT_VERSION);
    assert.ok(rules(fullItems(await client.pull(uri))).includes('missing-version'));
    client.edit(uri, 2, { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\n  "Version": "2012-10-17",' });
    assert.ok(!rules(fullItems(await client.pull(uri))).includes('missing-version'));
  });
});
