import type { PolicyKind } from '../types';
import type { Rule } from './rule';

/** What IAM accepts for a role trust policy once the quota is raised: no trust policy may be longer. */
export const TRUST_POLICY_MAX_LENGTH = 4096;

/** IAM quotas in characters, whitespace not counted (IAM-NOTES.md). */
const LIMITS: Record<PolicyKind, { limit: number; what: string }> = {
  trust: { limit: 2048, what: 'a role trust policy (2,048 characters unless the quota was raised, at most 4,096)' },
  identity: { limit: 6144, what: 'a managed policy (6,144 characters)' },
  resource: { limit: 20480, what: 'an S3 bucket policy (20 KB)' },
};

/** Counts characters the way IAM does: whitespace outside string values is not counted. */
export function policyLength(text: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      count++;
      if (c === 0x5c /* \ */) {
        i++;
        count++;
      } else if (c === 0x22 /* " */) {
        inString = false;
      }
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      count++;
      if (c === 0x22) inString = true;
    }
  }
  return count;
}

export const policySize: Rule = {
  id: 'policy-size',
  severity: 'warning',
  summary: 'A policy over its size quota (whitespace not counted).',
  docs: `IAM limits policy sizes, not counting whitespace: role trust policies 2,048 characters (the quota
can be raised to 4,096), managed policies 6,144, S3 bucket policies 20 KB. Larger documents are
rejected when you save them. Merge statements, use wildcards carefully, or split into several policies.`,
  check({ parsed, policy, kind, report }) {
    if (!policy) return;
    // A policy inside a host file is measured as rendered (a Terraform data block as its JSON).
    const size = policyLength(parsed.policyText?.() ?? parsed.text);
    const { limit, what } = LIMITS[kind];
    if (size <= limit) return;
    // References are counted as written (`${var.bucket_arn}`): what Terraform puts there may be longer or shorter.
    const about = parsed.unknown.size > 0 ? 'about ' : '';
    report(
      { offset: policy.root.offset, length: 1 },
      `The policy is ${about}${size.toLocaleString('en-US')} characters without whitespace, over the quota for ${what}.${about ? ' (Values only known when Terraform runs are counted as written.)' : ''}`,
      { size, limit },
    );
  },
};
