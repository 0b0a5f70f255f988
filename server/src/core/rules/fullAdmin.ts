import { actionsOf } from '../statementParts';
import { isEveryAction, onEveryResource } from './allowGrants';
import type { Rule } from './rule';

export const fullAdmin: Rule = {
  id: 'full-admin',
  severity: 'warning',
  kinds: ['identity', 'resource'],
  summary: 'Allow of every action ("*") on every resource ("*").',
  docs: `\`"Action": "*"\` on \`"Resource": "*"\` is full administrator access: every action of every service,
including IAM itself, so whoever has it can grant themselves anything else. Attach AWS's
\`AdministratorAccess\` to the few roles that need it (where it is easy to audit) and give everyone
else the actions their work needs.

\`\`\`json
{
  "Effect": "Allow",
  "Action": ["s3:GetObject", "s3:PutObject"],
  "Resource": "arn:aws:s3:::team-data/*"
}
\`\`\`
Deny statements with \`*\` are not reported: they are guardrails.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      if (statement.effect !== 'Allow' || !onEveryResource(statement)) continue;
      const actions = actionsOf(statement);
      if (!actions || actions.negated) continue;
      for (const action of actions.values) {
        if (!isEveryAction(action.text)) continue;
        report(action.node, `"${action.text}" on every resource is full administrator access, including IAM. Grant the actions this principal needs, on the resources it needs.`, {
          action: action.text,
        });
      }
    }
  },
};
