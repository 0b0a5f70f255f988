import { minimatch } from 'minimatch';
import type { PolicyUnit } from './host/types';
import { readPolicy, element, hasElement } from './policyModel';
import { stringNodes, stringValue } from './jsonTree';
import type { KindSetting, PolicyKind } from './types';

/** Why a document got its kind: shown in the status bar tooltip and in debug output. `place`: where a host file uses it (an `assume_role_policy`). */
export type KindReason = 'setting' | 'file name' | 'content' | 'place';

export interface Classification {
  kind: PolicyKind;
  reason: KindReason;
}

/**
 * Conventional file names of role trust policies (`*trust*.json`, `*assume-role*.json`). Not
 * `trusted-*`: `trusted-account-policy.json` is the other side, the caller's identity policy.
 */
const TRUST_FILE_NAME = /(trust(?!ed)|assume-?role)[^/\\]*\.jsonc?$/i;

/**
 * The kind setting for a file from the `iamPolicy.files` associations (glob -> kind). The first
 * matching glob wins. Globs without a `/` match the base name, like VS Code's `files.associations`.
 */
export function kindSettingForFile(
  filePath: string | undefined,
  associations: Readonly<Record<string, KindSetting>>,
): KindSetting | undefined {
  if (!filePath) return undefined;
  const path = filePath.replace(/\\/g, '/');
  for (const [glob, kind] of Object.entries(associations)) {
    if (minimatch(path, glob, { dot: true, matchBase: !glob.includes('/') })) return kind;
  }
  return undefined;
}

/** Whether a file is named like a role trust policy. */
export function isTrustFileName(fileName: string): boolean {
  return TRUST_FILE_NAME.test(fileName);
}

/**
 * Decides whether a document is an IAM policy and of which kind (RULES.md): a setting or `--kind`
 * wins, then a trust-like file name, then the content. Returns undefined for JSON that is not a policy.
 * A policy found in a host file has the kind its place gives it (only `ignore` overrides that).
 */
export function classify(
  parsed: PolicyUnit,
  options: { fileName?: string; kindSetting?: KindSetting },
): Classification | undefined {
  const setting = options.kindSetting;
  if (setting === 'ignore') return undefined;
  if (parsed.kind) return { kind: parsed.kind, reason: parsed.kindReason ?? 'place' };
  const forced = setting !== undefined; // an association or --kind makes it a policy even without Statement
  if (!forced && !parsed.hasTopLevelStatement) return undefined;
  if (setting && setting !== 'auto') return { kind: setting, reason: 'setting' };
  if (options.fileName && isTrustFileName(options.fileName)) return { kind: 'trust', reason: 'file name' };
  return { kind: guessKind(parsed), reason: 'content' };
}

/**
 * A statement with a principal and an sts action makes a trust policy (no resource policy grants sts
 * actions); a principal otherwise makes a resource policy; no principal makes an identity policy.
 */
export function guessKind(parsed: Pick<PolicyUnit, 'root'>): PolicyKind {
  if (parsed.root?.type !== 'object') return 'identity';
  const statements = readPolicy(parsed.root).statements;
  const withPrincipal = statements.filter((s) => hasElement(s, 'Principal') || hasElement(s, 'NotPrincipal'));
  if (withPrincipal.length === 0) return 'identity';
  const isStsAction = (text: string | undefined) => !!text && /^sts:/i.test(text.trim());
  const trusts = withPrincipal.some((s) => stringNodes(element(s, 'Action')).some((n) => isStsAction(stringValue(n))));
  return trusts ? 'trust' : 'resource';
}
