import { ACCESS_LEVELS, DATA_INFO, SERVICE_NAMES, SERVICES, UNASSOCIATED_KEY_PREFIXES } from './generated/iamData';

/** Where the bundled IAM reference data comes from, for the README, hover and `--version`. */
export const IAM_DATA_INFO: Readonly<typeof DATA_INFO> = DATA_INFO;

/** Condition key type as the IAM service authorization reference names it. */
export type ConditionKeyType =
  | 'String'
  | 'ARN'
  | 'Numeric'
  | 'Date'
  | 'Bool'
  | 'IPAddress'
  | 'Binary'
  | 'ArrayOfString'
  | 'ArrayOfARN'
  | 'ArrayOfNumeric'
  | 'ArrayOfDate'
  | 'ArrayOfBool';

export interface ActionInfo {
  service: string;
  name: string;
  description: string;
  accessLevel: string;
  /** Resource type names (keys of the service's resource types); empty when only `*` applies. */
  resourceTypes: { name: string; required: boolean }[];
  conditionKeys: string[];
  dependentActions: string[];
}

export interface ResourceTypeInfo {
  service: string;
  name: string;
  /** ARN template such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  arn: string;
  conditionKeys: string[];
}

export interface ServiceKeyInfo {
  key: string;
  type: ConditionKeyType;
  description: string;
}

/** One service as the generator writes it (short names keep the bundle small). */
interface CompactService {
  /** Service name, e.g. "Amazon S3". */
  n: string;
  /** lower-case action name -> [Name, description, access level index, resource types ("name!" if required), keys, dependent actions] */
  a: Record<string, [string, string, number, string[], string[], string[]]>;
  /** lower-case resource type -> [name, ARN template, condition keys] */
  r: Record<string, [string, string, string[]]>;
  /** lower-case condition key -> [Key, type, description] */
  k: Record<string, [string, ConditionKeyType, string]>;
}

/** A service with its lookups, built on first use. */
export interface ServiceInfo {
  prefix: string;
  name: string;
  /** Actions by lower-case name. */
  actions: ReadonlyMap<string, ActionInfo>;
  /** Resource types by lower-case name. */
  resourceTypes: ReadonlyMap<string, ResourceTypeInfo>;
  /** Service condition keys by lower-case key. */
  conditionKeys: ReadonlyMap<string, ServiceKeyInfo>;
}

const loaded = new Map<string, ServiceInfo>();
const prefixes: readonly string[] = Object.keys(SERVICES);
const prefixSet: ReadonlySet<string> = new Set(prefixes);

/** Every known service prefix, sorted. */
export function servicePrefixes(): readonly string[] {
  return prefixes;
}

/** Whether a service prefix is known; prefixes are case-insensitive like actions. */
export function hasService(prefix: string): boolean {
  return prefixSet.has(prefix.toLowerCase());
}

/** A service by prefix (case-insensitive), parsed on first use and kept. */
export function getService(prefix: string): ServiceInfo | undefined {
  const lower = prefix.toLowerCase();
  const cached = loaded.get(lower);
  if (cached) return cached;
  if (!prefixSet.has(lower)) return undefined;
  const service = expand(lower, JSON.parse(SERVICES[lower]) as CompactService);
  loaded.set(lower, service);
  return service;
}

/**
 * Prefixes several services share, where the data names the last service listed (`cloudformation`
 * is "AWS Cloud Control API" there): the name users know, and whether one reference page (named
 * after it) covers the prefix, or several do.
 */
const SHARED_PREFIXES: Readonly<Record<string, { name: string; onePage: boolean }>> = {
  cloudformation: { name: 'AWS CloudFormation', onePage: true },
  ses: { name: 'Amazon SES', onePage: false },
  apigateway: { name: 'Amazon API Gateway', onePage: false },
  elasticloadbalancing: { name: 'Elastic Load Balancing', onePage: false },
  'sms-voice': { name: 'Amazon Pinpoint SMS and Voice', onePage: false },
  lex: { name: 'Amazon Lex', onePage: false },
  kinesisanalytics: { name: 'Amazon Managed Service for Apache Flink', onePage: false },
  'aws-marketplace': { name: 'AWS Marketplace', onePage: false },
};

/** The name of a service by prefix (case-insensitive), without parsing the service's data. */
export function serviceName(prefix: string): string | undefined {
  const lower = prefix.toLowerCase();
  if (Object.hasOwn(SHARED_PREFIXES, lower)) return SHARED_PREFIXES[lower].name;
  return prefixSet.has(lower) ? SERVICE_NAMES[lower] : undefined;
}

/** Whether one reference page, named after the service, covers the prefix. */
export function hasOwnReferencePage(prefix: string): boolean {
  const lower = prefix.toLowerCase();
  return prefixSet.has(lower) && (!Object.hasOwn(SHARED_PREFIXES, lower) || SHARED_PREFIXES[lower].onePage);
}

function expand(prefix: string, compact: CompactService): ServiceInfo {
  const actions = new Map<string, ActionInfo>();
  for (const [lower, [name, description, level, resourceTypes, conditionKeys, dependentActions]] of Object.entries(compact.a)) {
    actions.set(lower, {
      service: prefix,
      name,
      description,
      accessLevel: ACCESS_LEVELS[level] ?? 'Unknown',
      resourceTypes: resourceTypes.map((rt) => (rt.endsWith('!') ? { name: rt.slice(0, -1), required: true } : { name: rt, required: false })),
      conditionKeys,
      dependentActions,
    });
  }
  const resourceTypes = new Map<string, ResourceTypeInfo>();
  for (const [lower, [name, arn, conditionKeys]] of Object.entries(compact.r)) {
    resourceTypes.set(lower, { service: prefix, name, arn, conditionKeys: conditionKeys ?? [] });
  }
  const conditionKeys = new Map<string, ServiceKeyInfo>();
  for (const [lower, [key, type, description]] of Object.entries(compact.k)) {
    conditionKeys.set(lower, { key, type, description });
  }
  return { prefix, name: serviceName(prefix) ?? compact.n, actions, resourceTypes, conditionKeys };
}

/** The services owning condition keys whose prefix is not a service (`saml:`, `accounts.google.com:`). */
export function servicesForKeyPrefix(prefix: string): readonly string[] {
  const lower = prefix.toLowerCase();
  return Object.hasOwn(UNASSOCIATED_KEY_PREFIXES, lower) ? UNASSOCIATED_KEY_PREFIXES[lower] : [];
}

/** Condition key prefixes that are not services but are known to the data (with `${...}` placeholders). */
export function unassociatedKeyPrefixes(): readonly string[] {
  return Object.keys(UNASSOCIATED_KEY_PREFIXES);
}
