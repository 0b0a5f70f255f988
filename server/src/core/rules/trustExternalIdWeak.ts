import { hasPlaceholder, hasWildcard, operatorName } from '../iam';
import { externalIdProblem } from '../iam/externalId';
import { conditionsOf } from '../statementParts';
import { scalarText } from '../jsonTree';
import type { Rule } from './rule';

/** Why an ExternalId value is weak, if it is; `${...}` values are filled in elsewhere and not judged. */
function valueProblem(value: string): string | undefined {
  return hasPlaceholder(value) ? undefined : externalIdProblem(value);
}

export const trustExternalIdWeak: Rule = {
  id: 'trust-external-id-weak',
  severity: 'warning',
  kinds: ['trust'],
  summary: 'sts:ExternalId tested with a Like or negated operator, IfExists, a wildcard, a placeholder value, or a value STS does not accept.',
  docs: `An ExternalId protects a role that a third party assumes for you (the confused deputy problem):
the vendor must send the exact secret you gave them, so another customer of the same vendor cannot
make the vendor assume *your* role. It only does that when it is tested exactly:

- \`StringEquals\`, not \`StringLike\` (a pattern lets other values in; \`*\` lets every value in);
- not \`...IfExists\` (a request without an ExternalId passes) and not a negated operator;
- a real value, not \`EXTERNAL_ID\`, \`<external-id>\` or \`changeme\`;
- 2 to 1,224 characters of letters, digits and \`+=,.@:/-_\` (STS rejects anything else, so the role
  could never be assumed).

The quick fixes switch \`StringLike\` to \`StringEquals\` and put in a freshly generated random value.

\`\`\`json
"Condition": { "StringEquals": { "sts:ExternalId": "Xq7RkV2mP9sLw4Tz8NcB3hYf6DgJ1aE5" } }
\`\`\``,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      if (statement.effect !== 'Allow') continue;
      for (const entry of conditionsOf(statement)) {
        if (entry.key.toLowerCase() !== 'sts:externalid' || !('operator' in entry.reading)) continue;
        const { operator } = entry.reading;
        const values = entry.values.map((node) => ({ node, text: scalarText(node) ?? '' }));
        if (operator.negated) {
          report(entry.operatorNode, `${entry.operatorText} on sts:ExternalId lets every other ExternalId in (and requests without one). Use StringEquals with the value you gave the third party.`, {});
          continue;
        }
        const loose = operator.wildcards || operator.ifExists || operator.setOperator === 'ForAllValues';
        if (loose) {
          const anyWildcard = operator.wildcards && values.some((v) => hasWildcard(v.text));
          const replaceWith = operatorName({ setOperator: undefined, base: operator.family === 'String' ? 'StringEquals' : operator.base, ifExists: false });
          const why = operator.ifExists
            ? 'IfExists lets requests without an ExternalId in'
            : operator.setOperator === 'ForAllValues'
              ? 'ForAllValues: is true when no ExternalId is sent'
              : anyWildcard
                ? 'a pattern lets other ExternalIds in'
                : 'the ExternalId is a secret to compare exactly, not a pattern';
          report(entry.operatorNode, `${entry.operatorText} on sts:ExternalId: ${why}. Use ${replaceWith} with the exact value.`, anyWildcard ? {} : { replaceWith, key: entry.key });
          if (anyWildcard) continue;
        }
        for (const value of values) {
          const problem = valueProblem(value.text);
          if (problem) report(value.node, problem, { regenerate: true });
        }
      }
    }
  },
};
