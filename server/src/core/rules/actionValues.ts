import type { Node } from 'jsonc-parser';
import { findAction, getService, hasService, hasWildcard, matchActions, parseActionPattern, serviceName, servicePrefixes, suggestActions, suggestServices } from '../iam';
import type { PolicyModel, Statement } from '../policyModel';
import { actionsOf } from '../statementParts';

/** One string of an `Action`/`NotAction` list that the action rules judge. */
export interface ActionValue {
  node: Node;
  text: string;
}

/** The `Action` or `NotAction` list of one statement. */
export interface ActionList {
  statement: Statement;
  /** `Action` or `NotAction`. */
  name: string;
  values: ActionValue[];
}

/**
 * Every statement's Action/NotAction values, in document order. Values holding `${...}` (policy
 * variables, CloudFormation placeholders) stand for text we cannot know, so they are left out.
 */
export function actionLists(policy: PolicyModel | undefined): ActionList[] {
  const lists: ActionList[] = [];
  for (const statement of policy?.statements ?? []) {
    const element = actionsOf(statement);
    if (!element) continue;
    lists.push({ statement, name: element.name, values: element.values.filter((v) => !v.text.includes('${')) });
  }
  return lists;
}

/**
 * What is wrong with an action string, if anything. The verdicts exclude each other, so each value
 * gets at most one finding from the four action rules.
 */
export type ActionVerdict =
  | { kind: 'ok' }
  | { kind: 'no-colon' }
  | { kind: 'unknown-service'; service: string; name: string }
  | { kind: 'unknown-action'; service: string; name: string }
  | { kind: 'matches-nothing' };

const verdicts = new Map<string, ActionVerdict>();

/** Judges one action string against the bundled IAM data; case-insensitive like IAM. */
export function judgeAction(text: string): ActionVerdict {
  let verdict = verdicts.get(text);
  if (!verdict) {
    verdict = computeVerdict(text);
    if (verdicts.size > 5000) verdicts.clear();
    verdicts.set(text, verdict);
  }
  return verdict;
}

function computeVerdict(text: string): ActionVerdict {
  if (text === '*') return { kind: 'ok' };
  const pattern = parseActionPattern(text);
  if (!pattern) return { kind: 'no-colon' };
  const { service, name } = pattern;
  if (!hasWildcard(service) && !hasService(service)) return { kind: 'unknown-service', service, name };
  if (hasWildcard(text)) return matchActions(text).length > 0 ? { kind: 'ok' } : { kind: 'matches-nothing' };
  return findAction(service, name) ? { kind: 'ok' } : { kind: 'unknown-action', service, name };
}

/** Whether `service:name` (name possibly a wildcard) names at least one known action. */
function exists(service: string, name: string): boolean {
  if (name === '') return false;
  return hasWildcard(name) ? matchActions(`${service}:${name}`).length > 0 : findAction(service, name) !== undefined;
}

/**
 * The services that have an action of exactly this name, when there are at most `limit` of them
 * (more would be a guess). Loads every service once; only asked for text that is already wrong.
 */
function servicesWithAction(name: string, limit: number): string[] {
  if (name === '' || hasWildcard(name)) return [];
  const found = servicePrefixes().filter((prefix) => findAction(prefix, name) !== undefined);
  return found.length <= limit ? found.map((prefix) => `${prefix}:${getService(prefix)?.actions.get(name.toLowerCase())?.name ?? name}`) : [];
}

const LIMIT = 3;

/**
 * How many values of one document get "did you mean" suggestions. Each costs an edit-distance pass
 * over a service's actions; a pasted list of thousands of unknown names must not stall the server.
 */
export const SUGGESTION_BUDGET = 200;

/**
 * Replacements for an action with an unknown service prefix, as whole action strings, best first:
 * close prefixes that have the action (`s4:GetObject` -> `s3:GetObject`), else the close prefixes
 * alone. Other services that merely share the action name are no guess: retired services
 * (`iot1click:ListDevices`) would be sent to unrelated ones.
 */
export function serviceSuggestions(text: string, service: string, name: string): string[] {
  const trimmed = text.trim();
  if (trimmed !== text && judgeAction(trimmed).kind === 'ok') return [trimmed];
  const close = suggestServices(service.trim(), 10);
  const withAction = close.filter((prefix) => exists(prefix, name));
  return (withAction.length > 0 ? withAction : close).slice(0, LIMIT).map((prefix) => `${prefix}:${name}`);
}

/** Words of a service's name that tell services apart (`Amazon CloudWatch Logs` -> cloudwatch, logs). */
const GENERIC_WORDS = new Set(['aws', 'amazon', 'service', 'services', 'and', 'for', 'the', 'of', 'cloud', 'management', 'v2']);

function nameWords(prefix: string): Set<string> {
  const words = (serviceName(prefix) ?? '').toLowerCase().split(/[^a-z0-9]+/);
  return new Set(words.filter((w) => w !== '' && !GENERIC_WORDS.has(w)));
}

/** Whether two services are siblings by name (`cloudwatch` and `logs`: Amazon CloudWatch [Logs]). */
function related(a: string, b: string): boolean {
  const words = nameWords(a);
  return [...nameWords(b)].some((w) => words.has(w));
}

/**
 * Replacements for an unknown action of a known service, best first: close names in the same
 * service (`s3:GetObjects` -> `s3:GetObject`), then a sibling service that has an action of exactly
 * that name (`cloudwatch:PutLogEvents` -> `logs:PutLogEvents`).
 */
export function actionSuggestions(service: string, name: string): string[] {
  const own = suggestActions(service, name.trim(), LIMIT);
  const lower = service.toLowerCase();
  const siblings = servicesWithAction(name.trim(), 10).filter((s) => {
    const prefix = s.slice(0, s.indexOf(':'));
    return prefix !== lower && related(prefix, lower);
  });
  return [...own, ...siblings].slice(0, LIMIT);
}

/**
 * Replacements for text without a colon: a known prefix glued to an action (`s3GetObject`,
 * `s3.GetObject` -> `s3:GetObject`), else the few services with an action of exactly that name
 * (`GetObject` -> `s3:GetObject`).
 */
export function colonSuggestions(text: string): string[] {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  const split: string[] = [];
  for (const prefix of servicePrefixes()) {
    if (!lower.startsWith(prefix) || lower.length === prefix.length) continue;
    const rest = trimmed.slice(prefix.length).replace(/^[^A-Za-z0-9*?]+/, '');
    if (exists(prefix, rest)) split.push(`${prefix}:${rest}`);
  }
  // The longest prefix first: `s3objectlambda...` is more likely s3-object-lambda than s3.
  split.sort((a, b) => b.indexOf(':') - a.indexOf(':'));
  if (split.length > 0) return split.slice(0, LIMIT);
  return servicesWithAction(trimmed, LIMIT);
}

/** `"a", "b" or "c"` for a message. */
export function orList(items: readonly string[]): string {
  const quoted = items.map((i) => `"${i}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
