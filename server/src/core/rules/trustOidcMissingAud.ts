import { audienceClaim, hasAudience, oidcPrincipals } from '../trust/federation';
import type { Rule } from './rule';

export const trustOidcMissingAud: Rule = {
  id: 'trust-oidc-missing-aud',
  severity: 'warning',
  kinds: ['trust'],
  absent: ['Condition', 'Statement'],
  summary: 'Web identity trust without an audience condition (<issuer>:aud, or cognito-identity.amazonaws.com:aud = the identity pool id).',
  docs: `A token's audience (\`aud\`) says which application it was issued for. Test it, so that a token
the same provider issued for something else cannot assume the role:

| provider | condition |
|---|---|
| GitHub Actions | \`"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"\` |
| EKS (IRSA) | \`"oidc.eks.REGION.amazonaws.com/id/ID:aud": "sts.amazonaws.com"\` |
| HCP Terraform | \`"app.terraform.io:aud": "aws.workload.identity"\` |
| GitLab | \`"gitlab.com:aud"\`: the \`aud\` your jobs' \`id_tokens\` set |
| Cognito identity pools | \`"cognito-identity.amazonaws.com:aud"\`: the identity pool id. **Without it, an identity pool in any AWS account can get credentials for the role.** |
| Google, Login with Amazon, Facebook | \`accounts.google.com:aud\`, \`www.amazon.com:app_id\`, \`graph.facebook.com:app_id\` |

For IAM OIDC providers STS also checks the audience against the provider's client id list, so there
the condition is a second line of defence; for Cognito and the public web identity providers it is
the only one. Test it with \`StringEquals\`.

\`\`\`json
"Condition": {
  "StringEquals": { "cognito-identity.amazonaws.com:aud": "us-east-1:12345678-abcd-4ef0-9876-0123456789ab" },
  "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" }
}
\`\`\``,
  check({ policy, report }) {
    for (const { statement, principal } of oidcPrincipals(policy)) {
      if (hasAudience(statement, principal)) continue;
      const key = `${principal.issuer}:${audienceClaim(principal)}`;
      const who = principal.provider?.id === 'cognito'
        ? 'an identity pool in any AWS account can get credentials for this role'
        : `a token ${principal.provider?.name ?? principal.issuer} issued for another audience can be used`;
      report(principal.node, `No condition on ${key}: ${who}. Add ${key} with StringEquals.`, { issuer: principal.issuer, provider: principal.provider?.id ?? 'oidc' });
    }
  },
};
