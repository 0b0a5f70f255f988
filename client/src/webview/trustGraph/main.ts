/// <reference lib="dom" />
// The trust relationships page, bundled for the webview (media/dist/trustGraph.js). It draws what
// the extension sends: the graph is built and laid out by the language server, and drawn here with
// the core's renderGraph turned into DOM nodes (no markup is ever parsed from data).
import { renderGraph } from '../../../../server/src/core/graph/render';
import { RISKS, type SourceRef, type TrustGraph } from '../../../../server/src/core/graph/types';
import type { TrustGraphView } from '../../../../server/src/shared/protocol';
import type { FromPage, PageFilter, PageState, ToPage } from '../../trustGraph/messages';
import { h, svgDom } from './dom';
import { issueList, legend } from './sidebar';
import { Toolbar } from './toolbar';
import { Viewport, ZOOM_STEP, type ViewTransform } from './viewport';

interface VsCodeApi {
  postMessage(message: FromPage): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState();
let state: PageState = saved ?? { accounts: [], risks: [...RISKS], zoom: 1, pan: { x: 0, y: 0 } };
/** Whether the picture was ever placed: a reloaded page keeps the user's zoom and pan. */
let placed = saved !== undefined;
let view: TrustGraphView | undefined;

const post = (message: FromPage) => vscode.postMessage(message);
const save = () => vscode.setState(state);

const viewport = new Viewport((transform: ViewTransform) => {
  state = { ...state, ...transform };
  save();
});
const toolbar = new Toolbar({
  filter: (filter) => requestFilter(filter),
  zoom: (action) => (action === 'fit' ? viewport.fit() : viewport.zoomBy(action === 'in' ? ZOOM_STEP : 1 / ZOOM_STEP)),
  export: (format, to) => post({ type: 'export', format, to }),
});
const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
const canvas = h('div', { class: 'canvas' }, viewport.element);
const side = h('aside', { class: 'side', 'aria-label': 'Legend and issues' }, legend());
const app = document.getElementById('app') ?? document.body;
app.replaceChildren(toolbar.element, status, h('div', { class: 'body' }, canvas, side));

function requestFilter(filter: PageFilter): void {
  post({ type: 'filter', filter });
}

/** Where a click on a node or an edge goes: the statement of an edge; a node's file, else its first edge's statement. */
function sourceOf(graph: TrustGraph, element: Element): SourceRef | undefined {
  const edgeId = element.getAttribute('data-edge');
  const nodeId = element.getAttribute('data-node');
  const edge = edgeId !== null ? graph.edges.find((e) => e.id === edgeId) : nodeId !== null ? graph.edges.find((e) => e.from === nodeId || e.to === nodeId) : undefined;
  const node = nodeId !== null ? graph.nodes.find((n) => n.id === nodeId) : undefined;
  if (node?.source) return node.source;
  return edge && { path: edge.source.path, span: edge.statement.span };
}

function reveal(target: EventTarget | null): void {
  const element = target instanceof Element ? target.closest('[data-node], [data-edge]') : null;
  const source = element && view && sourceOf(view.graph, element);
  if (source) post({ type: 'reveal', source });
}

viewport.element.addEventListener('click', (event) => reveal(event.target));
viewport.element.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  if (!(event.target instanceof Element) || !event.target.matches('[data-node], [data-edge]')) return;
  event.preventDefault();
  reveal(event.target);
});

function sameFilter(a: PageFilter, b: PageFilter): boolean {
  return a.accounts.join() === b.accounts.join() && a.risks.join() === b.risks.join() && a.focusUri === b.focusUri;
}

/** Text in place of the picture, with an optional button. */
function message(title: string, text: (Node | string)[], action?: { label: string; run: () => void }): HTMLElement {
  const children: (Node | string)[] = [h('h2', {}, title), h('p', {}, ...text)];
  if (action) {
    const button = h('vscode-button', {}, action.label);
    button.addEventListener('click', action.run);
    children.push(button);
  }
  return h('div', { class: 'message' }, ...children);
}

/** A message in place of the picture; the picture shown next is placed afresh, not where the old one was. */
function showMessage(element: HTMLElement): void {
  const hadFocus = canvas.contains(document.activeElement);
  canvas.replaceChildren(element);
  placed = false;
  // A button that removed itself ("Show everything", "Try again") must not drop the focus to the page.
  if (hadFocus) element.querySelector<HTMLElement>('vscode-button')?.focus();
}

/** The status line, replaced only when its text changes: a screen reader reads each change aloud. */
function setStatus(parts: (Node | string)[]): void {
  const next = h('span', {}, ...parts);
  if (status.textContent === next.textContent) return;
  status.replaceChildren(next);
}

