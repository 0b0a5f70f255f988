import { hasWildcard, isAllWildcards, splitArn, wildcardMatchesExactly } from '../iam';
import { ruleRisk, worstRisk, type FileFacts, type GrantFact, type TrustFact } from './facts';
import { fileAccount, roleIdentity, type GraphOptions } from './identity';
import { accountPlace, roleNodeId } from './principalNode';
import { checkHalves } from './halves';
import { ANY_ROLE_ID, compare, type GraphEdge, type GraphNode, type Risk, type TrustGraph } from './types';

/** One file's facts and where it is: `path` goes into sources, `relativePath` names roles and accounts. */
export interface GraphFile {
  path: string;
  relativePath?: string;
  facts: FileFacts;
}

/**
 * Builds the graph from every file's facts: a role node per trust policy, its principals, trust
 * edges into it; a policy node per identity policy that allows sts:AssumeRole, grant edges to the
 * roles it names (patterns matched against the roles here); then the halves that do not match.
 * Pure and deterministic: the same files in any order give the same graph.
 */
export function buildTrustGraph(files: readonly GraphFile[], options: GraphOptions = {}): TrustGraph {
  const sorted = [...files].sort((a, b) => compare(a.path, b.path));
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const issues: TrustGraph['issues'] = [];
  const add = (node: GraphNode) => {
    const known = nodes.get(node.id);
    // A principal named by a policy may be a role defined here: the definition wins.
    if (!known || (node.source && !known.source)) nodes.set(node.id, node);
    return nodes.get(node.id) as GraphNode;
  };

  for (const file of sorted) {
    if (file.facts.kind !== 'trust') continue;
    const relative = file.relativePath ?? file.path;
    // A Terraform role says its name (a document no role uses is named as itself); a trust policy file's name or folder says it otherwise.
    const role = file.facts.owner ? (file.facts.owner.role ?? file.facts.owner.label) : undefined;
    const account = role === undefined ? undefined : fileAccount(relative, options);
    const identity = role !== undefined ? { name: role, ...(account ? { account } : {}) } : roleIdentity(relative, options);
    const place = accountPlace(identity.account ?? '');
    const id = roleNodeId(place.key, identity.name);
    const existing = nodes.get(id);
    const source = { path: file.path, span: file.facts.span };
    if (existing?.source) {
      issues.push({ kind: 'duplicate-role', severity: 'warning', node: id, source, message: `${relative} and ${existing.source.path} both define the role ${identity.name}${identity.account ? ` in account ${identity.account}` : ''}; only the first is drawn. Name one of them with the iamPolicy.graph.roles setting.` });
      continue;
    }
    add({ id, kind: 'role', label: identity.name, ...(identity.account ? { account: identity.account } : { local: true }), detail: roleArn(identity.name, identity.account), source });
    for (const problem of file.facts.unusable) issues.push({ kind: 'unusable-trust', severity: 'warning', node: id, source: { path: file.path, span: problem.span }, message: problem.message });
    for (const fact of file.facts.trusts) {
      // `${AWS::AccountId}` in a trust policy is the role's own account, once the graph knows it.
      const trust = identity.account && fact.principal.local ? { ...fact, principal: placeLocal(fact.principal, identity.account) } : fact;
      const from = add(trust.principal);
      const { risk, reasons } = sameAccountRisk(trust, identity.account);
      edges.push({
        id: edgeId('trust', from.id, id, file.path, trust.span.offset),
        from: from.id,
        to: id,
        kind: 'trust',
        conditions: trust.conditions,
        risk,
        reasons,
        source: { path: file.path, span: trust.span },
        statement: trust.statement,
      });
    }
  }

  const roles = new WorkspaceRoles([...nodes.values()].filter((n) => n.kind === 'role' && n.source));
  for (const file of sorted) {
    if (file.facts.grants.length === 0) continue;
    const relative = file.relativePath ?? file.path;
    const account = fileAccount(relative, options);
    const owner = file.facts.owner;
    // One node per policy: a Terraform file holds several, named by their resource.
    const policyId = owner ? `policy:${file.path}#${file.facts.policy}` : `policy:${file.path}`;
    const label = owner?.label ?? baseName(relative);
    const attached = owner?.attachedTo?.length ? `, attached to ${owner.attachedTo.join(', ')}` : '';
    add({ id: policyId, kind: 'policy', label, ...(account ? { account } : { local: true }), detail: `Identity policy ${owner ? `${owner.label} in ` : ''}${relative}${attached}`, source: { path: file.path, span: file.facts.span } });
    for (const grant of file.facts.grants) {
      for (const target of grantTargets(grant, roles, add, account)) {
        edges.push({
          id: edgeId('grant', policyId, target.id, file.path, grant.span.offset),
          from: policyId,
          to: target.id,
          kind: 'grant',
          conditions: grant.conditions,
          risk: target.risk,
          reasons: target.risk === 'low' ? [] : [target.risk === 'high' ? 'sts:AssumeRole on every role' : `sts:AssumeRole on every role matching ${grant.resource}`],
          source: { path: file.path, span: grant.span },
          statement: grant.statement,
        });
      }
    }
  }

  const kept = dedupe(edges);
  for (const edge of kept) {
    const role = nodes.get(edge.to);
    if (edge.kind === 'trust' && role?.source) role.risk = worstRisk([role.risk ?? 'low', edge.risk]);
  }
  const graph: TrustGraph = {
    nodes: [...nodes.values()].sort((a, b) => compare(a.id, b.id)),
    edges: kept.sort((a, b) => compare(a.id, b.id)),
    issues,
  };
  graph.issues.push(...checkHalves(graph));
  graph.issues.sort((a, b) => compare(a.source.path, b.source.path) || a.source.span.offset - b.source.span.offset || compare(a.kind, b.kind));
  return graph;
}

