/** Command ids contributed in package.json. */
export const CommandIds = {
  restartServer: 'iamPolicy.restartServer',
  showOutput: 'iamPolicy.showOutput',
  createRole: 'iamPolicy.createRole',
  showTrustGraph: 'iamPolicy.showTrustGraph',
  showTrustGraphForFile: 'iamPolicy.showTrustGraphForFile',
} as const;

/** Context keys set with `setContext`, read by `when` clauses in package.json. */
export const ContextKeys = {
  /** The kind of the active editor's policy (`trust`, `identity`, `resource`), unset when it is not one. */
  activeEditorPolicyKind: 'iamPolicy.activeEditorPolicyKind',
} as const;

/** Setting ids contributed in package.json. */
export const SettingIds = {
  section: 'iamPolicy',
  traceServer: 'iamPolicy.trace.server',
} as const;
