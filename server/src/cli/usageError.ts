import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A problem with the command line: printed on one line, exit code 2. */
export class UsageError extends Error {}

/** node's parseArgs, whose complaints (an unknown option, a missing value) become one-line usage errors. */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}
