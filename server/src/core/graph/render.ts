import { clipText, MAX_NODE_CHARS, type GraphLayout, type Point } from './layout';
import type { GraphEdge, GraphNode, TrustGraph } from './types';

/**
 * The picture as a tree of SVG elements. The webview turns it into DOM nodes (createElementNS,
 * setAttribute, textContent: no markup parsing), the CLI and the export into text with `svgMarkup`.
 * One drawing for both, and no string from a policy is ever parsed as markup.
 */
export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  children: (SvgElement | string)[];
}

const el = (tag: string, attrs: Record<string, string>, ...children: (SvgElement | string)[]): SvgElement => ({ tag, attrs, children });

const KIND_WORDS: Record<GraphNode['kind'], string> = {
  role: 'role',
  account: 'account',
  user: 'IAM user',
  session: 'role session',
  'federated-user': 'federated user',
  service: 'AWS service',
  oidc: 'OIDC provider',
  saml: 'SAML provider',
  public: 'public',
  policy: 'identity policy',
  reference: 'unresolved principal',
};

export function kindWord(kind: GraphNode['kind']): string {
  return KIND_WORDS[kind];
}

/** What a screen reader says for a node: "role SecurityAuditRole, account 111122223333, low risk". */
export function nodeName(node: GraphNode): string {
  const where = node.account && !node.label.includes(node.account) ? `, account ${node.account}` : node.local && node.label !== 'this account' ? ', this account' : '';
  const risk = node.risk ? `, ${node.risk} risk` : '';
  const external = node.kind === 'role' && !node.source ? ', not defined here' : '';
  const kind = kindWord(node.kind);
  return `${node.label.startsWith(kind) ? '' : `${kind} `}${node.label}${where}${risk}${external}`;
}

/** "account 444455556666 can assume SecurityAuditRole with MFA, low risk". */
export function edgeName(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>): string {
  const from = nodes.get(edge.from)?.label ?? edge.from;
  const to = nodes.get(edge.to)?.label ?? edge.to;
  const verb = edge.kind === 'trust' ? 'can assume' : 'allows assuming';
  const conditions = edge.conditions.length > 0 ? ` with ${edge.conditions.join(', ')}` : ' with no condition';
  return `${from} ${verb} ${to}${conditions}, ${edge.risk} risk`;
}

/** Colours for the SVG file (the webview uses the theme's instead). */
const STANDALONE_STYLE = `
.trust-graph { font: 12px -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
.cluster rect { fill: #f6f8fa; stroke: #8c959f; stroke-dasharray: 4 3; }
.cluster text { fill: #57606a; font-weight: 600; }
.node rect { fill: #ffffff; stroke: #57606a; }
.node.kind-role rect { stroke-width: 2; }
.node.kind-public rect, .node.risk-high rect { stroke: #cf222e; }
.node.risk-medium rect { stroke: #bc4c00; }
.node .label { fill: #1f2328; }
.node .kind { fill: #57606a; font-size: 10px; }
.edge path { fill: none; stroke: #57606a; stroke-width: 1.5; }
.edge.kind-grant path { stroke-dasharray: 5 4; }
.edge.risk-high path { stroke: #cf222e; stroke-width: 2.5; }
.edge.risk-medium path { stroke: #bc4c00; stroke-width: 2; }
.edge .edge-label rect { fill: #ffffff; opacity: 0.9; }
.edge .edge-label text { fill: #1f2328; font-size: 11px; }
.arrow { fill: #57606a; } .arrow.risk-high { fill: #cf222e; } .arrow.risk-medium { fill: #bc4c00; }
.edge path.hit { stroke-width: 12; }
`;

/**
 * Draws a laid-out graph. `standalone` adds the styles an SVG file needs to look right on its own;
 * the webview styles the same classes with the theme's colours.
 */
