import type { ParsedDocument, PolicyUnit, UnitSyntax } from '../host/types';
import { changedRange } from '../textDiff';
import type { Span } from '../types';
import { moveSpan, shiftTree } from './values';

/**
 * Half-typed HCL (a block whose `{` is not closed yet) can make the parser read the rest of the file
 * as one error. The policies of the previous version that lie wholly outside the edited text and did
 * not come back are kept, moved by the edit, so that their diagnostics stay while the user types.
 * They are read-only meanwhile (no completion, no fixes) and go once the file parses again.
 */
export function carriedOver(previous: ParsedDocument, text: string, now: readonly PolicyUnit[]): PolicyUnit[] {
  const { start, oldEnd } = changedRange(previous.text, text);
  const delta = text.length - previous.text.length;
  const present = new Set(now.map((u) => u.id));
  const kept: PolicyUnit[] = [];
  for (const unit of previous.units) {
    if (present.has(unit.id)) continue;
    const unitEnd = unit.span.offset + unit.span.length;
    // Before the edit it stays where it was; after it, it moves with the text.
    if (unitEnd <= start) kept.push(shifted(unit, text, 0));
    else if (unit.span.offset >= oldEnd) kept.push(shifted(unit, text, delta));
  }
  return kept;
}

/** The syntax of a policy kept from a previous version, or one that does not parse: nothing to complete or fix until it parses. */
export const READ_ONLY_SYNTAX: UnitSyntax = {
  cursorAt: () => undefined,
  toList: (cursor) => ({ items: [], replace: cursor.content, incomplete: false }),
  draft: () => ({
    text: '',
    node: () => undefined,
    replace: () => false,
    insertMember: () => false,
    appendItem: () => false,
    setMember: () => false,
    removeEntry: () => undefined,
    renameKey: () => false,
    edit: () => ({ offset: 0, length: 0, newText: '' }),
  }),
};

/** A unit kept from a half-typed edit: moved, and read-only. */
function shifted(unit: PolicyUnit, text: string, delta: number): PolicyUnit {
  return { ...moveUnit(unit, text, delta), syntax: READ_ONLY_SYNTAX };
}

/** A unit of the previous version moved by `delta` (its tree is the previous version's, which nothing reads any more). */
export function moveUnit(unit: PolicyUnit, text: string, delta: number): PolicyUnit {
  if (delta === 0) return { ...unit, text };
  shiftTree(unit.root, delta);
  const move = <T extends Span>(span: T): T => moveSpan(span, delta);
  return {
    ...unit,
    text,
    span: move(unit.span),
    syntaxProblems: unit.syntaxProblems.map(move),
    ...(unit.tooDeep ? { tooDeep: move(unit.tooDeep) } : {}),
    ...(unit.elsewhere ? { elsewhere: unit.elsewhere.map(move) } : {}),
  };
}
