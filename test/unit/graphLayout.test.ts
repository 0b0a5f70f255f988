import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { createPolicyService, graph } from '../../server/src/core';
import { lastOneKept, loadElk, uncachedElk } from '../../server/src/shared/elk';
import { assertWellFormedXml } from '../support/xml';

const service = createPolicyService();
const SNAPSHOT = join(import.meta.dirname, 'fixtures', 'graphLayout.snapshot.json');

const OWN = '111122223333';
const AUDITORS = '444455556666';
const NAMES = { [OWN]: 'Client', [AUDITORS]: 'Auditors' };
const EVIL = '<img src=x onerror=alert(1)>';
/** Long and random enough for trust-external-id-weak to stay quiet. */
const EXTERNAL_ID = 'Xk4tR9vQ2mLp7Wz3Nc8Bh5Yd';

type Doc = Record<string, unknown>;
const doc = (...statements: Doc[]): Doc => ({ Version: '2012-10-17', Statement: statements });
const trust = (principal: unknown, condition?: Doc, action = 'sts:AssumeRole', extra: Doc = {}): Doc => ({ Effect: 'Allow', Principal: principal, Action: action, ...(condition ? { Condition: condition } : {}), ...extra });

function build(files: Record<string, Doc>, options: graph.GraphOptions = {}): graph.TrustGraph {
  return graph.buildTrustGraph(
    Object.entries(files).flatMap(([path, content]) => service.graphFacts(service.parse(JSON.stringify(content, null, 2)), { fileName: path }).map((facts) => ({ path, facts }))),
    options,
  );
}

/** Five nodes: an account and its policy (Auditors), two roles (Client), a service (no account). */
const FIVE: Record<string, Doc> = {
  [`${OWN}/audit-trust.json`]: doc(trust({ AWS: `arn:aws:iam::${AUDITORS}:root` }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } })),
  [`${OWN}/build-trust.json`]: doc(trust({ Service: 'codebuild.amazonaws.com' })),
  [`${AUDITORS}/auditors-policy.json`]: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${OWN}:role/audit` }),
};

/** Policies whose names, principals, conditions and Sids carry markup, quotes, `&` and control characters. */
const EVIL_FILES: Record<string, Doc> = {
  [`${OWN}/${EVIL}"&'-trust.json`]: doc(
    trust({ Federated: `arn:aws:iam::${OWN}:saml-provider/${EVIL}"&'` }, { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }, 'sts:AssumeRoleWithSAML', { Sid: `${EVIL}"&'` }),
    trust({ AWS: `arn:aws:iam::${AUDITORS}:root` }, { StringEquals: { 'aws:PrincipalOrgID': `o-${EVIL}"&\u0001|]["\u0007` } }, 'sts:AssumeRole', { Sid: 'b' }),
    trust({ AWS: `\${${EVIL}}` }, { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } }),
  ),
};
const EVIL_NAMES = { [OWN]: `${EVIL} "Client" & [x] |y| \u0002`, [AUDITORS]: 'Auditors' };


const inside = (inner: graph.GraphLayout['nodes'][number], outer: graph.GraphLayout['clusters'][number]) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

