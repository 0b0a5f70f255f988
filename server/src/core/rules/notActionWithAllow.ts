import { elementKey } from '../policyModel';
import type { Rule } from './rule';

export const notActionWithAllow: Rule = {
  id: 'not-action-with-allow',
  severity: 'warning',
  summary: 'NotAction with Effect Allow.',
  docs: `\`NotAction\` with \`"Effect": "Allow"\` grants every action *except* the ones listed, in every service,
including services and actions AWS adds later. A policy meant to be "everything but IAM" quietly grows.

List the actions you need in \`Action\`. To keep a broad grant but carve out exceptions, allow the broad
actions and add a Deny statement; \`NotAction\` in a Deny ("deny everything except these") is the
intended use and is not reported.

\`\`\`json
[
  { "Effect": "Allow", "Action": ["s3:*", "dynamodb:*"], "Resource": "*" },
  { "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*" }
]
\`\`\``,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      if (statement.effect !== 'Allow') continue;
      const key = elementKey(statement, 'NotAction');
      if (key) report(key, '"NotAction" with "Allow" grants every action except those listed, including actions AWS adds later. List the actions you need in "Action"; keep NotAction for Deny statements.');
    }
  },
};
