import { actionId, actionResourceTypes, appliesToEveryTypeOfService, arnMatchesTemplate, extraResourceTemplates, arnProblem, getService, hasPlaceholder, hasWildcard, matchActions, parseActionPattern, splitArn, type ActionInfo, type ResourceTypeInfo } from '../iam';
import { actionsOf, resourcesOf } from '../statementParts';
import type { Rule } from './rule';

/** What the actions of one statement can apply to. */
interface Grants {
  actions: ActionInfo[];
  /** Distinct ARN templates of the actions' resource types, each with the types that use it (for messages). */
  named: Map<string, ResourceTypeInfo[]>;
  /** Every template that fits, named or not (the data patches of iam/dataPatches.ts), by lower-case service ('' when not literal). */
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
    if (appliesToEveryTypeOfService(action)) serviceWide.add(action.service);
    for (const template of extraResourceTemplates(action, types)) unnamed.add(template);
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
    const key = hasPlaceholder(service) ? '' : service;
    const templates = byService.get(key);
    if (templates) templates.push(template);
    else byService.set(key, [template]);
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
  absent: ['Action'],
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

/**
 * Whether an action pattern can apply to a Resource value, judged as this rule judges a statement
 * (true where the rule cannot know). The role builder groups actions with their resources by it.
 */
export function actionFitsResource(action: string, resource: string): boolean {
  if (!judgeable(resource)) return true;
  const grants = readGrants([action]);
  return !grants || fits(resource, grants);
}
