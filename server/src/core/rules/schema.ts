import type { Rule } from './rule';

/**
 * Reports what the kind's JSON Schema rejects and no more specific rule claims. The pipeline
 * (analyze.ts) hands it the unclaimed problems, so it has no `check` of its own.
 */
export const schema: Rule = {
  id: 'schema',
  severity: 'error',
  summary: "Anything the kind's JSON Schema rejects that no more specific rule names.",
  docs: `The structure of the policy is checked against the JSON Schema of its kind (see \`schemas/\`):
unknown elements (\`"Actions"\`, \`"Principal"\` in an identity policy), wrong types (a number where a
string is expected), a statement without \`Effect\`, without \`Action\`/\`NotAction\` or (identity and
resource policies) without \`Resource\`/\`NotResource\`, \`Action\` together with \`NotAction\`, an empty
\`Statement\` list. Element names are case-sensitive.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Actions": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
};
