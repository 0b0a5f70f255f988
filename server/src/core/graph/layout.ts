import { accountOf, compare, THIS_ACCOUNT, type GraphNode, type TrustGraph } from './types';

/** The part of elkjs's JSON graph we use; the engine itself is passed in (it is large: loaded on first use). */
export interface ElkShape {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  labels?: { text: string; width: number; height: number; x?: number; y?: number }[];
  layoutOptions?: Record<string, string>;
  children?: ElkShape[];
  edges?: { id: string; sources: string[]; targets: string[]; labels?: ElkShape['labels']; sections?: ElkSection[] }[];
}

interface ElkSection {
  startPoint: Point;
  endPoint: Point;
  bendPoints?: Point[];
}

export interface ElkEngine {
  layout(graph: ElkShape): Promise<ElkShape>;
}

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

/** Where everything goes, in absolute coordinates. Only geometry and texts; the graph says the rest. */
export interface GraphLayout {
  width: number;
  height: number;
  clusters: (Box & { id: string; label: string; account?: string; local?: boolean })[];
  nodes: (Box & { id: string })[];
  edges: { id: string; points: Point[]; label?: Box & { text: string } }[];
}

/** Text metrics for a 12px UI font, rounded up: layout runs where no text can be measured. */
const CHAR_WIDTH = 7;
const NODE_HEIGHT = 42;
const MIN_NODE_WIDTH = 96;
/** Longest label drawn in a node or on an edge; longer ones end in "…" (the tooltip has the rest). */
export const MAX_NODE_CHARS = 40;
export const MAX_EDGE_CHARS = 36;
const LABEL_HEIGHT = 16;

export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The text on an edge: its conditions, or nothing. */
export function edgeText(conditions: readonly string[]): string {
  return clipText(conditions.join(', '), MAX_EDGE_CHARS);
}

/** The title of an account's box. */
export function clusterLabel(account: string | undefined, names: Readonly<Record<string, string>>): string {
  if (account === undefined || account === THIS_ACCOUNT) return 'this account';
  const name = Object.hasOwn(names, account) ? names[account] : undefined;
  return name ? `${name} · ${account}` : `account ${account}`;
}

function nodeWidth(node: GraphNode): number {
  const text = clipText(node.label, MAX_NODE_CHARS);
  return Math.max(MIN_NODE_WIDTH, text.length * CHAR_WIDTH + 28);
}

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.spacing.nodeNode': '20',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.componentComponent': '32',
  // Sorted input and a fixed seed make the picture the same on every run. (Asking ELK to keep the
  // model order as well tripled the time on 500 files: 4.1 s instead of 1.3 s.)
  'elk.randomSeed': '1',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

/** Nodes from which layout trades some crossing minimisation for time. */
const LARGE_GRAPH = 150;

const CLUSTER_OPTIONS: Record<string, string> = {
  'elk.padding': '[top=30,left=12,bottom=12,right=12]',
  'elk.nodeLabels.placement': 'INSIDE V_TOP H_LEFT',
};

/**
 * Lays the graph out with elkjs: left to right (principals, then roles), one box per account, the
 * conditions on the edges. Deterministic: sorted input, a fixed seed, estimated text widths.
 */
export async function layoutGraph(graph: TrustGraph, elk: ElkEngine, accountNames: Readonly<Record<string, string>> = {}): Promise<GraphLayout> {
  const clusters = new Map<string, ElkShape>();
  const top: ElkShape[] = [];
  for (const node of graph.nodes) {
    const shape: ElkShape = { id: node.id, width: nodeWidth(node), height: NODE_HEIGHT };
    const key = accountOf(node);
    if (key === undefined) {
      top.push(shape);
      continue;
    }
    let cluster = clusters.get(key);
    if (!cluster) {
      const label = clusterLabel(key, accountNames);
      cluster = { id: clusterId(key), labels: [{ text: label, width: label.length * CHAR_WIDTH, height: LABEL_HEIGHT }], layoutOptions: CLUSTER_OPTIONS, children: [] };
      clusters.set(key, cluster);
    }
    cluster.children?.push(shape);
  }
  const edges = graph.edges.map((edge) => {
    const text = edgeText(edge.conditions);
    return { id: edge.id, sources: [edge.from], targets: [edge.to], ...(text ? { labels: [{ text, width: text.length * 6 + 8, height: LABEL_HEIGHT }] } : {}) };
  });
  const children = [...[...clusters.values()].sort((a, b) => compare(a.id, b.id)), ...top];
  // Fewer crossing-minimisation passes on big graphs: 0.8 s instead of 1.5 s on 550 nodes, and a
  // picture that size is read by filtering and zooming anyway.
  const layoutOptions = { ...ROOT_OPTIONS, 'elk.layered.thoroughness': graph.nodes.length > LARGE_GRAPH ? '1' : '7' };
  const result = await elk.layout({ id: 'root', layoutOptions, children, edges });
  return readLayout(result);
}

/** The box of an account (`accountOf`: a 12-digit id or `this`). */
export function clusterId(account: string): string {
  return `cluster:${account}`;
}

function readLayout(root: ElkShape): GraphLayout {
  const layout: GraphLayout = { width: Math.ceil(root.width ?? 0), height: Math.ceil(root.height ?? 0), clusters: [], nodes: [], edges: [] };
  for (const child of root.children ?? []) {
    if (child.children) {
      const account = child.id.slice('cluster:'.length);
      layout.clusters.push({ id: child.id, label: child.labels?.[0]?.text ?? '', ...box(child), ...(account === THIS_ACCOUNT ? { local: true } : { account }) });
      for (const node of child.children) layout.nodes.push({ id: node.id, ...box(node) });
    } else {
      layout.nodes.push({ id: child.id, ...box(child) });
    }
  }
  for (const edge of root.edges ?? []) {
    const section = edge.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(round) : [];
    const label = edge.labels?.[0];
    layout.edges.push({ id: edge.id, points, ...(label ? { label: { text: label.text, ...box(label) } } : {}) });
  }
  return layout;
}

function box(shape: Pick<ElkShape, 'x' | 'y' | 'width' | 'height'>): Box {
  return { x: Math.round(shape.x ?? 0), y: Math.round(shape.y ?? 0), width: Math.round(shape.width ?? 0), height: Math.round(shape.height ?? 0) };
}

function round(point: Point): Point {
  return { x: Math.round(point.x), y: Math.round(point.y) };
}