type Box = { x: number; y: number; width: number; height: number };
/** Whether a point is on a box's border (1px of rounding allowed). */
const onBorder = (p: { x: number; y: number }, b: Box) => {
  const within = p.x >= b.x - 1 && p.x <= b.x + b.width + 1 && p.y >= b.y - 1 && p.y <= b.y + b.height + 1;
  const edge = Math.abs(p.x - b.x) <= 1 || Math.abs(p.x - b.x - b.width) <= 1 || Math.abs(p.y - b.y) <= 1 || Math.abs(p.y - b.y - b.height) <= 1;
  return within && edge;
};
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every geometric promise of a layout for its graph. */
function assertSound(g: graph.TrustGraph, layout: graph.GraphLayout): void {
  assert.deepEqual(layout.nodes.map((n) => n.id).sort(), g.nodes.map((n) => n.id).sort(), 'every node placed once');
  assert.deepEqual(layout.edges.map((e) => e.id).sort(), g.edges.map((e) => e.id).sort(), 'every edge routed once');
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const boxes = new Map(layout.nodes.map((n) => [n.id, n]));
  for (const box of layout.nodes) {
    const node = byId.get(box.id) as graph.GraphNode;
    assert.ok(box.width > 0 && box.height > 0, box.id);
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= layout.width && box.y + box.height <= layout.height, `${box.id} inside the picture`);
    const key = node.account ?? (node.local ? 'this' : undefined);
    if (key === undefined) {
      for (const cluster of layout.clusters) assert.ok(!overlap(box, cluster), `${box.id} (no account) is outside ${cluster.id}`);
    } else {
      const cluster = layout.clusters.find((c) => c.id === `cluster:${key}`);
      assert.ok(cluster, `a box for ${key}`);
      assert.ok(inside(box, cluster), `${box.id} inside ${cluster.id}`);
      for (const other of layout.clusters) if (other !== cluster) assert.ok(!overlap(box, other), `${box.id} outside ${other.id}`);
    }
  }
  for (const placed of layout.edges) {
    const edge = g.edges.find((e) => e.id === placed.id) as graph.GraphEdge;
    assert.ok(placed.points.length >= 2, `${placed.id} has ${placed.points.length} points`);
    for (const p of placed.points) assert.ok(Number.isInteger(p.x) && Number.isInteger(p.y), 'rounded');
    assert.ok(onBorder(placed.points[0], boxes.get(edge.from) as Box), `${placed.id} starts on its source`);
    assert.ok(onBorder(placed.points[placed.points.length - 1], boxes.get(edge.to) as Box), `${placed.id} ends on its target`);
    if (edge.conditions.length > 0) {
      assert.ok(placed.label, `${placed.id} is labelled`);
      const text = edge.conditions.join(', ');
      assert.equal(placed.label.text, text.length > 36 ? `${text.slice(0, 35)}…` : text);
      for (const box of layout.nodes) assert.ok(!overlap(placed.label, box), `the label of ${placed.id} is clear of ${box.id}`);
    } else {
      assert.equal(placed.label, undefined);
    }
  }
}

