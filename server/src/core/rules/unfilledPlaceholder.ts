import { fillIns } from '../iam';
import { conditionsOf } from '../statementParts';
import { scalarText } from '../jsonTree';
import type { Rule } from './rule';

/** Keys our quick fixes fill in with placeholders (claims are `<issuer>:sub`, `<issuer>:aud`, ...). */
const FILLED_KEYS = /^(aws:principalarn|aws:principalorgid|aws:sourceaccount|aws:sourcearn|sts:externalid|saml:aud|.+:(sub|aud|app_id))$/i;

export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  severity: 'warning',
  summary: 'A condition value still holding a placeholder a quick fix inserted (OWNER/REPO, o-xxxxxxxxxx, ROLE_NAME...).',
  docs: `Some quick fixes add a condition whose value only you know: the GitHub repository, the EKS
namespace, your organization id. They write a placeholder in capitals (\`repo:OWNER/REPO:ref:refs/heads/main\`,
\`system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT\`, \`o-xxxxxxxxxx\`, \`arn:aws:iam::444455556666:role/ROLE_NAME\`,
\`ACCOUNT_ID\`), and this rule reports it until it is replaced, so that a policy never looks finished when
it is not. A placeholder left in place matches nothing, so the role cannot be assumed.

The words reported are OWNER, REPO, GROUP, PROJECT, NAMESPACE, SERVICE_ACCOUNT, ORGANIZATION, WORKSPACE,
ROLE_NAME, ACCOUNT_ID, REGION, IDENTITY_POOL_ID, AUDIENCE, SUBJECT, CLIENT_ID and APP_ID, written in capitals
as separate words, and \`o-xxxxxxxxxx\`, in the values of the keys the fixes fill in.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      for (const entry of conditionsOf(statement)) {
        if (!FILLED_KEYS.test(entry.key)) continue;
        for (const node of entry.values) {
          const words = fillIns(scalarText(node) ?? '');
          if (words.length === 0) continue;
          report(node, `Replace the placeholder${words.length > 1 ? 's' : ''} ${[...new Set(words)].join(', ')} in ${entry.key} with the real value; as it is, the condition matches nothing.`, { placeholders: words });
        }
      }
    }
  },
};
