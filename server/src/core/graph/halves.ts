import { accountOf, ANY_ROLE_ID, THIS_ACCOUNT, type GraphEdge, type GraphIssue, type GraphNode, type TrustGraph } from './types';

/** Principals that sts:AssumeRole callers are: IAM users and roles of some account, or anyone. */
const CALLER_KINDS = new Set<GraphNode['kind']>(['public', 'account', 'role', 'user', 'session', 'federated-user', 'reference']);

const accountWords = (key: string | undefined) => (key === THIS_ACCOUNT || key === undefined ? 'this account' : `account ${key}`);

/**
 * Cross-account access needs both halves: the role's trust policy must trust the caller's account,
 * and the caller's identity policy must allow sts:AssumeRole on the role. Reports a grant the trust
 * policy here refuses (the call fails), and, for information, a trust no policy here grants.
 */
export function checkHalves(graph: TrustGraph): GraphIssue[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const trustsInto = new Map<string, GraphEdge[]>();
  const grantsInto = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    const map = edge.kind === 'trust' ? trustsInto : grantsInto;
    const list = map.get(edge.to);
    if (list) list.push(edge);
    else map.set(edge.to, [edge]);
  }
  const issues: GraphIssue[] = [];
  for (const edge of graph.edges) {
    const role = nodes.get(edge.to);
    const from = nodes.get(edge.from);
    if (!role?.source || !from) continue;
    if (edge.kind === 'grant' && edge.risk === 'low') {
      const issue = refusedGrant(edge, from, role, trustsInto.get(role.id) ?? [], nodes);
      if (issue) issues.push(issue);
    }
  }
  issues.push(...ungrantedTrusts(graph, nodes, trustsInto, grantsInto));
  return issues;
}

function refusedGrant(edge: GraphEdge, policy: GraphNode, role: GraphNode, trusts: GraphEdge[], nodes: Map<string, GraphNode>): GraphIssue | undefined {
  const account = accountOf(policy);
  const callers = trusts.map((t) => nodes.get(t.from)).filter((n): n is GraphNode => n !== undefined && CALLER_KINDS.has(n.kind));
  const base = { kind: 'grant-not-trusted' as const, severity: 'warning' as const, edge: edge.id, node: role.id, source: edge.source };
  if (callers.length === 0) {
    const who = trusts.length === 0 ? 'nobody' : 'only services and identity providers';
    return { ...base, message: `${policy.label} allows sts:AssumeRole on ${role.label}, but its trust policy trusts ${who}: no IAM user or role can assume it, so the call fails.` };
  }
  if (account === undefined) return undefined;
  const trusted = callers.some((n) => n.kind === 'public' || n.kind === 'reference' || accountOf(n) === account || accountOf(n) === undefined);
  if (trusted) return undefined;
  const names = [...new Set(callers.map((n) => accountWords(accountOf(n))))].join(', ');
  return { ...base, message: `${policy.label} (${accountWords(account)}) allows sts:AssumeRole on ${role.label}, but the role's trust policy trusts ${names}, not ${accountWords(account)}: the call fails.` };
}

/** A role trusting another account, with no policy here granting that account's principals the call. */
function ungrantedTrusts(graph: TrustGraph, nodes: Map<string, GraphNode>, trustsInto: Map<string, GraphEdge[]>, grantsInto: Map<string, GraphEdge[]>): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const anyRole = grantsInto.get(ANY_ROLE_ID) ?? [];
  for (const role of graph.nodes) {
    if (role.kind !== 'role' || !role.source) continue;
    const grantedFrom = new Set([...(grantsInto.get(role.id) ?? []), ...anyRole].map((g) => accountOf(nodes.get(g.from) as GraphNode)));
    const ungranted = new Map<string, GraphEdge>();
    for (const trust of trustsInto.get(role.id) ?? []) {
      const from = nodes.get(trust.from);
      const account = from && CALLER_KINDS.has(from.kind) ? from.account : undefined;
      if (!account || account === role.account || ungranted.has(account) || grantedFrom.has(account)) continue;
      ungranted.set(account, trust);
    }
    if (ungranted.size === 0) continue;
    const [first] = ungranted.values();
    const accounts = [...ungranted.keys()];
    const which = accounts.length === 1 ? `account ${accounts[0]}` : `${accounts.length} accounts (${accounts.slice(0, 3).join(', ')}${accounts.length > 3 ? ', …' : ''})`;
    issues.push({
      kind: 'trust-without-grant',
      severity: 'info',
      edge: first.id,
      node: role.id,
      source: first.source,
      message: `${role.label} trusts ${which}, and no identity policy here allows ${accounts.length === 1 ? "that account's" : 'their'} principals to assume it (it may live in another repository).`,
    });
  }
  return issues;
}
