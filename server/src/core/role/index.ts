/** The role builder behind the wizard and `iam-policy new-role`. */
export { buildRole, type BuildRoleOptions } from './buildRole';
export { parseTrustSpec } from './spec';
export * as roleChecks from './validate';
export * from './types';
export { roleCatalog, serviceActions, type CatalogAction, type RoleCatalog } from './catalog';
