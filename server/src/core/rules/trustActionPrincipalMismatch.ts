import type { Node } from 'jsonc-parser';
import { elementKey, type Statement } from '../policyModel';
import { actionsOf } from '../statementParts';
import { ASSUME_ACTION, ASSUME_ACTIONS, grantsAssume, statementTrustActions, trustAction, type TrustAction } from '../trust/actions';
import { assumeFamily, trustedPrincipals, type AssumeFamily } from '../trust/principals';
import type { Rule } from './rule';

type Family = AssumeFamily;

const FAMILY_WORDS: Record<Family, string> = {
  aws: 'AWS accounts, users, roles and services assume',
  saml: 'A SAML provider assumes',
  oidc: 'An OIDC provider or web identity assumes',
};

const ACTION_IS_FOR: Partial<Record<TrustAction, string>> = {
  'sts:AssumeRole': 'AWS accounts, users, roles and services',
  'sts:AssumeRoleWithSAML': 'SAML providers',
  'sts:AssumeRoleWithWebIdentity': 'OIDC providers and web identities',
};

/** The one assume action of a statement that no principal in it can use, to be replaced. */
function wrongAssumeAction(statement: Statement, families: Set<Family>): { node: Node; action: TrustAction } | undefined {
  const values = actionsOf(statement);
  if (!values || values.negated) return undefined;
  const assumeValues = values.values.flatMap((v) => {
    const action = trustAction(v.text);
    return action && ASSUME_ACTIONS.includes(action) ? [{ node: v.node, action }] : [];
  });
  const unused = assumeValues.filter((v) => ![...families].some((f) => ASSUME_ACTION[f] === v.action));
  return assumeValues.length === 1 && unused.length === 1 ? unused[0] : undefined;
}

export const trustActionPrincipalMismatch: Rule = {
  id: 'trust-action-principal-mismatch',
  severity: 'error',
  kinds: ['trust'],
  absent: ['Action', 'Principal'],
  summary: 'A principal without the assume action its kind needs (SAML: sts:AssumeRoleWithSAML, OIDC: sts:AssumeRoleWithWebIdentity, AWS: sts:AssumeRole).',
  docs: `Each kind of principal assumes a role through its own STS call, and the trust policy must allow
that call:

| principal | action |
|---|---|
| \`"AWS"\` (accounts, users, roles) and \`"Service"\` | \`sts:AssumeRole\` |
| \`"Federated"\` SAML provider | \`sts:AssumeRoleWithSAML\` |
| \`"Federated"\` OIDC provider, \`cognito-identity.amazonaws.com\` and other web identities | \`sts:AssumeRoleWithWebIdentity\` |

With the wrong action the statement never matches: a GitHub Actions role that allows \`sts:AssumeRole\`
fails with "Not authorized to perform sts:AssumeRoleWithWebIdentity". The quick fix replaces the action,
or adds the missing one when the statement lists several.

\`\`\`json
{
  "Effect": "Allow",
  "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
  "Action": "sts:AssumeRoleWithWebIdentity"
}
\`\`\``,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      // A Deny that leaves out an action does not deny it, which is its author's choice (a guardrail
      // for web identities only); a statement of session actions only complements another one; with no
      // trust action at all trust-invalid-action has said so.
      const granted = statementTrustActions(statement);
      if (statement.effect !== 'Allow' || !grantsAssume(granted) || !granted) continue;
      const principals = trustedPrincipals(statement);
      const families = new Set(principals.flatMap((p) => assumeFamily(p) ?? []));
      const missing = [...families].filter((f) => !granted.has(ASSUME_ACTION[f]));
      if (missing.length === 0) continue;
      const wrong = missing.length === 1 ? wrongAssumeAction(statement, families) : undefined;
      for (const family of missing) {
        const needed = ASSUME_ACTION[family];
        const message = `${FAMILY_WORDS[family]} a role with ${needed}, which this statement does not allow`;
        if (wrong) {
          report(wrong.node, `${message}; "${wrong.action}" is for ${ACTION_IS_FOR[wrong.action]}. Use "${needed}".`, { replaceWith: needed });
          continue;
        }
        // Point at the principal key ("Federated"), or the Principal element when it is "*".
        const first = principals.find((p) => assumeFamily(p) === family);
        const key = first?.node.parent?.type === 'property' ? first.node.parent.children?.[0] : first?.node.parent?.parent?.children?.[0];
        const at = key ?? elementKey(statement, 'Principal') ?? statement.node;
        report(at, `${message}. Add "${needed}" to the Action.`, { addAction: needed });
      }
    }
  },
};
