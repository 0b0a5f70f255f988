import { conditionsOf } from '../statementParts';
import { grantsOnEveryResource } from './allowGrants';
import type { Rule } from './rule';

export const passRoleWildcardResource: Rule = {
  id: 'passrole-wildcard-resource',
  severity: 'warning',
  kinds: ['identity', 'resource'],
  summary: 'iam:PassRole (also via iam:*, iam:Pass*) allowed on Resource "*".',
  docs: `\`iam:PassRole\` lets a principal hand a role to a service: launch an EC2 instance, a Lambda function
or a Glue job that runs *as that role*. On \`"Resource": "*"\` it can pass any role in the account,
including an administrator role, and so gain that role's permissions: a classic privilege escalation.
Wildcard actions such as \`iam:*\` or \`iam:Pass*\` include it.

Name the roles that may be passed, and add \`iam:PassedToService\` to say to which service:

\`\`\`json
{
  "Effect": "Allow",
  "Action": "iam:PassRole",
  "Resource": "arn:aws:iam::123456789012:role/app-lambda-*",
  "Condition": { "StringEquals": { "iam:PassedToService": "lambda.amazonaws.com" } }
}
\`\`\`
An \`iam:PassedToService\` condition alone still lets any role be passed to that service, so it is
reported too. \`"Action": "*"\` is left to full-admin.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      const grants = grantsOnEveryResource(statement, 'iam:PassRole');
      if (grants.length === 0) continue;
      const limited = conditionsOf(statement).some((c) => c.key.toLowerCase() === 'iam:passedtoservice');
      const advice = limited
        ? 'iam:PassedToService limits the service, but any role can still be passed to it. Name the roles in "Resource" (arn:aws:iam::ACCOUNT:role/NAME).'
        : 'Name the roles in "Resource" (arn:aws:iam::ACCOUNT:role/NAME) and add an iam:PassedToService condition.';
      for (const grant of grants) {
        const what = /^iam:passrole$/i.test(grant.text) ? '"iam:PassRole"' : `"${grant.text}" includes iam:PassRole, which`;
        report(grant.node, `${what} on every resource lets this principal pass any role, including an administrator role, to a service. ${advice}`, {
          action: grant.text,
        });
      }
    }
  },
};