describe('trust graph layout (elkjs)', () => {
  const five = build(FIVE);

  it('the fixed graph has five nodes in two accounts and one without', () => {
    assert.deepEqual(
      five.nodes.map((n) => [n.id, n.account ?? null]),
      [
        [`account:${AUDITORS}`, AUDITORS],
        [`policy:${AUDITORS}/auditors-policy.json`, AUDITORS],
        [`role:${OWN}:audit`, OWN],
        [`role:${OWN}:build`, OWN],
        ['service:codebuild.amazonaws.com', null],
      ],
    );
  });

  it('the server\'s engine lays out a repeated input once, and a changed one anew', async () => {
    let calls = 0;
    const elk = lastOneKept({ layout: (input) => (calls++, uncachedElk().layout(input)) });
    const first = await graph.layoutGraph(five, elk, NAMES);
    assert.deepEqual(await graph.layoutGraph(five, elk, NAMES), first);
    assert.equal(calls, 1);
    const [gone] = five.nodes;
    const smaller = { ...five, nodes: five.nodes.slice(1), edges: five.edges.filter((e) => e.from !== gone.id && e.to !== gone.id) };
    assert.notDeepEqual(await graph.layoutGraph(smaller, elk, NAMES), first);
    assert.equal(calls, 2);
    // The cached engine the server uses draws what elkjs draws.
    assert.deepEqual(await graph.layoutGraph(five, loadElk(), NAMES), first);
  });

  it('is deterministic: two runs, and a graph built from the files in another order, lay out the same', async () => {
    const first = await graph.layoutGraph(five, uncachedElk(), NAMES);
    const second = await graph.layoutGraph(five, uncachedElk(), NAMES);
    assert.deepEqual(second, first);
    const reversed = build(Object.fromEntries(Object.entries(FIVE).reverse()));
    assert.deepEqual(await graph.layoutGraph(reversed, uncachedElk(), NAMES), first);
  });

  it('matches the snapshot of its rounded geometry (UPDATE_SNAPSHOTS=1 rewrites it)', async () => {
    const layout = await graph.layoutGraph(five, uncachedElk(), NAMES);
    const text = `${JSON.stringify(layout, null, 2)}\n`;
    if (process.env.UPDATE_SNAPSHOTS === '1') {
      mkdirSync(dirname(SNAPSHOT), { recursive: true });
      writeFileSync(SNAPSHOT, text);
    }
    assert.ok(existsSync(SNAPSHOT), `${SNAPSHOT} is missing: run with UPDATE_SNAPSHOTS=1 to write it`);
    assert.deepEqual(layout, JSON.parse(readFileSync(SNAPSHOT, 'utf8')), 'the layout changed: check the picture, then run with UPDATE_SNAPSHOTS=1');
  });

  it('nodes sit in their account boxes, edges run from border to border with >= 2 points, labels clear of nodes', async () => {
    assertSound(five, await graph.layoutGraph(five, uncachedElk(), NAMES));
  });

  it('account boxes are titled with the account names, "account ID" without one, "this account" for unplaced files', async () => {
    const layout = await graph.layoutGraph(five, uncachedElk(), NAMES);
    assert.deepEqual(layout.clusters.map((c) => [c.id, c.label, c.account]).sort(), [
      [`cluster:${OWN}`, `Client · ${OWN}`, OWN],
      [`cluster:${AUDITORS}`, `Auditors · ${AUDITORS}`, AUDITORS],
    ]);
    const unnamed = await graph.layoutGraph(five, uncachedElk());
    assert.deepEqual(unnamed.clusters.map((c) => c.label).sort(), [`account ${OWN}`, `account ${AUDITORS}`]);
    const local = build({ 'audit-trust.json': doc(trust({ AWS: `arn:aws:iam::${AUDITORS}:root` }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } })) });
    const localLayout = await graph.layoutGraph(local, uncachedElk(), NAMES);
    assert.deepEqual(
      localLayout.clusters.map((c) => [c.id, c.label, c.local ?? false]).sort(),
      [
        [`cluster:${AUDITORS}`, `Auditors · ${AUDITORS}`, false],
        ['cluster:this', 'this account', true],
      ],
    );
    assertSound(local, localLayout);
    // A user-keyed lookup: an account "named" like an Object.prototype member is just unnamed.
    assert.equal(graph.clusterLabel('constructor', {}), 'account constructor');
  });

  it('lays out a larger graph soundly: grants, patterns, the any-role node, public, long labels', async () => {
    const g = build(
      {
        [`${OWN}/audit-trust.json`]: doc(trust({ AWS: [`arn:aws:iam::${AUDITORS}:root`, `arn:aws:iam::${AUDITORS}:role/SomeVeryLongRoleNameThatGoesOnAndOnForeverAndEver`] }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'aws:PrincipalTag/team': 'audit-and-compliance' } })),
        [`${OWN}/open-trust.json`]: doc(trust('*')),
        [`${OWN}/ci-trust.json`]: doc(
          trust({ Federated: `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com` }, { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:acme/web:ref:refs/heads/main' } }, 'sts:AssumeRoleWithWebIdentity'),
        ),
        'local-trust.json': doc(trust({ Service: 'ec2.amazonaws.com' })),
        [`${AUDITORS}/wide-policy.json`]: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ['*', `arn:aws:iam::${OWN}:role/a*`, 'arn:aws:iam::999999999999:role/x-*'] }),
      },
      { accounts: NAMES },
    );
    assertSound(g, await graph.layoutGraph(g, uncachedElk(), NAMES));
  });

  it('an empty graph lays out to an empty picture', async () => {
    const layout = await graph.layoutGraph({ nodes: [], edges: [], issues: [] }, uncachedElk());
    assert.deepEqual([layout.clusters, layout.nodes, layout.edges], [[], [], []]);
  });
});

