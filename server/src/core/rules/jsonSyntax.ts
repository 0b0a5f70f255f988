import type { Rule } from './rule';

export const jsonSyntax: Rule = {
  id: 'json-syntax',
  severity: 'error',
  summary: 'JSON that does not parse.',
  docs: `Every parse error is reported where it happens, and the rest of the document is still analysed
as far as it parsed. IAM accepts strict JSON only: no comments, no trailing commas, double-quoted
strings. Documents nested deeper than 64 levels are not analysed (no IAM policy comes close).

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", } ] }
\`\`\``,
  check({ parsed, report }) {
    for (const problem of parsed.syntaxProblems) if (problem.syntax !== 'hcl') report(problem, `${problem.message}.`);
    if (parsed.tooDeep) {
      report(parsed.tooDeep, 'The document nests more than 64 levels deep; no IAM policy does, so it was not analysed.');
    }
  },
};
