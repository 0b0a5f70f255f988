import type { Node } from 'jsonc-parser';
import { wildcardRegExp } from '../iam';
import type { Statement } from '../policyModel';
import { actionsOf, resourcesOf } from '../statementParts';

/** `*` and `*:*` grant every action: full-admin reports them, so narrower rules skip them. */
export function isEveryAction(text: string): boolean {
  return text === '*' || text === '*:*';
}

/** Whether a statement's Resource (not NotResource) lists exactly `"*"`. */
export function onEveryResource(statement: Statement): boolean {
  const resources = resourcesOf(statement);
  return resources !== undefined && !resources.negated && resources.values.some((v) => v.text === '*');
}

/**
 * The Action values of an Allow statement on Resource `"*"` that grant `action` (`iam:PassRole`),
 * literally or through a wildcard (`iam:*`, `iam:Pass*`), case-insensitive like IAM. `*` itself is
 * left to full-admin; NotAction to not-action-with-allow.
 */
export function grantsOnEveryResource(statement: Statement, action: string): { node: Node; text: string }[] {
  if (statement.effect !== 'Allow' || !onEveryResource(statement)) return [];
  const actions = actionsOf(statement);
  if (!actions || actions.negated) return [];
  const lower = action.toLowerCase();
  return actions.values.filter((v) => !isEveryAction(v.text) && couldMatch(v.text, lower) && wildcardRegExp(v.text).test(action));
}

/**
 * A cheap first test: the text before a pattern's first wildcard must begin the action. Large
 * policies list thousands of actions; compiling each into a regular expression would dominate.
 */
function couldMatch(pattern: string, lowerAction: string): boolean {
  const wildcard = pattern.search(/[*?]/);
  const literal = (wildcard < 0 ? pattern : pattern.slice(0, wildcard)).toLowerCase();
  return wildcard < 0 ? literal === lowerAction : lowerAction.startsWith(literal);
}
