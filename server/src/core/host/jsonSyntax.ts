import { readCursor } from '../completion/cursor';
import { toList } from '../completion/suggestion';
import { Draft } from '../fixes/jsonEdit';
import type { UnitSyntax } from './types';

/**
 * JSON written as JSON: a policy file, or a policy embedded in a host file as JSON text (a Terraform
 * heredoc). `text` is what the JSON parser reads: the file, or the host file with everything but the
 * policy blanked out (same length; made when first needed), so offsets are the host's everywhere.
 * `escape` rewrites what fixes insert for the template around the JSON (`${` in a heredoc).
 */
export function jsonSyntax(text: string | (() => string), escape?: (json: string) => string): UnitSyntax {
  let known = typeof text === 'string' ? text : undefined;
  const source = () => (known ??= (text as () => string)());
  return {
    cursorAt: (_unit, offset) => readCursor(source(), offset),
    toList,
    draft: () => new Draft(source(), escape),
  };
}
