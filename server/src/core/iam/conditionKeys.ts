import { getService, hasService, servicePrefixes, servicesForKeyPrefix, unassociatedKeyPrefixes, type ActionInfo, type ConditionKeyType } from './data';
import { actionResourceTypes } from './arn';
import { keyDocumentedFor, UNLISTED_SERVICE_KEYS, type PatchedKey } from './dataPatches';
import { GLOBAL_KEYS, type GlobalKeyInfo } from './globalKeys';
import { providerForIssuer, type IdentityProvider } from './identityProviders';
import { closest } from './suggest';

/** What a condition key is, as far as the bundled data and our tables know. */
export type KeyLookup =
  | { status: 'global'; key: string; type: ConditionKeyType; description: string }
  | { status: 'service'; key: string; service: string; type: ConditionKeyType; description: string }
  /** A token claim (`token.actions.githubusercontent.com:sub`); `provider` is undefined for an OIDC issuer we do not know. */
  | { status: 'claim'; key: string; issuer: string; provider: IdentityProvider | undefined; type: ConditionKeyType; description: string }
  | { status: 'unknown-key'; prefix: string; suggestions: string[] }
  | { status: 'unknown-prefix'; prefix: string };

export function isMultiValued(type: ConditionKeyType): boolean {
  return type.startsWith('ArrayOf');
}

/** The base type of a key type (`ArrayOfString` -> `String`). */
export function baseType(type: ConditionKeyType): ConditionKeyType {
  return isMultiValued(type) ? (type.slice('ArrayOf'.length) as ConditionKeyType) : type;
}

/** Compiled key patterns; bounded by the keys of the data (a few thousand), so never cleared. */
const keyRegExps = new Map<string, RegExp>();

/**
 * Templated keys match any non-empty text in place of their placeholder: `aws:PrincipalTag/tag-key`
 * (our table), `s3:ResourceTag/${TagKey}` and `s3:ExistingObjectTag/<key>` (the IAM data's two styles).
 */
