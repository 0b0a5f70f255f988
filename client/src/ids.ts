/** Command ids contributed in package.json. */
export const CommandIds = {
  restartServer: 'iamPolicy.restartServer',
  showOutput: 'iamPolicy.showOutput',
} as const;

/** Setting ids contributed in package.json. */
export const SettingIds = {
  section: 'iamPolicy',
  traceServer: 'iamPolicy.trace.server',
} as const;
