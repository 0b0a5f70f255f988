import { hasOwnReferencePage, serviceName } from './data';

const REFERENCE = 'https://docs.aws.amazon.com/service-authorization/latest/reference';

/**
 * The Service Authorization Reference page of a service. AWS names the pages after the service's
 * name, lower-cased without spaces or punctuation ("Amazon S3" -> list_amazons3.html); the bundled
 * data has no URL, so the index page stands in for a service we do not know.
 */
export function serviceReferenceUrl(prefix: string): string {
  const name = serviceName(prefix);
  // Several pages share some prefixes (API Gateway's two APIs, ELB's two versions): the index lists them all.
  if (!name || !hasOwnReferencePage(prefix)) return `${REFERENCE}/reference_policies_actions-resources-contextkeys.html`;
  return `${REFERENCE}/list_${name.toLowerCase().replace(/[^a-z0-9]/g, '')}.html`;
}

/** The IAM user guide page of the global condition keys. */
export const GLOBAL_KEYS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';

/** The IAM user guide page of condition operators. */
export const OPERATORS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
