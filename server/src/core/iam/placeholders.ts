/**
 * `${...}`: a policy variable (`${aws:username}`, `${*}`) or a CloudFormation placeholder
 * (`${AWS::AccountId}`, `${BucketName}`). Either way its value is not known here, so rules treat
 * it as "could be anything" and never judge it.
 */
const PLACEHOLDER = /\$\{[^}]*\}/g;

export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  return PLACEHOLDER.test(text);
}

/** Whether the whole text is one placeholder (`${BucketArn}`). */
export function isPlaceholder(text: string): boolean {
  return /^\$\{[^}]*\}$/.test(text);
}

/** The text with every placeholder removed, so that `${*}` or `${aws:PrincipalTag/x}` hide their `*`. */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, '');
}
