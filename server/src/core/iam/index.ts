/** The IAM reference data and what is built on it: synchronous lookups, wildcard matching, ARN and principal grammar. */
export { IAM_DATA_INFO, getService, hasService, serviceName, servicePrefixes, type ActionInfo, type ConditionKeyType, type ResourceTypeInfo, type ServiceInfo, type ServiceKeyInfo } from './data';
export { actionId, findAction, matchActions, parseActionPattern, suggestActions, suggestServices, type ActionPattern } from './actions';
export { actionConditionKeys, actionSupportsKey, baseType, isMultiValued, lookupConditionKey, type KeyLookup } from './conditionKeys';
export { appliesToEveryTypeOfService, extraResourceTemplates } from './dataPatches';
export { GLOBAL_KEYS, type GlobalKeyInfo } from './globalKeys';
export { IDENTITY_PROVIDERS, providerForFederated, providerForIssuer, type ClaimInfo, type IdentityProvider, type ProviderId } from './identityProviders';
export { PARTITIONS, actionResourceTypes, arnMatchesTemplate, arnProblem, splitArn, type ArnParts } from './arn';
export { ARN_FIELD, FILL_IN_ORGANIZATION_ID, FILL_IN_WORDS, fillIns, firstPlaceholder, hasPlaceholder, isPlaceholder, replacePlaceholders, withoutPlaceholders } from './placeholders';
export { BASE_OPERATORS, familySuits, operatorName, readOperator, type ConditionOperator, type OperatorFamily, type OperatorReading } from './operators';
export { PRINCIPAL_KEYS, principalProblem } from './principals';
export { closest, editDistance } from './suggest';
export { hasWildcard, isAllWildcards, patternsOverlap, policyPatternTokens, templateTokens, wildcardCovers, wildcardMatchesExactly, wildcardRegExp, type WildcardMatcher } from './wildcard';
export { GLOBAL_KEYS_URL, OPERATORS_URL, serviceReferenceUrl } from './links';
export { SOURCE_AWARE_SERVICES, SOURCELESS_SERVICES, isSourceAwareService } from './confusedDeputy';
