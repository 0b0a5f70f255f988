import { actionId, actionResourceTypes, arnMatchesTemplate, arnProblem, getService, hasPlaceholder, hasWildcard, matchActions, parseActionPattern, splitArn, type ActionInfo, type ResourceTypeInfo } from '../iam';
import { actionsOf, resourcesOf } from '../statementParts';
import type { Rule } from './rule';

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

/**
 * Resources that services authorize actions on though the reference data does not list them, by
 * action id (always) or by service (for its actions listed without resource types). Evidence:
 * CloudWatch Logs checks Describe* on `log-group::log-stream:` ("not authorized to perform:
 * logs:DescribeLogGroups on resource: arn:aws:logs:REGION:ACCOUNT:log-group::log-stream:"); Session
 * Manager checks ssmmessages:OpenDataChannel on the session and CloudFormation checks CreateChangeSet
 * on the transform a template uses (`...:aws:transform/Serverless-2016-10-31`), as AWS's own managed
 * policies grant them.
 */
const EXTRA_RESOURCES: Readonly<Record<string, string>> = {
  logs: 'arn:${Partition}:logs:${Region}:${Account}:log-group::log-stream:',
  'ssmmessages:opendatachannel': 'arn:${Partition}:ssm:${Region}:${Account}:session/${SessionId}',
  'cloudformation:createchangeset': 'arn:${Partition}:cloudformation:${Region}:${Account}:transform/${TransformName}',
};

const extraResource = (key: string) => (Object.hasOwn(EXTRA_RESOURCES, key) ? EXTRA_RESOURCES[key] : undefined);

const MRAP_OBJECT = 'arn:${Partition}:s3::${Account}:accesspoint/${AccessPointAlias}/object/${ObjectName}';

/** What the actions of one statement can apply to. */
interface Grants {
  actions: ActionInfo[];
  /** Distinct ARN templates of the actions' resource types, each with the types that use it (for messages). */
  named: Map<string, ResourceTypeInfo[]>;
  /** Every template that fits, named or not (SHARED_PREFIXES, TAGGING_ACTIONS, EXTRA_RESOURCES), by lower-case service ('' when not literal). */
  byService: Map<string, string[]>;
  /** Actions with no resource types: they authorize only `"*"`. */
  starOnly: ActionInfo[];
}

/**
 * The actions an Action list grants and the ARN templates they apply to, or undefined when we cannot
 * know: `*`, a wildcard service, a placeholder, or a value that matches no known action.
 */
function readGrants(texts: readonly string[]): Grants | undefined {
  const actions = new Map<string, ActionInfo>();
  for (const text of texts) {
    const pattern = parseActionPattern(text);
    if (!pattern || hasWildcard(pattern.service) || hasPlaceholder(text)) return undefined;
    const matched = matchActions(text);
    if (matched.length === 0) return undefined;
    for (const action of matched) actions.set(actionId(action), action);
  }
  const named = new Map<string, ResourceTypeInfo[]>();
  const unnamed = new Set<string>();
  const starOnly: ActionInfo[] = [];
  /** Services whose every resource type some action of the statement may apply to. */
  const serviceWide = new Set<string>();
  for (const action of actions.values()) {
    const types = actionResourceTypes(action);
    if (types.length === 0) starOnly.push(action);
    if (SHARED_PREFIXES.has(action.service) || TAGGING_ACTIONS.test(action.name)) serviceWide.add(action.service);
    const extra = extraResource(actionId(action).toLowerCase()) ?? (types.length === 0 ? extraResource(action.service) : undefined);
    // Multi-Region Access Point objects, as AWS's S3 guide grants them; the reference data lists only
    // single-Region access points.
    if (types.some((t) => t.service === 's3' && t.name === 'object')) unnamed.add(MRAP_OBJECT);
    if (extra) unnamed.add(extra);
    for (const type of types) {
      const same = named.get(type.arn);
      if (!same) named.set(type.arn, [type]);
      else if (!same.some((t) => t.service === type.service && t.name === type.name)) same.push(type);
    }
  }
  for (const prefix of serviceWide) for (const type of getService(prefix)?.resourceTypes.values() ?? []) unnamed.add(type.arn);
  // Distinct templates by service, not action x template pairs: s3:* has ~200 actions but ~20 templates.
  const byService = new Map<string, string[]>();
  for (const template of new Set([...named.keys(), ...unnamed])) {
    const service = splitArn(template)?.service.toLowerCase() ?? '';
    const key = service.includes('${') ? '' : service;
    byService.set(key, [...(byService.get(key) ?? []), template]);
  }
  return { actions: [...actions.values()], named, byService, starOnly };
}

/**
 * Whether an ARN covers every resource of one of these services (`arn:aws:s3:::*`, `arn:aws:logs:*:*:*`):
 * then it also covers whatever the service checks actions without resource types on. S3's own
 * examples grant s3:ListAllMyBuckets on `arn:aws:s3:::*`.
 */
