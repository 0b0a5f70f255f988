import {
  createPolicyService,
  snippetToPlain,
  type CompletionEntry,
  type CompletionList,
  type CompletionOptions,
  type HoverOptions,
  type HoverResult,
} from '../../server/src/core';

const service = createPolicyService();

/** The cursor mark in fixtures. Fixtures that need a literal `|` (none so far) would need another mark. */
export const CARET = '|';

/** Splits a fixture at its single `|` into the text and the cursor offset. */
export function atCaret(textWithCaret: string): { text: string; offset: number } {
  const offset = textWithCaret.indexOf(CARET);
  if (offset < 0 || textWithCaret.indexOf(CARET, offset + 1) >= 0) throw new Error(`fixture needs exactly one ${CARET}: ${textWithCaret}`);
  return { text: textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1), offset };
}

/** A completion list at the caret, with the pieces tests look at. */
export interface Completed {
  list: CompletionList | undefined;
  /** Labels in our order (sortText). */
  labels: string[];
  /** The item with that label; throws (listing what there was) when it is missing, so a failing test says why. */
  item(label: string): CompletionEntry;
  /** The document after applying the item with that label, with snippet placeholders at their defaults. */
  applied(label: string): string;
  /** Where the cursor lands after applying: the `$0` stop, or else the end of the inserted text. */
  cursorAfter(label: string): number;
}

/** Completion at an offset of plain text (no caret mark), for inputs a caret cannot express. */
export function completeText(text: string, offset: number, options: CompletionOptions = {}): Completed {
  const list = service.complete(service.parse(text, { allowComments: false }), offset, options);
  const items = [...(list?.items ?? [])].sort((a, b) => a.sortText.localeCompare(b.sortText));
  const item = (label: string): CompletionEntry => {
    const found = items.find((i) => i.label === label);
    if (!found) throw new Error(`no item ${JSON.stringify(label)} among ${JSON.stringify(items.map((i) => i.label).slice(0, 40))}`);
    return found;
  };
  const replaced = (insert: string) => {
    if (!list) throw new Error('no completion list');
    return text.slice(0, list.replace.offset) + insert + text.slice(list.replace.offset + list.replace.length);
  };
  return {
    list,
    labels: items.map((i) => i.label),
    item,
    applied: (label) => replaced(snippetToPlain(item(label).insertText)),
    cursorAfter: (label) => {
      const insertText = item(label).insertText;
      const stop = insertText.indexOf('$0');
      const inserted = stop >= 0 ? snippetToPlain(insertText.slice(0, stop)) : snippetToPlain(insertText);
      return (list?.replace.offset ?? 0) + inserted.length;
    },
  };
}

/** Completion at the `|` of a fixture. */
export function completeAt(textWithCaret: string, options: CompletionOptions = {}): Completed {
  const { text, offset } = atCaret(textWithCaret);
  return completeText(text, offset, options);
}

/** Hover at the `|` of a fixture. */
export function hoverAt(textWithCaret: string, options: HoverOptions = {}): HoverResult | undefined {
  const { text, offset } = atCaret(textWithCaret);
  return service.hover(service.parse(text, { allowComments: false }), offset, options);
}

/** Hover at an offset of plain text. */
export function hoverText(text: string, offset: number, options: HoverOptions = {}): HoverResult | undefined {
  return service.hover(service.parse(text, { allowComments: false }), offset, options);
}

/**
 * A user session: a document and a cursor, completed by choosing items by label. Placeholders left by
 * snippets are then typed over with `fill`, as a user replaces a selected placeholder.
 */
export class Session {
  constructor(
    public text: string,
    public offset: number,
    private readonly options: CompletionOptions,
  ) {}

  /** Starts from a fixture with a caret. */
  static at(textWithCaret: string, options: CompletionOptions = {}): Session {
    const { text, offset } = atCaret(textWithCaret);
    return new Session(text, offset, options);
  }

  /** The list at the cursor. */
  list(): Completed {
    return completeText(this.text, this.offset, this.options);
  }

  /** Applies the item with that label; the cursor goes where the snippet leaves it. */
  choose(label: string): this {
    const completed = this.list();
    const cursor = completed.cursorAfter(label);
    this.text = completed.applied(label);
    this.offset = cursor;
    return this;
  }

  /** Moves the cursor to just after the first occurrence of `marker` after `from` (a text the user clicks behind). */
  moveAfter(marker: string, from = 0): this {
    const at = this.text.indexOf(marker, from);
    if (at < 0) throw new Error(`no ${JSON.stringify(marker)} in ${this.text}`);
    this.offset = at + marker.length;
    return this;
  }

  /** Moves the cursor to just before the first occurrence of `marker`. */
  moveBefore(marker: string): this {
    const at = this.text.indexOf(marker);
    if (at < 0) throw new Error(`no ${JSON.stringify(marker)} in ${this.text}`);
    this.offset = at;
    return this;
  }

  /** Types text at the cursor. */
  type(typed: string): this {
    this.text = this.text.slice(0, this.offset) + typed + this.text.slice(this.offset);
    this.offset += typed.length;
    return this;
  }

  /** Replaces the first occurrence of a placeholder the snippet left (the user types over it). */
  fill(placeholder: string, value: string): this {
    const at = this.text.indexOf(placeholder);
    if (at < 0) throw new Error(`no placeholder ${JSON.stringify(placeholder)} in ${this.text}`);
    this.text = this.text.slice(0, at) + value + this.text.slice(at + placeholder.length);
    this.offset = at + value.length;
    return this;
  }
}

/** Whether text is valid JSON. */
export function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
