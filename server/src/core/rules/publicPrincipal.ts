import type { Node } from 'jsonc-parser';
import { isAllWildcards, splitArn } from '../iam';
import type { Statement } from '../policyModel';
import { conditionsOf, principalsOf, type ConditionEntry } from '../statementParts';
import { entryValues, positiveOperator } from '../trust/conditions';
import type { Rule } from './rule';

/**
 * Condition keys that narrow *who* can use a `"*"` principal, lower-cased. Each names something
 * an outsider cannot make true for themselves:
 * - the caller's organization, account, ARN or unique id (aws:Principal*, aws:userid,
 *   kms:CallerAccount, s3:DataAccessPointAccount/Arn for access-point delegation);
 * - for a service acting for a resource, that resource or its owner (aws:Source*, aws:SourceOwner
 *   in older SNS/SQS policies);
 * - the network the request comes from (aws:SourceVpc, aws:SourceVpcArn, aws:SourceVpce, the
 *   endpoint's owner aws:Vpce*, and public aws:SourceIp ranges).
 * Left out on purpose: aws:username and aws:PrincipalTag/* (anyone can create a user with that name
 * or tag in their own account), aws:VpcSourceIp (private ranges exist in every VPC), aws:Referer and
 * aws:UserAgent (set by the caller), sts:ExternalId (a shared secret, not an identity), kms:ViaService
 * and aws:CalledVia (any account's requests can pass through the service), aws:PrincipalIsAWSService
 * and aws:PrincipalType (a kind of caller, not which one).
 */
const NARROWING_KEYS = new Set(
  [
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalServiceName',
    'aws:PrincipalServiceNamesList',
    'aws:userid',
    'aws:SourceAccount',
    'aws:SourceArn',
    'aws:SourceOwner',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:SourceVpc',
    'aws:SourceVpcArn',
    'aws:SourceVpce',
    'aws:SourceIp',
    'aws:VpceAccount',
    'aws:VpceOrgID',
    'aws:VpceOrgPaths',
    'kms:CallerAccount',
    's3:DataAccessPointAccount',
    's3:DataAccessPointArn',
  ].map((k) => k.toLowerCase()),
);

/**
 * Whether a condition value admits anyone: only wildcards, every IP address, an ARN of wildcards, or
 * a pattern whose literal part is little more than the key's own syntax (`o-*`, `1*`, `*:*`).
 */
function admitsAnyone(key: string, value: string): boolean {
  if (isAllWildcards(value) || value === '0.0.0.0/0' || value === '::/0') return true;
  const arn = splitArn(value);
  if (!arn) return /[*?]/.test(value) && value.replace(/[*?]/g, '').replace(/^(o|ou|r)-/, '').replace(/[^A-Za-z0-9]/g, '').length < 4;
  const open = isAllWildcards;
  if (open(arn.region) && open(arn.account) && open(arn.resource)) return true;
  // Anyone can create a role with a given name in their own account: the account is what narrows.
  return key === 'aws:principalarn' && open(arn.account) && arn.account !== '';
}

/** Whether a condition entry limits the caller: a positive test of a narrowing key with a narrowing value. */
function narrows(entry: ConditionEntry): boolean {
  // positiveOperator: negated operators, IfExists and ForAllValues: are all true when the key is absent, so they admit outsiders.
  const operator = positiveOperator(entry);
  if (!NARROWING_KEYS.has(entry.key.toLowerCase()) || !operator || operator.family === 'Bool') return false;
  const values = entryValues(entry);
  // The values of one key are ORed: the loosest one decides.
  return values.length > 0 && !values.some((v) => admitsAnyone(entry.key.toLowerCase(), v));
}

/** The `"*"` nodes of a statement's Principal: the whole element, or `"*"` under `AWS`. */
function starNodes(statement: Statement): { node: Node; element: 'Principal' | 'AWS' }[] {
  const principal = principalsOf(statement);
  if (principal?.name !== 'Principal') return [];
  if (principal.everyone) return [{ node: principal.node, element: 'Principal' }];
  return principal.entries
    .filter((e) => e.key === 'AWS')
    .flatMap((e) => e.values.filter((v) => v.text === '*').map((v) => ({ node: v.node, element: 'AWS' as const })));
}

export const publicPrincipal: Rule = {
  id: 'public-principal',
  severity: { trust: 'error', resource: 'warning', identity: 'warning' },
  kinds: ['trust', 'resource'],
  absent: ['Condition', 'Statement'],
  summary: '"Principal": "*" or {"AWS": "*"} in an Allow statement with no condition that narrows who.',
  docs: `\`"Principal": "*"\` and \`{"AWS": "*"}\` mean *anyone*: every principal in every AWS account, and for
many services anonymous callers too. In a trust policy that lets anyone assume the role; in a resource
policy it makes the resource public.

The finding goes away when the statement has a condition that narrows who, with a positive operator
(not \`...Not...\`, \`IfExists\` or \`ForAllValues:\`, which are true when the key is absent) and a value
that is not just a wildcard:

| to admit | condition key |
|---|---|
| your organization or part of it | \`aws:PrincipalOrgID\`, \`aws:PrincipalOrgPaths\` |
| an account, role or user | \`aws:PrincipalAccount\`, \`aws:PrincipalArn\` (with an account id), \`aws:userid\`, \`kms:CallerAccount\` |
| a service acting for your resource | \`aws:SourceArn\`, \`aws:SourceAccount\`, \`aws:SourceOwner\`, \`aws:SourceOrgID\`, \`aws:SourceOrgPaths\`, \`aws:PrincipalServiceName\`, \`aws:PrincipalServiceNamesList\` |
| your network | \`aws:SourceVpc\`, \`aws:SourceVpcArn\`, \`aws:SourceVpce\`, \`aws:VpceAccount\`, \`aws:VpceOrgID\`, \`aws:VpceOrgPaths\`, \`aws:SourceIp\` (not \`0.0.0.0/0\`) |
| S3 access points of an account | \`s3:DataAccessPointAccount\`, \`s3:DataAccessPointArn\` |

Keys that do not narrow who: \`aws:username\` and \`aws:PrincipalTag/*\` (anyone can create such a user or
tag in their own account), \`aws:Referer\` and \`aws:UserAgent\` (set by the caller), \`sts:ExternalId\`
(a shared secret), \`kms:ViaService\` alone, \`aws:PrincipalIsAWSService\`.

Deny statements and \`NotPrincipal\` are not reported here. If the resource is meant to be public (a
static website bucket), turn the rule off for that file.

\`\`\`json
{
  "Effect": "Allow",
  "Principal": { "AWS": "*" },
  "Action": "s3:GetObject",
  "Resource": "arn:aws:s3:::shared-data/*",
  "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
}
\`\`\``,
  check({ policy, kind, report }) {
    for (const statement of policy?.statements ?? []) {
      if (statement.effect !== 'Allow') continue;
      const stars = starNodes(statement);
      if (stars.length === 0 || conditionsOf(statement).some(narrows)) continue;
      const message =
        kind === 'trust'
          ? 'Anyone in any AWS account can assume this role: "*" with no condition that narrows who. Name the account or role ({"AWS": "arn:aws:iam::123456789012:root"}), or add a condition such as aws:PrincipalOrgID or aws:PrincipalArn.'
          : 'This statement is public: "*" admits every AWS account (and anonymous callers where the service allows it). Name the principals, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceArn.';
      for (const star of stars) report(star.node, message, { element: star.element });
    }
  },
};
