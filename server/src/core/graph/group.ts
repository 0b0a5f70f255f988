import { compare, type GraphEdge, type GraphNode, type TrustGraph } from './types';

/** From this many look-alike principals on, a picture shows one node for them. */
export const GROUP_THRESHOLD = 6;

/**
 * For pictures (the panel, SVG, Mermaid, DOT): principals that differ only by account and reach
 * one role the same way (`PartnerDeployRole` in 60 accounts, with the same ExternalId) become one
 * node, "PartnerDeployRole in 60 accounts", instead of 60 boxes. The JSON export keeps them apart.
 */
export function groupLookalikes(graph: TrustGraph, threshold = GROUP_THRESHOLD): TrustGraph {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const degree = new Map<string, number>();
  for (const edge of graph.edges) for (const id of [edge.from, edge.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const groups = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    const from = nodes.get(edge.from);
    // Only leaves: a principal joined to anything else stays visible on its own.
    if (!from || from.source || from.kind === 'public' || !from.account || degree.get(from.id) !== 1) continue;
    const key = [edge.to, edge.kind, from.kind, from.kind === 'account' ? '' : from.label, edge.risk, ...edge.conditions].join('\u0000');
    const group = groups.get(key);
    if (group) group.push(edge);
    else groups.set(key, [edge]);
  }
  const removed = new Set<string>();
  const added: GraphNode[] = [];
  const merged: GraphEdge[] = [];
  for (const edges of groups.values()) {
    if (edges.length < threshold) continue;
    const members = edges.map((e) => nodes.get(e.from) as GraphNode);
    const first = members[0];
    const accounts = members.map((m) => m.account as string);
    const id = `group:${edges[0].to}:${first.kind}:${first.label}:${edges[0].id}`;
    const label = first.kind === 'account' ? `${accounts.length} accounts` : `${first.label} in ${accounts.length} accounts`;
    added.push({ id, kind: first.kind, label, detail: `${accounts.length} accounts: ${accounts.slice(0, 10).join(', ')}${accounts.length > 10 ? ', …' : ''}` });
    merged.push({ ...edges[0], id: `${edges[0].id}+${edges.length - 1}`, from: id });
    for (const edge of edges) {
      removed.add(edge.id);
      removed.add(edge.from);
    }
  }
  if (added.length === 0) return graph;
  return {
    nodes: [...graph.nodes.filter((n) => !removed.has(n.id)), ...added].sort((a, b) => compare(a.id, b.id)),
    edges: [...graph.edges.filter((e) => !removed.has(e.id)), ...merged].sort((a, b) => compare(a.id, b.id)),
    issues: graph.issues,
  };
}
