import { duplicateKey } from './duplicateKey';
import { duplicateSid } from './duplicateSid';
import { invalidCharacter } from './invalidCharacter';
import { invalidEffect } from './invalidEffect';
import { invalidSid } from './invalidSid';
import { invalidVersion } from './invalidVersion';
import { jsonSyntax } from './jsonSyntax';
import { missingPrincipal } from './missingPrincipal';
import { missingVersion } from './missingVersion';
import { policySize } from './policySize';
import { policyVariableVersion } from './policyVariableVersion';
import type { Rule } from './rule';
import { schema } from './schema';
import { trustHasResource } from './trustHasResource';

/** Every rule, in the order their findings are reported when they share a position. */
export const RULES: readonly Rule[] = [
  jsonSyntax,
  duplicateKey,
  schema,
  missingVersion,
  invalidVersion,
  invalidEffect,
  duplicateSid,
  invalidSid,
  missingPrincipal,
  trustHasResource,
  policyVariableVersion,
  policySize,
  invalidCharacter,
  // [3] actions
  // [3] resources
  // [3] conditions
  // [3] principals and least privilege
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** Rules that may claim schema problems, tried in order before the generic `schema` rule. */
export const CLAIMING_RULES: readonly Rule[] = RULES.filter((r) => r.claim !== undefined);

export type { Rule, RuleContext } from './rule';
