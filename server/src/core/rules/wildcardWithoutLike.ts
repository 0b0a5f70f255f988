import { operatorName, withoutPlaceholders } from '../iam';
import { conditionsOf } from '../statementParts';
import type { Rule } from './rule';

/** The Like operator to use instead of each exact String operator. */
const LIKE: Record<string, 'StringLike' | 'StringNotLike'> = {
  StringEquals: 'StringLike',
  StringEqualsIgnoreCase: 'StringLike',
  StringNotEquals: 'StringNotLike',
  StringNotEqualsIgnoreCase: 'StringNotLike',
};

/**
 * The wildcard character a value uses, if any. A `?` in a URL with a query string
 * (`https://example.com/app?id=1`, an aws:Referer value) is meant literally, and StringEquals is right.
 */
function wildcardIn(text: string): string | undefined {
  if (text.includes('*')) return '*';
  if (!text.includes('?') || text.includes('://') || /\?[^?]*=/.test(text)) return undefined;
  return '?';
}

export const wildcardWithoutLike: Rule = {
  id: 'wildcard-without-like',
  severity: 'warning',
  summary: '* or ? in a value of StringEquals and its kin, which compare them literally.',
  docs: `Only \`StringLike\`/\`StringNotLike\` (and the \`Arn\` operators) treat \`*\` and \`?\` as wildcards.
\`StringEquals\`, \`StringNotEquals\` and their \`IgnoreCase\` forms compare them as literal characters, so
\`"repo:my-org/*"\` matches only a subject that really ends in an asterisk: an Allow never applies, a
\`StringNotEquals\` restriction lets everything through.

\`\`\`json
"Condition": { "StringEquals": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/deploy-*" } }
\`\`\`

Use \`StringLike\` (or \`StringNotLike\` for the negated forms); the quick fix does. Wildcards inside policy
variables (\`\${*}\`, \`\${aws:PrincipalTag/team}\`) are not wildcards and are not reported, nor is the \`?\`
of a URL's query string (\`https://example.com/app?id=1\`).`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      for (const entry of conditionsOf(statement)) {
        if (!('operator' in entry.reading)) continue;
        const { operator } = entry.reading;
        const like = LIKE[operator.base];
        if (!like) continue;
        const replaceWith = operatorName({ ...operator, base: like });
        for (const value of entry.values) {
          if (value.type !== 'string' || typeof value.value !== 'string') continue;
          const wildcard = wildcardIn(withoutPlaceholders(value.value));
          if (!wildcard) continue;
          report(value, `${entry.operatorText} compares "${wildcard}" literally, not as a wildcard: use ${replaceWith} to match a pattern.`, {
            operator: entry.operatorText,
            like,
            replaceWith,
          });
        }
      }
    }
  },
};
