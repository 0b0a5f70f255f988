import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

/**
 * Runs a handler so that nothing it throws can take the server down: errors are logged and answered
 * with a safe default, and cancelled requests get the LSP "request cancelled" error.
 */
export async function runSafe<T>(
  connection: Connection,
  what: string,
  defaultValue: T,
  token: CancellationToken | undefined,
  work: () => T | Promise<T>,
): Promise<T> {
  if (token?.isCancellationRequested) throw cancelled();
  let result: T;
  try {
    result = await work();
  } catch (error) {
    connection.console.error(`${what} failed: ${describe(error)}`);
    return defaultValue;
  }
  if (token?.isCancellationRequested) throw cancelled();
  return result;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}
