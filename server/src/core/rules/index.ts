import { conditionKeyNotApplicable } from './conditionKeyNotApplicable';
import { conditionTypeMismatch } from './conditionTypeMismatch';
import { forAllValuesSingleValued } from './forAllValuesSingleValued';
import { mfaIfExists } from './mfaIfExists';
import { unknownConditionKey } from './unknownConditionKey';
import { unknownConditionOperator } from './unknownConditionOperator';
import { wildcardWithoutLike } from './wildcardWithoutLike';
import { assumeRoleWildcardResource } from './assumeRoleWildcardResource';
import { duplicateKey } from './duplicateKey';
import { duplicateSid } from './duplicateSid';
import { fullAdmin } from './fullAdmin';
import { invalidArn } from './invalidArn';
import { invalidCharacter } from './invalidCharacter';
import { invalidEffect } from './invalidEffect';
import { invalidPrincipal } from './invalidPrincipal';
import { invalidSid } from './invalidSid';
import { invalidVersion } from './invalidVersion';
import { jsonSyntax } from './jsonSyntax';
import { hclSyntax } from './hclSyntax';
import { missingPrincipal } from './missingPrincipal';
import { missingVersion } from './missingVersion';
import { notActionWithAllow } from './notActionWithAllow';
import { notPrincipalWithAllow } from './notPrincipalWithAllow';
import { notResourceWithAllow } from './notResourceWithAllow';
import { passRoleWildcardResource } from './passRoleWildcardResource';
import { policySize } from './policySize';
import { policyVariableVersion } from './policyVariableVersion';
import { publicPrincipal } from './publicPrincipal';
import { redundantAction } from './redundantAction';
import { resourceMismatch } from './resourceMismatch';
import type { Rule } from './rule';
import { schema } from './schema';
import { trustHasResource } from './trustHasResource';
import { trustActionPrincipalMismatch } from './trustActionPrincipalMismatch';
import { trustCrossAccountUnconditioned } from './trustCrossAccountUnconditioned';
import { trustExternalIdWeak } from './trustExternalIdWeak';
import { trustInvalidAction } from './trustInvalidAction';
import { trustOidcMissingAud } from './trustOidcMissingAud';
import { trustOidcMissingSub } from './trustOidcMissingSub';
import { trustOidcWildcardSub } from './trustOidcWildcardSub';
import { trustSamlMissingAud } from './trustSamlMissingAud';
import { trustServiceConfusedDeputy } from './trustServiceConfusedDeputy';
import { unfilledPlaceholder } from './unfilledPlaceholder';
import { unknownAction } from './unknownAction';
import { unknownService } from './unknownService';
import { wildcardMatchesNothing } from './wildcardMatchesNothing';

/** Every rule, in the order their findings are reported when they share a position. */
export const RULES: readonly Rule[] = [
  jsonSyntax,
  hclSyntax,
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
  unknownService,
  unknownAction,
  wildcardMatchesNothing,
  redundantAction,
  // [3] resources
  invalidArn,
  resourceMismatch,
  // [3] conditions
  unknownConditionOperator,
  unknownConditionKey,
  conditionKeyNotApplicable,
  conditionTypeMismatch,
  forAllValuesSingleValued,
  wildcardWithoutLike,
  mfaIfExists,
  // [3] principals and least privilege
  invalidPrincipal,
  publicPrincipal,
  notPrincipalWithAllow,
  fullAdmin,
  passRoleWildcardResource,
  assumeRoleWildcardResource,
  notActionWithAllow,
  notResourceWithAllow,
  // [4] trust policies
  trustInvalidAction,
  trustActionPrincipalMismatch,
  trustCrossAccountUnconditioned,
  trustExternalIdWeak,
  trustOidcMissingAud,
  trustOidcMissingSub,
  trustOidcWildcardSub,
  trustSamlMissingAud,
  trustServiceConfusedDeputy,
  unfilledPlaceholder,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** Rules that may claim schema problems, tried in order before the generic `schema` rule. */
export const CLAIMING_RULES: readonly Rule[] = RULES.filter((r) => r.claim !== undefined);

export type { Rule, RuleContext } from './rule';
