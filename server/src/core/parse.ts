import { createScanner, findNodeAtOffset, parseTree, ParseErrorCode, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import { jsonSyntax } from './host/jsonSyntax';
import type { ParsedDocument, PolicyUnit, SyntaxProblem } from './host/types';
import type { Span } from './types';

export type { ParsedDocument, PolicyUnit, SyntaxProblem } from './host/types';

/**
 * IAM policies nest at most about eight levels (Statement > [] > {} > Condition > operator > key > []).
 * jsonc-parser parses recursively and overflows the stack near 5,000 levels, so anything deeper than
 * this is refused before parsing rather than risking a crash of the server.
 */
export const MAX_DEPTH = 64;

export interface ParseOptions {
  /** `jsonc` documents may carry comments; IAM itself rejects them, so `json` documents may not. */
  allowComments: boolean;
}

/** What parsing JSON text gives: the tree of what parsed (possibly partial) and every syntax problem. */
export interface JsonTree {
  root: Node | undefined;
  syntaxProblems: SyntaxProblem[];
  /** Set when the text was too deeply nested to parse; `root` is then undefined. */
  tooDeep?: Span;
  /** Whether the top-level object has a `Statement` key (known even for documents too deep to parse). */
  hasTopLevelStatement: boolean;
}

const messages: Partial<Record<string, string>> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Property name expected (a string in double quotes)',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: 'Closing brace `}` expected',
  CloseBracketExpected: 'Closing bracket `]` expected',
  EndOfFileExpected: 'End of file expected: only one JSON value is allowed',
  InvalidCommentToken: 'Comments are not allowed in IAM policies (AWS rejects them)',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped)',
};

function describe(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  return messages[name] ?? name;
}

/** The id of the one policy of a JSON policy file. */
export const JSON_UNIT_ID = 'policy';

/** Parses a JSON policy file: one policy, the whole text. Never throws. */
export function parseDocument(original: string, options: ParseOptions): ParsedDocument {
  // Some clients send a byte order mark; read it as a space so offsets stay those of the client's text.
  const text = original.startsWith('\ufeff') ? ` ${original.slice(1)}` : original;
  const tree = parseJsonTree(text, options);
  const unit: PolicyUnit = {
    id: JSON_UNIT_ID,
    text: original,
    ...tree,
    span: { offset: 0, length: original.length },
    unknown: new Set(),
    open: new Set(),
    syntax: jsonSyntax(text),
    nodeAt: (offset, includeRightBound) => (tree.root ? findNodeAtOffset(tree.root, offset, includeRightBound) : undefined),
  };
  return { text: original, dialect: 'json', units: [unit] };
}

/**
 * Parses JSON text, keeping every node's offset and every parse error. Never throws. The text may
 * be a whole file, or a host file with everything but the JSON blanked out (offsets stay the host's).
 */
export function parseJsonTree(text: string, options: ParseOptions): JsonTree {
  const shape = scanShape(text);
  if (shape.tooDeep) return { root: undefined, syntaxProblems: [], tooDeep: shape.tooDeep, hasTopLevelStatement: shape.hasTopLevelStatement };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: !options.allowComments,
    allowTrailingComma: false,
    allowEmptyContent: true,
  });
  return {
    root,
    syntaxProblems: toSyntaxProblems(text, errors),
    hasTopLevelStatement: root?.type === 'object' && !!root.children?.some((p) => p.children?.[0]?.value === 'Statement'),
  };
}

/**
 * jsonc-parser often reports two errors at one place (a trailing comma gives "property name expected"
 * and "value expected"); keep the first, and name the trailing comma, the usual culprit, on the comma.
 */
function toSyntaxProblems(text: string, errors: readonly ParseError[]): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const seen = new Set<number>();
  for (const error of errors) {
    if (seen.has(error.offset)) continue;
    seen.add(error.offset);
    const comma = trailingCommaBefore(text, error.offset);
    if (comma !== undefined && (error.error === ParseErrorCode.PropertyNameExpected || error.error === ParseErrorCode.ValueExpected)) {
      problems.push({ offset: comma, length: 1, message: 'Trailing comma: JSON (and IAM) do not allow a comma before a closing bracket or brace' });
    } else {
      problems.push({ offset: error.offset, length: error.length, message: describe(error) });
    }
  }
  return problems;
}

/** The offset of a comma that directly precedes (ignoring whitespace) a closing `}` or `]` at `offset`. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',' ? i : undefined;
}

/** One iterative pass over the tokens: how deep the document nests, and whether it looks like a policy. */
function scanShape(text: string): { tooDeep?: Span; hasTopLevelStatement: boolean } {
  const scanner = createScanner(text, false);
  const inObject: boolean[] = []; // per open container: object (keys expected) or array
  let hasTopLevelStatement = false;
  let expectKey = false;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    switch (token) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        inObject.push(token === SyntaxKind.OpenBraceToken);
        expectKey = token === SyntaxKind.OpenBraceToken;
        if (inObject.length > MAX_DEPTH) {
          return { tooDeep: { offset: scanner.getTokenOffset(), length: 1 }, hasTopLevelStatement };
        }
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        inObject.pop();
        expectKey = false;
        break;
      case SyntaxKind.CommaToken:
        expectKey = inObject[inObject.length - 1] === true;
        break;
      case SyntaxKind.StringLiteral:
        if (expectKey && inObject.length === 1 && scanner.getTokenValue() === 'Statement') hasTopLevelStatement = true;
        expectKey = false;
        break;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        break;
      default:
        expectKey = false;
    }
  }
  return { hasTopLevelStatement };
}
