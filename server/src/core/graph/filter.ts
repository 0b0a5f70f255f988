import { accountOf, type GraphEdge, type Risk, type TrustGraph } from './types';

/** What a reader narrows the picture to. Every field is optional; an empty filter keeps everything. */
export interface GraphFilter {
  /** Keep edges touching these accounts (12-digit ids, or `this` for this account). */
  accounts?: string[];
  /** Keep edges of these risks. */
  risks?: Risk[];
  /** Keep this node (a role, usually) and the edges into and out of it. */
  focus?: string;
}

/**
 * The part of the graph a filter keeps: the matching edges, the nodes they join, and (with no risk
 * or focus filter) the nodes of the chosen accounts that have no edge. Issues follow their edges
 * and nodes.
 */
export function filterGraph(graph: TrustGraph, filter: GraphFilter): TrustGraph {
  const accounts = filter.accounts && filter.accounts.length > 0 ? new Set(filter.accounts) : undefined;
  const risks = filter.risks && filter.risks.length > 0 ? new Set(filter.risks) : undefined;
  const focus = filter.focus;
  if (!accounts && !risks && !focus) return graph;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inAccounts = (id: string) => {
    const node = byId.get(id);
    const account = node && accountOf(node);
    return account !== undefined && (accounts as Set<string>).has(account);
  };
  const keep = (edge: GraphEdge) =>
    (!risks || risks.has(edge.risk)) && (!accounts || inAccounts(edge.from) || inAccounts(edge.to)) && (!focus || edge.from === focus || edge.to === focus);
  const edges = graph.edges.filter(keep);
  const ids = new Set(edges.flatMap((e) => [e.from, e.to]));
  if (focus && byId.has(focus)) ids.add(focus);
  if (accounts && !risks && !focus) for (const node of graph.nodes) if (inAccounts(node.id)) ids.add(node.id);
  const edgeIds = new Set(edges.map((e) => e.id));
  return {
    nodes: graph.nodes.filter((n) => ids.has(n.id)),
    edges,
    // An issue stays with its edge or its node: a note about a role's many accounts names only one edge.
    issues: graph.issues.filter((i) => (i.edge !== undefined && edgeIds.has(i.edge)) || (i.node !== undefined && ids.has(i.node))),
  };
}