/**
 * trust-cross-account-unconditioned reports any account principal, the role's own too (its file
 * does not say where it lives). The graph knows: the role's own account trusting itself with no
 * condition is the usual way to let its IAM policies decide, not a cross-account risk.
 */
function sameAccountRisk(trust: TrustFact, roleAccount: string | undefined): { risk: Risk; reasons: string[] } {
  const principal = trust.principal;
  const same = principal.kind === 'account' && (principal.account !== undefined ? principal.account === roleAccount : principal.local === true && roleAccount === undefined);
  if (!same || !trust.rules.includes(CROSS_ACCOUNT_RULE)) return { risk: trust.risk, reasons: trust.reasons };
  const rest = trust.rules.filter((r) => r !== CROSS_ACCOUNT_RULE);
  return { risk: worstRisk(rest.map(ruleRisk)), reasons: trust.reasons.filter((r) => !r.startsWith('Every user and role in account')) };
}

const CROSS_ACCOUNT_RULE = 'trust-cross-account-unconditioned';

/** The nodes a grant reaches: the roles here its ARN matches, else a node for the ARN itself. */
function grantTargets(grant: GrantFact, roles: WorkspaceRoles, add: (node: GraphNode) => GraphNode, policyAccount: string | undefined): { id: string; risk: Risk }[] {
  const arn = grant.resource === '*' ? undefined : splitArn(grant.resource);
  const resource = arn?.resource ?? '*';
  const name = resource.replace(/^role\//, '').replace(/^.*\//, '');
  const account = arn?.account ?? '*';
  if (grant.resource === '*' || grant.resource.startsWith('arn:*') || (isAllWildcards(account) && isAllWildcards(name))) {
    add({ id: ANY_ROLE_ID, kind: 'role', label: 'any role (*)', detail: 'Every role in every account whose trust policy lets the caller in' });
    return [{ id: ANY_ROLE_ID, risk: 'high' }];
  }
  // `${AWS::AccountId}` in a policy is the policy's own account.
  const place = accountPlace(policyAccount && accountPlace(account).local ? policyAccount : account);
  if (!hasWildcard(resource) && !hasWildcard(account)) {
    const exact = roles.byId.get(roleNodeId(place.key, name));
    // An account-less role here ("this account") is the same role when the names agree.
    const sameName = exact ?? (place.account !== undefined ? roles.localByName.get(name) : undefined);
    if (sameName) return [{ id: sameName.id, risk: 'low' }];
    const id = roleNodeId(place.key, name);
    add({ id, kind: 'role', label: name, ...(place.account ? { account: place.account } : place.local ? { local: true } : {}), detail: grant.resource });
    return [{ id, risk: 'low' }];
  }
  // Role names in ARNs compare exactly (case included), as `Resource` matching does.
  const namePattern = resource.startsWith('role/') ? resource : `role/${resource}`;
  const accountPattern = place.local ? '*' : (place.account ?? account);
  const matched = roles.all.filter((r) => wildcardMatchesExactly(namePattern, `role/${r.label}`) && (r.local || wildcardMatchesExactly(accountPattern, r.account ?? '')));
  if (matched.length > 0) return matched.map((r) => ({ id: r.id, risk: 'medium' as const }));
  const id = roleNodeId(place.key, resource.replace(/^role\//, ''));
  add({ id, kind: 'role', label: resource.replace(/^role\//, ''), ...(place.account ? { account: place.account } : {}), detail: `${grant.resource}: no role here matches` });
  return [{ id, risk: 'medium' }];
}

/** The roles defined here, looked up by id and, for "this account" roles, by name. */
class WorkspaceRoles {
  readonly byId: Map<string, GraphNode>;
  readonly localByName = new Map<string, GraphNode>();
  constructor(readonly all: readonly GraphNode[]) {
    this.byId = new Map(all.map((r) => [r.id, r]));
    for (const role of all) if (role.local && !this.localByName.has(role.label)) this.localByName.set(role.label, role);
  }
}

/**
 * Two statements (or two values) saying the same thing are one line in the picture, not two on top
 * of each other. Same words may differ in risk (`StringLike` and `StringNotLike` on one subject both
 * read `acme/web:*`): those stay apart, so that a risky statement is never hidden behind a safe one.
 */
function dedupe(edges: GraphEdge[]): GraphEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.kind}\u0000${e.from}\u0000${e.to}\u0000${e.risk}\u0000${e.conditions.join('\u0001')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A principal of "this account" in a trust file whose role's account is known: moved to that account. */
function placeLocal(node: TrustFact['principal'], account: string): TrustFact['principal'] {
  const { local: _local, ...rest } = node;
  const id = node.kind === 'account' ? `account:${account}` : node.kind === 'role' ? roleNodeId(account, node.label) : node.id.replace(/^([^:]+):(?=:)/, `$1:${account}`);
  return { ...rest, id, account, ...(node.kind === 'account' ? { label: `account ${account}` } : {}) };
}

function edgeId(kind: string, from: string, to: string, path: string, offset: number): string {
  return `${kind}:${from}->${to}@${path}:${offset}`;
}

function roleArn(name: string, account: string | undefined): string {
  return `arn:aws:iam::${account ?? '(this account)'}:role/${name}`;
}

function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.jsonc?$/i, '');
}
