import { hasWildcard, isAllWildcards, type ProviderId } from '../iam';

/**
 * How far a subject (`sub`) value lets callers in, loosest first:
 * - `none`: it does not narrow at all (`*`);
 * - `any-owner`: anyone can make a matching subject (`repo:*`, `repo:acme-*\/app:*`: anyone can
 *   create a GitHub organization called acme-evil);
 * - `owner`: anything of one owner (`repo:acme/*`, `system:serviceaccount:apps:*`);
 * - `pinned`: one repository, project, workspace or service account (branches and environments
 *   may still be patterns).
 */
export type SubjectScope = 'none' | 'any-owner' | 'owner' | 'pinned';

export const SCOPE_ORDER: readonly SubjectScope[] = ['none', 'any-owner', 'owner', 'pinned'];

export interface SubjectJudgement {
  scope: SubjectScope;
  /** Who can match, in plain words ("any repository of acme"); empty for `pinned`. */
  who: string;
}

const PINNED: SubjectJudgement = { scope: 'pinned', who: '' };

/**
 * Judges one subject value of a provider. `wildcards` is whether the operator matches `*` and `?`
 * (StringLike); under StringEquals every value is literal, so pinned. Placeholders
 * (`${GitHubOrg}`) stand for one specific value.
 */
export function judgeSubject(provider: ProviderId | undefined, value: string, wildcards: boolean): SubjectJudgement {
  // Each placeholder is one specific value: judged as a plain word, named as it is written.
  const placeholders = placeholdersOf(value);
  let index = 0;
  const text = placeholders.length === 0 ? value : value.replace(/\$\{[^{}]*\}/g, () => `x§${index++}§`);
  if (!wildcards || !hasWildcard(text)) return PINNED;
  if (isAllWildcards(text)) return { scope: 'none', who: 'any subject' };
  // GitHub, GitLab and EKS subjects are read by their shape whoever issued them (generic); only
  // HCP Terraform's `organization:` needs to know the issuer.
  const judged = provider === 'terraform' && text.startsWith('organization:') ? terraform(text.slice(13)) : generic(text);
  return placeholders.length === 0 ? judged : { ...judged, who: judged.who.replace(/x§(\d+)§/g, (_, i: string) => placeholders[Number(i)] ?? 'x') };
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\$\{[^{}]*\}/g)].map((m) => m[0]);
}

interface Words {
  anyOwner: string;
  ofOwner: (owner: string) => string;
}

const GITHUB: Words = {
  anyOwner: 'any repository of any GitHub user or organization',
  ofOwner: (owner) => `any repository of ${owner}`,
};
const GITLAB: Words = {
  anyOwner: 'any project of any GitLab group or user',
  ofOwner: (owner) => `any project of the group ${owner}`,
};
const EKS: Words = {
  anyOwner: 'any service account in any namespace of the cluster',
  ofOwner: (owner) => `any service account in the namespace ${owner}`,
};

/**
 * `OWNER<sep>NAME:rest`: the owner and the name must both be literal, or pinned by an immutable id
 * (GitHub's `owner@123/repo@456`). A wildcard later (branch, environment) is fine.
 */
function twoLevels(rest: string, separator: string, words: Words): SubjectJudgement {
  const cut = rest.indexOf(separator);
  const owner = cut < 0 ? rest : rest.slice(0, cut);
  if (isOpenPart(owner) || cut < 0) return { scope: 'any-owner', who: words.anyOwner };
  const afterOwner = rest.slice(cut + 1);
  const end = afterOwner.indexOf(':');
  const name = end < 0 ? afterOwner : afterOwner.slice(0, end);
  return isOpenPart(name) ? { scope: 'owner', who: words.ofOwner(owner) } : PINNED;
}

/** A part with a wildcard, unless an immutable numeric id pins it (`acme@123`). */
function isOpenPart(part: string): boolean {
  return hasWildcard(part) && !/@\d+$/.test(part);
}

/** `organization:ORG:project:PROJECT:workspace:WORKSPACE:run_phase:PHASE`. */
function terraform(rest: string): SubjectJudgement {
  const cut = rest.indexOf(':');
  const organization = cut < 0 ? rest : rest.slice(0, cut);
  if (hasWildcard(organization) || cut < 0) return { scope: 'any-owner', who: 'any HCP Terraform organization' };
  const project = /(?:^|:)project:([^:]*)/.exec(rest)?.[1];
  const workspace = /(?:^|:)workspace:([^:]*)/.exec(rest)?.[1];
  const open = (part: string | undefined) => part === undefined || hasWildcard(part);
  return open(project) && open(workspace) ? { scope: 'owner', who: `any workspace of the organization ${organization}` } : PINNED;
}

/**
 * Issuers we do not know (GitHub Enterprise Server, self-managed GitLab, a Kubernetes cluster outside
 * EKS) still issue the subject shapes we know; other values are open only when (almost) nothing but
 * wildcards.
 */
function generic(text: string): SubjectJudgement {
  if (text.startsWith('repo:')) return twoLevels(text.slice(5), '/', GITHUB);
  if (text.startsWith('project_path:')) return twoLevels(text.slice(13), '/', GITLAB);
  if (text.startsWith('system:serviceaccount:')) return twoLevels(text.slice(22), ':', EKS);
  const literal = text.replace(/[*?]/g, '').replace(/[^A-Za-z0-9]/g, '');
  if (literal.length < 3) return { scope: 'none', who: 'almost any subject' };
  return text.startsWith('*') || text.startsWith('?') ? { scope: 'any-owner', who: `any subject ending in "${text.replace(/^[*?]+/, '')}"` } : PINNED;
}
