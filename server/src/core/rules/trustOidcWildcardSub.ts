import { needsSubject, oidcPrincipals, subjectVerdict } from '../trust/federation';
import type { Rule } from './rule';

export const trustOidcWildcardSub: Rule = {
  id: 'trust-oidc-wildcard-sub',
  severity: 'warning',
  kinds: ['trust'],
  absent: ['Condition'],
  summary: 'A subject condition whose loosest value is too wide (repo:*, repo:org/*, system:serviceaccount:*).',
  docs: `The subject pins *which* workload may assume the role. A pattern that leaves the owner or the
repository open lets in more than you mean:

| value | who can assume |
|---|---|
| \`repo:*\`, \`repo:acme-*/web:*\` | any GitHub user or organization (anyone can create \`acme-evil\`) |
| \`repo:acme/*\` | every repository of acme, including ones created later and by any member who can create repositories |
| \`system:serviceaccount:*\` | every service account in every namespace of the cluster |
| \`system:serviceaccount:apps:*\` | every service account in the namespace \`apps\` |
| \`project_path:group/*\` (GitLab) | every project of the group |
| \`organization:acme:*\` (HCP Terraform) | every workspace of the organization |

A list of values is as wide as its loosest value; separate conditions (\`StringEquals\` and \`StringLike\`
on the same key) must all match, so the narrowest decides. A pinned repository with a pattern after it
(\`repo:acme/web:*\`, \`repo:acme/web:ref:refs/heads/release-*\`) is fine, and so is GitHub's immutable form
\`repo:acme@1234/web@5678:...\` (the ids survive renames and re-creation).`,
  check({ policy, report }) {
    for (const { statement, principal } of oidcPrincipals(policy)) {
      if (!needsSubject(principal)) continue;
      const verdict = subjectVerdict(statement, principal);
      if ((verdict.scope !== 'any-owner' && verdict.scope !== 'owner') || !verdict.value) continue;
      report(
        verdict.value.node,
        `"${verdict.value.text}" lets ${verdict.who} assume this role. ${PIN[principal.provider?.id ?? 'oidc'] ?? PIN.oidc}`,
        { scope: verdict.scope },
      );
    }
  },
};

const PIN: Readonly<Record<string, string>> = {
  github: 'Pin the repository: repo:OWNER/REPO:... (or the immutable repo:OWNER@ID/REPO@ID:...).',
  gitlab: 'Pin the project: project_path:GROUP/PROJECT:....',
  eks: 'Pin the namespace and the service account: system:serviceaccount:NAMESPACE:NAME.',
  terraform: 'Pin the project or the workspace.',
  oidc: 'Pin the subject.',
};