function coversService(service: string, region: string, account: string, resource: string, services: ActionInfo[]): boolean {
  return services.some((a) => a.service === service) && /^\**$/.test(region) && /^\**$/.test(account) && /^\*+$/.test(resource);
}

/** Whether some action of the statement can apply to the ARN (a full ARN with a literal service). */
function fits(arn: string, grants: Grants): boolean {
  const parts = splitArn(arn);
  if (!parts) return true;
  const service = parts.service.toLowerCase();
  for (const template of [...(grants.byService.get(service) ?? []), ...(grants.byService.get('') ?? [])]) {
    if (arnMatchesTemplate(arn, template)) return true;
  }
  return coversService(service, parts.region, parts.account, parts.resource, grants.starOnly);
}

/** Whether a Resource value is an ARN we can judge: a well-formed full ARN naming one service literally. */
function judgeable(text: string): boolean {
  if (text === '*' || arnProblem(text) !== undefined) return false; // invalid-arn speaks for broken ones
  const parts = splitArn(text);
  return parts !== undefined && !hasWildcard(parts.service) && !hasPlaceholder(parts.service);
}

/** "object ARNs" when the ARN is of exactly one resource type of its service, else undefined. */
function describeArn(arn: string, withService: boolean): string | undefined {
  const parts = splitArn(arn);
  const service = parts && getService(parts.service);
  if (!service) return undefined;
  const names = new Set([...service.resourceTypes.values()].filter((t) => arnMatchesTemplate(arn, t.arn)).map((t) => t.name));
  if (names.size !== 1) return undefined;
  return `${withService ? `${service.prefix} ` : ''}${[...names][0]} ARNs`;
}

/** "a, b and c", or "a, b and 3 more" past the limit. */
function listOf(items: string[], limit: number): string {
  if (items.length > limit) return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function message(arn: string, grants: Grants): string {
  const { actions, named, starOnly } = grants;
  const who = actions.length === 1 ? actionId(actions[0]) : `None of the ${actions.length} actions (${listOf(actions.map(actionId), 2)})`;
  if (named.size === 0) {
    return `${who} ${actions.length === 1 ? 'does not support' : 'supports'} resource-level permissions; use "*".`;
  }
  const types = [...named.values()].flat();
  const services = new Set(types.map((t) => t.service));
  const arnService = splitArn(arn)?.service.toLowerCase();
  const otherService = services.size > 1 || !services.has(arnService ?? '');
  const typeName = (t: ResourceTypeInfo) => (services.size === 1 ? t.name : `${t.service} ${t.name}`);
  // Up to two types are shown with their ARN formats; more are only named.
  const accepted = types.length <= 2 ? listOf(types.map((t) => `${typeName(t)} ARNs (${t.arn})`), 2) : `${listOf(types.map(typeName), 3)} ARNs`;
  const star = starOnly.length > 0 ? ` (or only "*", for ${listOf(starOnly.map(actionId), 2)})` : '';
  return `${who} applies to ${accepted}${star}, not ${describeArn(arn, otherService) ?? 'this resource'}.`;
}

export const resourceMismatch: Rule = {
  id: 'resource-mismatch',
  severity: 'warning',
  kinds: ['identity', 'resource'],
  summary: 'A resource ARN that no action in the statement can apply to.',
  docs: `Each action authorizes requests on certain resource types (the Service Authorization Reference
lists them with their ARN formats). A \`Resource\` ARN that none of the statement's actions can apply
to grants nothing: usually the ARN has the wrong shape, or the action belongs in another statement.
Actions without resource types accept only \`"*"\`.

\`\`\`json
{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\`
\`s3:ListBucket\` applies to buckets (\`arn:aws:s3:::my-bucket\`), \`s3:GetObject\` to objects
(\`arn:aws:s3:::my-bucket/*\`): list both ARNs, or split the statement.

An ARN is fine as soon as one action of the statement can apply to it. Statements are skipped when we
cannot know: \`NotAction\`, \`NotResource\`, \`Action: "*"\`, unknown actions, wildcard services.
Policy variables and CloudFormation placeholders match anything in their place.`,
  check({ policy, report }) {
    for (const statement of policy?.statements ?? []) {
      const resources = resourcesOf(statement);
      const actions = actionsOf(statement);
      if (!resources || resources.negated || !actions || actions.negated) continue;
      const candidates = resources.values.filter((r) => judgeable(r.text));
      if (candidates.length === 0) continue;
      const grants = readGrants(actions.values.map((a) => a.text));
      if (!grants) continue;
      for (const { node, text } of candidates) {
        if (fits(text, grants)) continue;
        report(node, message(text, grants), {
          resource: text,
          actions: grants.actions.slice(0, 10).map(actionId),
          resourceTypes: [...grants.named.values()].flat().map((t) => t.name),
        });
      }
    }
  },
};
