import { clipText, clusterLabel, edgeText, MAX_NODE_CHARS } from './layout';
import { kindWord } from './render';
import { accountOf, type GraphNode, type TrustGraph } from './types';

/** Nodes grouped by account for the text formats, in the graph's (sorted) order; `undefined` is no account. */
function byAccount(graph: TrustGraph): Map<string | undefined, GraphNode[]> {
  const groups = new Map<string | undefined, GraphNode[]>();
  for (const node of graph.nodes) {
    const key = accountOf(node);
    const group = groups.get(key);
    if (group) group.push(node);
    else groups.set(key, [node]);
  }
  return groups;
}

/**
 * Mermaid flowchart text, for a pull request description: accounts as subgraphs, trust edges solid,
 * grants dotted, risky edges coloured. Labels use Mermaid's entity codes, so no text from a policy
 * can close a label or inject markup (Mermaid renders labels as HTML).
 */
export function toMermaid(graph: TrustGraph, accountNames: Readonly<Record<string, string>> = {}): string {
  const ids = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ['flowchart LR'];
  let cluster = 0;
  for (const [account, nodes] of byAccount(graph)) {
    const inner = nodes.map((node) => `${ids.get(node.id)}${shape(node, mermaidLabel(nodeText(node, ' (', ')')))}`);
    if (account === undefined) {
      lines.push(...inner.map((l) => `  ${l}`));
    } else {
      lines.push(`  subgraph c${cluster++}[${mermaidLabel(clusterLabel(account, accountNames))}]`, ...inner.map((l) => `    ${l}`), '  end');
    }
  }
  const styles: string[] = [];
  graph.edges.forEach((edge, i) => {
    const text = edgeText(edge.conditions);
    const arrow = edge.kind === 'trust' ? '-->' : '-.->';
    const label = text ? `|${mermaidLabel(text)}|` : '';
    lines.push(`  ${ids.get(edge.from)} ${arrow}${label} ${ids.get(edge.to)}`);
    if (edge.risk !== 'low') styles.push(`  linkStyle ${i} stroke:${edge.risk === 'high' ? '#cf222e' : '#bc4c00'},stroke-width:2px`);
  });
  graph.nodes.forEach((node) => {
    if (node.risk === 'high' || node.kind === 'public') styles.push(`  style ${ids.get(node.id)} stroke:#cf222e,stroke-width:2px`);
  });
  return `${[...lines, ...styles].join('\n')}\n`;
}

/** The label and, unless the label already says it ("account 1234..."), the kind. */
function nodeText(node: GraphNode, before: string, after: string): string {
  const label = clipText(node.label, MAX_NODE_CHARS);
  const kind = kindWord(node.kind);
  return label.startsWith(kind) ? label : `${label}${before}${kind}${after}`;
}

function shape(node: GraphNode, label: string): string {
  if (node.kind === 'role') return `[${label}]`;
  if (node.kind === 'policy') return `[/${label}/]`;
  return `([${label}])`;
}

/** A quoted Mermaid label: quotes, markup and Mermaid's own syntax characters as entity codes. */
export function mermaidLabel(text: string): string {
  const coded = text.replace(/[^\p{L}\p{N} .,:/@_+=()·≤≥≠~*-]/gu, (c) => `#${c.codePointAt(0)};`);
  return `"${coded}"`;
}

/** Graphviz DOT text: accounts as clusters, the same styling as the SVG. */
export function toDot(graph: TrustGraph, accountNames: Readonly<Record<string, string>> = {}): string {
  const lines = ['digraph trust {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=11, shape=box, style=rounded];', '  edge [fontname="Helvetica", fontsize=10];'];
  let cluster = 0;
  for (const [account, nodes] of byAccount(graph)) {
    const inner = nodes.map((node) => {
      const attrs = [`label=${dotString(nodeText(node, '\n', ''))}`];
      if (node.kind !== 'role') attrs.push('style="rounded,dashed"');
      if (node.risk === 'high' || node.kind === 'public') attrs.push('color="#cf222e"', 'penwidth=2');
      else if (node.risk === 'medium') attrs.push('color="#bc4c00"');
      return `${dotString(node.id)} [${attrs.join(', ')}];`;
    });
    if (account === undefined) {
      lines.push(...inner.map((l) => `  ${l}`));
    } else {
      lines.push(`  subgraph cluster_${cluster++} {`, `    label=${dotString(clusterLabel(account, accountNames))};`, '    style=dashed;', ...inner.map((l) => `    ${l}`), '  }');
    }
  }
  for (const edge of graph.edges) {
    const attrs = [];
    const text = edgeText(edge.conditions);
    if (text) attrs.push(`label=${dotString(text)}`);
    if (edge.kind === 'grant') attrs.push('style=dashed');
    if (edge.risk === 'high') attrs.push('color="#cf222e"', 'penwidth=2');
    else if (edge.risk === 'medium') attrs.push('color="#bc4c00"');
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A DOT double-quoted string; newlines become `\n` line breaks. */
export function dotString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n').replace(/[\u0000-\u001f]/g, '')}"`;
}
