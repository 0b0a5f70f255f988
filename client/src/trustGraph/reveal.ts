import * as vscode from 'vscode';
import type { SourceRef } from '../../../server/src/core/graph/types';

/**
 * Opens the document a node, an edge or an issue comes from and selects its span, centred. It goes
 * to an editor group other than the panel's, so the picture stays in view next to the statement: the
 * group already showing the document, else another visible group, else a new group beside.
 */
export async function revealSource(source: SourceRef, panelColumn: vscode.ViewColumn | undefined): Promise<vscode.TextEditor> {
  const uri = toUri(source.path);
  const document = await vscode.workspace.openTextDocument(uri);
  const start = document.positionAt(source.span.offset);
  // A role or a policy node points at its whole file: put the cursor at the top rather than select it all.
  const whole = source.span.offset === 0 && source.span.length >= document.getText().length;
  const end = whole ? start : document.positionAt(source.span.offset + source.span.length);
  const selection = new vscode.Selection(start, end);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: targetColumn(uri, panelColumn), selection, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenter);
  return editor;
}

/** The server sends document URIs; anything else is a file path (a scheme has two letters or more, unlike `C:`). */
function toUri(path: string): vscode.Uri {
  return /^[a-z][\w+.-]+:/i.test(path) ? vscode.Uri.parse(path, true) : vscode.Uri.file(path);
}

function targetColumn(uri: vscode.Uri, panelColumn: vscode.ViewColumn | undefined): vscode.ViewColumn {
  const elsewhere = vscode.window.visibleTextEditors.filter((e) => e.viewColumn !== undefined && e.viewColumn !== panelColumn);
  const showing = elsewhere.find((e) => e.document.uri.toString() === uri.toString());
  return showing?.viewColumn ?? elsewhere[0]?.viewColumn ?? vscode.ViewColumn.Beside;
}
