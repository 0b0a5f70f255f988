import { PARTITIONS } from './arn';
import { WEB_IDENTITY_HOSTS } from './identityProviders';
import { hasPlaceholder } from './placeholders';
import { hasWildcard } from './wildcard';

/** The keys of a Principal object. */
export const PRINCIPAL_KEYS: readonly string[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

const PARTITION = `(?:${PARTITIONS.join('|')})`;
const ACCOUNT = String.raw`(?:\d{12}|\$\{[^}]+\})`;
/** IAM names: letters, digits and `+=,.@_-`; paths are `/` or `/segments/`. */
const NAME = String.raw`[\w+=,.@-]+`;
const PATH = String.raw`(?:/[\x21-\x7e]*?)?/`;

const AWS_ARN = new RegExp(
  String.raw`^arn:${PARTITION}:(?:iam::${ACCOUNT}:(?:root|user${PATH}${NAME}|role${PATH}${NAME}|federated-user/${NAME})|sts::${ACCOUNT}:(?:assumed-role/${NAME}/[\w+=,.@-]{1,64}|federated-user/${NAME}))$`,
);
/** CloudFront origin access identities live in the special account `cloudfront`. */
const CLOUDFRONT_OAI = new RegExp(String.raw`^arn:${PARTITION}:iam::cloudfront:user/CloudFront Origin Access Identity [A-Z0-9]+$`);
/** Unique ids (AIDA... users, AROA... roles) that AWS shows when a principal was deleted; valid to keep. */
const UNIQUE_ID = /^(AIDA|AROA|AIPA|ANPA|ANVA|ASIA|AGPA)[A-Z0-9]{12,}$/;
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com(\.cn)?|amazonaws\.eu|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/;
const FEDERATED_ARN = new RegExp(String.raw`^arn:${PARTITION}:iam::${ACCOUNT}:(saml-provider/[\w.-]+|oidc-provider/[^\s*?]+)$`);

/** Whether a value is well-formed under a Principal key (no placeholder handling). */
function isValid(key: string, value: string): boolean {
  switch (key) {
    case 'AWS':
      return value === '*' || /^\d{12}$/.test(value) || AWS_ARN.test(value) || CLOUDFRONT_OAI.test(value) || UNIQUE_ID.test(value);
    case 'Service':
      return SERVICE.test(value);
    case 'Federated':
      return FEDERATED_ARN.test(value) || WEB_IDENTITY_HOSTS.has(value);
    case 'CanonicalUser':
      return /^[0-9a-f]{64}$/.test(value);
    default:
      return true;
  }
}

const WHAT: Record<string, string> = {
  AWS: 'an AWS account, user or role principal',
  Service: 'a service principal',
  Federated: 'an identity provider',
  CanonicalUser: 'a canonical user id',
};

/**
 * What is wrong with one principal value under a Principal key, or undefined when it is valid.
 * CloudFormation placeholders (`${AWS::AccountId}`) are accepted: their value is not known here.
 * Unknown keys yield undefined (the schema reports the key itself).
 */
export function principalProblem(key: string, value: string): string | undefined {
  if (value !== '*' && hasPlaceholder(value)) return undefined;
  if (isValid(key, value)) return undefined;
  const trimmed = value.trim();
  if (trimmed !== value && trimmed !== '' && isValid(key, trimmed)) return `"${value}" has leading or trailing spaces, which IAM does not ignore; remove them.`;
  // A valid value under the wrong key: the most common principal mistake after typos.
  // cognito-identity.amazonaws.com also looks like a service principal; it is a web identity provider.
  const home = hasWildcard(value) ? undefined : WEB_IDENTITY_HOSTS.has(value) ? 'Federated' : PRINCIPAL_KEYS.find((k) => k !== key && isValid(k, value));
  if (home) return `"${value}" is ${WHAT[home]}: put it under "${home}", not "${key}".`;
  switch (key) {
    case 'AWS':
      return awsPrincipalProblem(value);
    case 'Service':
      if (hasWildcard(value)) return `Wildcards are not allowed in a service principal ("${value}"); name the service, e.g. lambda.amazonaws.com.`;
      if (SERVICE.test(value.toLowerCase())) return `Service principals are lower case: write "${value.toLowerCase()}".`;
      return `"${value}" is not a service principal; service principals look like lambda.amazonaws.com.`;
    case 'Federated':
      if (hasWildcard(value)) return `Wildcards are not allowed in a federated principal ("${value}").`;
      // An OIDC issuer host written where the provider's ARN belongs (token.actions.githubusercontent.com).
      if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(value)) {
        return `A federated principal names the IAM identity provider by its ARN: "arn:aws:iam::123456789012:oidc-provider/${value}" (with your account id).`;
      }
      return `"${value}" is not a federated principal; use a SAML provider ARN (arn:aws:iam::123456789012:saml-provider/NAME), an OIDC provider ARN (arn:aws:iam::123456789012:oidc-provider/HOST) or cognito-identity.amazonaws.com.`;
    case 'CanonicalUser':
      return `"${value}" is not a canonical user id (64 hexadecimal characters).`;
    default:
      return undefined;
  }
}

function awsPrincipalProblem(value: string): string | undefined {
  if (/^\d+$/.test(value)) return `"${value}" has ${value.length} digits; AWS account ids have exactly 12 (keep leading zeros).`;
  if (!value.startsWith('arn:')) return `"${value}" is not an AWS principal; use a 12-digit account id, an account, user or role ARN, or "*".`;
  if (hasWildcard(value)) {
    return `Wildcards are not allowed inside a principal ARN ("${value}"). Name the role or user, or use the account with an aws:PrincipalArn condition (ArnLike accepts wildcards).`;
  }
  const fields = value.split(':');
  if (fields.length !== 6) return `"${value}" is not a principal ARN; principal ARNs look like arn:aws:iam::123456789012:role/NAME.`;
  const [, partition, service, region, account, resource] = fields;
  if (!PARTITIONS.includes(partition)) return `"${partition}" is not an AWS partition; use one of ${PARTITIONS.join(', ')}.`;
  if (service !== 'iam' && service !== 'sts') return `Principal ARNs are IAM or STS ARNs (arn:aws:iam::... or arn:aws:sts::...), not "${service}" ARNs.`;
  if (region !== '') return 'Principal ARNs have an empty Region field (arn:aws:iam::ACCOUNT:...).';
  if (/^\d+$/.test(account) && account.length !== 12) return `The account id "${account}" has ${account.length} digits; AWS account ids have exactly 12 (keep leading zeros).`;
  if (!/^\d{12}$/.test(account)) return `"${account}" is not an AWS account id; it must be exactly 12 digits.`;
  if (service === 'sts' && !resource.startsWith('assumed-role/') && !resource.startsWith('federated-user/')) {
    return `STS principals are assumed-role sessions (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION); for a role use arn:aws:iam::${account}:role/NAME.`;
  }
  if (resource.startsWith('group/')) return 'IAM groups cannot be principals; name the users or roles, or the account (with an aws:PrincipalArn condition).';
  if (resource.startsWith('assumed-role/')) return 'An assumed-role principal needs the role name and the session name: arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION.';
  return `"${resource}" is not a principal: use root, user/NAME, role/NAME (with an optional path), or an assumed-role session.`;
}
