import { isSourceAwareService, SOURCELESS_SERVICES } from '../iam';
import { statementTrustActions } from '../trust/actions';
import { denyGuards, statementGuards } from '../trust/conditions';
import { trustedPrincipals } from '../trust/principals';
import type { Rule } from './rule';

export const trustServiceConfusedDeputy: Rule = {
  id: 'trust-service-confused-deputy',
  severity: 'info',
  kinds: ['trust'],
  absent: ['Condition', 'Statement'],
  summary: 'A service principal without aws:SourceAccount/aws:SourceArn, for services documented to send them (never for compute services).',
  docs: `When a service such as AWS Config or Step Functions assumes your role, it does so on behalf of some
resource: a configuration recorder, a state machine. Without a condition on which one, another AWS
customer could point *their* resource at your role's ARN and have the service act with your role's
permissions (the cross-service confused deputy problem). The services below put \`aws:SourceAccount\` and
\`aws:SourceArn\` in the request when they assume a role, and their documentation recommends testing them:

\`\`\`json
{
  "Effect": "Allow",
  "Principal": { "Service": "states.amazonaws.com" },
  "Action": "sts:AssumeRole",
  "Condition": {
    "StringEquals": { "aws:SourceAccount": "111122223333" },
    "ArnLike": { "aws:SourceArn": "arn:aws:states:us-east-1:111122223333:stateMachine:*" }
  }
}
\`\`\`

The rule only reports services on a curated list, each checked against its AWS documentation
(\`SOURCE_AWARE_SERVICES\` in \`server/src/core/iam/confusedDeputy.ts\`, with the page for each). It never
reports services that run your compute (${SOURCELESS_SERVICES.map((s) => `\`${s}\``).join(', ')}): their
requests carry no source resource, and adding the keys breaks the role.`,
  check({ policy, report }) {
    if (denyGuards(policy).has('source')) return;
    for (const statement of policy?.statements ?? []) {
      if (statement.effect !== 'Allow' || !statementTrustActions(statement)?.has('sts:AssumeRole')) continue;
      if (statementGuards(statement).has('source')) continue;
      for (const principal of trustedPrincipals(statement)) {
        if (principal.type !== 'service' || !isSourceAwareService(principal.service)) continue;
        report(
          principal.node,
          `${principal.service} sends aws:SourceAccount and aws:SourceArn when it assumes a role: test them, so that another account's resources cannot make the service use this role (confused deputy).`,
          { service: principal.service },
        );
      }
    }
  },
};
