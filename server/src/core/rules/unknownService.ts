import type { Rule } from './rule';
import { SUGGESTION_BUDGET, actionLists, colonSuggestions, judgeAction, orList, serviceSuggestions } from './actionValues';

export const unknownService: Rule = {
  id: 'unknown-service',
  severity: 'warning',
  // In trust policies trust-invalid-action judges every action, as an error.
  kinds: ['identity', 'resource'],
  summary: 'An action whose service prefix the bundled IAM data does not know (s4:GetObject), or an action without a service prefix.',
  docs: `Every action is \`service:Action\`, where \`service\` is a service prefix such as \`s3\`, \`ec2\` or
\`sts\` (or \`"*"\` for all actions). A misspelled prefix never matches anything, so the statement silently
grants or denies nothing for it. An action without a colon (\`"GetObject"\`, \`"s3GetObject"\`) is rejected
by IAM ("Actions/Conditions must be prefaced by a vendor").

\`\`\`json
"Action": ["s4:GetObject", "GetObject"]
\`\`\`

Fix the prefix (\`"s3:GetObject"\`). The service reference lists every prefix; a prefix introduced after the
bundled IAM data was generated is reported too: update the extension, or turn the rule off for that file.`,
  check({ policy, report }) {
    let budget = SUGGESTION_BUDGET;
    for (const { name: element, values } of actionLists(policy)) {
      for (const { node, text } of values) {
        const verdict = judgeAction(text);
        if (verdict.kind === 'no-colon') {
          const suggestions = budget-- > 0 ? colonSuggestions(text) : [];
          const example = suggestions.length > 0 ? `did you mean ${orList(suggestions)}?` : 'for example "s3:GetObject"';
          report(
            node,
            text.trim() === ''
              ? `An empty ${element} value matches nothing; IAM rejects it. Write service:Action, or remove it.`
              : `"${text}" has no service prefix; IAM rejects it. Write service:Action (${example}), or "*" for all actions.`,
            { suggestions },
          );
        } else if (verdict.kind === 'unknown-service') {
          const suggestions = budget-- > 0 ? serviceSuggestions(text, verdict.service, verdict.name) : [];
          const hint = suggestions.length > 0 ? ` Did you mean ${orList(suggestions)}?` : '';
          report(
            node,
            `Unknown service prefix "${verdict.service}" in "${text}": it matches no action (a misspelled or retired service, or one newer than the bundled IAM data).${hint}`,
            { suggestions },
          );
        }
      }
    }
  },
};
