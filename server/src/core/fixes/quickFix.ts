import type { Node } from 'jsonc-parser';
import type { PolicyUnit } from '../host/types';
import type { Span } from '../types';
import type { RandomBytes } from './randomId';

/** A text edit in core terms: replace `length` characters at `offset` with `newText`. */
export interface TextEdit extends Span {
  newText: string;
}

/** A quick fix: a title for the light bulb and the edits that make it. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The one obvious fix (VS Code applies it with "Auto Fix"). */
  preferred?: boolean;
}

/** What a fix provider gets: the policy the finding is in and the finding as the client sent it back. */
export interface FixRequest {
  parsed: PolicyUnit;
  rule: string;
  span: Span;
  data: Record<string, unknown>;
  /** Where generated secrets (a new ExternalId) take their randomness from. */
  randomBytes: RandomBytes;
}

export type FixProvider = (request: FixRequest) => QuickFix[];

/**
 * The node a finding covers, exactly (a string, a key, an object). The document may have changed
 * since the diagnostic was made: a fix only ever edits the very node it was about.
 */
export function nodeAt(parsed: PolicyUnit, span: Span): Node | undefined {
  let node = parsed.nodeAt(span.offset + 1, true);
  while (node && !(node.offset === span.offset && node.length === span.length)) node = node.parent;
  return node;
}

/** The string node a finding covers, exactly. */
export function stringNodeAt(parsed: PolicyUnit, span: Span): Node | undefined {
  const node = nodeAt(parsed, span);
  return node?.type === 'string' ? node : undefined;
}
