import { readOperator } from '../iam';
import { propertyKey, stringValue } from '../jsonTree';
import { element } from '../policyModel';
import type { Rule } from './rule';

export const unknownConditionOperator: Rule = {
  id: 'unknown-condition-operator',
  severity: 'error',
  summary: 'A condition operator that IAM does not know, Null with IfExists, or a bad ForAllValues:/ForAnyValue: prefix.',
  docs: `The keys of a \`Condition\` block are operators: \`StringEquals\`, \`StringLike\`, \`NumericLessThan\`,
\`DateGreaterThan\`, \`Bool\`, \`IpAddress\`, \`ArnLike\`, \`Null\`... Any of them but \`Null\` may end in
\`IfExists\`, and any may start with \`ForAllValues:\` or \`ForAnyValue:\`. IAM rejects a policy with any other
operator (\`StringEqual\`, \`ForAllValue:StringLike\`, \`NullIfExists\`).

\`\`\`json
"Condition": { "StringEqual": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
\`\`\`

Write \`StringEquals\`. The quick fix offers the nearest operators.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      const condition = element(statement, 'Condition');
      if (condition?.type !== 'object') continue;
      // Every operator, also one whose block is empty or not an object (conditionsOf skips those).
      for (const property of condition.children ?? []) {
        const operatorNode = propertyKey(property);
        const text = stringValue(operatorNode);
        if (!operatorNode || text === undefined) continue;
        const reading = readOperator(text);
        if (!('problem' in reading)) continue;
        const hint = reading.suggestions.length > 0 ? ` Did you mean ${reading.suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
        report(operatorNode, `${reading.problem}${hint}`, { suggestions: reading.suggestions });
      }
    }
  },
};
