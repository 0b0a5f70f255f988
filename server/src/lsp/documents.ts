import { dialectOf } from '../core';

/** Languages whose documents may hold policies. Others (YAML, CloudFormation) are not analysed yet. */
const POLICY_LANGUAGES = new Set(['json', 'jsonc', 'terraform', 'hcl']);

/**
 * Whether a document may hold policies: a JSON or Terraform language, or a `.tf` file opened where
 * no extension gives Terraform a language (VS Code then calls it plain text).
 */
export function isPolicyDocument(document: { uri: string; languageId: string }): boolean {
  return POLICY_LANGUAGES.has(document.languageId) || (document.languageId === 'plaintext' && dialectOf(document.uri) === 'terraform');
}
