/** A problem with the command line: printed on one line, exit code 2. */
export class UsageError extends Error {}
