import { conditionsOf } from '../statementParts';
import { narrowingEntry } from '../trust/conditions';
import { grantsAssume, statementTrustActions } from '../trust/actions';
import { trustedPrincipals } from '../trust/principals';
import type { Rule } from './rule';

export const trustSamlMissingAud: Rule = {
  id: 'trust-saml-missing-aud',
  severity: 'warning',
  kinds: ['trust'],
  absent: ['Condition', 'Statement'],
  summary: 'SAML trust without a SAML:aud condition.',
  docs: `\`SAML:aud\` is the endpoint the SAML assertion was posted to. Testing it makes sure the role is only
assumed through the sign-in you set up (for the console, \`https://signin.aws.amazon.com/saml\`, or a
regional \`https://REGION.signin.aws.amazon.com/saml\`), not with an assertion the identity provider
issued for another use. AWS's console adds it to every SAML role it creates.

\`\`\`json
{
  "Effect": "Allow",
  "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" },
  "Action": "sts:AssumeRoleWithSAML",
  "Condition": { "StringEquals": { "SAML:aud": "https://signin.aws.amazon.com/saml" } }
}
\`\`\``,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      if (statement.effect !== 'Allow' || !grantsAssume(statementTrustActions(statement))) continue;
      const saml = trustedPrincipals(statement).filter((p) => p.type === 'saml');
      if (saml.length === 0) continue;
      if (conditionsOf(statement).some((e) => e.key.toLowerCase() === 'saml:aud' && narrowingEntry(e, { alwaysPresent: true }))) continue;
      for (const principal of saml) {
        report(principal.node, 'No condition on SAML:aud: an assertion this identity provider issued for another endpoint could assume the role. Add "SAML:aud": "https://signin.aws.amazon.com/saml" (StringEquals).', {});
      }
    }
  },
};
