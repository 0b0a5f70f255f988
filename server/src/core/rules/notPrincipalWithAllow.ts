import { elementKey } from '../policyModel';
import type { Rule } from './rule';

export const notPrincipalWithAllow: Rule = {
  id: 'not-principal-with-allow',
  severity: { trust: 'error', resource: 'warning', identity: 'warning' },
  kinds: ['trust', 'resource'],
  summary: 'NotPrincipal with Effect Allow.',
  docs: `\`NotPrincipal\` with \`"Effect": "Allow"\` grants access to *every* principal except the ones listed:
every other AWS account, and anonymous callers where the service allows them. That is almost never
what was meant, and AWS recommends against it. In a trust policy it lets anyone assume the role.

Name the principals you mean in \`Principal\`. To exclude someone, keep \`Principal\` and add a Deny
statement, or use a condition on \`aws:PrincipalArn\`:

\`\`\`json
{
  "Effect": "Allow",
  "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
  "Action": "s3:GetObject",
  "Resource": "arn:aws:s3:::shared-data/*",
  "Condition": { "ArnNotEquals": { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/contractor" } }
}
\`\`\`
\`NotPrincipal\` in a Deny statement ("deny everyone but these") is the intended use and is not reported.`,
  check({ policy, kind, report }) {
    for (const statement of policy?.statements ?? []) {
      if (statement.effect !== 'Allow') continue;
      const key = elementKey(statement, 'NotPrincipal');
      if (!key) continue;
      const who = kind === 'trust' ? 'lets every principal except those listed assume this role' : 'grants access to every principal except those listed, in every AWS account';
      report(key, `"NotPrincipal" with "Allow" ${who}. Name the principals in "Principal" instead, or use NotPrincipal only in a Deny statement.`);
    }
  },
};