function keyTemplateRegExp(template: string): RegExp {
  let cached = keyRegExps.get(template);
  if (cached) return cached;
  const source = template
    .replace(/\/tag-key$/i, '/${TagKey}')
    .split(/\$\{[^{}]*\}|<[^<>]*>/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  cached = new RegExp(`^${source}$`, 'i');
  keyRegExps.set(template, cached);
  return cached;
}

const isTemplate = (key: string) => key.includes('${') || /<[^>]*>/.test(key) || /\/tag-key$/i.test(key);

const globalByKey = new Map(GLOBAL_KEYS.filter((k) => !isTemplate(k.key)).map((k) => [k.key.toLowerCase(), k]));
const globalTemplates = GLOBAL_KEYS.filter((k) => isTemplate(k.key)).map((k) => ({ info: k, regExp: keyTemplateRegExp(k.key) }));

function findGlobal(key: string): GlobalKeyInfo | undefined {
  return globalByKey.get(key.toLowerCase()) ?? globalTemplates.find((t) => t.regExp.test(key))?.info;
}

type KeyEntry = PatchedKey;

/** Keys of every service by lower-case key, with the templated ones apart; built on the first miss. */
let allKeys: { exact: Map<string, KeyEntry>; templates: { entry: KeyEntry; regExp: RegExp }[] } | undefined;

function allServiceKeys() {
  if (!allKeys) {
    const exact = new Map<string, KeyEntry>();
    const templates: { entry: KeyEntry; regExp: RegExp }[] = [];
    for (const prefix of servicePrefixes()) {
      for (const [lower, info] of getService(prefix)?.conditionKeys ?? []) {
        const entry = { ...info, service: prefix };
        if (isTemplate(info.key)) templates.push({ entry, regExp: keyTemplateRegExp(info.key) });
        else if (!exact.has(lower)) exact.set(lower, entry);
      }
    }
    allKeys = { exact, templates };
  }
  return allKeys;
}

/** A key of one service, exact or by template (`s3:ResourceTag/${TagKey}`). */
function findServiceKey(service: string, key: string): KeyEntry | undefined {
  const info = getService(service);
  if (!info) return undefined;
  const exact = info.conditionKeys.get(key.toLowerCase());
  if (exact) return { ...exact, service: info.prefix };
  for (const candidate of info.conditionKeys.values()) {
    if (isTemplate(candidate.key) && keyTemplateRegExp(candidate.key).test(key)) return { ...candidate, service: info.prefix };
  }
  return undefined;
}

/** A key listed by any service (some services list keys of another prefix, e.g. `iam:` keys in `sts`). */
function findAnyServiceKey(key: string): KeyEntry | undefined {
  const { exact, templates } = allServiceKeys();
  return exact.get(key.toLowerCase()) ?? templates.find((t) => t.regExp.test(key))?.entry;
}

function keySuggestions(prefix: string, name: string, candidates: Iterable<string>): string[] {
  const names = [...candidates].filter((k) => !isTemplate(k)).map((k) => k.slice(k.indexOf(':') + 1));
  return closest(name, names).map((n) => `${prefix}:${n}`);
}

/**
 * Looks a condition key up, case-insensitively: a global `aws:` key, a service key, a claim of a known
 * identity provider, a claim of an OIDC issuer we do not know (accepted, we cannot know its claims),
 * or unknown, with "did you mean" suggestions.
 */
export function lookupConditionKey(key: string): KeyLookup {
  const colon = key.indexOf(':');
  if (colon <= 0) return { status: 'unknown-prefix', prefix: key };
  const prefix = key.slice(0, colon);
  const name = key.slice(colon + 1);

  const global = findGlobal(key);
  if (global) return { status: 'global', key: global.key, type: global.type, description: global.description };
  if (prefix.toLowerCase() === 'aws') {
    return { status: 'unknown-key', prefix, suggestions: keySuggestions(prefix, name, GLOBAL_KEYS.map((k) => k.key)) };
  }

  if (hasService(prefix)) {
    const found = findServiceKey(prefix, key) ?? findAnyServiceKey(key) ?? UNLISTED_SERVICE_KEYS.get(key.toLowerCase());
    if (found) return { status: 'service', ...found };
    const service = getService(prefix);
    const candidates = [...(service?.conditionKeys.values() ?? [])].map((k) => k.key).concat(GLOBAL_KEYS.map((k) => k.key).filter((k) => k.toLowerCase().startsWith(`${prefix.toLowerCase()}:`)));
    return { status: 'unknown-key', prefix, suggestions: keySuggestions(prefix, name, candidates) };
  }

  const provider = providerForIssuer(prefix);
  if (provider) {
    const claim = provider.claims.find((c) => c.claim.toLowerCase() === name.toLowerCase());
    if (claim) return { status: 'claim', key, issuer: prefix, provider, type: claim.type, description: claim.description };
    const listed = findListedClaim(prefix, key);
    if (listed) return { status: 'claim', key, issuer: prefix, provider, type: listed.type, description: listed.description };
    return { status: 'unknown-key', prefix, suggestions: closest(name, provider.claims.map((c) => c.claim)).map((c) => `${prefix}:${c}`) };
  }

  const listed = findListedClaim(prefix, key);
  // Outside sts, such keys are a service's own keys under another prefix (`catalog:ChangeType` in
  // aws-marketplace, `identitycenter:InstanceArn` in sso), not token claims.
  if (listed && listed.service !== 'sts') return { status: 'service', ...listed };
  if (listed) return { status: 'claim', key, issuer: prefix, provider: undefined, type: listed.type, description: listed.description };
  if (isUnassociatedPrefix(prefix)) return { status: 'unknown-key', prefix, suggestions: [] };
  if (/[./]/.test(prefix)) {
    return {
      status: 'claim',
      key,
      issuer: prefix,
      provider: undefined,
      type: 'String',
      description: `A claim of the token issued by ${prefix}. Only the claims the identity provider puts in its tokens can be tested.`,
    };
  }
  return { status: 'unknown-prefix', prefix };
}

/** Claim keys the IAM data lists under `sts` for issuers such as `gitlab.com` or `agent.buildkite.com`. */
function findListedClaim(prefix: string, key: string): KeyEntry | undefined {
  for (const service of servicesForKeyPrefixTemplate(prefix)) {
    const found = findServiceKey(service, key);
    if (found) return found;
  }
  return undefined;
}

function servicesForKeyPrefixTemplate(prefix: string): readonly string[] {
  const direct = servicesForKeyPrefix(prefix);
  if (direct.length > 0) return direct;
  const template = unassociatedKeyPrefixes().find((p) => p.includes('${') && keyTemplateRegExp(p).test(prefix));
  return template ? servicesForKeyPrefix(template) : [];
}

function isUnassociatedPrefix(prefix: string): boolean {
  return servicesForKeyPrefixTemplate(prefix).length > 0;
}

const actionKeyCache = new WeakMap<ActionInfo, RegExp[]>();
const actionKeyNames = new WeakMap<ActionInfo, readonly string[]>();

/** The condition keys listed for an action and for its resource types, as written (templates unexpanded). */
export function actionConditionKeys(action: ActionInfo): readonly string[] {
  let keys = actionKeyNames.get(action);
  if (!keys) {
    keys = [...action.conditionKeys, ...actionResourceTypes(action).flatMap((rt) => rt.conditionKeys)];
    actionKeyNames.set(action, keys);
  }
  return keys;
}

/**
 * Whether an action supports a condition key: the key is listed for the action, for one of its
 * resource types' rows, or for one of its resource types (case-insensitive, templates expanded), or
 * AWS documents it for the action elsewhere (dataPatches.ts).
 */
export function actionSupportsKey(action: ActionInfo, key: string): boolean {
  let patterns = actionKeyCache.get(action);
  if (!patterns) {
    patterns = actionConditionKeys(action).map(keyTemplateRegExp);
    actionKeyCache.set(action, patterns);
  }
  return patterns.some((p) => p.test(key)) || keyDocumentedFor(action, key);
}
