/** Command ids contributed in package.json. */
export const CommandIds = {
  restartServer: 'iamPolicy.restartServer',
  showOutput: 'iamPolicy.showOutput',
  createRole: 'iamPolicy.createRole',
} as const;

/** Setting ids contributed in package.json. */
export const SettingIds = {
  section: 'iamPolicy',
  traceServer: 'iamPolicy.trace.server',
} as const;
