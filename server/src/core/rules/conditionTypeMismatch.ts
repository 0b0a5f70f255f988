import type { Node } from 'jsonc-parser';
import { baseType, familySuits, hasPlaceholder, type ConditionKeyType, type ConditionOperator } from '../iam';
import { conditionsOf } from '../statementParts';
import { scalarText } from '../jsonTree';
import { isBoolText, isDateText, isIpText, isNumberText, knownKeyType, lookupKey } from './conditionValues';
import type { Rule } from './rule';

/** The operator family a key type calls for, to name it in messages. */
const FAMILY_FOR_TYPE: Partial<Record<ConditionKeyType, string>> = {
  String: 'String',
  ARN: 'Arn or String',
  Numeric: 'Numeric',
  Date: 'Date',
  Bool: 'Bool',
  IPAddress: 'IpAddress/NotIpAddress',
  Binary: 'BinaryEquals',
};

/** What is wrong with a value under an operator (or, for String operators, of a Bool key); undefined when it fits. */
function shapeProblem(operator: ConditionOperator, type: ConditionKeyType, key: string, value: Node, text: string): string | undefined {
  const shown = JSON.stringify(value.value);
  switch (operator.family) {
    case 'Bool':
    case 'Null':
      return value.type === 'boolean' || isBoolText(text) ? undefined : `${operator.base} takes "true" or "false", not ${shown}: this value never matches "${key}".`;
    case 'Numeric':
      return value.type === 'number' || (value.type === 'string' && isNumberText(text)) ? undefined : `${operator.base} compares numbers, and ${shown} is not one: write the number of "${key}" (for example "3600").`;
    case 'Date':
      return (value.type === 'number' && Number.isInteger(value.value)) || (value.type === 'string' && isDateText(text))
        ? undefined
        : `${operator.base} compares dates, and ${shown} is neither an ISO 8601 date or date-time (2026-01-31T00:00:00Z) nor epoch seconds.`;
    case 'IpAddress':
      return value.type === 'string' && isIpText(text) ? undefined : `${operator.base} takes an IPv4 or IPv6 address or CIDR range (203.0.113.0/24), not ${shown}.`;
    case 'String':
      // "amplify.amazonaws.com" is never the value of a Bool key such as aws:ViaAWSService.
      if (type !== 'Bool' || operator.wildcards || isBoolText(text)) return undefined;
      return `"${key}" is a Bool key, "true" or "false": ${operator.base} ${operator.negated ? 'always' : 'never'} matches ${shown}. Compare it with "true" or "false", or use the key you meant.`;
    default:
      return undefined;
  }
}

export const conditionTypeMismatch: Rule = {
  id: 'condition-type-mismatch',
  severity: 'warning',
  summary: 'An operator that does not suit the key\'s type (StringEquals on aws:CurrentTime), or a value of the wrong shape (Bool with "yes").',
  docs: `Each condition key has a type, and each operator family compares one type: \`String...\` for strings,
\`Numeric...\` for numbers, \`Date...\` for dates, \`Bool\`, \`IpAddress\`/\`NotIpAddress\`, \`Arn...\` for ARNs.
Comparing a Date key with \`StringEquals\`, or a string key with \`NumericLessThan\`, does not do what it says:
the values are compared as text or not at all. A value that does not parse for its operator (\`Bool\` with
"yes", \`NumericLessThan\` with "1h", \`IpAddress\` with "10.0.0.0/33") never matches.

\`\`\`json
"Condition": { "StringLike": { "aws:CurrentTime": "2026-01-*" } }
\`\`\`

Use the family of the key's type: here \`DateGreaterThanEquals\` "2026-01-01T00:00:00Z" with \`DateLessThan\`
"2026-02-01T00:00:00Z". \`aws:EpochTime\` takes Date and Numeric operators;
String and Arn operators both suit ARN keys. Values with policy variables (\`\${aws:username}\`) and keys we
do not know are not judged.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      for (const entry of conditionsOf(statement)) {
        if (!('operator' in entry.reading)) continue;
        const { operator } = entry.reading;
        const keyType = knownKeyType(lookupKey(entry.key));
        if (!keyType) continue;
        const type = baseType(keyType);
        if (!familySuits(operator, type, entry.key)) {
          report(entry.operatorNode, `${entry.operatorText} does not suit "${entry.key}", a ${type} key: use a ${FAMILY_FOR_TYPE[type] ?? type} operator.`, {
            operator: entry.operatorText,
            key: entry.key,
            keyType: type,
          });
          continue;
        }
        for (const value of entry.values) {
          const text = scalarText(value);
          if (text === undefined || hasPlaceholder(text)) continue;
          const problem = shapeProblem(operator, type, entry.key, value, text);
          if (problem) report(value, problem, { operator: entry.operatorText, key: entry.key });
        }
      }
    }
  },
};
