import { closest, hasPlaceholder, hasWildcard } from '../iam';
import { actionsOf } from '../statementParts';
import { TRUST_ACTIONS, trustAction, trustActionsMatching } from '../trust/actions';
import { orList } from './actionValues';
import type { Rule } from './rule';

/** Whole-service patterns IAM takes in a trust policy. */
const ALL_ACTIONS = new Set(['*', 'sts:*']);

export const trustInvalidAction: Rule = {
  id: 'trust-invalid-action',
  severity: 'error',
  kinds: ['trust'],
  summary: 'An action that cannot appear in a trust policy (only sts:AssumeRole*, sts:TagSession, sts:SetSourceIdentity, sts:SetContext).',
  docs: `A trust policy says who may assume the role, so the only actions it can name are the ones that
act on the role itself:

| action | for |
|---|---|
| \`sts:AssumeRole\` | AWS accounts, users, roles and services |
| \`sts:AssumeRoleWithSAML\` | SAML identity providers |
| \`sts:AssumeRoleWithWebIdentity\` | OIDC providers (GitHub Actions, EKS, GitLab...) and Cognito |
| \`sts:TagSession\` | passing session tags |
| \`sts:SetSourceIdentity\` | setting a source identity |
| \`sts:SetContext\` | passing trusted context (IAM Identity Center trusted identity propagation) |

\`sts:*\` is accepted too. IAM rejects any other action ("MalformedPolicyDocument"); a permission such as
\`s3:GetObject\` belongs in the role's *permission* policy, not in its trust policy. Action names are
case-insensitive; wildcards are fine as long as they match only these actions.

\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" }
\`\`\``,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      for (const { node, text } of actionsOf(statement)?.values ?? []) {
        if (ALL_ACTIONS.has(text.toLowerCase()) || trustAction(text) || hasPlaceholder(text)) continue;
        if (hasWildcard(text)) {
          const matched = trustActionsMatching(text);
          if (matched.length > 0 && text.toLowerCase().startsWith('sts:')) continue;
          const what = matched.length > 0 ? 'also matches actions of other services, which a trust policy cannot name' : 'matches no action a trust policy can name';
          report(node, `"${text}" ${what}; use ${orList([...TRUST_ACTIONS])}.`, { suggestions: [] });
          continue;
        }
        const suggestions = closest(text, TRUST_ACTIONS).slice(0, 3);
        const hint = suggestions.length > 0 ? `did you mean ${orList(suggestions)}?` : `a trust policy only takes ${orList(['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'])} and the session actions sts:TagSession, sts:SetSourceIdentity and sts:SetContext; permissions belong in the role's permission policy.`;
        report(node, `"${text}" cannot appear in a trust policy (IAM rejects it); ${hint}`, { suggestions });
      }
    }
  },
};
