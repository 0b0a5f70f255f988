import { getService, type ActionInfo, type ResourceTypeInfo } from './data';
import { hasPlaceholder, isPlaceholder } from './placeholders';
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

/**
 * The colon-separated fields of an ARN. Colons inside `${...}` do not separate: `${aws:username}`
 * and `${AWS::AccountId}` are one field each.
 */
function arnFields(text: string): string[] {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i);
      if (end > i) i = end;
    } else if (text[i] === ':') {
      fields.push(text.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(text.slice(start));
  return fields;
}

/** Splits `arn:partition:service:region:account:resource`; undefined when there are fewer than six fields. */
export function splitArn(text: string): ArnParts | undefined {
  const parts = arnFields(text);
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** The five fields after `arn:`, in order, for field-by-field matching. */
function fieldList(parts: ArnParts): string[] {
  return [parts.partition, parts.service, parts.region, parts.account, parts.resource];
}

const flexible = (field: string) => hasWildcard(field) || hasPlaceholder(field);

const FIELD_NAMES = ['arn', 'partition', 'service', 'region', 'account', 'resource'];

/**
 * What is wrong with a Resource ARN, or undefined when it is well-formed. `${...}` placeholders are
 * accepted in any field, wildcards in all but the service (IAM rejects `arn:aws:*:...` with "Resource
 * vendor must be fully qualified and cannot contain regexes"). A `*` at the end of a segment may
 * expand past colons (IAM user guide), so a wildcard in the last field given may stand for the rest.
 */
export function arnProblem(text: string): string | undefined {
  if (text === '*' || isPlaceholder(text)) return undefined;
  if (!text.startsWith('arn:')) {
    if (text.startsWith('*') || text.startsWith('?') || text.startsWith('${')) return undefined;
    return /^arn:/i.test(text) ? `ARNs start with lower-case "arn:", not "${text.slice(0, 4)}".` : 'A resource must be an ARN (arn:partition:service:region:account:resource) or "*".';
  }
  const fields = arnFields(text);
  const [, partition, service, region, account] = fields;
  if (fields.length < 3) return 'This ARN has no service field: write arn:partition:service:region:account:resource, e.g. "arn:aws:s3:::bucket".';
  // IAM takes "*" for the partition, but not a partial wildcard such as "aws*".
  if (partition !== '*' && !hasPlaceholder(partition) && !PARTITIONS.includes(partition)) {
    return `"${partition}" is not an AWS partition; use one of ${PARTITIONS.join(', ')} (or "*").`;
  }
  if (service === '') return 'The service field of this ARN is empty (arn:partition:SERVICE:region:account:resource).';
  if (!hasPlaceholder(service)) {
    if (hasWildcard(service)) return `The service field "${service}" cannot contain wildcards: name one service (e.g. s3) and use wildcards in the other fields.`;
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(service)) return `"${service}" is not a service name: ARN service names are lower-case letters, digits and hyphens.`;
  }
  if (fields.length < 6) {
    // IAM reads a short ARN ending in a wildcard as covering the rest, but fails "legacy parsing" on a
    // short one with an empty field: "arn:aws:s3::bucket/*" lost a colon.
    const emptyField = fields.slice(1).some((f) => f === '');
    if (!emptyField && flexible(fields[fields.length - 1])) return undefined;
    const missing = FIELD_NAMES.slice(fields.length);
    return `This ARN has ${fields.length} of the 6 colon-separated fields arn:partition:service:region:account:resource; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Leave region or account empty ("arn:aws:s3:::bucket") rather than dropping the colon.`;
  }
  if (!flexible(region) && !/^[a-z0-9-]*$/.test(region)) return `"${region}" is not a Region: Regions look like us-east-1 (lower case), or leave the field empty.`;
  if (service === 'iam' && region !== '' && !flexible(region)) return `IAM resources are global: leave the Region empty ("arn:${partition}:iam::${account}:..."), not "${region}".`;
  if (!flexible(account) && !/^(\d{12}|aws|)$/.test(account)) {
    return /^\d+$/.test(account)
      ? `The account id "${account}" has ${account.length} digits; AWS account ids have exactly 12 (keep leading zeros).`
      : `"${account}" is not an AWS account id: use 12 digits, "*", or leave it empty for global resources such as S3 buckets.`;
  }
  // IAM accepts an empty resource after a wildcard field (AWS's own "arn:aws:organizations::*:"); a
  // literal ARN with an empty resource names nothing (typically an empty template variable).
  if (fields.slice(5).join(':') === '' && !hasWildcard(text)) return 'The resource part of this ARN is empty; name the resource or use "*".';
  return undefined;
}

/** Template variables that never contain `/`: this is what tells a bucket from an object in S3. */
const SLASH_FREE_VARIABLES = new Set(['BucketName', 'TableName', 'InstanceId']);

/** One ARN of a template, with its fields as token lists. */
interface TemplateFields {
  text: string;
  /** Undefined when the template is not a full ARN. */
  fields: PatternToken[][] | undefined;
}

const templateCache = new Map<string, TemplateFields[]>();

/**
 * The alternatives of a template, each split into fields. Services that share a prefix with an older
 * version (API Gateway v1/v2, Lex, Greengrass) list two templates in one: "arn:...v2, arn:...v1".
 */
function templateAlternatives(template: string): TemplateFields[] {
  let alternatives = templateCache.get(template);
  if (!alternatives) {
    const slashFree = (name: string) => SLASH_FREE_VARIABLES.has(name);
    alternatives = template.split(/,\s*(?=arn:)/).map((one) => {
      const text = one.trim();
      const parts = splitArn(text);
      const fields = parts && fieldList(parts).map((f) => templateTokens(f, slashFree));
      // An `${Account}` may be empty: AWS-owned resources have no account (`arn:aws:ssm:us-east-1::document/AWS-RunShellScript`).
      if (fields && parts && isPlaceholder(parts.account)) fields[3] = [{ match: 'any', count: 'many' }];
      return { text, fields };
    });
    templateCache.set(template, alternatives);
  }
  return alternatives;
}

let lastArn: { arn: string; fields: PatternToken[][] | undefined } | undefined;

/** The fields of a policy ARN as token lists; the last one is kept, as callers try one ARN against many templates. */
function policyArnFields(arn: string): PatternToken[][] | undefined {
  if (lastArn?.arn !== arn) {
    const parts = splitArn(arn);
    lastArn = { arn, fields: parts && fieldList(parts).map((f) => policyPatternTokens(f)) };
  }
  return lastArn.fields;
}

/**
 * Whether a policy ARN (with wildcards and variables) can name a resource of this ARN template.
 * Fields are compared one by one, so a variable never swallows a colon of the fixed fields.
 */
export function arnMatchesTemplate(arn: string, template: string): boolean {
  const arnFields = policyArnFields(arn);
  return templateAlternatives(template).some(({ text, fields }) => {
    if (!fields) return true; // a template we cannot read judges nothing
    if (!arnFields) return patternsOverlap(policyPatternTokens(arn), templateTokens(text));
    return arnFields.every((field, i) => patternsOverlap(field, fields[i]));
  });
}

/** The resource types of an action, resolved in its service. */
export function actionResourceTypes(action: ActionInfo): ResourceTypeInfo[] {
  const service = getService(action.service);
  if (!service) return [];
  return action.resourceTypes.flatMap((rt) => service.resourceTypes.get(rt.name.toLowerCase()) ?? []);
}
