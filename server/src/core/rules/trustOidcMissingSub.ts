import { needsSubject, oidcPrincipals, subjectVerdict } from '../trust/federation';
import type { Rule } from './rule';

export const trustOidcMissingSub: Rule = {
  id: 'trust-oidc-missing-sub',
  severity: 'error',
  kinds: ['trust'],
  absent: ['Condition', 'Statement'],
  summary: 'GitHub Actions, GitLab, EKS, HCP Terraform or other OIDC trust with no subject (sub) condition: any repository, pipeline or service account can assume the role.',
  docs: `An OIDC provider such as GitHub Actions issues tokens to *every* workload that runs on it. The
provider in your account only proves "this token comes from GitHub"; the subject (\`sub\`) says which
repository, pipeline or service account it was issued to. Without a condition on it, any repository on
GitHub (any GitLab project, any HCP Terraform workspace, any pod of the cluster) can assume the role.

| provider | subject to pin |
|---|---|
| GitHub Actions | \`repo:OWNER/REPO:ref:refs/heads/main\`, \`repo:OWNER/REPO:environment:prod\`, or the immutable \`repo:OWNER@OWNER_ID/REPO@REPO_ID:...\` |
| GitLab | \`project_path:GROUP/PROJECT:ref_type:branch:ref:main\` |
| EKS (IRSA) | \`system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT\` |
| HCP Terraform | \`organization:ORG:project:PROJECT:workspace:WORKSPACE:run_phase:apply\` |

A condition counts only where it narrows: \`StringLike\` with \`"*"\` does not. Cognito identity pools
and the Google, Amazon and Facebook sign-ins are not reported here: their \`sub\` is an end user, and
their audience condition (trust-oidc-missing-aud) is what pins the application.

\`\`\`json
"Condition": {
  "StringEquals": {
    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    "token.actions.githubusercontent.com:sub": "repo:acme-corp/web:ref:refs/heads/main"
  }
}
\`\`\``,
  check({ policy, report }) {
    for (const { statement, principal } of oidcPrincipals(policy)) {
      if (!needsSubject(principal)) continue;
      const verdict = subjectVerdict(statement, principal);
      if (verdict.scope !== 'none') continue;
      const key = `${principal.issuer}:sub`;
      const who = WHO[principal.provider?.id ?? 'oidc'] ?? 'any workload of this provider';
      const data = { issuer: principal.issuer, provider: principal.provider?.id ?? 'oidc' };
      if (verdict.value) {
        report(verdict.value.node, `"${verdict.value.text}" does not narrow ${key}: ${who} can assume this role. Pin the subject.`, data);
      } else {
        report(principal.node, `No condition on ${key}: ${who} can assume this role. Add ${key} with the subject you trust.`, data);
      }
    }
  },
};

const WHO: Readonly<Record<string, string>> = {
  github: 'any repository on GitHub',
  gitlab: 'any project on GitLab',
  eks: 'any service account of the cluster',
  terraform: 'any HCP Terraform workspace',
  oidc: 'any identity this provider issues tokens to',
};
