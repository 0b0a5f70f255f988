import { isStatementPath, type Rule } from './rule';

export const invalidEffect: Rule = {
  id: 'invalid-effect',
  severity: 'error',
  summary: 'An Effect other than exactly "Allow" or "Deny".',
  docs: `\`Effect\` is case-sensitive: \`"allow"\` or \`"ALLOW"\` is rejected by IAM.`,
  claim(problem) {
    if (!isStatementPath(problem.path, 'Effect')) return undefined;
    if (problem.type !== 'enum' && problem.type !== 'wrong-type') return undefined;
    return '"Effect" must be exactly "Allow" or "Deny" (case matters).';
  },
};
