import type { Rule } from './rule';

export const missingPrincipal: Rule = {
  id: 'missing-principal',
  severity: 'error',
  kinds: ['trust', 'resource'],
  absent: ['Principal'],
  summary: 'A trust or resource policy statement without Principal or NotPrincipal.',
  docs: `Trust policies and resource policies say *who* they apply to: every statement needs a
\`Principal\` (or, rarely, \`NotPrincipal\`). Without it, IAM and the resource's service reject the
policy. In an identity policy the principal is implicit; if this file is a permission policy, set its
kind with the \`iamPolicy.files\` setting or \`--kind identity\`.`,
  claim(problem, kind) {
    if (problem.type !== 'missing' || !problem.properties.includes('Principal')) return undefined;
    return kind === 'trust'
      ? 'This statement has no "Principal": a trust policy must say who may assume the role, e.g. "Principal": {"AWS": "arn:aws:iam::123456789012:root"}.'
      : 'This statement has no "Principal": a resource policy must say who it applies to, e.g. "Principal": {"AWS": "arn:aws:iam::123456789012:root"}.';
  },
};
