import { findProperty } from '../jsonTree';
import type { Rule } from './rule';

export const missingVersion: Rule = {
  id: 'missing-version',
  severity: 'warning',
  absent: ['Statement'],
  summary: 'No Version element (IAM then uses 2008-10-17, without policy variables).',
  docs: `Without \`Version\`, IAM evaluates the policy with the 2008-10-17 language, in which policy
variables such as \`\${aws:username}\` are plain text. Always start policies with
\`"Version": "2012-10-17"\`.`,
  check({ policy, report }) {
    if (!policy || findProperty(policy.root, 'Version')) return;
    report({ offset: policy.root.offset, length: 1 }, 'The policy has no "Version"; add "Version": "2012-10-17" (without it IAM uses 2008-10-17, which has no policy variables).');
  },
};
