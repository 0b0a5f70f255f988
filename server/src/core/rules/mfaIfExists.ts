import { operatorName } from '../iam';
import { conditionsOf } from '../statementParts';
import { scalarText } from '../jsonTree';
import type { Rule } from './rule';

export const mfaIfExists: Rule = {
  id: 'mfa-if-exists',
  severity: 'warning',
  summary: 'BoolIfExists on aws:MultiFactorAuthPresent "true" in an Allow: long-term keys without MFA pass.',
  docs: `\`aws:MultiFactorAuthPresent\` is only in the request context of temporary credentials. Requests signed
with long-term access keys (an IAM user's keys) do not carry it at all, and \`BoolIfExists\` is true when the
key is absent: the Allow below lets anyone holding the user's access keys in, with no MFA.

\`\`\`json
{ "Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*",
  "Condition": { "BoolIfExists": { "aws:MultiFactorAuthPresent": "true" } } }
\`\`\`

In an Allow write \`"Bool": { "aws:MultiFactorAuthPresent": "true" }\` (the quick fix does). In a Deny,
\`"BoolIfExists": { "aws:MultiFactorAuthPresent": "false" }\` is the right pattern (it denies both the
requests without MFA and those that cannot carry the key) and is never reported.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      if (statement.effect !== 'Allow') continue;
      for (const entry of conditionsOf(statement)) {
        if (!('operator' in entry.reading)) continue;
        const { operator } = entry.reading;
        if (operator.base !== 'Bool' || !operator.ifExists || entry.key.toLowerCase() !== 'aws:multifactorauthpresent') continue;
        if (!entry.values.some((v) => scalarText(v)?.toLowerCase() === 'true')) continue;
        const replaceWith = operatorName({ ...operator, ifExists: false });
        report(
          entry.operatorNode,
          `${entry.operatorText} is true when aws:MultiFactorAuthPresent is absent, as it is for requests signed with long-term access keys: they pass this Allow without MFA. Use ${replaceWith}.`,
          { replaceWith, key: entry.key },
        );
      }
    }
  },
};
