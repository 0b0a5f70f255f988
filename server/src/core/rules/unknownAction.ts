import { getService } from '../iam';
import type { Rule } from './rule';
import { SUGGESTION_BUDGET, actionLists, actionSuggestions, judgeAction, orList } from './actionValues';

export const unknownAction: Rule = {
  id: 'unknown-action',
  severity: 'warning',
  // In trust policies trust-invalid-action judges every action, as an error.
  kinds: ['identity', 'resource'],
  summary: 'An action name that a known service does not have (s3:GetObjects).',
  docs: `IAM accepts any action name, but a name the service does not have matches nothing: the
statement silently grants (or denies) less than you think. Names are compared case-insensitively,
like IAM does (\`s3:getobject\` is fine).

\`\`\`json
"Action": ["s3:GetObjects", "cloudwatch:PutLogEvents"]
\`\`\`

Fix the spelling (\`"s3:GetObject"\`) or the service (\`"logs:PutLogEvents"\`); the quick fix offers the
nearest known actions. An action AWS added after the bundled IAM data was generated is reported too:
update the extension, or turn the rule off for that file.`,
  check({ policy, report }) {
    let budget = SUGGESTION_BUDGET;
    for (const { values } of actionLists(policy)) {
      for (const { node, text } of values) {
        const verdict = judgeAction(text);
        if (verdict.kind !== 'unknown-action') continue;
        const service = getService(verdict.service);
        const suggestions = budget-- > 0 ? actionSuggestions(verdict.service, verdict.name) : [];
        const what = verdict.name === '' ? `"${text}" has no action name after the colon` : `${service?.name ?? verdict.service} has no action "${verdict.name}"`;
        const hint =
          suggestions.length > 0
            ? `did you mean ${orList(suggestions)}?`
            : 'check the name in the service reference (an action newer than the bundled IAM data is reported too).';
        report(node, `${what}, so "${text}" matches nothing; ${hint}`, { suggestions });
      }
    }
  },
};
