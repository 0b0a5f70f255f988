/// <reference lib="dom" />
import type { SvgElement } from '../../../../server/src/core/graph/render';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Child = Node | string | false | undefined;

/**
 * An HTML element with attributes and children. Text goes in as text nodes, never as markup: the
 * only way this page puts strings from policies on screen.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string>, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Record<string, string>, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  for (const child of children) if (child !== false && child !== undefined) element.append(child);
  return element;
}

/** Never drawn, whatever a tree says: elements that run script or embed other documents, and links. */
const BLOCKED_TAGS = new Set(['script', 'foreignobject', 'iframe', 'a', 'use', 'image']);

/** The core's SVG tree as DOM nodes: createElementNS, setAttribute and text nodes only. */
export function svgDom(tree: SvgElement): SVGElement {
  const element = document.createElementNS(SVG_NS, BLOCKED_TAGS.has(tree.tag.toLowerCase()) ? 'g' : tree.tag);
  for (const [name, value] of Object.entries(tree.attrs)) {
    // The tree's tags and names are the core's own; this only guards against a future change letting data in.
    if (/^on|href$/i.test(name)) continue;
    element.setAttribute(name, value);
  }
  for (const child of tree.children) element.append(typeof child === 'string' ? document.createTextNode(child) : svgDom(child));
  return element;
}

/** An empty SVG element, for the page's own wrappers. */
export function svgElement(tag: string, attrs: Record<string, string> = {}): SVGElement {
  return svgDom({ tag, attrs, children: [] });
}
