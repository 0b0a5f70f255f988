import type { KindSetting, Span } from '../types';

/** What an item is, so editors can show an icon; the LSP adapter maps these to its kinds. */
export type CompletionKind = 'property' | 'value' | 'service' | 'action' | 'wildcard' | 'resource' | 'principal' | 'operator' | 'key' | 'snippet';

/** One completion item. Offsets are the list's `replace` span: every item replaces the same text. */
export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line beside the label: access level, service name, key type, account name. */
  detail?: string;
  /** Markdown; every piece of document text in it is escaped. */
  documentation?: string;
  /** What replaces the `replace` span, in snippet syntax when `snippet` is set. */
  insertText: string;
  snippet: boolean;
  /** What the editor matches the typed text against, when it is not the label. */
  filterText?: string;
  /** Our order; editors sort by match quality first, then by this. */
  sortText: string;
  /** Ask for completions again once inserted (a service prefix is followed by its actions). */
  retrigger?: boolean;
}

export interface CompletionList {
  items: CompletionEntry[];
  /** The text every item replaces: inside a string, its content (the quotes stay). */
  replace: Span;
  /** Set when the list depends on what is typed next, or was cut: the editor asks again as the user types. */
  incomplete: boolean;
}

export interface CompletionOptions {
  fileName?: string;
  kindSetting?: KindSetting;
  /** Account ids the user named (the `iamPolicy.accounts` setting): id -> name. */
  accounts?: ReadonlyMap<string, string>;
  /** Account ids of the workspace's other policies, offered after the named ones and the document's own. */
  workspaceAccounts?: readonly string[];
  /** Makes the suggested ExternalId predictable in tests. */
  externalId?: () => string;
}

