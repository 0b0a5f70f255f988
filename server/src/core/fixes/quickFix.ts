import type { ParsedDocument } from '../parse';
import type { Span } from '../types';

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

/** What a fix provider gets: the document and the finding as the client sent it back. */
export interface FixRequest {
  parsed: ParsedDocument;
  rule: string;
  span: Span;
  data: Record<string, unknown>;
}

export type FixProvider = (request: FixRequest) => QuickFix[];
