import { getService, type ActionInfo, type ResourceTypeInfo } from './data';
import { hasWildcard, patternsOverlap, policyPatternTokens, templateTokens, type PatternToken } from './wildcard';

/** AWS partitions (IAM-NOTES.md). */
export const PARTITIONS: readonly string[] = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/** The six fields of an ARN; `resource` keeps any further colons. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits `arn:partition:service:region:account:resource`; undefined when there are fewer than six fields. */
export function splitArn(text: string): ArnParts | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** `${...}`: a policy variable or a CloudFormation placeholder, whose value we cannot know. */
export function hasPlaceholder(text: string): boolean {
  return /\$\{[^}]*\}/.test(text);
}

const flexible = (field: string) => hasWildcard(field) || hasPlaceholder(field);

/**
 * What is wrong with a Resource ARN, or undefined when it is well-formed. Wildcards and `${...}`
 * placeholders are accepted in any field; a wildcard in the last field given may stand for the rest.
 */
export function arnProblem(text: string): string | undefined {
  if (text === '*' || /^\$\{[^}]*\}$/.test(text)) return undefined;
  if (!text.startsWith('arn:')) {
    if (text.startsWith('*') || text.startsWith('?') || text.startsWith('${')) return undefined;
    return /^arn:/i.test(text) ? `ARNs start with lower-case "arn:", not "${text.slice(0, 4)}".` : 'A resource must be an ARN (arn:partition:service:region:account:resource) or "*".';
  }
  const fields = text.split(':');
  if (fields.length < 6) {
    if (flexible(fields[fields.length - 1])) return undefined;
    const names = ['arn', 'partition', 'service', 'region', 'account', 'resource'];
    return `This ARN has ${fields.length} of the 6 colon-separated fields arn:partition:service:region:account:resource; ${names.slice(fields.length).join(', ')} ${fields.length === 5 ? 'is' : 'are'} missing. Leave region or account empty ("arn:aws:s3:::bucket") rather than dropping the colon.`;
  }
  const { partition, service, region, account, resource } = splitArn(text) as ArnParts;
  if (!flexible(partition) && !PARTITIONS.includes(partition)) {
    return `"${partition}" is not an AWS partition; use one of ${PARTITIONS.join(', ')} (or "*").`;
  }
  if (service === '') return 'The service field of this ARN is empty (arn:partition:SERVICE:region:account:resource).';
  if (!flexible(service) && !/^[a-z0-9][a-z0-9.-]*$/.test(service)) return `"${service}" is not a service name: ARN service names are lower-case letters, digits and hyphens.`;
  if (!flexible(region) && !/^[a-z0-9-]*$/.test(region)) return `"${region}" is not a Region: Regions look like us-east-1 (lower case), or leave the field empty.`;
  if (!flexible(account) && !/^(\d{12}|aws|)$/.test(account)) {
    return /^\d+$/.test(account)
      ? `The account id "${account}" has ${account.length} digits; AWS account ids have exactly 12 (keep leading zeros).`
      : `"${account}" is not an AWS account id: use 12 digits, "*", or leave it empty for global resources such as S3 buckets.`;
  }
  if (resource === '') return 'The resource part of this ARN is empty; name the resource or use "*".';
  return undefined;
}

/** Template variables that never contain `/`: this is what tells a bucket from an object in S3. */
const SLASH_FREE_VARIABLES = new Set(['BucketName', 'TableName', 'InstanceId']);

const templateCache = new Map<string, PatternToken[][]>();

function templateFields(template: string): PatternToken[][] | undefined {
  let fields = templateCache.get(template);
  if (!fields) {
    const parts = splitArn(template);
    if (!parts) return undefined;
    const slashFree = (name: string) => SLASH_FREE_VARIABLES.has(name);
    fields = [parts.partition, parts.service, parts.region, parts.account, parts.resource].map((f) => templateTokens(f, slashFree));
    templateCache.set(template, fields);
  }
  return fields;
}

/**
 * Whether a policy ARN (with wildcards and variables) can name a resource of this ARN template.
 * Fields are compared one by one, so a variable never swallows a colon of the fixed fields.
 */
export function arnMatchesTemplate(arn: string, template: string): boolean {
  const fields = templateFields(template);
  const parts = splitArn(arn);
  if (!fields) return true; // a template we cannot read judges nothing
  if (!parts) return patternsOverlap(policyPatternTokens(arn), templateTokens(template));
  const arnFields = [parts.partition, parts.service, parts.region, parts.account, parts.resource];
  return arnFields.every((field, i) => patternsOverlap(policyPatternTokens(field), fields[i]));
}

/** The resource types of an action, resolved in its service. */
export function actionResourceTypes(action: ActionInfo): ResourceTypeInfo[] {
  const service = getService(action.service);
  if (!service) return [];
  return action.resourceTypes.flatMap((rt) => service.resourceTypes.get(rt.name.toLowerCase()) ?? []);
}
