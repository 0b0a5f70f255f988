/**
 * Documentation of the condition operators, for hover and completion. Plain markdown-safe
 * sentences; each base operator's text ends with what its values must look like.
 */

const STRING_VALUES = 'Values are strings; policy variables such as `${aws:username}` are allowed.';
const LIKE_VALUES = 'Values are strings with `*` (any run of characters, also none) and `?` (one character); write `${*}` or `${?}` for a literal `*` or `?`.';
const NUMERIC_VALUES = 'Values are integers or decimals; no wildcards or policy variables.';
const DATE_VALUES =
  'Values are ISO 8601 dates and times (`2026-12-31T23:59:59Z`) or epoch seconds (`1798761599`); the request time is in `aws:CurrentTime` and `aws:EpochTime`. No wildcards or policy variables.';
const ARN_VALUES =
  'Values are ARNs; each of the six colon-separated fields is compared on its own and may use `*` and `?`, so a wildcard never spans a colon. Policy variables are allowed.';
const IP_VALUES = 'Values are IPv4 or IPv6 addresses in CIDR notation (`203.0.113.0/24`, `2001:db8::/32`); a single address is written `/32` (IPv4) or `/128` (IPv6).';
const ABSENT_TRUE = 'Like every negated operator it is also true when the key is absent from the request.';

const DOCS = new Map<string, string>([
  ['StringEquals', `Case-sensitive exact match: true when the key's value equals one of the values. ${STRING_VALUES}`],
  ['StringNotEquals', `Case-sensitive negated match: true when the key's value equals none of the values. ${ABSENT_TRUE} ${STRING_VALUES}`],
  ['StringEqualsIgnoreCase', `Exact match that ignores case: true when the key's value equals one of the values. ${STRING_VALUES}`],
  ['StringNotEqualsIgnoreCase', `Negated match that ignores case: true when the key's value equals none of the values. ${ABSENT_TRUE} ${STRING_VALUES}`],
  ['StringLike', `Case-sensitive match with wildcards: true when the key's value matches one of the patterns. ${LIKE_VALUES}`],
  ['StringNotLike', `Case-sensitive negated match with wildcards: true when the key's value matches none of the patterns. ${ABSENT_TRUE} ${LIKE_VALUES}`],
  ['NumericEquals', `True when the key's number equals one of the values. ${NUMERIC_VALUES}`],
  ['NumericNotEquals', `True when the key's number equals none of the values. ${ABSENT_TRUE} ${NUMERIC_VALUES}`],
  ['NumericLessThan', `True when the key's number is less than the value. ${NUMERIC_VALUES}`],
  ['NumericLessThanEquals', `True when the key's number is less than or equal to the value. ${NUMERIC_VALUES}`],
  ['NumericGreaterThan', `True when the key's number is greater than the value. ${NUMERIC_VALUES}`],
  ['NumericGreaterThanEquals', `True when the key's number is greater than or equal to the value. ${NUMERIC_VALUES}`],
  ['DateEquals', `True when the key's date and time equals the value. ${DATE_VALUES}`],
  ['DateNotEquals', `True when the key's date and time differs from every value. ${ABSENT_TRUE} ${DATE_VALUES}`],
  ['DateLessThan', `True when the key's date and time is before the value, e.g. \`aws:CurrentTime\` for access that expires. ${DATE_VALUES}`],
  ['DateLessThanEquals', `True when the key's date and time is at or before the value. ${DATE_VALUES}`],
  ['DateGreaterThan', `True when the key's date and time is after the value, e.g. \`aws:CurrentTime\` for access that starts later. ${DATE_VALUES}`],
  ['DateGreaterThanEquals', `True when the key's date and time is at or after the value. ${DATE_VALUES}`],
  ['Bool', 'True when the key\'s boolean equals the value, e.g. `aws:SecureTransport` or `aws:MultiFactorAuthPresent`. Values are `"true"` or `"false"` (JSON booleans also work).'],
  ['BinaryEquals', 'True when the key\'s binary value equals the value, compared byte for byte. Values are the bytes encoded in base64.'],
  ['IpAddress', `True when the key's address (usually \`aws:SourceIp\`) lies in one of the ranges. \`aws:SourceIp\` is the public address: requests through a VPC endpoint carry \`aws:VpcSourceIp\` instead. ${IP_VALUES}`],
  ['NotIpAddress', `True when the key's address lies outside every range. ${ABSENT_TRUE} ${IP_VALUES}`],
  ['ArnEquals', `Case-sensitive ARN match, e.g. of \`aws:SourceArn\` or \`aws:PrincipalArn\`; it behaves exactly like ArnLike. ${ARN_VALUES}`],
  ['ArnLike', `Case-sensitive ARN match, e.g. of \`aws:SourceArn\` or \`aws:PrincipalArn\`; it behaves exactly like ArnEquals. ${ARN_VALUES}`],
  ['ArnNotEquals', `Case-sensitive negated ARN match: true when the key's ARN matches none of the values; same as ArnNotLike. ${ABSENT_TRUE} ${ARN_VALUES}`],
  ['ArnNotLike', `Case-sensitive negated ARN match: true when the key's ARN matches none of the values; same as ArnNotEquals. ${ABSENT_TRUE} ${ARN_VALUES}`],
  [
    'Null',
    'Tests whether the key is in the request at all: `"true"` is true when the key is absent, `"false"` is true when the key is present with a value. Takes no IfExists suffix.',
  ],
]);

