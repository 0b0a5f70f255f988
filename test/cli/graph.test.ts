import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GRAPH_USAGE } from '../../server/src/cli/graph';
import { assertWellFormedXml } from '../support/xml';
import { assertUsageError, REPO, runCli, TempDir, type CliResult, type Range } from './run';

/** `iam-policy graph`: the JSON of issue [7] on examples/, the picture formats, filters, and what it refuses. */

const CLIENT = '111122223333';
const AUDITORS = '444455556666';
const VENDOR = '777788889999';

interface JsonSource {
  path: string;
  range: Range;
}
interface JsonNode {
  id: string;
  kind: string;
  label: string;
  account?: string;
  local?: boolean;
  detail?: string;
  risk?: string;
  source?: JsonSource;
}
interface JsonEdge {
  id: string;
  from: string;
  to: string;
  kind: 'trust' | 'grant';
  conditions: string[];
  risk: 'high' | 'medium' | 'low';
  reasons: string[];
  sid?: string;
  source: JsonSource;
}
interface JsonIssue {
  kind: string;
  severity: string;
  message: string;
  source: JsonSource;
  edge?: string;
  node?: string;
}
interface GraphJson {
  nodes: JsonNode[];
  edges: JsonEdge[];
  issues: JsonIssue[];
}

/** The fields issue [7] names, and the few more the export adds (detail, risk, the node's file, the edge's id, reasons and Sid). */
const NODE_KEYS = ['id', 'kind', 'label', 'account', 'local', 'detail', 'risk', 'source'];
const EDGE_KEYS = ['id', 'from', 'to', 'kind', 'conditions', 'risk', 'reasons', 'sid', 'source'];
const ISSUE_KEYS = ['kind', 'severity', 'message', 'source', 'edge', 'node'];
const NODE_KINDS = ['role', 'account', 'user', 'session', 'federated-user', 'service', 'oidc', 'saml', 'public', 'policy', 'reference'];

function parseGraph(result: CliResult): GraphJson {
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout) as GraphJson;
}

function assertRange(source: JsonSource, what: string): void {
  assert.equal(typeof source.path, 'string', what);
  const { start, end } = source.range;
  for (const n of [start.line, start.character, end.line, end.character]) assert.ok(Number.isInteger(n) && n >= 0, `${what}: ${JSON.stringify(source.range)}`);
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), what);
}

/** The JSON has exactly the shape of issue [7], and hangs together. */
function assertShape(graph: GraphJson): void {
  assert.deepEqual(Object.keys(graph).sort(), ['edges', 'issues', 'nodes']);
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    for (const key of Object.keys(node)) assert.ok(NODE_KEYS.includes(key), `node key ${key}`);
    assert.equal(typeof node.id, 'string');
    assert.ok(NODE_KINDS.includes(node.kind), node.kind);
    assert.equal(typeof node.label, 'string');
    if ('account' in node) assert.match(node.account as string, /^\d{12}$/);
    if (node.source) assertRange(node.source, node.id);
    assert.ok(!ids.has(node.id), `duplicate node ${node.id}`);
    ids.add(node.id);
  }
  for (const edge of graph.edges) {
    for (const key of Object.keys(edge)) assert.ok(EDGE_KEYS.includes(key), `edge key ${key}`);
    assert.ok(ids.has(edge.from) && ids.has(edge.to), `${edge.from} -> ${edge.to} joins nodes of the graph`);
    assert.ok(edge.kind === 'trust' || edge.kind === 'grant');
    assert.ok(Array.isArray(edge.conditions) && edge.conditions.every((c) => typeof c === 'string'));
    assert.ok(['high', 'medium', 'low'].includes(edge.risk));
    assertRange(edge.source, edge.id);
  }
  for (const issue of graph.issues) {
    for (const key of Object.keys(issue)) assert.ok(ISSUE_KEYS.includes(key), `issue key ${key}`);
    assert.ok(['grant-not-trusted', 'trust-without-grant', 'duplicate-role', 'unusable-trust'].includes(issue.kind), issue.kind);
    assert.ok(['error', 'warning', 'info'].includes(issue.severity));
    assert.equal(typeof issue.message, 'string');
    assertRange(issue.source, issue.message);
  }
}

