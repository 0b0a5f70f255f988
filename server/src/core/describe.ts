import { IAM_DATA_INFO, OPERATORS_URL, actionId, isMultiValued, operatorName, serviceName, serviceReferenceUrl, type ActionInfo, type ConditionKeyType, type ConditionOperator } from './iam';
import { FOR_ALL_VALUES_DOC, FOR_ANY_VALUE_DOC, IF_EXISTS_DOC, baseOperatorDoc } from './iam/operatorDocs';
import { code, escapeMarkdown } from './markdown';

/** Markdown that describes the bundled data's knowledge, shared by hover and completion documentation. */

/** Where the IAM facts come from and how old they are. */
export function dataFooter(): string {
  return `_IAM reference data: ${escapeMarkdown(`${IAM_DATA_INFO.source} ${IAM_DATA_INFO.version}`)}, ${IAM_DATA_INFO.updatedAt.slice(0, 10)}_`;
}

/** Up to `max` items as inline code, then how many more. */
export function codeList(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).map(code).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** An action: what it grants, its access level, and (in full) resource types, keys, dependent actions and a link. */
export function describeAction(action: ActionInfo, full: boolean): string {
  const lines = [`**${escapeMarkdown(actionId(action))}** (${escapeMarkdown(action.accessLevel)})`, '', escapeMarkdown(action.description)];
  if (!full) return lines.join('\n');
  const types = action.resourceTypes.map((rt) => `${rt.name}${rt.required ? '' : ' (optional)'}`);
  lines.push('', types.length > 0 ? `Resource types: ${codeList(types, 12)}` : 'Resource: `*` only (no resource-level permissions).');
  if (action.conditionKeys.length > 0) lines.push('', `Condition keys: ${codeList(action.conditionKeys, 12)}`);
  if (action.dependentActions.length > 0) lines.push('', `Also needs: ${codeList(action.dependentActions, 12)}`);
  lines.push('', `[${escapeMarkdown(serviceName(action.service) ?? action.service)} in the Service Authorization Reference](${serviceReferenceUrl(action.service)})`);
  return lines.join('\n');
}

const LEVEL_ORDER = ['List', 'Read', 'Tagging', 'Write', 'Permissions management'];

function levelRank(level: string): number {
  const index = LEVEL_ORDER.findIndex((l) => level.startsWith(l));
  return index < 0 ? LEVEL_ORDER.length : index;
}

/** A wildcard: how many actions it matches and the first ones of each access level. */
export function describeWildcard(pattern: string, matches: readonly ActionInfo[], perLevel = 5): string {
  if (matches.length === 0) return `${code(pattern)} matches no known action.`;
  const byLevel = new Map<string, ActionInfo[]>();
  for (const action of matches) {
    const group = byLevel.get(action.accessLevel) ?? [];
    group.push(action);
    byLevel.set(action.accessLevel, group);
  }
  const lines = [`${code(pattern)} matches **${matches.length}** action${matches.length === 1 ? '' : 's'}.`, ''];
  for (const [level, actions] of [...byLevel].sort((a, b) => levelRank(a[0]) - levelRank(b[0]))) {
    lines.push(`- ${escapeMarkdown(level)} (${actions.length}): ${codeList(actions.map(actionId), perLevel)}`);
  }
  if (matches.some((a) => a.accessLevel.startsWith('Permissions management'))) {
    lines.push('', 'It includes permissions management actions, which can grant further access.');
  }
  return lines.join('\n');
}

/** An operator: what its base tests, then what `IfExists` and a set prefix change. */
export function describeOperator(operator: ConditionOperator): string {
  const lines = [`**${escapeMarkdown(operatorName(operator))}**`, '', baseOperatorDoc(operator.base) ?? ''];
  if (operator.ifExists) lines.push('', IF_EXISTS_DOC);
  if (operator.setOperator === 'ForAllValues') lines.push('', FOR_ALL_VALUES_DOC);
  if (operator.setOperator === 'ForAnyValue') lines.push('', FOR_ANY_VALUE_DOC);
  lines.push('', `[Condition operators in the IAM User Guide](${OPERATORS_URL})`);
  return lines.join('\n');
}

/** A condition key: its type and description, and where it comes from. */
export function describeKey(key: string, type: ConditionKeyType, description: string, origin: string): string {
  const lines = [`**${escapeMarkdown(key)}** (${escapeMarkdown(type)}, ${escapeMarkdown(origin)})`];
  if (description) lines.push('', escapeMarkdown(description));
  if (isMultiValued(type)) lines.push('', 'Multi-valued: test it with `ForAnyValue:` or `ForAllValues:`.');
  return lines.join('\n');
}
