import { CompletionItemKind, InsertTextFormat, MarkupKind, type ClientCapabilities, type CompletionItem, type CompletionList as LspCompletionList } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { snippetToPlain, type CompletionKind, type CompletionList } from '../core';
import { TRIGGER_SUGGEST_COMMAND } from '../shared/protocol';
import { toRange } from './convert';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  service: CompletionItemKind.Module,
  action: CompletionItemKind.Function,
  wildcard: CompletionItemKind.Constant,
  resource: CompletionItemKind.Reference,
  principal: CompletionItemKind.Reference,
  operator: CompletionItemKind.Operator,
  key: CompletionItemKind.Field,
  snippet: CompletionItemKind.Snippet,
};

/** What the client can take: snippets, one shared edit range for all items, markdown, the retrigger command. */
export interface CompletionSupport {
  snippets: boolean;
  editRangeDefault: boolean;
  markdown: boolean;
  retrigger: boolean;
}

export function completionSupport(capabilities: ClientCapabilities, retrigger: boolean): CompletionSupport {
  const completion = capabilities.textDocument?.completion;
  return {
    snippets: !!completion?.completionItem?.snippetSupport,
    editRangeDefault: !!completion?.completionList?.itemDefaults?.includes('editRange'),
    markdown: !!completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown),
    retrigger,
  };
}

/**
 * The core's list as an LSP list. Every item replaces the same range, sent once as the list's
 * default when the client supports it: hundreds of actions then cost a label and a little more each.
 */
export function toCompletionList(document: TextDocument, list: CompletionList, support: CompletionSupport): LspCompletionList {
  const range = toRange(document, list.replace);
  const items = list.items.map((entry): CompletionItem => {
    const text = support.snippets ? entry.insertText : snippetToPlain(entry.insertText);
    const item: CompletionItem = { label: entry.label, kind: KINDS[entry.kind], sortText: entry.sortText };
    if (entry.detail) item.detail = entry.detail;
    if (entry.documentation) item.documentation = support.markdown ? { kind: MarkupKind.Markdown, value: entry.documentation } : entry.documentation;
    if (entry.filterText) item.filterText = entry.filterText;
    if (support.snippets) item.insertTextFormat = InsertTextFormat.Snippet;
    if (support.editRangeDefault) item.textEditText = text;
    else item.textEdit = { range, newText: text };
    if (entry.retrigger && support.retrigger) item.command = { title: 'Suggest', command: TRIGGER_SUGGEST_COMMAND };
    return item;
  });
  return { isIncomplete: list.incomplete, ...(support.editRangeDefault ? { itemDefaults: { editRange: range } } : {}), items };
}
