import { PRINCIPAL_KEYS, closest, principalProblem } from '../iam';
import type { SchemaProblem } from '../schema/schemaProblems';
import { principalsOf } from '../statementParts';
import type { Rule } from './rule';

/** Keys people write for a principal type, and the type they mean. */
const MEANT: Record<string, string> = {
  user: 'AWS',
  users: 'AWS',
  role: 'AWS',
  roles: 'AWS',
  account: 'AWS',
  accounts: 'AWS',
  arn: 'AWS',
  iam: 'AWS',
  services: 'Service',
  serviceprincipal: 'Service',
  federation: 'Federated',
  oidc: 'Federated',
  saml: 'Federated',
  canonical: 'CanonicalUser',
  canonicaluserid: 'CanonicalUser',
};

const endsAtPrincipal = (problem: SchemaProblem) => {
  const last = problem.path[problem.path.length - 1];
  return last === 'Principal' || last === 'NotPrincipal';
};

function unknownKeyMessage(key: string): string {
  const valid = `The principal types are ${PRINCIPAL_KEYS.map((k) => `"${k}"`).join(', ')} (case matters).`;
  const sameIgnoringCase = PRINCIPAL_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
  if (sameIgnoringCase) return `"${key}" must be written "${sameIgnoringCase}": principal types are case-sensitive.`;
  const meant = (Object.hasOwn(MEANT, key.toLowerCase()) ? MEANT[key.toLowerCase()] : undefined) ?? closest(key, PRINCIPAL_KEYS, 1)[0];
  if (meant === 'AWS') return `"${key}" is not a principal type; accounts, users and roles all go under "AWS" (e.g. {"AWS": "arn:aws:iam::123456789012:${/role/i.test(key) ? 'role/NAME' : /user/i.test(key) ? 'user/NAME' : 'root'}"}). ${valid}`;
  return meant ? `"${key}" is not a principal type; did you mean "${meant}"? ${valid}` : `"${key}" is not a principal type. ${valid}`;
}

export const invalidPrincipal: Rule = {
  id: 'invalid-principal',
  severity: 'error',
  kinds: ['trust', 'resource'],
  summary: 'A malformed principal: bad account id, wildcard inside an ARN, unknown principal type, bad service or federated principal.',
  docs: `IAM rejects a policy whose principal it cannot read ("Invalid principal in policy"). A principal
is \`"*"\` or an object whose keys are \`AWS\`, \`Service\`, \`Federated\` or \`CanonicalUser\` (case matters):

- \`AWS\`: \`"*"\`, a 12-digit account id, or an IAM ARN: \`arn:aws:iam::123456789012:root\`,
  \`...:user/PATH/NAME\`, \`...:role/PATH/NAME\`, \`arn:aws:sts::123456789012:assumed-role/ROLE/SESSION\`,
  \`arn:aws:sts::123456789012:federated-user/NAME\`, in any partition (\`aws\`, \`aws-cn\`, \`aws-us-gov\`,
  \`aws-iso*\`, \`aws-eusc\`). Wildcards are not allowed inside these ARNs: to admit several roles, name the
  account and add an \`ArnLike\` condition on \`aws:PrincipalArn\`. Groups cannot be principals.
- \`Service\`: a service principal such as \`lambda.amazonaws.com\` (\`.amazonaws.com.cn\` in China, the ISO
  domains in isolated partitions).
- \`Federated\`: a SAML or OIDC provider ARN (\`arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com\`),
  or \`cognito-identity.amazonaws.com\`, \`www.amazon.com\`, \`graph.facebook.com\`, \`accounts.google.com\`.
- \`CanonicalUser\`: a 64-character hexadecimal S3 canonical user id.

A principal given as a string must be \`"*"\`. CloudFront origin access identities
(\`arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E...\`) and the unique ids (\`AIDA...\`,
\`AROA...\`) AWS shows for deleted users and roles are accepted. CloudFormation placeholders such as
\`\${AWS::AccountId}\` are never reported.

\`\`\`json
"Principal": { "AWS": "arn:aws:iam::123456789012:role/*" }
\`\`\`
becomes
\`\`\`json
"Principal": { "AWS": "arn:aws:iam::123456789012:root" },
"Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/deploy-*" } }
\`\`\``,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      for (const entry of principalsOf(statement)?.entries ?? []) {
        for (const value of entry.values) {
          const problem = principalProblem(entry.key, value.text);
          if (problem) report(value.node, problem, { key: entry.key, value: value.text });
        }
      }
    }
  },
  claim(problem) {
    if (!endsAtPrincipal(problem)) return undefined;
    if (problem.type === 'unknown-property') return unknownKeyMessage(problem.property);
    if (problem.type === 'const') {
      return 'A principal given as a string must be "*". Name principals in an object by type: {"AWS": "123456789012"} for an account (or a user or role ARN), {"Service": "lambda.amazonaws.com"} for a service, {"Federated": "arn:aws:iam::123456789012:oidc-provider/HOST"} for an identity provider.';
    }
    return undefined;
  },
};
