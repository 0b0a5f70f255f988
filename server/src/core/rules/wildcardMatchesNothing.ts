import type { Rule } from './rule';
import { actionLists, judgeAction } from './actionValues';

export const wildcardMatchesNothing: Rule = {
  id: 'wildcard-matches-nothing',
  severity: 'warning',
  // In trust policies trust-invalid-action judges every action, as an error.
  kinds: ['identity', 'resource'],
  summary: 'A wildcard action that matches no known action (dynamodb:Frobnicate*).',
  docs: `A wildcard action such as \`dynamodb:Get*\` stands for every action it matches. One that matches
no action at all is almost always a typo, and the statement silently grants (or denies) nothing for it.

\`\`\`json
"Action": "dynamodb:Quer*y"
\`\`\`

Fix the pattern (\`"dynamodb:Query"\`, \`"dynamodb:Get*"\`). \`*\` matches any run of characters and \`?\`
exactly one, case-insensitively. A pattern meant for actions AWS added after the bundled IAM data was
generated is reported too: update the extension, or turn the rule off for that file.`,
  check({ policy, report }) {
    for (const { values } of actionLists(policy)) {
      for (const { node, text } of values) {
        if (judgeAction(text).kind !== 'matches-nothing') continue;
        report(node, `"${text}" matches no known action; check the spelling of the service prefix and of the action name.`);
      }
    }
  },
};
