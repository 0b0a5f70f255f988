import { elementKey } from '../policyModel';
import type { Rule } from './rule';

export const notResourceWithAllow: Rule = {
  id: 'not-resource-with-allow',
  severity: 'warning',
  // Trust policies have no Resource at all: trust-has-resource reports it there.
  kinds: ['identity', 'resource'],
  summary: 'NotResource with Effect Allow.',
  docs: `\`NotResource\` with \`"Effect": "Allow"\` grants the actions on every resource *except* the ones listed:
in every account the caller can reach, and on every resource created later. It is easy to grant far
more than intended.

List the resources you mean in \`Resource\`. \`NotResource\` in a Deny statement ("deny everywhere except
this bucket") is the intended use and is not reported.

\`\`\`json
{
  "Effect": "Allow",
  "Action": "s3:*",
  "Resource": ["arn:aws:s3:::team-data", "arn:aws:s3:::team-data/*"]
}
\`\`\``,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      if (statement.effect !== 'Allow') continue;
      const key = elementKey(statement, 'NotResource');
      if (key) report(key, '"NotResource" with "Allow" grants the actions on every resource except those listed, including resources created later. List the resources you mean in "Resource"; keep NotResource for Deny statements.');
    }
  },
};
