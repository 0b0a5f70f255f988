import { isMultiValued } from '../iam';
import { conditionsOf } from '../statementParts';
import { knownKeyType, lookupKey } from './conditionValues';
import type { Rule } from './rule';

export const forAllValuesSingleValued: Rule = {
  id: 'forallvalues-single-valued',
  severity: 'warning',
  summary: 'ForAllValues: on a single-valued key: it is true when the key is absent (a classic bypass).',
  docs: `\`ForAllValues:\` asks whether *every* value of a multi-valued key is in the list, and an absent key has
no values, so the condition is **true when the key is missing**. On a multi-valued key such as
\`aws:TagKeys\` that is usually what you want (combined with a \`Null\` check when it is not). On a
single-valued key it only adds that hole: a request without the key passes an Allow.

\`\`\`json
"Condition": { "ForAllValues:StringEquals": { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } }
\`\`\`

Drop the prefix (\`StringEquals\`); the quick fix does. In a Deny, the prefix makes the deny also hit every
request without the key, which is rarely what was meant either. Multi-valued keys (\`aws:TagKeys\`,
\`aws:CalledVia\`, \`aws:PrincipalOrgPaths\`, \`cognito-identity.amazonaws.com:amr\`...) are never reported.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      for (const entry of conditionsOf(statement)) {
        if (!('operator' in entry.reading) || entry.reading.operator.setOperator !== 'ForAllValues') continue;
        const type = knownKeyType(lookupKey(entry.key));
        if (!type || isMultiValued(type)) continue;
        const plain = entry.operatorText.slice(entry.operatorText.indexOf(':') + 1);
        const consequence =
          statement.effect === 'Deny'
            ? 'so this Deny also applies to every request without the key, and otherwise works like the plain operator'
            : 'so this Allow also applies to every request without the key';
        report(entry.operatorNode, `"${entry.key}" is single-valued: ${entry.operatorText} is true when the key is absent, ${consequence}. Use ${plain}.`, {
          operator: entry.operatorText,
          key: entry.key,
          replaceWith: plain,
        });
      }
    }
  },
};