describe('trust graph SVG', () => {
  it('draws every node, edge and account box, with accessible names; standalone adds xmlns and styles', async () => {
    const g = build(FIVE);
    const layout = await graph.layoutGraph(g, uncachedElk(), NAMES);
    const markup = graph.svgMarkup(graph.renderGraph(g, layout, { standalone: true, title: 'Trust relationships' }));
    assertWellFormedXml(markup);
    assert.match(markup, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(markup, /<style>/);
    assert.match(markup, /<title>Trust relationships<\/title>/);
    for (const node of g.nodes) {
      assert.ok(markup.includes(`data-node="${graph.escapeXml(node.id)}"`), node.id);
      assert.ok(markup.includes(`>${graph.escapeXml(node.label)}</text>`), node.label);
    }
    for (const edge of g.edges) assert.ok(markup.includes(`aria-label="${graph.escapeXml(graph.edgeName(edge, new Map(g.nodes.map((n) => [n.id, n]))))}"`), edge.id);
    assert.ok(markup.includes(`>Auditors · ${AUDITORS}</text>`));
    assert.ok(markup.includes('>MFA</text>'));
    assert.ok(markup.includes(`aria-label="account ${AUDITORS} can assume audit with MFA, low risk"`));
    const inPanel = graph.svgMarkup(graph.renderGraph(g, layout));
    assertWellFormedXml(inPanel);
    assert.doesNotMatch(inPanel, /xmlns=|<style>/);
  });

  it('escapes labels, Sids, principals and account names with markup, quotes and &, and drops control characters', async () => {
    const g = build(EVIL_FILES, { accounts: EVIL_NAMES });
    // The evil text did reach the graph: a role name, a SAML provider, a reference, a condition, an account name.
    assert.ok(g.nodes.some((n) => n.kind === 'role' && n.label.startsWith(EVIL)));
    assert.ok(g.nodes.some((n) => n.kind === 'saml' && n.label.includes(EVIL)));
    assert.ok(g.nodes.some((n) => n.kind === 'reference' && n.label.includes(EVIL)));
    assert.ok(g.edges.some((e) => e.conditions.some((c) => c.includes(EVIL))));
    assert.ok(g.edges.some((e) => e.statement.sid?.startsWith(EVIL)));
    const layout = await graph.layoutGraph(g, uncachedElk(), EVIL_NAMES);
    assertSound(g, layout);
    for (const options of [{ standalone: true, title: `${EVIL} "t" & \u0003` }, {}]) {
      const markup = graph.svgMarkup(graph.renderGraph(g, layout, options));
      assertWellFormedXml(markup);
      assert.doesNotMatch(markup, /<img/i);
      assert.ok(markup.includes('&lt;img src=x onerror=alert(1)&gt;'));
      // In attribute values too: a quote cannot close the aria-label or data-node attribute.
      assert.match(markup, /aria-label="role &lt;img src=x onerror=alert\(1\)&gt;&quot;&amp;&#39;, account 111122223333/);
      assert.match(markup, /data-node="role:111122223333:&lt;img src=x onerror=alert\(1\)&gt;&quot;&amp;&#39;"/);
      assert.ok(markup.includes('&lt;img src=x onerror=alert(1)&gt; &quot;Client&quot; &amp; [x] |y|  · 111122223333'), 'the account name, its control character dropped');
    }
  });

  it('the render tree keeps texts as strings (the webview sets them as textContent)', async () => {
    const g = build(EVIL_FILES, { accounts: EVIL_NAMES });
    const tree = graph.renderGraph(g, await graph.layoutGraph(g, uncachedElk(), EVIL_NAMES));
    const tags = new Set<string>();
    const walk = (element: graph.SvgElement) => {
      tags.add(element.tag);
      for (const child of element.children) if (typeof child !== 'string') walk(child);
    };
    walk(tree);
    // Only SVG elements: no text from a policy became an element.
    assert.deepEqual([...tags].filter((t) => !['svg', 'defs', 'marker', 'path', 'g', 'rect', 'text', 'title', 'style'].includes(t)), []);
  });

  it('escapeXml: the five XML specials, control characters dropped, tab and newline kept', () => {
    assert.equal(graph.escapeXml(`<a href="x">&'\u0000\u0001\u0008\u000b\u000c\u001f\ufffe\t\n\r ok`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;\t\n\r ok');
    assert.equal(graph.escapeXml('&amp;'), '&amp;amp;');
  });
});

describe('trust graph as Mermaid and DOT text', () => {
  const g = build(EVIL_FILES, { accounts: EVIL_NAMES });

  it('mermaidLabel codes quotes, markup and Mermaid syntax: nothing ends a label early', () => {
    const label = graph.toMermaid({ nodes: [{ id: 'x', kind: 'role', label: 'a"b<c>d|e]f[g{h}i#j;k`l&m\nn' }], edges: [], issues: [] }).split('\n')[1];
    assert.equal(label, '  n0["a#34;b#60;c#62;d#124;e#93;f#91;g#123;h#125;i#35;j#59;k#96;l#38;m#10;n (role)"]');
  });

  it('every line of the evil graph is one Mermaid statement, every label one quoted string of safe characters', () => {
    const text = graph.toMermaid(g, EVIL_NAMES);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], 'flowchart LR');
    const label = String.raw`"(?:[^"<>|\[\]{}#&\n]|#\d+;)*"`;
    const statements = [
      new RegExp(String.raw`^ *n\d+(?:\[${label}\]|\(\[${label}\]\)|\[/${label}/\])$`),
      new RegExp(String.raw`^  subgraph c\d+\[${label}\]$`),
      /^ {2}end$/,
      new RegExp(String.raw`^  n\d+ (?:-->|-\.->)(?:\|${label}\|)? n\d+$`),
      /^ {2}linkStyle \d+ stroke:#[\da-f]{6},stroke-width:2px$/,
      /^ {2}style n\d+ stroke:#[\da-f]{6},stroke-width:2px$/,
    ];
    for (const line of lines.slice(1)) assert.ok(statements.some((s) => s.test(line)), `not a safe Mermaid line: ${line}`);
    assert.doesNotMatch(text, /<img/);
    assert.ok(text.includes('#60;img src=x onerror=alert(1)#62;'));
    // The subgraphs and the edges are all there.
    assert.equal(lines.filter((l) => l.startsWith('  subgraph')).length, 2);
    assert.equal(lines.filter((l) => / (-->|-\.->)/.test(l)).length, g.edges.length);
  });

  it('Mermaid of the five-node graph: accounts as subgraphs, grants dotted, conditions on the edges', () => {
    const five = build(FIVE);
    const text = graph.toMermaid(five, NAMES);
    assert.equal(
      text,
      [
        'flowchart LR',
        '  subgraph c0["Auditors · 444455556666"]',
        // The label already says what it is: no "(account)" after it.
        '    n0(["account 444455556666"])',
        '    n1[/"auditors-policy (identity policy)"/]',
        '  end',
        '  subgraph c1["Client · 111122223333"]',
        '    n2["audit (role)"]',
        '    n3["build (role)"]',
        '  end',
        '  n4(["codebuild.amazonaws.com (AWS service)"])',
        '  n1 -.-> n2',
        '  n0 -->|"MFA"| n2',
        '  n4 --> n3',
        '',
      ].join('\n'),
    );
  });

  it('dotString escapes quotes and backslashes, turns newlines into \\n, drops control characters', () => {
    assert.equal(graph.toDot({ nodes: [{ id: 'a"b\\c', kind: 'role', label: 'x"y\\z\r\nw\u0001' }], edges: [], issues: [] }).split('\n')[4], '  "a\\"b\\\\c" [label="x\\"y\\\\z\\nw\\nrole"];');
  });

  it('every line of the evil graph is one DOT statement, every string closed where it should be', () => {
    const text = graph.toDot(g, EVIL_NAMES);
    const lines = text.trimEnd().split('\n');
    const string = String.raw`"(?:[^"\\\n]|\\.)*"`;
    const attr = String.raw`[a-z]+=(?:${string}|[a-z0-9]+)`;
    const statements = [
      /^digraph trust \{$/,
      /^ {2}(rankdir=LR|node \[.*\]|edge \[.*\]);$/,
      /^ {2}subgraph cluster_\d+ \{$/,
      new RegExp(String.raw`^ {4}label=${string};$`),
      /^ {4}style=dashed;$/,
      /^ {2}\}$/,
      new RegExp(String.raw`^ +${string} \[${attr}(?:, ${attr})*\];$`),
      new RegExp(String.raw`^ {2}${string} -> ${string}(?: \[${attr}(?:, ${attr})*\])?;$`),
      /^\}$/,
    ];
    for (const line of lines) assert.ok(statements.some((s) => s.test(line)), `not a safe DOT line: ${line}`);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f]/);
    assert.equal(lines.filter((l) => l.includes(' -> ')).length, g.edges.length);
  });
});
