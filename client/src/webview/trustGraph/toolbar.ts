/// <reference lib="dom" />
// Only the components the toolbar uses: each import registers one custom element.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import { RISKS, type Risk } from '../../../../server/src/core/graph/types';
import type { GraphAccount } from '../../../../server/src/shared/protocol';
import type { ExportFormat, PageFilter } from '../../trustGraph/messages';
import { h } from './dom';

const ALL_ACCOUNTS = 'all';
const RISK_LABELS: Record<Risk, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export interface ToolbarActions {
  filter(filter: PageFilter): void;
  zoom(action: 'in' | 'out' | 'fit'): void;
  export(format: ExportFormat, to: 'file' | 'clipboard'): void;
}

function button(text: string, title: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLElement {
  const element = h('vscode-button', { secondary: '', title, ...attrs }, text);
  element.addEventListener('click', onClick);
  return element;
}

/**
 * Filters (account, risk), zoom and export. Built once: a view only updates the choices, so the
 * control the user just changed keeps its focus.
 */
export class Toolbar {
  readonly element: HTMLElement;
  private readonly account: VscodeSingleSelect;
  private readonly risks = new Map<Risk, VscodeCheckbox>();
  private accountsKey = '';
  private filter: PageFilter = { accounts: [], risks: [...RISKS] };

  constructor(private readonly actions: ToolbarActions) {
    this.account = h('vscode-single-select', { label: 'Account', class: 'account' });
    this.account.addEventListener('change', () => {
      const value = this.account.value;
      this.changed({ accounts: value && value !== ALL_ACCOUNTS ? [value] : [] });
    });
    const riskBoxes = RISKS.map((risk) => {
      const box = h('vscode-checkbox', { label: RISK_LABELS[risk], value: risk, checked: '', class: `risk-${risk}` });
      box.addEventListener('change', () => this.changed({ risks: RISKS.filter((r) => this.risks.get(r)?.checked) }));
      this.risks.set(risk, box);
      return box;
    });
    this.element = h(
      'div',
      { class: 'toolbar' },
      h('div', { class: 'group', role: 'group', 'aria-label': 'Account filter' }, h('span', { class: 'caption', 'aria-hidden': 'true' }, 'Account'), this.account),
      h('div', { class: 'group', role: 'group', 'aria-label': 'Risk filter' }, h('span', { class: 'caption', 'aria-hidden': 'true' }, 'Risk'), ...riskBoxes),
      h(
        'div',
        { class: 'group', role: 'group', 'aria-label': 'Zoom' },
        button('−', 'Zoom out (-)', () => actions.zoom('out'), { 'aria-label': 'Zoom out' }),
        button('+', 'Zoom in (+)', () => actions.zoom('in'), { 'aria-label': 'Zoom in' }),
        button('Fit', 'Fit the picture to the panel (0)', () => actions.zoom('fit')),
      ),
      h(
        'div',
        { class: 'group', role: 'group', 'aria-label': 'Export' },
        button('Export SVG…', 'Save what is shown as an SVG file', () => actions.export('svg', 'file')),
        button('Export Mermaid…', 'Save what is shown as a Mermaid flowchart, for a pull request', () => actions.export('mermaid', 'file')),
        button('Copy Mermaid', 'Copy what is shown as a Mermaid flowchart', () => actions.export('mermaid', 'clipboard')),
      ),
    );
  }

  /** Shows the accounts of the whole graph and the filter a view was made with. */
  update(accounts: readonly GraphAccount[], filter: PageFilter): void {
    this.filter = filter;
    const key = JSON.stringify(accounts);
    const selected = filter.accounts[0] ?? ALL_ACCOUNTS;
    if (key !== this.accountsKey) {
      this.accountsKey = key;
      const options = [{ id: ALL_ACCOUNTS, label: 'All accounts' }, ...accounts].map((a) => h('vscode-option', { value: a.id, ...(a.id === selected ? { selected: '' } : {}) }, a.label));
      this.account.replaceChildren(...options);
    }
    this.account.value = selected;
    for (const [risk, box] of this.risks) box.checked = filter.risks.includes(risk);
  }

  private changed(change: Partial<PageFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.actions.filter(this.filter);
  }
}
