import { arnMatchesTemplate, getService, hasWildcard, providerForFederated, serviceName, splitArn } from '../iam';
import { findRegion } from '../iam/regions';
import { findServicePrincipal } from '../iam/servicePrincipals';
import { code, escapeMarkdown } from '../markdown';

/** Account ids the user named (the `iamPolicy.accounts` setting). */
export type AccountNames = ReadonlyMap<string, string>;

/** `111122223333 (Production)`, with the name when the user gave one. */
export function accountText(account: string, names: AccountNames): string {
  const name = names.get(account);
  return `${code(account)}${name ? ` (${escapeMarkdown(name)})` : ''}`;
}

const IAM_RESOURCE = /^(user|role|group|policy|instance-profile|oidc-provider|saml-provider|server-certificate|mfa)\/(.*)$/;

/** What an IAM or STS principal ARN names: a role, a user, a session, a provider. */
function iamResource(service: string, resource: string): string | undefined {
  if (service === 'iam' && resource.startsWith('policy/') && resource !== 'policy/') {
    return `policy ${code(resource.slice(resource.lastIndexOf('/') + 1))}`;
  }
  if (service === 'iam' && resource === 'root') return 'the account: any user or role of it that its own IAM policies allow';
  if (service === 'sts') {
    const session = /^assumed-role\/([^/]+)\/(.+)$/.exec(resource);
    if (session) return `session ${code(session[2])} of role ${code(session[1])}`;
    const federated = /^federated-user\/(.+)$/.exec(resource);
    return federated ? `federated user ${code(federated[1])}` : undefined;
  }
  const match = IAM_RESOURCE.exec(resource);
  if (!match) return undefined;
  const [, type, rest] = match;
  const slash = rest.lastIndexOf('/');
  const name = rest.slice(slash + 1);
  const path = slash > 0 ? ` (path ${code(`/${rest.slice(0, slash + 1)}`)})` : '';
  return `${type.replace('-', ' ')} ${code(type.endsWith('provider') ? rest : name)}${type.endsWith('provider') ? '' : path}`;
}

/** The resource types of the ARN's service whose template this ARN can name. */
function resourceTypes(service: string, arn: string): string[] {
  const info = getService(service);
  if (!info) return [];
  return [...info.resourceTypes.values()].filter((rt) => arnMatchesTemplate(arn, rt.arn)).map((rt) => rt.name);
}

/** An ARN taken apart: partition, service, Region, account (with its name) and what the resource is. */
export function describeArn(arn: string, names: AccountNames): string | undefined {
  const parts = splitArn(arn);
  if (!parts) return undefined;
  const service = serviceName(parts.service);
  const region = parts.region ? findRegion(parts.region) : undefined;
  const lines = [`**ARN** ${code(arn)}`, ''];
  lines.push(`- partition: ${code(parts.partition)}`);
  lines.push(`- service: ${code(parts.service)}${service ? ` (${escapeMarkdown(service)})` : ''}`);
  lines.push(`- Region: ${parts.region ? `${code(parts.region)}${region ? ` (${escapeMarkdown(region.name)})` : ''}` : 'none in the ARN'}`);
  lines.push(`- account: ${parts.account === 'aws' ? '`aws` (managed by AWS)' : parts.account ? accountText(parts.account, names) : 'none in the ARN'}`);
  const iam = parts.service === 'iam' || parts.service === 'sts' ? iamResource(parts.service, parts.resource) : undefined;
  if (iam) lines.push(`- names: ${iam}`);
  else {
    lines.push(`- resource: ${code(parts.resource)}`);
    const types = resourceTypes(parts.service, arn);
    if (types.length > 0 && types.length <= 6) lines.push(`- resource type: ${types.map(code).join(' or ')}`);
  }
  if (hasWildcard(arn)) lines.push('', 'Wildcards: `*` matches any run of characters, `?` any one character.');
  return lines.join('\n');
}

/** A value under a Principal key: an account, an ARN, a service or an identity provider. */
export function describePrincipal(key: string, value: string, names: AccountNames): string | undefined {
  if (value === '*') return '**Everyone**: any principal, including anonymous callers from any account, unless conditions narrow it.';
  if (key === 'AWS' && /^\d{12}$/.test(value)) return `**AWS account** ${accountText(value, names)}: any of its users and roles that its own IAM policies allow (the same as ${code(`arn:aws:iam::${value}:root`)}).`;
  if (key === 'Service') {
    const known = findServicePrincipal(value);
    return `**Service principal** ${code(value)}${known ? `\n\n${escapeMarkdown(known.description)}` : ''}`;
  }
  if (key === 'Federated') {
    const federated = providerForFederated(value);
    const heading = `**Identity provider**${federated?.provider ? `: ${escapeMarkdown(federated.provider.name)}` : ''}`;
    const arn = describeArn(value, names);
    return arn ? `${heading}\n\n${arn}` : `${heading} ${code(value)}`;
  }
  if (key === 'CanonicalUser') return `**S3 canonical user id** ${code(value)}`;
  return describeArn(value, names);
}
