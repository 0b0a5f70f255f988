// The trust graph request over stdio: the examples workspace as the panel sees it, export formats,
// unsaved edits, change notifications, a file's focus, and malformed params.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { TrustGraphView } from '../../server/src/shared/protocol';
import { LspClient, PULL_CAPABILITIES, REPO } from './client';

/** The examples' settings, as VS Code hands them to the server (nested). */
const SETTINGS = {
  enable: true,
  rules: {},
  files: {},
  accounts: { '111122223333': 'Client', '444455556666': 'Auditors', '777788889999': 'Monitoring vendor' },
  graph: { defaultAccount: '111122223333', roles: { 'client-account/security-audit-role-trust.json': 'arn:aws:iam::111122223333:role/SecurityAuditRole' } },
};
const TIMEOUT = 30_000;

describe('iamPolicy/trustGraph over stdio', () => {
  let root: string;
  let client: LspClient;
  const uri = (path: string) => pathToFileURL(join(root, path)).href;
  const view = (params: unknown = {}) => client.request<TrustGraphView>('iamPolicy/trustGraph', params, TIMEOUT);
  const text = async (params: unknown) => (await client.request<{ text: string }>('iamPolicy/trustGraph', params, TIMEOUT)).text;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'iam-graph-lsp-'));
    cpSync(join(REPO, 'examples'), root, { recursive: true });
    client = await LspClient.start({ capabilities: PULL_CAPABILITIES, settings: SETTINGS, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'examples' }] });
  });
  after(() => {
    client.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('draws the examples: the audit role with MFA from the auditors, granted by their group policy; vendor, GitHub, EKS and the public role', async () => {
    const result = await view();
    const edge = (from: string, to: string) => result.graph.edges.find((e) => e.from === from && e.to === to);
    const audit = 'role:111122223333:SecurityAuditRole';
    assert.deepEqual(edge('account:444455556666', audit)?.conditions, ['MFA ≤ 60 min']);
    assert.equal(edge('account:444455556666', audit)?.risk, 'low');
    const grant = edge(`policy:${uri('auditors-account/auditors-group-policy.json')}`, audit);
    assert.equal(grant?.kind, 'grant');
    assert.deepEqual(grant?.conditions, ['MFA']);
    assert.deepEqual(edge('account:777788889999', 'role:111122223333:monitoring-vendor-role')?.conditions, ['ExternalId']);
    assert.deepEqual(edge('oidc:111122223333:token.actions.githubusercontent.com', 'role:111122223333:github-actions-deploy-role')?.conditions, ['example-org/web-app:main']);
    const eks = result.graph.edges.find((e) => e.to === 'role:111122223333:irsa-role');
    assert.deepEqual(eks?.conditions, ['kube-system/external-dns']);
    assert.equal(edge('public', 'role:111122223333:open-to-everyone-role')?.risk, 'high');
    assert.equal(result.graph.nodes.find((n) => n.id === 'role:111122223333:open-to-everyone-role')?.risk, 'high');
    // Sources are document URIs with the span of the principal.
    const source = edge('account:444455556666', audit)?.source;
    assert.equal(source?.path, uri('client-account/security-audit-role-trust.json'));
    // The 60 partner roles are one node in the picture.
    assert.ok(result.graph.nodes.some((n) => n.label === 'PartnerDeployRole in 60 accounts'));
    assert.ok(result.layout.nodes.length === result.graph.nodes.length && result.layout.width > 0);
    assert.ok(result.accounts.some((a) => a.id === '444455556666' && a.label === 'Auditors · 444455556666'));
    assert.equal(result.truncated, false);
    assert.ok(result.files >= 20, `${result.files} files`);
  });

  it('exports Mermaid, DOT, SVG and JSON, filtered by account and risk', async () => {
    const mermaid = await text({ format: 'mermaid', filter: { accounts: ['444455556666'] } });
    assert.match(mermaid, /^flowchart LR\n/);
    assert.match(mermaid, /SecurityAuditRole/);
    assert.doesNotMatch(mermaid, /irsa-role/);
    assert.match(await text({ format: 'dot' }), /^digraph trust \{/);
    const svg = await text({ format: 'svg', filter: { risks: ['high'] } });
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /open-to-everyone-role/);
    assert.doesNotMatch(svg, /SecurityAuditRole/);
    const json = JSON.parse(await text({ format: 'json' })) as { nodes: { label: string }[] };
    // JSON keeps every partner role: grouping is for pictures only.
    assert.equal(json.nodes.filter((n) => n.label === 'PartnerDeployRole').length, 60);
  });

  it('focuses the role of one file', async () => {
    const result = await view({ focusUri: uri('ci/github-actions-deploy-role-trust.json') });
    assert.equal(result.focus, 'role:111122223333:github-actions-deploy-role');
    assert.deepEqual(result.graph.nodes.map((n) => n.id).sort(), ['oidc:111122223333:token.actions.githubusercontent.com', 'role:111122223333:github-actions-deploy-role']);
    assert.ok(result.total.nodes > result.graph.nodes.length);
  });

  it('follows unsaved edits of open documents and says when the graph changed', async () => {
    const path = 'client-account/monitoring-vendor-role-trust.json';
    const changed = client.nextGraphChange(TIMEOUT);
    const open = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] });
    client.open(uri(path), open);
    client.replace(uri(path), 2, open);
    await changed;
    const result = await view();
    assert.equal(result.graph.edges.find((e) => e.to === 'role:111122223333:monitoring-vendor-role')?.from, 'public');
    client.close(uri(path));
  });

  it('stays quiet for documents that change nothing in the graph, and speaks up when the settings change', async () => {
    const before = client.graphChanges.length;
    // A non-policy JSON and a policy opened unchanged: a visible panel must not lay everything out again.
    client.open(uri('package-like.json'), '{ "name": "x", "version": "1.0.0" }');
    client.open(uri('ci/github-actions-deploy-role-trust.json'), readFileSync(join(root, 'ci/github-actions-deploy-role-trust.json'), 'utf8'));
    // Both debounces (per document, then the notification) are 400 ms: a second is enough to hear one.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    assert.equal(client.graphChanges.length, before);
    client.close(uri('package-like.json'));
    client.close(uri('ci/github-actions-deploy-role-trust.json'));
    const changed = client.nextGraphChange(TIMEOUT);
    client.settings = { ...SETTINGS, accounts: { ...SETTINGS.accounts, '444455556666': 'Audit team' } };
    client.changeConfiguration();
    await changed;
    const result = await view();
    assert.ok(result.accounts.some((a) => a.label === 'Audit team · 444455556666'));
    client.settings = SETTINGS;
    client.changeConfiguration();
  });

  it('reads a file created on disk when the client reports it', async () => {
    writeFileSync(join(root, 'eks', 'new-role-trust.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));
    const changed = client.nextGraphChange(TIMEOUT);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('eks/new-role-trust.json'), type: 1 }] });
    await changed;
    const result = await view();
    assert.ok(result.graph.edges.some((e) => e.from === 'service:ec2.amazonaws.com' && e.to === 'role:111122223333:new-role'));
  });

  it('matches an open document to its file whatever the URI escaping (VS Code escapes "+")', async () => {
    const path = join(root, 'ci+ops', 'deploy-trust-policy.json');
    mkdirSync(join(root, 'ci+ops'));
    writeFileSync(path, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));
    const changed = client.nextGraphChange(TIMEOUT);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path).href, type: 1 }] });
    await changed;
    const escaped = pathToFileURL(path).href.replace('+', '%2B');
    client.open(escaped, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));
    const result = await view({ focusUri: escaped });
    assert.deepEqual(result.graph.issues.filter((i) => i.kind === 'duplicate-role'), []);
    assert.equal(result.focus, 'role:111122223333:deploy');
    // The open document wins, under the editor's spelling of its URI.
    assert.deepEqual(result.graph.edges.map((e) => [e.from, e.source.path]), [['service:lambda.amazonaws.com', escaped]]);
    client.close(escaped);
  });

  it('answers malformed params with InvalidParams, and keeps serving', async () => {
    for (const params of [{ format: 'png' }, { filter: { risks: ['severe'] } }, { filter: { accounts: 'all' } }, { focusUri: 42 }, 'text']) {
      await assert.rejects(client.request('iamPolicy/trustGraph', params, TIMEOUT), /Expected/);
    }
    assert.ok((await view()).graph.nodes.length > 0);
    assert.deepEqual(client.errors(), []);
  });
});
