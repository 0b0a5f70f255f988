import { graph, type PolicySettings } from '../core';
import { loadElk } from './elk';
import type { GraphAccount, TrustGraphParams, TrustGraphResponse } from './protocol';

/** What the server and the CLI both know when they draw the graph. */
export interface GraphRequest extends TrustGraphParams {
  files: readonly graph.GraphFile[];
  settings: Pick<PolicySettings, 'accounts' | 'graph'>;
  /** The scan stopped at its bound: the picture may miss files. */
  truncated?: boolean;
  /**
   * Nodes laid out at most (the server's one thread must not freeze): the view gets no layout past
   * it, an SVG export fails with a message. The CLI, asked for it explicitly, has no bound.
   */
  maxLayoutNodes?: number;
}

/** The whole graph, and the part the filter and the focus keep. */
export function selectGraph(request: GraphRequest): { whole: graph.TrustGraph; shown: graph.TrustGraph; focus: string | undefined } {
  const { accounts, graph: options } = request.settings;
  const whole = graph.buildTrustGraph(request.files, { accounts, defaultAccount: options.defaultAccount, roles: options.roles });
  const focus = request.focusUri ? focusNode(whole, request.focusUri) : undefined;
  return { whole, shown: graph.filterGraph(whole, { ...request.filter, ...(focus ? { focus } : {}) }), focus };
}

/** Builds, filters and lays out the graph, or writes it in an export format. */
export async function graphResponse(request: GraphRequest): Promise<TrustGraphResponse> {
  const { accounts } = request.settings;
  const { whole, shown: exact, focus } = selectGraph(request);
  if (request.format === 'json') return { text: `${JSON.stringify(exact, null, 2)}\n` };
  const shown = graph.groupLookalikes(exact);
  const limit = request.maxLayoutNodes ?? Infinity;
  const tooLarge = shown.nodes.length > limit;
  switch (request.format) {
    case 'mermaid':
      return { text: graph.toMermaid(shown, accounts) };
    case 'dot':
      return { text: graph.toDot(shown, accounts) };
    case 'svg':
      if (tooLarge) throw new Error(`The picture would have ${shown.nodes.length} nodes, more than ${limit}: filter by account or risk first, or use iam-policy graph --format svg.`);
      return { text: `${graph.svgMarkup(graph.renderGraph(shown, await graph.layoutGraph(shown, loadElk(), accounts), { standalone: true, title: 'Trust relationships' }))}\n` };
    default: {
      // Layout runs on the server's one thread (elkjs is synchronous inside): 550 nodes take about a
      // second, 2,000 about eight. Past the bound the page asks for a filter instead of freezing the server.
      const grouped = graph.groupLookalikes(whole);
      return {
        graph: shown,
        layout: tooLarge ? EMPTY_LAYOUT : await graph.layoutGraph(shown, loadElk(), accounts),
        ...(tooLarge ? { tooLarge: { nodes: shown.nodes.length, limit } } : {}),
        accounts: accountChoices(whole, accounts),
        ...(focus ? { focus } : {}),
        files: request.files.length,
        truncated: request.truncated ?? false,
        // Counted as drawn (look-alikes grouped), so that "18 of 18" means nothing is filtered out.
        total: { nodes: grouped.nodes.length, edges: grouped.edges.length },
      };
    }
  }
}

/** Nodes the server lays out at most. */
export const MAX_LAYOUT_NODES = 1_500;
const EMPTY_LAYOUT: graph.GraphLayout = { width: 0, height: 0, clusters: [], nodes: [], edges: [] };

/** The role a trust policy defines, or the node of an identity policy: what "focus on this file" means. */
function focusNode(whole: graph.TrustGraph, path: string): string | undefined {
  return whole.nodes.find((n) => n.source?.path === path)?.id;
}

/** The accounts the filter offers: every account with a node, named where a name is known. */
function accountChoices(whole: graph.TrustGraph, names: Readonly<Record<string, string>>): GraphAccount[] {
  const ids = new Set<string>();
  for (const node of whole.nodes) {
    const account = graph.accountOf(node);
    if (account) ids.add(account);
  }
  return [...ids].sort().map((id) => ({ id, label: graph.clusterLabel(id, names) }));
}
