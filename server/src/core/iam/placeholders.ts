/**
 * `${...}`: a policy variable (`${aws:username}`, `${*}`) or a CloudFormation placeholder
 * (`${AWS::AccountId}`, `${BucketName}`). Either way its value is not known here, so rules treat
 * it as "could be anything" and never judge it.
 */
// `[^{}]`, not `[^}]`: on `${${${...` without a closing brace each match attempt stops at the next `{`, so
// scanning stays linear instead of re-reading the rest of the text from every `${`.
const PLACEHOLDER = /\$\{[^{}]*\}/g;

export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  return PLACEHOLDER.test(text);
}

/**
 * A field of an ARN in a pattern: no colon, but a CloudFormation reference may hold some
 * (`arn:${AWS::Partition}:iam::${AWS::AccountId}:...`). A `$` is only ever the start of a
 * reference: were it also a plain character, `${a}${a}...` could be split 2^n ways and a failing
 * match would take minutes.
 */
export const ARN_FIELD = String.raw`(?:\$\{[^{}]*\}|[^:$])+`;

/** The first placeholder in a text (`${BucketName}`), if any. */
export function firstPlaceholder(text: string): string | undefined {
  return /\$\{[^{}]*\}/.exec(text)?.[0];
}

/** Whether the whole text is one placeholder (`${BucketArn}`). */
export function isPlaceholder(text: string): boolean {
  return /^\$\{[^{}]*\}$/.test(text);
}

/** The text with every placeholder replaced by `by` (one specific value we cannot see). */
export function replacePlaceholders(text: string, by: string): string {
  return text.replace(PLACEHOLDER, by);
}

/** The text with every placeholder removed, so that `${*}` or `${aws:PrincipalTag/x}` hide their `*`. */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, '');
}

/**
 * What quick fixes write where only the user knows the value (`repo:OWNER/REPO:...`,
 * `o-xxxxxxxxxx`). Upper-case words (or the all-x organization id) that no real subject, ARN or
 * id of these keys has, so that `unfilled-placeholder` can report them until they are replaced.
 */
export const FILL_IN_WORDS = [
  'OWNER',
  'REPO',
  'GROUP',
  'PROJECT',
  'NAMESPACE',
  'SERVICE_ACCOUNT',
  'ORGANIZATION',
  'WORKSPACE',
  'ROLE_NAME',
  'ACCOUNT_ID',
  'REGION',
  'IDENTITY_POOL_ID',
  'AUDIENCE',
  'SUBJECT',
  'CLIENT_ID',
  'APP_ID',
] as const;

export const FILL_IN_ORGANIZATION_ID = 'o-xxxxxxxxxx';

const FILL_IN = new RegExp(`(?<![A-Za-z0-9_-])(${FILL_IN_WORDS.join('|')})(?![A-Za-z0-9_-])|\\bo-x{10}\\b`, 'g');

/** The fill-in placeholders in a value, in order. */
export function fillIns(text: string): string[] {
  return [...text.matchAll(FILL_IN)].map((m) => m[0]);
}
