/// <reference lib="dom" />
import { h, svgElement } from './dom';

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 4;
/** A fitted picture is never blown up past this: a three-node graph at 400% looks broken. */
const MAX_FIT_ZOOM = 1.25;
/** One zoom step (+, -, the toolbar's buttons). */
export const ZOOM_STEP = 1.2;
const PAN_STEP = 40;
const MARGIN = 24;

export interface ViewTransform {
  zoom: number;
  pan: { x: number; y: number };
}

/** After the last wheel, drag or key step, this long until the picture is drawn sharp again and the state saved. */
const SETTLE_MS = 150;

/**
 * The pannable, zoomable area the picture lives in. Drag the background or use the arrow keys to
 * pan; the wheel, + and - zoom; 0 fits. The picture is one SVG of its own size, moved by a CSS
 * transform set through the CSSOM (the CSP forbids style attributes, not `element.style`): while it
 * moves it is a composited layer, so a step costs a frame, not a repaint of every node (a
 * transform attribute repainted 20,000 elements per step on 1,500 nodes). Steps are applied once
 * per animation frame; when they stop, the layer is dropped so that text is drawn sharp at the new zoom.
 */
export class Viewport {
  readonly element: HTMLDivElement;
  private readonly svg: SVGElement;
  private readonly world: SVGElement;
  private size = { width: 0, height: 0 };
  private transform: ViewTransform = { zoom: 1, pan: { x: 0, y: 0 } };
  private drag: { pointer: number; x: number; y: number } | undefined;
  /** Whether the picture is as fit() placed it: then a resized panel fits it again. */
  private fitted = false;
  private frame = 0;
  private settle: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onChange: (transform: ViewTransform) => void) {
    this.world = svgElement('g', { class: 'world' });
    this.svg = svgElement('svg', { class: 'trust-graph', role: 'group', 'aria-label': 'Trust relationships' });
    this.svg.append(this.world);
    this.element = h('div', { class: 'viewport', tabindex: '0', role: 'group', 'aria-label': 'Trust graph. Arrow keys pan, plus and minus zoom, 0 fits. Tab moves through the roles, principals and relationships.' }, this.svg);
    this.element.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.element.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.element.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.element.addEventListener('pointerup', () => this.endDrag());
    this.element.addEventListener('pointercancel', () => this.endDrag());
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    // Only for keyboard focus: a click focuses too, and panning under the pointer would lose the click.
    this.element.addEventListener('focusin', (e) => {
      if (e.target instanceof SVGGraphicsElement && e.target.matches(':focus-visible')) this.ensureVisible(e.target);
    });
    new ResizeObserver(() => {
      if (this.fitted) this.fit();
    }).observe(this.element);
  }

  /** Replaces the picture: `defs` go to the root (markers), the rest into the transformed group. */
  setContent(defs: SVGElement | undefined, layers: SVGElement[], width: number, height: number): void {
    this.svg.querySelector(':scope > defs')?.remove();
    if (defs) this.svg.prepend(defs);
    this.world.replaceChildren(...layers);
    this.size = { width, height };
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  }

  /** Whether the user has not moved the picture since it was last fitted. */
  get isFitted(): boolean {
    return this.fitted;
  }

  get current(): ViewTransform {
    return { zoom: this.transform.zoom, pan: { ...this.transform.pan } };
  }

  set(transform: ViewTransform): void {
    this.transform = { zoom: clamp(transform.zoom, MIN_ZOOM, MAX_ZOOM), pan: { ...transform.pan } };
    this.fitted = false;
    this.apply();
  }

  /** The whole picture in view, centred. */
  fit(): void {
    const box = this.element.getBoundingClientRect();
    if (box.width === 0 || this.size.width === 0) return;
    const zoom = clamp(Math.min((box.width - 2 * MARGIN) / this.size.width, (box.height - 2 * MARGIN) / this.size.height), MIN_ZOOM, MAX_FIT_ZOOM);
    this.set({ zoom, pan: { x: (box.width - this.size.width * zoom) / 2, y: Math.max(MARGIN, (box.height - this.size.height * zoom) / 2) } });
    this.fitted = true;
  }

  /** Zooms by a factor around a point of the viewport (its centre by default), which stays put. */
  zoomBy(factor: number, around?: { x: number; y: number }): void {
    const box = this.element.getBoundingClientRect();
    const at = around ?? { x: box.width / 2, y: box.height / 2 };
    const { zoom, pan } = this.transform;
    const next = clamp(zoom * factor, MIN_ZOOM, MAX_ZOOM);
    const ratio = next / zoom;
    this.set({ zoom: next, pan: { x: at.x - (at.x - pan.x) * ratio, y: at.y - (at.y - pan.y) * ratio } });
  }

  panBy(dx: number, dy: number): void {
    const { zoom, pan } = this.transform;
    this.set({ zoom, pan: { x: pan.x + dx, y: pan.y + dy } });
  }

  private apply(): void {
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        const { zoom, pan } = this.transform;
        this.svg.classList.add('moving');
        this.svg.style.transform = `translate(${round(pan.x)}px, ${round(pan.y)}px) scale(${round(zoom, 1000)})`;
      });
    }
    clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.svg.classList.remove('moving');
      this.onChange(this.current);
    }, SETTLE_MS);
  }

  /** Keyboard users tab to nodes the view does not show: bring them in. */
  private ensureVisible(target: SVGGraphicsElement): void {
    const item = target.getBoundingClientRect();
    const view = this.element.getBoundingClientRect();
    const dx = item.left < view.left + MARGIN ? view.left + MARGIN - item.left : item.right > view.right - MARGIN ? view.right - MARGIN - item.right : 0;
    const dy = item.top < view.top + MARGIN ? view.top + MARGIN - item.top : item.bottom > view.bottom - MARGIN ? view.bottom - MARGIN - item.bottom : 0;
    if (dx !== 0 || dy !== 0) this.panBy(dx, dy);
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const box = this.element.getBoundingClientRect();
    // Trackpads send many small deltas, mice a few large ones: scale by the delta, bounded.
    this.zoomBy(Math.exp(clamp(-event.deltaY, -100, 100) * 0.002), { x: event.clientX - box.left, y: event.clientY - box.top });
  }

  private onPointerDown(event: PointerEvent): void {
    // Nodes and edges are buttons: a press on them is a click, not the start of a drag.
    if (event.button !== 0 || (event.target instanceof Element && event.target.closest('[data-node], [data-edge]'))) return;
    this.drag = { pointer: event.pointerId, x: event.clientX, y: event.clientY };
    this.element.setPointerCapture(event.pointerId);
    this.element.classList.add('dragging');
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drag || event.pointerId !== this.drag.pointer) return;
    this.panBy(event.clientX - this.drag.x, event.clientY - this.drag.y);
    this.drag = { ...this.drag, x: event.clientX, y: event.clientY };
  }

  private endDrag(): void {
    this.drag = undefined;
    this.element.classList.remove('dragging');
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = event.shiftKey ? PAN_STEP * 4 : PAN_STEP;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => this.panBy(step, 0),
      ArrowRight: () => this.panBy(-step, 0),
      ArrowUp: () => this.panBy(0, step),
      ArrowDown: () => this.panBy(0, -step),
      '+': () => this.zoomBy(ZOOM_STEP),
      '=': () => this.zoomBy(ZOOM_STEP),
      '-': () => this.zoomBy(1 / ZOOM_STEP),
      _: () => this.zoomBy(1 / ZOOM_STEP),
      '0': () => this.fit(),
    };
    const action = Object.hasOwn(actions, event.key) ? actions[event.key] : undefined;
    if (!action) return;
    event.preventDefault();
    action();
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round(value: number, scale = 10): number {
  return Math.round(value * scale) / scale;
}
