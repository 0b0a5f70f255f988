import * as vscode from 'vscode';
import type { PolicyKind } from '../../server/src/core/types';
import type { DocumentKindParams } from '../../server/src/shared/protocol';
import { CommandIds, ContextKeys } from './ids';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const LABELS: Record<PolicyKind, string> = {
  trust: 'Trust policy',
  identity: 'Identity policy',
  resource: 'Resource policy',
};

/** The status bar entry "IAM: Trust policy" for the active editor, fed by the server's kind notifications. */
export class KindStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('iamPolicy.kind', vscode.StatusBarAlignment.Right, 100);
  private readonly kinds = new Map<string, DocumentKindParams>();
  private readonly listener: vscode.Disposable;
  private readonly changed = new vscode.EventEmitter<DocumentKindParams>();
  private contextKind: string | undefined;
  /** Fires after each analysis with the document's kind (null when it is not a policy). */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.item.name = 'IAM Policy Kind';
    this.item.command = CommandIds.showOutput;
    this.listener = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(params: DocumentKindParams): void {
    this.kinds.set(params.uri, params);
    this.render();
    this.changed.fire(params);
  }

  forget(uri: string): void {
    this.kinds.delete(uri);
    this.render();
  }

  /** The kind label shown for a document, if any (also used by tests through the API). */
  labelFor(uri: string): string | undefined {
    const info = this.kinds.get(uri);
    if (info?.policies?.length) return `IAM: ${plural(info.policies.length, 'policy', 'policies')} in Terraform`;
    return info?.kind ? `IAM: ${LABELS[info.kind]}` : undefined;
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const info = uri ? this.kinds.get(uri) : undefined;
    // A Terraform file with a role's trust policy in it is a trust file for the graph's button.
    const kind = info?.kind ?? (info?.policies?.includes('trust') ? 'trust' : info?.policies?.includes('identity') ? 'identity' : undefined);
    this.setContextKind(kind);
    const label = uri && this.labelFor(uri);
    if (!info || !label) {
      this.item.hide();
      return;
    }
    this.item.text = `$(shield) ${label}`;
    this.item.tooltip = info.policies?.length
      ? `Terraform policies by kind: ${(['trust', 'identity', 'resource'] as const).map((k) => `${info.policies?.filter((p) => p === k).length ?? 0} ${k}`).join(', ')}. Each has the kind of the argument that holds or uses it (assume_role_policy: trust).`
      : `Analysed as ${LABELS[info.kind as PolicyKind].toLowerCase()} (decided by ${info.reason ?? 'content'}). Set "iamPolicy.files" to change it.`;
    this.item.show();
  }

  /** For `when` clauses (the trust graph's editor title button); set only when it changes. */
  private setContextKind(kind: string | undefined): void {
    if (kind === this.contextKind) return;
    this.contextKind = kind;
    void vscode.commands.executeCommand('setContext', ContextKeys.activeEditorPolicyKind, kind);
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
    this.item.dispose();
  }
}
