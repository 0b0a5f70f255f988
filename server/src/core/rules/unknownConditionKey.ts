import { actionsOf, conditionsOf } from '../statementParts';
import type { Statement } from '../policyModel';
import { lookupConditionKey, suggestServices } from '../iam';
import { judgeAction } from './actionValues';
import { lookupKey } from './conditionValues';
import type { Rule } from './rule';

/** Unknown services the statement's actions name: `unknown-service` reports them on the action already. */
function unknownActionServices(statement: Statement): Set<string> {
  const services = new Set<string>();
  for (const value of actionsOf(statement)?.values ?? []) {
    const verdict = judgeAction(value.text);
    if (verdict.kind === 'unknown-service') services.add(verdict.service.toLowerCase());
  }
  return services;
}

/** `s4:prefix` -> `s3:prefix`: nearby service prefixes that really have the key. */
function prefixSuggestions(prefix: string, name: string): string[] {
  return suggestServices(prefix)
    .map((service) => `${service}:${name}`)
    .filter((key) => {
      const status = lookupConditionKey(key).status;
      return status === 'global' || status === 'service';
    });
}

export const unknownConditionKey: Rule = {
  id: 'unknown-condition-key',
  severity: 'warning',
  summary: 'A condition key that is neither global, nor a known service key, nor a known identity-provider claim.',
  docs: `IAM accepts any condition key, but a key that does not exist is never in the request: on a misspelled
key \`StringEquals\` is always false (an Allow never applies, a Deny never denies), and \`StringNotEquals\` or
any \`...IfExists\` operator always true (the condition restricts nothing).

\`\`\`json
"Condition": { "Bool": { "aws:MultiFactorAuthPresnt": "true" } }
\`\`\`

Write \`aws:MultiFactorAuthPresent\`. Keys are matched regardless of case. The known keys are the global
\`aws:\` keys, the keys of every service in the bundled IAM reference data, and the claims of well-known
identity providers (\`token.actions.githubusercontent.com:sub\`, EKS, GitLab, Cognito, SAML...). Claims of
other OIDC issuers (a prefix with a dot or a slash) are accepted as they are.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      let unknownServices: Set<string> | undefined;
      for (const entry of conditionsOf(statement)) {
        const lookup = lookupKey(entry.key);
        if (lookup?.status === 'unknown-key') {
          const hint = lookup.suggestions.length > 0 ? ` Did you mean ${lookup.suggestions.map((s) => `"${s}"`).join(' or ')}?` : ' Check the spelling in the service authorization reference.';
          report(entry.keyNode, `"${entry.key}" is not a known condition key: a key that is never in the request makes this condition test nothing useful.${hint}`, {
            suggestions: lookup.suggestions,
          });
        } else if (lookup?.status === 'unknown-prefix') {
          unknownServices ??= unknownActionServices(statement);
          if (unknownServices.has(lookup.prefix.toLowerCase())) continue;
          const suggestions = prefixSuggestions(lookup.prefix, entry.key.slice(lookup.prefix.length + 1));
          const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : ' Check the spelling.';
          report(entry.keyNode, `"${entry.key}" is not a known condition key: "${lookup.prefix}" is neither "aws", a known service prefix, nor an identity provider.${hint}`, {
            suggestions,
          });
        }
      }
    }
  },
};
