import type { Span } from '../types';

/**
 * The trust relationships of a set of policy files: who can assume which role (trust edges, from the
 * roles' trust policies) and who is allowed to try (grant edges, from identity policies allowing
 * sts:AssumeRole). Built in core from every file's facts; the panel, the CLI and the tests read it.
 */
export interface TrustGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  issues: GraphIssue[];
}

export type NodeKind =
  /** A role: from a trust policy in the workspace, or named by a grant or a principal. */
  | 'role'
  /** An account: its root principal, which stands for every user and role in it. */
  | 'account'
  | 'user'
  /** An assumed-role session (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`). */
  | 'session'
  | 'federated-user'
  | 'service'
  | 'oidc'
  | 'saml'
  /** `"*"`: anyone in any AWS account. */
  | 'public'
  /** An identity policy that allows sts:AssumeRole. */
  | 'policy'
  /** A principal we cannot resolve: a template reference or a deleted principal's unique id. */
  | 'reference';

export const NODE_KINDS: readonly NodeKind[] = ['role', 'account', 'user', 'session', 'federated-user', 'service', 'oidc', 'saml', 'public', 'policy', 'reference'];

/** The node a grant on every role (`Resource: "*"`) points to. */
export const ANY_ROLE_ID = 'role:*';

export type Risk = 'high' | 'medium' | 'low';
export const RISKS: readonly Risk[] = ['high', 'medium', 'low'];

/** How filters, clusters and the halves check name the account of "this account" (never a 12-digit id). */
export const THIS_ACCOUNT = 'this';

/** The account a node stands in: its 12-digit id, `this` for the workspace's own unnamed account, or none (services, the public). */
export function accountOf(node: Pick<GraphNode, 'account' | 'local'>): string | undefined {
  return node.account ?? (node.local ? THIS_ACCOUNT : undefined);
}

/** Where in which file: `path` as the caller named the file (a CLI path, a URI in the editor). */
export interface SourceRef {
  path: string;
  span: Span;
}

export interface GraphNode {
  /** Stable across builds: `role:111122223333:Deploy`, `account:444455556666`, `service:ec2.amazonaws.com`. */
  id: string;
  kind: NodeKind;
  /** One line, as written in policies where that is short enough. */
  label: string;
  /** The 12-digit account the node belongs to, when known. */
  account?: string;
  /** A role or policy of the workspace's own, unnamed account ("this account"). */
  local?: boolean;
  /** More about it, for a tooltip: the full ARN, the provider, the file. */
  detail?: string;
  /** The file that defines it: a role's trust policy, a policy file. */
  source?: SourceRef;
  /** The worst risk of the trust edges into a role (roles only). */
  risk?: Risk;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  /** `trust`: the role's trust policy lets `from` assume it. `grant`: an identity policy lets its holders call sts:AssumeRole on it. */
  kind: 'trust' | 'grant';
  /** Short conditions: `MFA`, `ExternalId`, `org o-a1b2c3`, `example-org/web-app:main`, `kube-system/external-dns`. */
  conditions: string[];
  risk: Risk;
  /** Why the risk is what it is, one phrase per finding ("anyone in any AWS account"). */
  reasons: string[];
  /** The principal value (trust) or the Resource value (grant). */
  source: SourceRef;
  /** The whole statement, with its Sid when it has one. */
  statement: { span: Span; index: number; sid?: string };
}

export type IssueKind =
  /** An identity policy allows assuming a role whose trust policy here does not trust the policy's account: the call fails. */
  | 'grant-not-trusted'
  /** A role trusts another account, and no identity policy here lets that account's principals assume it (it may live elsewhere). */
  | 'trust-without-grant'
  /** Two trust policies claim the same role. */
  | 'duplicate-role'
  /** A trust statement names a principal without the assume action it needs (a GitHub provider with sts:AssumeRole). */
  | 'unusable-trust';

export interface GraphIssue {
  kind: IssueKind;
  severity: 'error' | 'warning' | 'info';
  message: string;
  source: SourceRef;
  /** The edge or node it is about. */
  edge?: string;
  node?: string;
}

/** Plain code-unit order, the same on every machine (no locale): sorted ids make the output deterministic. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
