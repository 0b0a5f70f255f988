import * as vscode from 'vscode';
import type { ExportFormat } from './messages';

const FORMATS: Record<ExportFormat, { extension: string; filter: string; name: string }> = {
  svg: { extension: 'svg', filter: 'SVG image', name: 'SVG' },
  mermaid: { extension: 'mmd', filter: 'Mermaid flowchart', name: 'Mermaid' },
};

/**
 * Asks where to save the export (in the first workspace folder by default), then makes it (with a
 * progress notification: a large SVG is laid out again), writes it, and says where it went.
 */
export async function saveExport(format: ExportFormat, make: () => Promise<string>): Promise<vscode.Uri | undefined> {
  const { extension, filter, name } = FORMATS[format];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    title: `Export the Trust Relationships as ${name}`,
    saveLabel: 'Export',
    filters: { [filter]: [extension] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `trust-relationships.${extension}`) } : {}),
  });
  if (!uri) return undefined;
  const text = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting the trust relationships as ${name}…` }, make);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`Trust relationships saved to ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}

/** Mermaid text on the clipboard, for a pull request description (GitHub renders ```mermaid blocks). */
export async function copyExport(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage('Trust relationships copied as a Mermaid flowchart.');
}
