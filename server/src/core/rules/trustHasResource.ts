import type { Rule } from './rule';

export const trustHasResource: Rule = {
  id: 'trust-has-resource',
  severity: 'error',
  kinds: ['trust'],
  summary: 'Resource or NotResource in a trust policy.',
  docs: `A trust policy is attached to a role, and the role itself is its resource: IAM rejects
\`Resource\` and \`NotResource\` there ("Has prohibited field Resource"). Remove the element. To let a
user assume a role, put \`sts:AssumeRole\` on the role's ARN in the *user's* identity policy instead.`,
  claim(problem) {
    if (problem.type !== 'unknown-property') return undefined;
    if (problem.property !== 'Resource' && problem.property !== 'NotResource') return undefined;
    return `"${problem.property}" is not allowed in a trust policy: the role is the resource. Remove it; grant sts:AssumeRole on the role's ARN in the caller's identity policy instead.`;
  },
};
