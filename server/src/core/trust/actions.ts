import { wildcardRegExp } from '../iam';
import type { Statement } from '../policyModel';
import { actionsOf } from '../statementParts';

/** The actions a trust policy may name (RULES.md, trust-invalid-action), canonically spelled. */
export const TRUST_ACTIONS = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:TagSession',
  'sts:SetSourceIdentity',
  'sts:SetContext',
] as const;

export type TrustAction = (typeof TRUST_ACTIONS)[number];

/** The action each kind of principal assumes a role with. */
export const ASSUME_ACTION = {
  aws: 'sts:AssumeRole',
  saml: 'sts:AssumeRoleWithSAML',
  oidc: 'sts:AssumeRoleWithWebIdentity',
} as const satisfies Record<string, TrustAction>;

export const ASSUME_ACTIONS: readonly TrustAction[] = Object.values(ASSUME_ACTION);

/** The canonical spelling of a trust action, when the text names one exactly (case-insensitively). */
export function trustAction(text: string): TrustAction | undefined {
  const lower = text.toLowerCase();
  return TRUST_ACTIONS.find((a) => a.toLowerCase() === lower);
}

/** The trust actions an action pattern matches (`sts:*` all, `sts:AssumeRole*` three). */
export function trustActionsMatching(pattern: string): TrustAction[] {
  const regExp = wildcardRegExp(pattern);
  return TRUST_ACTIONS.filter((a) => regExp.test(a));
}

/**
 * The trust actions a statement grants (or, in a Deny, denies): those its `Action` matches, or
 * those its `NotAction` does not. Undefined when the statement has neither.
 */
export function statementTrustActions(statement: Statement): Set<TrustAction> | undefined {
  const actions = actionsOf(statement);
  if (!actions) return undefined;
  const matched = new Set(actions.values.flatMap((v) => trustActionsMatching(v.text)));
  return actions.negated ? new Set(TRUST_ACTIONS.filter((a) => !matched.has(a))) : matched;
}

/**
 * Whether a statement grants an assume action at all. One that grants only session actions
 * (`sts:TagSession` in its own statement, as AWS's session-tag examples do) complements another
 * statement and is judged with it, not alone.
 */
export function grantsAssume(actions: ReadonlySet<TrustAction> | undefined): boolean {
  return actions !== undefined && ASSUME_ACTIONS.some((a) => actions.has(a));
}