/** What a base operator tests, one or two sentences, then what its values look like; undefined for unknown names. */
export function baseOperatorDoc(base: string): string | undefined {
  return DOCS.get(base);
}

/** What the IfExists suffix does, and its classic pitfall. */
export const IF_EXISTS_DOC =
  'IfExists: when the key is in the request, the operator tests it as usual; when the key is absent, the condition is true. ' +
  'Use it for keys that only some actions carry. The pitfall is an Allow: `"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}` also allows requests made with long-term access keys, which carry no MFA key at all. ' +
  'Require MFA in an Allow with plain `Bool`, or deny with `"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}`, which catches both cases.';

/** What the ForAllValues prefix does, and its pitfall. */
export const FOR_ALL_VALUES_DOC =
  'ForAllValues: for multi-valued keys (such as `aws:TagKeys`). True when every value in the request matches at least one value in the condition, ' +
  'and also true when the key is absent or has no values. In an Allow that makes it permissive: pair it with `"Null": {"KEY": "false"}` so the key must be present. ' +
  'Do not use it on single-valued keys.';

/** What the ForAnyValue prefix does. */
export const FOR_ANY_VALUE_DOC =
  'ForAnyValue: for multi-valued keys (such as `aws:TagKeys` or `aws:PrincipalOrgPaths`). True when at least one value in the request matches at least one value in the condition; ' +
  'false when the key is absent or has no values. With a negated operator (`ForAnyValue:StringNotEquals`) it is true when any one request value is outside the list, which suits a Deny. ' +
  'Do not use it on single-valued keys.';

/** The operators people reach for most, in the order completion should list them first. */
export const COMMON_OPERATORS: readonly string[] = [
  'StringEquals',
  'StringLike',
  'ArnLike',
  'ArnEquals',
  'Bool',
  'StringNotEquals',
  'StringNotLike',
  'ArnNotLike',
  'Null',
  'IpAddress',
  'NotIpAddress',
  'NumericLessThan',
  'NumericGreaterThan',
  'DateGreaterThan',
  'DateLessThan',
  'StringEqualsIgnoreCase',
  'ForAnyValue:StringEquals',
  'ForAnyValue:StringLike',
  'ForAllValues:StringEquals',
  'ForAllValues:StringLike',
  'StringEqualsIfExists',
  'StringLikeIfExists',
  'BoolIfExists',
  'ArnLikeIfExists',
  'NumericLessThanEquals',
  'NumericGreaterThanEquals',
];
