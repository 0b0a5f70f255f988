import { hasPlaceholder, isPlaceholder, lookupConditionKey, type ConditionKeyType, type KeyLookup } from '../iam';

/** Shared by the condition rules: how values and keys of a Condition block read. */


/**
 * The type of a key when we know it for sure: global and service keys, and the claims of identity
 * providers we know. Claims of other OIDC issuers are a guess ('String'), so they give undefined.
 */
export function knownKeyType(lookup: KeyLookup | undefined): ConditionKeyType | undefined {
  if (!lookup) return undefined;
  if (lookup.status === 'global' || lookup.status === 'service') return lookup.type;
  if (lookup.status === 'claim' && lookup.provider) return lookup.type;
  return undefined;
}

/** `lookupConditionKey`, but keys whose prefix is a placeholder (`${OidcProvider}:sub`) are not judged. */
export function lookupKey(key: string): KeyLookup | undefined {
  const colon = key.indexOf(':');
  if (colon > 0 && hasPlaceholder(key.slice(0, colon))) return undefined;
  if (isPlaceholder(key)) return undefined;
  return lookupConditionKey(key);
}

export const isBoolText = (text: string) => /^(true|false)$/i.test(text);

export const isNumberText = (text: string) => /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text.trim());

/** ISO 8601 date or date-time (`2026-01-31`, `2026-01-31T12:00:00Z`, with offset or fraction), or epoch seconds. */
export function isDateText(text: string): boolean {
  if (/^\d+$/.test(text)) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(text);
  if (!m) return false;
  const [month, day] = [Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 24 && minute <= 59 && second <= 60;
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIpv6(text: string): boolean {
  let address = text;
  let groups = 0;
  // An embedded IPv4 tail (`::ffff:192.0.2.1`) counts as two groups.
  const tail = /:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (tail) {
    if (!isIpv4(tail[1])) return false;
    address = `${address.slice(0, tail.index)}:0`;
    groups = 1;
  }
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const hex = (half: string) => (half === '' ? [] : half.split(':'));
  const all = halves.flatMap(hex);
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  groups += all.length;
  return halves.length === 2 ? groups <= 7 : groups === 8;
}

/** An IPv4 or IPv6 address, optionally with a CIDR prefix length (`203.0.113.0/24`, `2001:db8::/32`). */
export function isIpText(text: string): boolean {
  const [address, prefix, extra] = text.split('/');
  if (extra !== undefined) return false;
  if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return false;
  if (isIpv4(address)) return prefix === undefined || Number(prefix) <= 32;
  if (isIpv6(address)) return prefix === undefined || Number(prefix) <= 128;
  return false;
}