/** The text a source range covers, read from the file (paths are relative to the repository, as given). */
function textAt(source: JsonSource): string {
  const lines = readFileSync(join(REPO, source.path), 'utf8').split('\n');
  const { start, end } = source.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}


describe('iam-policy graph on examples/ (settings read from examples/.vscode/settings.json)', () => {
  let graph: GraphJson;
  let nodes: Map<string, JsonNode>;
  const edge = (from: string, to: string, kind: JsonEdge['kind'] = 'trust') => {
    const found = graph.edges.filter((e) => e.from === from && e.to === to && e.kind === kind);
    assert.equal(found.length, 1, `one ${kind} edge ${from} -> ${to}, not ${found.length}`);
    return found[0];
  };
  before(() => {
    graph = parseGraph(runCli(['graph', 'examples/']));
    nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  });

  it('writes JSON in the shape of the issue: nodes, edges with conditions, risk and source, issues', () => {
    assertShape(graph);
    assert.ok(graph.nodes.length > 0 && graph.edges.length > 0);
    // The JSON export keeps look-alike principals apart: the 60 partner roles are 60 nodes.
    assert.equal(graph.nodes.filter((n) => n.label === 'PartnerDeployRole').length, 60);
    // --format json is the default.
    assert.deepEqual(parseGraph(runCli(['graph', '--format', 'json', 'examples/'])), graph);
  });

  it('the audit role: SecurityAuditRole in 111122223333, trusted by 444455556666 with "MFA ≤ 60 min", granted by the auditors group policy with MFA', () => {
    const role = nodes.get(`role:${CLIENT}:SecurityAuditRole`);
    assert.ok(role, 'named by iamPolicy.graph.roles');
    assert.deepEqual([role.kind, role.label, role.account, role.risk], ['role', 'SecurityAuditRole', CLIENT, 'low']);
    assert.equal(role.source?.path, 'examples/client-account/security-audit-role-trust.json');
    assert.deepEqual(nodes.get(`account:${AUDITORS}`)?.kind, 'account');
    const trust = edge(`account:${AUDITORS}`, role.id);
    assert.deepEqual([trust.conditions, trust.risk, trust.sid], [['MFA ≤ 60 min'], 'low', 'AuditorsWithMfa']);
    assert.equal(trust.source.path, 'examples/client-account/security-audit-role-trust.json');
    assert.equal(textAt(trust.source), `"arn:aws:iam::${AUDITORS}:root"`);
    const policy = nodes.get('policy:examples/auditors-account/auditors-group-policy.json');
    assert.ok(policy);
    assert.deepEqual([policy.kind, policy.label, policy.account], ['policy', 'auditors-group-policy', AUDITORS]);
    const grant = edge(policy.id, role.id, 'grant');
    assert.deepEqual([grant.conditions, grant.risk, grant.sid], [['MFA'], 'low', 'AssumeClientAuditRole']);
    assert.equal(textAt(grant.source), `"arn:aws:iam::${CLIENT}:role/SecurityAuditRole"`);
    // Both halves match: no issue about it.
    assert.deepEqual(
      graph.issues.filter((i) => i.node === role.id),
      [],
    );
  });

  it('the vendor role with its ExternalId, the GitHub and EKS roles with their subjects', () => {
    const vendor = edge(`account:${VENDOR}`, `role:${CLIENT}:monitoring-vendor-role`);
    assert.deepEqual([vendor.conditions, vendor.risk], [['ExternalId'], 'low']);
    assert.equal(nodes.get(`account:${VENDOR}`)?.account, VENDOR);
    const github = edge('oidc:111122223333:token.actions.githubusercontent.com', `role:${CLIENT}:github-actions-deploy-role`);
    assert.deepEqual([github.conditions, github.risk], [['example-org/web-app:main'], 'low']);
    assert.equal(nodes.get('oidc:111122223333:token.actions.githubusercontent.com')?.kind, 'oidc');
    const eks = edge('oidc:111122223333:oidc.eks.eu-west-1.amazonaws.com/id/exampled539d4633e53de1b71example', `role:${CLIENT}:irsa-role`);
    assert.deepEqual([eks.conditions, eks.risk], [['kube-system/external-dns'], 'low']);
    // The vendor role is trusted, not granted here: one info, not a warning.
    const info = graph.issues.filter((i) => i.node === `role:${CLIENT}:monitoring-vendor-role`);
    assert.deepEqual(
      info.map((i) => [i.kind, i.severity]),
      [['trust-without-grant', 'info']],
    );
    assert.match(info[0].message, new RegExp(`trusts account ${VENDOR}`));
  });

  it('the deliberately public role: high risk, from "public"', () => {
    const role = nodes.get(`role:${CLIENT}:open-to-everyone-role`);
    assert.equal(role?.risk, 'high');
    const open = edge('public', `role:${CLIENT}:open-to-everyone-role`);
    assert.equal(open.risk, 'high');
    assert.ok(open.reasons.length > 0);
    assert.deepEqual([nodes.get('public')?.kind, nodes.get('public')?.label], ['public', 'anyone (*)']);
    assert.equal(textAt(open.source), '"*"');
  });

  it('files that are not trust or identity policies granting sts:AssumeRole add nothing', () => {
    for (const node of graph.nodes) assert.doesNotMatch(node.source?.path ?? '', /bucket-polic|lambda-developer|role-settings|\.md$/);
    for (const e of graph.edges) assert.doesNotMatch(e.source.path, /bucket-polic|lambda-developer|role-settings/);
  });

  it('--format mermaid: a flowchart with the accounts as subgraphs and the conditions on the edges', () => {
    const result = runCli(['graph', '--format', 'mermaid', 'examples/']);
    assert.equal(result.status, 0, result.stderr);
    const text = result.stdout;
    assert.match(text, /^flowchart LR\n/);
    assert.ok(text.endsWith('\n'));
    for (const label of [`Client · ${CLIENT}`, `Auditors · ${AUDITORS}`, `Monitoring vendor · ${VENDOR}`]) assert.match(text, new RegExp(`^  subgraph c\\d+\\["${label}"\\]$`, 'm'), label);
    for (const label of ['MFA ≤ 60 min', 'MFA', 'ExternalId', 'example-org/web-app:main', 'kube-system/external-dns']) assert.match(text, new RegExp(`^  n\\d+ (-->|-\\.->)\\|"${label}"\\| n\\d+$`, 'm'), label);
    assert.match(text, /"SecurityAuditRole \(role\)"/);
    // Pictures group the 60 partner roles.
    assert.match(text, /"PartnerDeployRole in 60 accounts/);
    assert.doesNotMatch(text, /"PartnerDeployRole \(role\)"/);
  });

  it('--format dot: a digraph with clusters and labelled edges', () => {
    const result = runCli(['graph', '--format', 'dot', 'examples/']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^digraph trust \{\n/);
    assert.match(result.stdout, /\n\}\n$/);
    assert.match(result.stdout, new RegExp(`^ {4}label="Client · ${CLIENT}";$`, 'm'));
    assert.match(result.stdout, new RegExp(`^ {2}"account:${AUDITORS}" -> "role:${CLIENT}:SecurityAuditRole" \\[label="MFA ≤ 60 min"\\];$`, 'm'));
    assert.match(result.stdout, /^ {2}"public" -> "role:111122223333:open-to-everyone-role" \[color="#cf222e", penwidth=2\];$/m);
  });

  it('--format svg: one well-formed standalone SVG with the labels and no markup from the policies', () => {
    const result = runCli(['graph', '--format', 'svg', 'examples/']);
    assert.equal(result.status, 0, result.stderr);
    const svg = result.stdout;
    assertWellFormedXml(svg);
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /<img|<script|<foreignObject/i);
    for (const label of ['SecurityAuditRole', 'monitoring-vendor-role', 'github-actions-deploy-role', 'irsa-role', 'open-to-everyone-role', 'auditors-group-policy', 'anyone (*)', 'MFA ≤ 60 min', 'ExternalId', 'example-org/web-app:main', 'kube-system/external-dns', `Client · ${CLIENT}`]) {
      assert.ok(svg.includes(`>${label}</text>`), label);
    }
    assert.match(svg, /class="node kind-role risk-high defined" data-node="role:111122223333:open-to-everyone-role"/);
  });
});

