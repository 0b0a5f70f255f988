import { grantsOnEveryResource } from './allowGrants';
import type { Rule } from './rule';

export const assumeRoleWildcardResource: Rule = {
  id: 'assume-role-wildcard-resource',
  severity: 'warning',
  kinds: ['identity', 'resource'],
  summary: 'sts:AssumeRole (also via sts:*, sts:Assume*) allowed on Resource "*".',
  docs: `\`sts:AssumeRole\` on \`"Resource": "*"\` lets a principal assume *every* role whose trust policy admits
it, in this account and any other, now and in future. One loosely written trust policy (an account
root principal, say) is then enough to hand over that role's permissions. Wildcards such as \`sts:*\`
or \`sts:Assume*\` include it; patterns that only match \`sts:AssumeRoleWithSAML\` or
\`sts:AssumeRoleWithWebIdentity\` do not.

Name the roles:

\`\`\`json
{
  "Effect": "Allow",
  "Action": "sts:AssumeRole",
  "Resource": "arn:aws:iam::123456789012:role/deploy"
}
\`\`\`
\`"Action": "*"\` is left to full-admin.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      for (const grant of grantsOnEveryResource(statement, 'sts:AssumeRole')) {
        const what = /^sts:assumerole$/i.test(grant.text) ? '"sts:AssumeRole"' : `"${grant.text}" includes sts:AssumeRole, which`;
        report(grant.node, `${what} on every resource lets this principal assume any role that trusts it, in any account. Name the roles in "Resource" (arn:aws:iam::ACCOUNT:role/NAME).`, {
          action: grant.text,
        });
      }
    }
  },
};
