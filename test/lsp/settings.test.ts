import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { IDENTITY_WITHOUT_VERSION, TRUST_WITH_RESOURCE } from '../support/policies';
import { LspClient, PULL_CAPABILITIES, PUSH_CAPABILITIES } from './client';

const rules = (items: Diagnostic[]) => items.map((d) => d.code);
const items = (report: DocumentDiagnosticReport) => (report.kind === 'full' ? report.items : assert.fail('not a full report'));
const VERSION_OFF = { enable: true, rules: { 'missing-version': 'off' }, files: {} };

describe('settings pulled with workspace/configuration (push mode)', () => {
  let client: LspClient;
  const uri = 'file:///ws/policies/no-version.json';
  before(async () => {
    client = await LspClient.start({ capabilities: PUSH_CAPABILITIES, settings: VERSION_OFF });
  });
  after(() => client.kill());

  /** Changes the answer to workspace/configuration, notifies the server and returns the new diagnostics. */
  async function reconfigure(settings: unknown, forUri = uri): Promise<Diagnostic[]> {
    client.settings = settings;
    const next = client.nextDiagnostics(forUri);
    client.changeConfiguration();
    return (await next).diagnostics;
  }

  it('turns a rule off', async () => {
    const published = client.nextDiagnostics(uri);
    client.open(uri, IDENTITY_WITHOUT_VERSION);
    assert.deepEqual(rules((await published).diagnostics), []);
    assert.ok(client.configurationRequests > 0, 'the server never asked for settings');
  });

  it('re-validates open documents after didChangeConfiguration', async () => {
    const diagnostics = await reconfigure({ enable: true, rules: {}, files: {} });
    assert.deepEqual(rules(diagnostics), ['missing-version']);
    assert.equal(diagnostics[0]?.severity, DiagnosticSeverity.Warning);
    const raised = await reconfigure({ enable: true, rules: { 'missing-version': 'error' }, files: {} });
    assert.equal(raised[0]?.severity, DiagnosticSeverity.Error);
  });

  it('publishes nothing when disabled', async () => {
    const kind = client.nextDocumentKind(uri);
    assert.deepEqual(await reconfigure({ enable: false, rules: {}, files: {} }), []);
    assert.equal((await kind).kind, null);
    await reconfigure({ enable: true, rules: {}, files: {} });
  });

  it('analyses a file matched by iamPolicy.files as the given kind', async () => {
    client.settings = { enable: true, rules: {}, files: { '**/custom/*.json': 'trust' } };
    client.changeConfiguration();
    const noStatement = '{\n  "Version": "2012-10-17"\n}\n';
    const matched = 'file:///ws/custom/role.json';
    const kind = client.nextDocumentKind(matched);
    const published = client.nextDiagnostics(matched);
    client.open(matched, noStatement);
    assert.deepEqual(await kind, { uri: matched, kind: 'trust', reason: 'setting' });
    assert.ok(rules((await published).diagnostics).includes('schema'), 'a missing Statement is reported');

    const other = 'file:///ws/other/role.json';
    const otherPublished = client.nextDiagnostics(other);
    client.open(other, noStatement);
    assert.deepEqual((await otherPublished).diagnostics, []);
  });

  it('ignores a file associated with "ignore"', async () => {
    client.settings = { enable: true, rules: {}, files: { '**/generated/**': 'ignore' } };
    client.changeConfiguration();
    const ignored = 'file:///ws/generated/role-trust.json';
    const published = client.nextDiagnostics(ignored);
    client.open(ignored, TRUST_WITH_RESOURCE);
    assert.deepEqual((await published).diagnostics, []);
  });
});

describe('settings in pull mode', () => {
  it('asks the client to refresh when it declared refreshSupport', async () => {
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
    try {
      const uri = 'file:///ws/policies/no-version.json';
      client.open(uri, IDENTITY_WITHOUT_VERSION);
      assert.deepEqual(rules(items(await client.pull(uri))), ['missing-version']);
      client.settings = VERSION_OFF;
      const refresh = client.nextRefresh();
      client.changeConfiguration();
      await refresh;
      assert.deepEqual(rules(items(await client.pull(uri))), []);
    } finally {
      client.kill();
    }
  });

  it('does not send a refresh to a client without refreshSupport', async () => {
    const client = await LspClient.start({ capabilities: { ...PULL_CAPABILITIES, workspace: { configuration: true } } });
    try {
      const uri = 'file:///ws/policies/no-version.json';
      client.open(uri, IDENTITY_WITHOUT_VERSION);
      await client.pull(uri);
      client.settings = VERSION_OFF;
      client.changeConfiguration();
      // Messages are handled in order: a refresh sent for the change would arrive before this answer.
      assert.deepEqual(rules(items(await client.pull(uri))), []);
      assert.equal(client.refreshRequests, 0);
    } finally {
      client.kill();
    }
  });
});

describe('settings pushed by a client without workspace/configuration', () => {
  const capabilities = { textDocument: { publishDiagnostics: {} } };
  const uri = 'file:///ws/policies/no-version.json';

  it('takes settings from didChangeConfiguration', async () => {
    const client = await LspClient.start({ capabilities });
    try {
      const opened = client.nextDiagnostics(uri);
      client.open(uri, IDENTITY_WITHOUT_VERSION);
      assert.deepEqual(rules((await opened).diagnostics), ['missing-version']);
      const next = client.nextDiagnostics(uri);
      client.changeConfiguration({ iamPolicy: VERSION_OFF });
      assert.deepEqual(rules((await next).diagnostics), []);
      const disabled = client.nextDiagnostics(uri);
      client.changeConfiguration({ iamPolicy: { enable: false } });
      assert.deepEqual((await disabled).diagnostics, []);
      assert.equal(client.configurationRequests, 0);
    } finally {
      client.kill();
    }
  });

  it('takes settings from initializationOptions', async () => {
    const client = await LspClient.start({ capabilities, initializationOptions: { settings: { iamPolicy: VERSION_OFF } } });
    try {
      const opened = client.nextDiagnostics(uri);
      client.open(uri, IDENTITY_WITHOUT_VERSION);
      assert.deepEqual(rules((await opened).diagnostics), []);
    } finally {
      client.kill();
    }
  });
});
