/// <reference lib="dom" />
import type { GraphIssue, SourceRef } from '../../../../server/src/core/graph/types';
import { h, svgElement } from './dom';

/** A short line drawn like an edge of the picture, with the same classes so the theme colours match. */
function lineSample(classes: string): SVGElement {
  const svg = svgElement('svg', { width: '36', height: '12', 'aria-hidden': 'true', class: 'sample' });
  const group = svgElement('g', { class: `edge ${classes}` });
  group.append(svgElement('path', { d: 'M2,6 L34,6' }));
  svg.append(group);
  return svg;
}

function boxSample(classes: string, rounded: boolean): SVGElement {
  const svg = svgElement('svg', { width: '36', height: '18', 'aria-hidden': 'true', class: 'sample' });
  const group = svgElement('g', { class: `node ${classes}` });
  group.append(svgElement('rect', { x: '2', y: '2', width: '32', height: '14', rx: rounded ? '7' : '2' }));
  svg.append(group);
  return svg;
}

/** What the lines, colours and shapes mean. */
export function legend(): HTMLElement {
  const item = (sample: SVGElement, text: string) => h('li', {}, sample, h('span', {}, text));
  return h(
    'details',
    { class: 'legend', open: '' },
    h('summary', {}, 'Legend'),
    h(
      'ul',
      {},
      item(lineSample('kind-trust risk-low'), 'Can assume: the role’s trust policy lets it in'),
      item(lineSample('kind-grant risk-low'), 'Allows assuming: an identity policy grants sts:AssumeRole'),
      item(lineSample('kind-trust risk-high'), 'High risk: public, or an identity provider with no subject condition'),
      item(lineSample('kind-trust risk-medium'), 'Medium risk: another account with no condition, or a wildcard'),
      item(lineSample('kind-trust risk-low'), 'Low risk: conditioned (MFA, ExternalId, subject…), a service, or the role’s own account'),
      item(boxSample('kind-role defined', false), 'Role (square corners)'),
      item(boxSample('kind-account', true), 'Principal or identity policy (round corners)'),
    ),
  );
}

/**
 * The mismatched halves and other findings about the graph, each a button that opens its statement.
 * Rebuilt with each view.
 */
export function issueList(issues: readonly GraphIssue[], reveal: (source: SourceRef) => void): HTMLElement {
  const items = issues.map((issue) => {
    const button = h('button', { type: 'button', class: `issue severity-${issue.severity}`, title: 'Open the statement' }, h('span', { class: 'severity' }, `${issue.severity}:`), ' ', issue.message);
    button.addEventListener('click', () => reveal(issue.source));
    return h('li', {}, button);
  });
  return h(
    'details',
    { class: 'issues', open: '' },
    h('summary', {}, `Issues (${issues.length})`),
    items.length > 0 ? h('ul', {}, ...items) : h('p', { class: 'none' }, 'No mismatched halves in what is shown.'),
  );
}
