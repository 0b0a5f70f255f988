import { denyGuards, statementGuards } from '../trust/conditions';
import { statementTrustActions } from '../trust/actions';
import { trustedPrincipals, type TrustedPrincipal } from '../trust/principals';
import type { Rule } from './rule';

export const trustCrossAccountUnconditioned: Rule = {
  id: 'trust-cross-account-unconditioned',
  severity: 'warning',
  kinds: ['trust'],
  absent: ['Condition', 'Statement'],
  summary: 'An account principal with no ExternalId, MFA, aws:PrincipalOrgID, aws:PrincipalArn or source identity condition.',
  docs: `\`{"AWS": "444455556666"}\` (or \`arn:aws:iam::444455556666:root\`) trusts the whole account: every user
and role in it whose *own* policies allow \`sts:AssumeRole\` on this role can assume it, and the role's
owner has no say in who that is. Say which callers you mean, with one of:

| who assumes | condition (the quick fix adds it) |
|---|---|
| a third party (a vendor's SaaS) | \`StringEquals\` \`sts:ExternalId\`: a secret you generate and give them, against the confused deputy problem |
| people | \`Bool\` \`aws:MultiFactorAuthPresent\` \`"true"\` (optionally \`NumericLessThan\` \`aws:MultiFactorAuthAge\` 3600) |
| specific roles of that account | \`ArnEquals\` \`aws:PrincipalArn\` \`arn:aws:iam::444455556666:role/NAME\` (or name the role in \`Principal\`) |
| anyone in your organization | \`StringEquals\` \`aws:PrincipalOrgID\` \`o-...\` |

\`aws:PrincipalTag/*\`, \`aws:userid\` and \`sts:SourceIdentity\` count too. A condition counts only where it
really narrows: not with \`...IfExists\`, a negated operator, \`ForAllValues:\` or a value of only
wildcards. A Deny statement for every principal that tests the same keys negatively (for example
\`BoolIfExists\` \`aws:MultiFactorAuthPresent\` \`"false"\`) counts as well.

\`\`\`json
{
  "Effect": "Allow",
  "Principal": { "AWS": "arn:aws:iam::444455556666:root" },
  "Action": "sts:AssumeRole",
  "Condition": { "StringEquals": { "sts:ExternalId": "4bA9cQ2x7LmN0pR5sT8vW1yZ3dF6gH" } }
}
\`\`\``,
  check({ policy, report }) {
    // A Deny that guards every principal already narrows each account.
    if (denyGuards(policy).size > 0) return;
    for (const statement of policy?.statements ?? []) {
      if (statement.effect !== 'Allow' || !statementTrustActions(statement)?.has('sts:AssumeRole')) continue;
      const accounts = trustedPrincipals(statement).filter((p): p is Extract<TrustedPrincipal, { type: 'account' }> => p.type === 'account');
      if (accounts.length === 0 || statementGuards(statement).size > 0) continue;
      for (const principal of accounts) {
        report(
          principal.node,
          `Every user and role in account ${principal.account} whose own policies allow sts:AssumeRole on this role can assume it, with no condition. Require an ExternalId (a third party), MFA (people), or narrow it to roles (aws:PrincipalArn) or your organization (aws:PrincipalOrgID).`,
          { account: principal.account },
        );
      }
    }
  },
};
