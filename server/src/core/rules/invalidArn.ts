import { arnProblem } from '../iam';
import { resourcesOf } from '../statementParts';
import type { Rule } from './rule';

export const invalidArn: Rule = {
  id: 'invalid-arn',
  severity: 'error',
  // Trust policies have no Resource at all (trust-has-resource says so).
  kinds: ['identity', 'resource'],
  summary: 'A malformed ARN in Resource or NotResource: missing fields, bad partition, service or account id.',
  docs: `Every \`Resource\`/\`NotResource\` value is \`"*"\` or an ARN with six colon-separated fields:
\`arn:partition:service:region:account:resource\`. IAM rejects or never matches ARNs that drop a
field, name an unknown partition, put a wildcard in the service field, or carry an account id that is
not 12 digits. Leave the region or account empty for global resources rather than dropping the colon.

Wildcards (\`*\`, \`?\`) are fine in the partition (\`*\` only), region, account and resource fields, and
policy variables or CloudFormation placeholders (\`\${aws:username}\`, \`\${AWS::AccountId}\`) in any.

\`\`\`json
"Resource": "arn:aws:s3::my-bucket/*"
\`\`\`
has five fields; write \`"arn:aws:s3:::my-bucket/*"\` (empty region and account).`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      for (const { node, text } of resourcesOf(statement)?.values ?? []) {
        const problem = arnProblem(text);
        if (problem) report(node, problem, { resource: text });
      }
    }
  },
};
