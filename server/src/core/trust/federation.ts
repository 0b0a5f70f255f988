import type { Node } from 'jsonc-parser';
import { hasPlaceholder, hasWildcard, isAllWildcards, type ProviderId } from '../iam';
import type { PolicyModel, Statement } from '../policyModel';
import { conditionsOf, type ConditionEntry } from '../statementParts';
import { grantsAssume, statementTrustActions } from './actions';
import { entryValues, narrowingEntry, positiveOperator } from './conditions';
import { trustedPrincipals, type TrustedPrincipal } from './principals';
import { judgeSubject, SCOPE_ORDER, type SubjectJudgement } from './subjects';

export type OidcPrincipal = Extract<TrustedPrincipal, { type: 'oidc' }>;

/** Providers whose tokens name a workload (a repository, a pipeline, a pod) in `sub`: trust without it admits every workload. */
const WORKLOAD_PROVIDERS: ReadonlySet<ProviderId | undefined> = new Set<ProviderId | undefined>(['github', 'gitlab', 'eks', 'terraform', undefined]);

/** The OIDC principals of a policy's Allow statements, with their statement. */
export function* oidcPrincipals(policy: PolicyModel | undefined): Generator<{ statement: Statement; principal: OidcPrincipal }> {
  for (const statement of policy?.statements ?? []) {
    if (statement.effect !== 'Allow' || !grantsAssume(statementTrustActions(statement))) continue;
    for (const principal of trustedPrincipals(statement)) {
      if (principal.type === 'oidc') yield { statement, principal };
    }
  }
}

/** Whether trusting this provider needs a subject condition (not for app sign-in providers: their `sub` is an end user). */
export function needsSubject(principal: OidcPrincipal): boolean {
  return WORKLOAD_PROVIDERS.has(principal.provider?.id);
}

/** The claim that names the audience (the app or client) a token was issued for. */
export function audienceClaim(principal: OidcPrincipal): string {
  return audienceClaimOf(principal.provider?.id);
}

/** The claim that names the app a token is for: `app_id` for Login with Amazon and Facebook, `aud` for the rest. */
export function audienceClaimOf(provider: string | undefined): string {
  return provider === 'amazon' || provider === 'facebook' ? 'app_id' : 'aud';
}

/**
 * The condition entries on `<issuer>:<claim>` that test it positively. `sub` and `aud` are in every
 * token, so `IfExists` and `ForAllValues:` change nothing and count. A provider named by a template
 * (`oidc-provider/${local.oidc_provider}`) may be what another expression names in the key
 * (`"${replace(var.oidc_provider_url, "https://", "")}:sub"`): a key whose issuer is a template counts.
 */
export function claimEntries(statement: Statement, issuer: string, claim: string): ConditionEntry[] {
  const key = `${issuer}:${claim}`.toLowerCase();
  const templated = hasPlaceholder(issuer);
  const matches = (entryKey: string) => {
    const lower = entryKey.toLowerCase();
    if (lower === key) return true;
    return templated && lower.endsWith(`:${claim}`) && hasPlaceholder(entryKey.slice(0, -claim.length - 1));
  };
  return conditionsOf(statement).filter((e) => matches(e.key) && positiveOperator(e, { alwaysPresent: true })?.family === 'String');
}

/** Whether the statement tests the audience claim with values that narrow it. */
export function hasAudience(statement: Statement, principal: OidcPrincipal): boolean {
  return claimEntries(statement, principal.issuer, audienceClaim(principal)).some((entry) => narrowingEntry(entry, { alwaysPresent: true }));
}

/** How far the subject conditions of a statement let workloads in, with the value that decides. */
export interface SubjectVerdict extends SubjectJudgement {
  /** The loosest value of the tightest entry; absent when no entry tests the subject. */
  value?: { node: Node; text: string };
}

/**
 * The statement's subject scope for an OIDC principal. The values of one entry are ORed (the
 * loosest decides); separate entries (StringEquals and StringLike) are ANDed (the tightest decides).
 */
export function subjectVerdict(statement: Statement, principal: OidcPrincipal): SubjectVerdict {
  let best: SubjectVerdict = { scope: 'none', who: 'any subject' };
  const tests = SUBJECT_CLAIMS[principal.provider?.id ?? ''] ?? SUBJECT_CLAIMS.default;
  const entries = Object.entries(tests).flatMap(([claim, asSubject]) => claimEntries(statement, principal.issuer, claim).map((entry) => ({ entry, asSubject })));
  for (const { entry, asSubject } of entries) {
    const wildcards = positiveOperator(entry, { alwaysPresent: true })?.wildcards ?? false;
    let loosest: SubjectVerdict | undefined;
    const texts = entryValues(entry);
    entry.values.forEach((node, i) => {
      const text = texts[i];
      const judgement = judgeSubject(principal.provider?.id, asSubject(text), wildcards);
      if (!loosest || rank(judgement) < rank(loosest)) loosest = { ...judgement, value: { node, text } };
    });
    if (loosest && (best.value === undefined || rank(loosest) > rank(best))) best = loosest;
  }
  return best;
}

const rank = (j: SubjectJudgement) => SCOPE_ORDER.indexOf(j.scope);

/**
 * The claims that say which workload a token is for, and how each reads as a subject. GitHub's
 * `repository` (OWNER/REPO) and `repository_id` are IAM condition keys too (since January 2026) and
 * pin the repository as well as `sub` does.
 */
const SUBJECT_CLAIMS: Readonly<Record<string, Readonly<Record<string, (value: string) => string>>>> = {
  github: {
    sub: (v) => v,
    repository: (v) => `repo:${v}:*`,
    // An id with a wildcard (`12*`) matches repositories anyone can own.
    repository_id: (v) => (!hasWildcard(v) ? 'repo:x/x:*' : isAllWildcards(v) ? v : 'repo:*'),
  },
  default: { sub: (v) => v },
};