describe('iam-policy graph filters and settings', () => {
  const graphOf = (...args: string[]) => parseGraph(runCli(['graph', ...args]));

  it('--account: only the edges touching that account, and its nodes', () => {
    const g = graphOf('--account', VENDOR, 'examples/');
    assertShape(g);
    const nodes = new Map(g.nodes.map((n) => [n.id, n]));
    // The JSON examples' two vendor roles, and the Terraform story's two (its variable's default names the account).
    const vendorRoles = [`role:${CLIENT}:monitoring-vendor`, `role:${CLIENT}:monitoring-vendor-role`, `role:${CLIENT}:vendor-access`, `role:${CLIENT}:vendor-no-external-id`];
    assert.deepEqual(g.edges.map((e) => e.to).sort(), vendorRoles);
    for (const e of g.edges) assert.ok([nodes.get(e.from)?.account, nodes.get(e.to)?.account].includes(VENDOR));
    assert.ok(!nodes.has(`role:${CLIENT}:SecurityAuditRole`));
    assert.ok(g.issues.every((i) => vendorRoles.includes(i.node ?? '')));
    // Repeated: either account.
    const two = graphOf('--account', VENDOR, '--account', AUDITORS, 'examples/');
    assert.ok(two.edges.some((e) => e.to === `role:${CLIENT}:SecurityAuditRole`));
    assert.ok(two.edges.some((e) => e.to === `role:${CLIENT}:monitoring-vendor-role`));
  });

  it('--risk: only edges of that risk; repeatable', () => {
    const high = graphOf('--risk', 'high', 'examples/');
    assert.ok(high.edges.length > 0);
    assert.ok(high.edges.every((e) => e.risk === 'high'));
    assert.ok(high.edges.some((e) => e.from === 'public' && e.to === `role:${CLIENT}:open-to-everyone-role`));
    assert.ok(!high.nodes.some((n) => n.id === `role:${CLIENT}:SecurityAuditRole`));
    const risky = graphOf('--risk', 'high', '--risk', 'medium', 'examples/');
    assert.ok(risky.edges.some((e) => e.risk === 'medium'));
    assert.ok(risky.edges.every((e) => e.risk !== 'low'));
  });

  it('--no-settings: role names from the file names, roles in "this account"', () => {
    const g = graphOf('--no-settings', 'examples/');
    assertShape(g);
    const ids = new Set(g.nodes.map((n) => n.id));
    assert.ok(ids.has('role::security-audit-role'), 'named by its file');
    assert.ok(!g.nodes.some((n) => n.id === `role:${CLIENT}:SecurityAuditRole` && n.source), 'no role setting');
    assert.ok(ids.has('role::monitoring-vendor-role'));
    assert.equal(g.nodes.find((n) => n.id === 'role::security-audit-role')?.local, true);
    assert.equal(g.nodes.find((n) => n.id === 'policy:examples/auditors-account/auditors-group-policy.json')?.account, undefined, 'no accounts setting: auditors-account/ is no account');
    // --account this: the unplaced files.
    const local = graphOf('--no-settings', '--account', 'this', 'examples/');
    assert.ok(local.edges.length > 0);
    assert.ok(local.nodes.some((n) => n.id === 'role::security-audit-role'));
  });

  it('--default-account places the files no folder or setting places', () => {
    const g = graphOf('--no-settings', '--default-account', CLIENT, 'examples/');
    assert.ok(g.nodes.some((n) => n.id === `role:${CLIENT}:security-audit-role`));
    assert.ok(!g.nodes.some((n) => n.local));
  });

  describe('in a folder of its own', () => {
    const dir = new TempDir();
    after(() => dir.remove());
    before(() => {
      dir.write('ws/roles/deploy-trust.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: '<img src=x onerror=alert(1)>', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${AUDITORS}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] }, null, 2));
      dir.write('ws/auditors/assume-policy.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${CLIENT}:role/Deploy` }] }, null, 2));
      dir.write('ws/broken.json', '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": ');
      dir.write('ws/package.json', '{ "name": "not-a-policy", "version": "1.0.0" }\n');
      dir.write('ws/empty.json', '');
      dir.write('ws/array.json', '[1, 2, 3]');
      dir.write('ws/.vscode/settings.json', JSON.stringify({ 'iamPolicy.accounts': { [AUDITORS]: 'Auditors' }, 'iamPolicy.graph.roles': { 'roles/deploy-trust.json': `arn:aws:iam::${CLIENT}:role/Deploy` } }));
      dir.write('.vscode/other.json', JSON.stringify({ 'iamPolicy.graph.roles': { 'ws/roles/deploy-trust.json': 'Renamed' } }));
      dir.write('bad-settings.json', '{ "iamPolicy.accounts": ');
    });

    it('a broken JSON file and files that are no policy do not stop it: exit 0, the graph of the rest', () => {
      for (const format of ['json', 'mermaid', 'dot', 'svg']) {
        const result = runCli(['graph', '--format', format, dir.path('ws')]);
        assert.equal(result.status, 0, `${format}: ${result.stderr}`);
        assert.ok(result.stdout.length > 0, format);
        assert.ok(result.stdout.includes('Deploy'), format);
        if (format === 'svg') {
          assertWellFormedXml(result.stdout);
          assert.doesNotMatch(result.stdout, /<img/);
        }
      }
      const g = parseGraph(runCli(['graph', dir.path('ws')]));
      assertShape(g);
      const role = g.nodes.find((n) => n.id === `role:${CLIENT}:Deploy`);
      assert.ok(role, 'the roles setting of ws/.vscode/settings.json names it');
      const grant = g.edges.find((e) => e.kind === 'grant');
      assert.equal(grant?.to, role.id);
      assert.equal(g.nodes.find((n) => n.id === grant.from)?.account, AUDITORS, 'auditors/ is the Auditors account');
      // The Sid is data in JSON: kept as it is.
      assert.equal(g.edges.find((e) => e.kind === 'trust')?.sid, '<img src=x onerror=alert(1)>');
      assert.deepEqual(g.issues, []);
      assert.ok(!g.nodes.some((n) => /broken|package|empty|array/.test(n.source?.path ?? '')));
    });

    it('naming the broken file alone is still exit 0 with an empty graph', () => {
      const g = parseGraph(runCli(['graph', dir.path('ws/broken.json'), dir.path('ws/package.json')]));
      assert.deepEqual(g, { nodes: [], edges: [], issues: [] });
    });

    it('--settings FILE replaces the folder settings; a broken settings file is an error', () => {
      // Paths are relative to the folder holding the settings file's .vscode/: here the temp folder.
      const g = parseGraph(runCli(['graph', '--settings', dir.path('.vscode/other.json'), dir.path('ws')]));
      const defined = g.nodes.filter((n) => n.kind === 'role' && n.source).map((n) => [n.id, n.account]);
      assert.deepEqual(defined, [['role::Renamed', undefined]]);
      // No accounts in that file: auditors/ is no account, the grant goes to a role not defined here.
      assert.ok(g.nodes.some((n) => n.id === `role:${CLIENT}:Deploy` && !n.source));
      assertUsageError(runCli(['graph', '--settings', dir.path('bad-settings.json'), dir.path('ws')]), /cannot read the settings file/);
    });
  });
});

describe('iam-policy graph usage', () => {
  it('--help and -h print the usage and exit 0', () => {
    for (const args of [['graph', '--help'], ['graph', '-h'], ['graph', '--format', 'svg', '--help']]) {
      const result = runCli(args);
      assert.equal(result.status, 0, args.join(' '));
      assert.equal(result.stdout, GRAPH_USAGE);
      assert.equal(result.stderr, '');
    }
    assert.match(runCli(['--help']).stdout, /graph/);
  });

  it('usage errors exit 2 with one line', () => {
    assertUsageError(runCli(['graph', '--format', 'xml', 'examples/']), /--format must be json, mermaid, dot or svg, not "xml"/);
    assertUsageError(runCli(['graph', '--account', '123', 'examples/']), /--account must be a 12-digit account id or "this", not "123"/);
    assertUsageError(runCli(['graph', '--account', 'Auditors', 'examples/']), /--account/);
    assertUsageError(runCli(['graph', '--risk', 'extreme', 'examples/']), /--risk must be high, medium or low/);
    assertUsageError(runCli(['graph', '--default-account', 'x', 'examples/']), /--default-account/);
    assertUsageError(runCli(['graph', '--frobnicate', 'examples/']), /--frobnicate/);
    assertUsageError(runCli(['graph']), /no files or folders/);
    assertUsageError(runCli(['graph', '--settings', 'x.json', '--no-settings', 'examples/']), /cannot be used together/);
    assertUsageError(runCli(['graph', 'examples/no-such-folder']), /no-such-folder/);
  });
});
