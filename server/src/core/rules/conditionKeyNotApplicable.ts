import { actionSupportsKey, getService, matchActions, type ActionInfo } from '../iam';
import type { Statement } from '../policyModel';
import { actionsOf, conditionsOf } from '../statementParts';
import { lookupKey } from './conditionValues';
import type { Rule } from './rule';

/**
 * The actions a statement names, when we know all of them: an `Action` (not `NotAction`) list of
 * strings, no `*`, each value matching at least one known action. Otherwise undefined: an action we
 * do not know might support the key.
 */
function knownActions(statement: Statement): ActionInfo[] | undefined {
  const actions = actionsOf(statement);
  if (!actions || actions.negated || actions.values.length === 0) return undefined;
  if (actions.node.type === 'array' && actions.values.length !== (actions.node.children ?? []).length) return undefined;
  const found: ActionInfo[] = [];
  for (const { text } of actions.values) {
    if (text.trim() === '*') return undefined;
    const matched = matchActions(text);
    if (matched.length === 0) return undefined;
    found.push(...matched);
  }
  return found;
}

/**
 * Whether any action of the key's own service lists the key. Some keys are listed by the service but
 * by none of its actions or resource types (`iottwinmaker:linkedServices`): the data does not say
 * where they apply, so we cannot say where they do not.
 */
function listedByAnyAction(service: string, key: string): boolean {
  for (const action of getService(service)?.actions.values() ?? []) if (actionSupportsKey(action, key)) return true;
  return false;
}

export const conditionKeyNotApplicable: Rule = {
  id: 'condition-key-not-applicable',
  severity: 'warning',
  absent: ['Action'],
  summary: 'A service condition key that no action of the statement supports.',
  docs: `Service condition keys are set only in the requests of the actions (and resource types) that support
them: \`ec2:InstanceType\` is in the request of \`ec2:RunInstances\`, never in that of \`s3:GetObject\`. A key
that none of the statement's actions supports is absent from every request the statement matches, so the
condition is always false (\`StringEquals\`: the statement never applies) or always true (\`StringNotEquals\`,
\`...IfExists\`: it restricts nothing).

\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
  "Condition": { "StringEquals": { "ec2:InstanceType": "t3.micro" } } }
\`\`\`

Move the condition to a statement whose actions support the key, or use a key they do support (see the
service authorization reference). Global keys (\`aws:\`) and identity-provider claims are never reported,
nor statements with \`NotAction\`, \`*\`, or actions the bundled data does not know.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      const entries = conditionsOf(statement);
      if (entries.length === 0) continue;
      let actions: ActionInfo[] | undefined | null = null;
      for (const entry of entries) {
        const lookup = lookupKey(entry.key);
        if (lookup?.status !== 'service') continue;
        if (actions === null) actions = knownActions(statement);
        if (!actions) break;
        if (actions.some((action) => actionSupportsKey(action, entry.key))) continue;
        if (!listedByAnyAction(lookup.service, entry.key)) continue;
        const names = [...new Set(actions.map((a) => `${a.service}:${a.name}`))];
        const shown = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
        report(
          entry.keyNode,
          `No action of this statement (${shown}) supports the condition key "${entry.key}": it is never in their requests, so this condition cannot work as intended. Move it to a statement with actions that support it, or remove it.`,
          { key: entry.key },
        );
      }
    }
  },
};
