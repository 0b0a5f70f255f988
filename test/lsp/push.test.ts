import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { PACKAGE_JSON, TRUST_RESOURCE_RANGE, TRUST_WITH_RESOURCE } from '../support/policies';
import { rangeOf } from '../support/positions';
import { LspClient, PUSH_CAPABILITIES } from './client';

// A client without the textDocument.diagnostic capability, like Neovim 0.7: the server must push.
describe('push diagnostics (client without pull support)', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ capabilities: PUSH_CAPABILITIES });
  });
  after(() => client.kill());

  it('does not advertise a diagnostic provider and asks for incremental sync', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.equal(capabilities?.diagnosticProvider, undefined);
    assert.equal(capabilities?.textDocumentSync, 2);
    assert.equal(client.initializeResult?.serverInfo?.name, 'iam-policy-language-server');
  });

  it('publishes trust-has-resource on the "Resource" key within a second of opening', async () => {
    const uri = 'file:///ws/roles/ec2-role.json';
    const published = client.nextDiagnostics(uri, 1_000);
    const started = performance.now();
    client.open(uri, TRUST_WITH_RESOURCE);
    const { diagnostics, version } = await published;
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1_000, `diagnostics took ${Math.round(elapsed)} ms`);
    assert.equal(version, 1);
    const finding = diagnostics.find((d) => d.code === 'trust-has-resource');
    assert.ok(finding, `no trust-has-resource in ${JSON.stringify(diagnostics)}`);
    assert.deepEqual(finding.range, TRUST_RESOURCE_RANGE);
    assert.deepEqual(finding.range, rangeOf(TRUST_WITH_RESOURCE, '"Resource"'));
    assert.equal(finding.severity, DiagnosticSeverity.Error);
    assert.equal(finding.source, 'iam-policy');
    assert.match(finding.codeDescription?.href ?? '', /docs\/rules\/trust-has-resource\.md$/);
    assert.equal((finding.data as { rule?: string } | undefined)?.rule, 'trust-has-resource');
    assert.match(typeof finding.message === 'string' ? finding.message : finding.message.value, /Resource/);
  });

  it('publishes nothing for package.json and reports it as not a policy', async () => {
    const uri = 'file:///x/package.json';
    const kind = client.nextDocumentKind(uri);
    const published = client.nextDiagnostics(uri);
    client.open(uri, PACKAGE_JSON);
    assert.deepEqual(await kind, { uri, kind: null, reason: null });
    assert.deepEqual((await published).diagnostics, []);
  });

  it('clears diagnostics when a document is closed', async () => {
    const uri = 'file:///ws/roles/closing-trust.json';
    const opened = client.nextDiagnostics(uri);
    client.open(uri, TRUST_WITH_RESOURCE);
    assert.notEqual((await opened).diagnostics.length, 0);
    const closed = client.nextDiagnostics(uri);
    client.close(uri);
    assert.deepEqual((await closed).diagnostics, []);
  });

  it('publishes nothing stale for a document closed right after opening', async () => {
    const uri = 'file:///ws/roles/short-lived-trust.json';
    const cleared = client.nextDiagnostics(uri);
    client.open(uri, TRUST_WITH_RESOURCE);
    client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
    // A document opened later is published after any push still pending for the closed one.
    const barrier = 'file:///ws/roles/barrier.json';
    const published = client.nextDiagnostics(barrier);
    client.open(barrier, TRUST_WITH_RESOURCE);
    await published;
    assert.deepEqual(client.published.filter((p) => p.uri === uri).map((p) => p.diagnostics), [[]]);
  });

  it('publishes only the last version after a burst of edits', async () => {
    const uri = 'file:///ws/roles/typing.json';
    const opened = client.nextDiagnostics(uri);
    client.open(uri, TRUST_WITH_RESOURCE);
    await opened;
    const next = client.nextDiagnostics(uri);
    for (let version = 2; version <= 6; version++) client.replace(uri, version, TRUST_WITH_RESOURCE.replace('AllowEc2', `AllowEc2V${version}`));
    const { version, diagnostics } = await next;
    assert.equal(version, 6);
    assert.deepEqual(diagnostics.find((d) => d.code === 'trust-has-resource')?.range, TRUST_RESOURCE_RANGE);
  });
});
