import { getService, hasService, servicePrefixes, type ActionInfo } from './data';
import { closest } from './suggest';
import { hasWildcard, wildcardRegExp } from './wildcard';

/** An action string split at its first colon: `s3:Get*` -> service `s3`, name `Get*`. */
export interface ActionPattern {
  text: string;
  service: string;
  name: string;
}

/** Splits `service:Name`; undefined for `*` and for text without a colon. */
export function parseActionPattern(text: string): ActionPattern | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return { text, service: text.slice(0, colon), name: text.slice(colon + 1) };
}

/** The action named exactly (case-insensitive), e.g. `findAction('S3', 'getobject')`. */
export function findAction(service: string, name: string): ActionInfo | undefined {
  return getService(service)?.actions.get(name.toLowerCase());
}

/**
 * Every known action an action string matches (`*`, `s3:Get*`, `*:Describe*`, `s3:GetObject`),
 * case-insensitive like IAM. Unknown services and names match nothing.
 */
export function matchActions(text: string): ActionInfo[] {
  if (text === '*') return servicePrefixes().flatMap((p) => [...(getService(p)?.actions.values() ?? [])]);
  const pattern = parseActionPattern(text);
  if (!pattern) return [];
  const services = hasWildcard(pattern.service)
    ? servicePrefixes().filter((p) => wildcardRegExp(pattern.service).test(p))
    : hasService(pattern.service)
      ? [pattern.service.toLowerCase()]
      : [];
  const matches: ActionInfo[] = [];
  for (const prefix of services) {
    const service = getService(prefix);
    if (!service) continue;
    if (!hasWildcard(pattern.name)) {
      const action = service.actions.get(pattern.name.toLowerCase());
      if (action) matches.push(action);
      continue;
    }
    const regExp = wildcardRegExp(pattern.name);
    for (const action of service.actions.values()) if (regExp.test(action.name)) matches.push(action);
  }
  return matches;
}

/** `s3:GetObject` for an action. */
export function actionId(action: ActionInfo): string {
  return `${action.service}:${action.name}`;
}

/** The nearest known action names of a service for a misspelled one, best first. */
export function suggestActions(service: string, name: string, limit = 3): string[] {
  const info = getService(service);
  if (!info) return [];
  const names = [...info.actions.values()].map((a) => a.name);
  return closest(name, names, limit).map((n) => `${info.prefix}:${n}`);
}

/** The nearest known service prefixes for a misspelled one, best first. */
export function suggestServices(prefix: string, limit = 3): string[] {
  return closest(prefix, servicePrefixes(), limit);
}
