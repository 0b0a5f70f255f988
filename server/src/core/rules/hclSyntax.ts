import type { Rule } from './rule';

export const hclSyntax: Rule = {
  id: 'hcl-syntax',
  severity: 'error',
  summary: 'Terraform (HCL) syntax the parser cannot read inside a policy.',
  docs: `Reported inside the policies of Terraform files only: a \`jsonencode({...})\` argument or an
\`aws_iam_policy_document\` block whose HCL does not parse (a missing \`=\`, a bracket that is not
closed, a stray word). The rest of the policy, and the rest of the file, are still analysed.
\`terraform validate\` and the HashiCorp Terraform extension report the same errors, and more (they
also check the rest of the file); turn this rule off if you see them twice.

Bad:
\`\`\`hcl
assume_role_policy = jsonencode({
  Version = "2012-10-17"
  Statement = [{ Effect = "Allow" Action = "sts:AssumeRole" }]   # a comma or a line break is missing
})
\`\`\``,
  check({ parsed, report }) {
    for (const problem of parsed.syntaxProblems) if (problem.syntax === 'hcl') report(problem, `${problem.message}.`);
  },
};
