import type { Rule } from './rule';

export const invalidVersion: Rule = {
  id: 'invalid-version',
  severity: 'error',
  summary: 'A Version other than 2012-10-17 or 2008-10-17.',
  docs: `The policy language has two versions, \`2012-10-17\` (current) and \`2008-10-17\`. Anything else,
such as today's date, is rejected by IAM. \`Version\` is not the date you wrote the policy.`,
  claim(problem) {
    if (problem.path.length !== 1 || problem.path[0] !== 'Version') return undefined;
    if (problem.type !== 'enum' && problem.type !== 'wrong-type') return undefined;
    return '"Version" must be "2012-10-17" (or the legacy "2008-10-17"); it is the policy language version, not a date of your choosing.';
  },
};