const showEverything = () => requestFilter({ accounts: [], risks: [...RISKS] });

function draw(next: TrustGraphView, filter: PageFilter, notice: string | undefined): void {
  const refit = !placed || !sameFilter(filter, state);
  view = next;
  state = { accounts: filter.accounts, risks: filter.risks, ...(filter.focusUri ? { focusUri: filter.focusUri } : {}), zoom: state.zoom, pan: state.pan };
  save();
  toolbar.update(next.accounts, filter);
  side.replaceChildren(legend(), issueList(next.graph.issues, (source) => post({ type: 'reveal', source })));
  app.setAttribute('aria-busy', 'false');
  setStatus(statusLine(next, notice));

  if (next.total.nodes === 0) {
    showMessage(
      message(
        'No trust relationships found',
        [
          next.files === 0 ? 'No IAM policy files were found in this workspace. ' : `${next.files} policy files were read, and none of them is a trust policy or lets anyone call sts:AssumeRole. `,
          'Open a folder with trust policies (named like ',
          h('code', {}, 'deploy-trust-policy.json'),
          ', or ',
          h('code', {}, 'trust-policy.json'),
          ' in a folder named after the role) and the identity policies that allow assuming them, or tell IAM Policy Studio which files are policies with the ',
          h('code', {}, 'iamPolicy.files'),
          ' setting.',
        ],
      ),
    );
    return;
  }
  if (filter.risks.length === 0 || next.graph.nodes.length === 0) {
    showMessage(message('Nothing matches the filter', ['No role or principal is left with this account and risk filter.'], { label: 'Show everything', run: showEverything }));
    return;
  }
  if (next.tooLarge) {
    showMessage(
      message('Too many to draw', [
        `The picture would have ${next.tooLarge.nodes} nodes; it is drawn up to ${next.tooLarge.limit}. Choose an account or a risk above, or open it from a policy's editor title button to see one role. The issues on the right cover everything.`,
      ]),
    );
    return;
  }
  const tree = renderGraph(next.graph, next.layout);
  const children = tree.children.filter((c) => typeof c !== 'string');
  const defs = children.find((c) => c.tag === 'defs');
  viewport.setContent(defs && svgDom(defs), children.filter((c) => c.tag !== 'defs').map(svgDom), next.layout.width, next.layout.height);
  if (next.focus) viewport.element.querySelector(`[data-node="${CSS.escape(next.focus)}"]`)?.classList.add('focused');
  if (canvas.firstChild !== viewport.element) {
    const hadFocus = canvas.contains(document.activeElement);
    canvas.replaceChildren(viewport.element);
    if (hadFocus) viewport.element.focus();
  }
  // A new filter gets a fitted picture, and so does a changed one the user had not moved.
  if (refit || viewport.isFitted) {
    viewport.fit();
    placed = true;
  } else {
    viewport.set(state);
  }
}

function statusLine(next: TrustGraphView, notice: string | undefined): (Node | string)[] {
  const { nodes, edges } = next.graph;
  const parts: (Node | string)[] = [`${nodes.length} of ${next.total.nodes} nodes, ${edges.filter((e) => e.kind === 'trust').length} trust and ${edges.filter((e) => e.kind === 'grant').length} grant relationships, from ${next.files} policy files.`];
  if (next.truncated) parts.push(' The workspace has more policy files than are read: some relationships may be missing.');
  if (notice) parts.push(' ', notice);
  const focus = next.focus !== undefined ? next.graph.nodes.find((n) => n.id === next.focus) : undefined;
  if (focus) {
    const label = focus.label;
    const all = h('vscode-button', { secondary: '', class: 'show-all' }, 'Show all');
    all.addEventListener('click', () => {
      requestFilter({ accounts: state.accounts, risks: state.risks });
      viewport.element.focus();
    });
    parts.push(' ', h('span', { class: 'focus-note' }, `Showing only ${label} and what joins it.`), ' ', all);
  }
  return parts;
}

window.addEventListener('message', (event: MessageEvent<ToPage>) => {
  const data = event.data;
  if (typeof data !== 'object' || data === null) return;
  if (data.type === 'loading') {
    app.setAttribute('aria-busy', 'true');
  } else if (data.type === 'view') {
    draw(data.view, data.filter, data.notice);
  } else if (data.type === 'error') {
    app.setAttribute('aria-busy', 'false');
    // The status line is the live region: the error is read out there, and shown in full below.
    setStatus([`The trust relationships could not be shown: ${data.message}`]);
    showMessage(message('The trust relationships could not be shown', [data.message], { label: 'Try again', run: () => post({ type: 'retry' }) }));
  }
});

post({ type: 'ready', ...(saved ? { state: saved } : {}) });