export function renderGraph(graph: TrustGraph, layout: GraphLayout, options: { standalone?: boolean; title?: string } = {}): SvgElement {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  const markers = el(
    'defs',
    {},
    ...(['low', 'medium', 'high'] as const).map((risk) =>
      el('marker', { id: `arrow-${risk}`, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, el('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow risk-${risk}` })),
    ),
  );
  const clusters = layout.clusters.map((c) =>
    el('g', { class: 'cluster', 'data-cluster': c.id }, el('rect', { x: n(c.x), y: n(c.y), width: n(c.width), height: n(c.height), rx: '6' }), el('text', { x: n(c.x + 10), y: n(c.y + 18) }, c.label)),
  );
  const edgeElements = layout.edges.flatMap((placed) => {
    const edge = edges.get(placed.id);
    if (!edge || placed.points.length < 2) return [];
    const title = edge.reasons.length > 0 ? `${edgeName(edge, nodes)}\n${edge.reasons.join('\n')}` : edgeName(edge, nodes);
    const d = pathData(placed.points);
    const children: SvgElement[] = [
      el('title', {}, title),
      el('path', { d, 'marker-end': `url(#arrow-${edge.risk})` }),
      // An invisible wide twin: a line 1.5 px wide is too thin a target to click.
      el('path', { d, class: 'hit', opacity: '0' }),
    ];
    if (placed.label) {
      const { x, y, width, height, text } = placed.label;
      children.push(el('g', { class: 'edge-label' }, el('rect', { x: n(x - 2), y: n(y), width: n(width + 4), height: n(height), rx: '3' }), el('text', { x: n(x + 2), y: n(y + height - 4) }, text)));
    }
    return [el('g', { class: `edge kind-${edge.kind} risk-${edge.risk}`, 'data-edge': edge.id, tabindex: '0', role: 'button', 'aria-label': edgeName(edge, nodes) }, ...children)];
  });
  const nodeElements = layout.nodes.flatMap((placed) => {
    const node = nodes.get(placed.id);
    if (!node) return [];
    const classes = ['node', `kind-${node.kind}`, ...(node.risk ? [`risk-${node.risk}`] : []), ...(node.source ? ['defined'] : [])];
    const subtitle = `${kindWord(node.kind)}${node.risk && node.risk !== 'low' ? ` · ${node.risk} risk` : ''}`;
    return [
      el(
        'g',
        { class: classes.join(' '), 'data-node': node.id, transform: `translate(${placed.x},${placed.y})`, tabindex: '0', role: 'button', 'aria-label': nodeName(node) },
        el('title', {}, node.detail ? `${nodeName(node)}\n${node.detail}` : nodeName(node)),
        el('rect', { width: n(placed.width), height: n(placed.height), rx: node.kind === 'role' ? '4' : '14' }),
        // Drawn only around a node with keyboard focus (the page's style): a ring that leaves the risk
        // colour visible. A path, so that no rule for the node's box applies to it.
        el('path', { class: 'focus-ring', d: `M-4,-4 H${n(placed.width + 4)} V${n(placed.height + 4)} H-4 Z`, fill: 'none' }),
        el('text', { class: 'label', x: '12', y: '18' }, clipText(node.label, MAX_NODE_CHARS)),
        el('text', { class: 'kind', x: '12', y: '33' }, subtitle),
      ),
    ];
  });
  const attrs: Record<string, string> = { class: 'trust-graph', viewBox: `0 0 ${layout.width} ${layout.height}`, width: n(layout.width), height: n(layout.height), role: 'group' };
  const head: SvgElement[] = [];
  if (options.standalone) {
    attrs.xmlns = 'http://www.w3.org/2000/svg';
    head.push(el('style', {}, STANDALONE_STYLE));
  }
  if (options.title) head.push(el('title', {}, options.title));
  return el('svg', attrs, ...head, markers, el('g', { class: 'clusters' }, ...clusters), el('g', { class: 'edges' }, ...edgeElements), el('g', { class: 'nodes' }, ...nodeElements));
}

function n(value: number): string {
  return String(Math.round(value));
}

function pathData(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML content and attribute values, and drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]);
}

/** The tree as SVG markup: every attribute value and text escaped. */
export function svgMarkup(element: SvgElement, indent = ''): string {
  const attrs = Object.entries(element.attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  if (element.children.length === 0) return `${indent}<${element.tag}${attrs}/>`;
  if (element.children.every((c) => typeof c === 'string')) return `${indent}<${element.tag}${attrs}>${escapeXml(element.children.join(''))}</${element.tag}>`;
  const inner = element.children.map((c) => (typeof c === 'string' ? `${indent}  ${escapeXml(c)}` : svgMarkup(c, `${indent}  `))).join('\n');
  return `${indent}<${element.tag}${attrs}>\n${inner}\n${indent}</${element.tag}>`;
}
