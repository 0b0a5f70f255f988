import type { ActionInfo, ConditionKeyType, ResourceTypeInfo } from './data';

/**
 * Where the IAM reference data is known to fall short, each with its evidence. Kept in the data layer
 * so that every feature (rules now, completion and hover later) sees the same corrections.
 */

export interface PatchedKey {
  key: string;
  service: string;
  type: ConditionKeyType;
  description: string;
}

/**
 * Service keys AWS uses outside the service authorization reference: the Lake Formation guide tests
 * `glue:EvaluatedByLakeFormationTags` in Glue catalog policies, and AWS's own
 * AmazonDataZoneGlueManageAccessRolePolicy tests `lakeformation:GlueARN`.
 */
export const UNLISTED_SERVICE_KEYS: ReadonlyMap<string, PatchedKey> = new Map(
  [
    { key: 'glue:EvaluatedByLakeFormationTags', service: 'glue', type: 'Bool' as const, description: 'true when Lake Formation tag-based access control grants the request (cross-account Data Catalog access).' },
    { key: 'lakeformation:GlueARN', service: 'lakeformation', type: 'String' as const, description: 'Not in the service authorization reference: AWS tests it with Null on lakeformation:GetDataAccess in its AmazonDataZoneGlueManageAccessRolePolicy.' },
  ].map((entry) => [entry.key.toLowerCase(), entry]),
);

/**
 * Keys AWS documents for more actions than the reference lists, lower-cased: the AWS Marketplace and
 * Bedrock guides restrict `aws-marketplace:Subscribe` by product id.
 */
const KEYS_DOCUMENTED_ELSEWHERE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['aws-marketplace:productid', new Set(['aws-marketplace:subscribe', 'aws-marketplace:unsubscribe', 'aws-marketplace:viewsubscriptions'])],
]);

/** Whether AWS documents `key` for `action` though the reference does not list it. */
export function keyDocumentedFor(action: ActionInfo, key: string): boolean {
  return KEYS_DOCUMENTED_ELSEWHERE.get(key.toLowerCase())?.has(`${action.service}:${action.name}`.toLowerCase()) ?? false;
}

/**
 * Prefixes that two or more services share (API Gateway v1/v2, ELB v1/v2, Lex v1/v2, ...). The
 * reference data keeps one service's resource types for an action both define (elasticloadbalancing:
 * AddTags lists only the classic `loadbalancer`), so these actions may apply to any type of the prefix.
 */
const SHARED_PREFIXES = new Set(['apigateway', 'aws-marketplace', 'elasticloadbalancing', 'greengrass', 'kinesisanalytics', 'lex', 'ses', 'sms-voice']);

/**
 * Tagging actions apply to every taggable resource of their service, and the reference lists lag
 * behind new resource types (mgn:TagResource lacks `network-migration-definition`).
 */
const TAGGING_ACTIONS = /^(TagResource|UntagResource|ListTagsForResource)$/i;

/** Whether an action may apply to any resource type of its service, whatever the reference lists. */
export function appliesToEveryTypeOfService(action: ActionInfo): boolean {
  return SHARED_PREFIXES.has(action.service) || TAGGING_ACTIONS.test(action.name);
}

/**
 * Resources that services authorize actions on though the reference data does not list them, by
 * action id (always) or by service (for its actions listed without resource types). Evidence:
 * CloudWatch Logs checks Describe* on `log-group::log-stream:` ("not authorized to perform:
 * logs:DescribeLogGroups on resource: arn:aws:logs:REGION:ACCOUNT:log-group::log-stream:"); Session
 * Manager checks ssmmessages:OpenDataChannel on the session and CloudFormation checks CreateChangeSet
 * on the transform a template uses (`...:aws:transform/Serverless-2016-10-31`), as AWS's own managed
 * policies grant them.
 */
const EXTRA_RESOURCES: ReadonlyMap<string, string> = new Map([
  ['logs', 'arn:${Partition}:logs:${Region}:${Account}:log-group::log-stream:'],
  ['ssmmessages:opendatachannel', 'arn:${Partition}:ssm:${Region}:${Account}:session/${SessionId}'],
  ['cloudformation:createchangeset', 'arn:${Partition}:cloudformation:${Region}:${Account}:transform/${TransformName}'],
]);

/** Multi-Region Access Point objects, as AWS's S3 guide grants them; the reference lists only single-Region access points. */
const MRAP_OBJECT = 'arn:${Partition}:s3::${Account}:accesspoint/${AccessPointAlias}/object/${ObjectName}';

/** ARN templates an action applies to beyond its listed resource types (`types`, already resolved). */
export function extraResourceTemplates(action: ActionInfo, types: readonly ResourceTypeInfo[]): string[] {
  const extra = EXTRA_RESOURCES.get(`${action.service}:${action.name}`.toLowerCase()) ?? (types.length === 0 ? EXTRA_RESOURCES.get(action.service) : undefined);
  const templates = extra ? [extra] : [];
  if (types.some((t) => t.service === 's3' && t.name === 'object')) templates.push(MRAP_OBJECT);
  return templates;
}
