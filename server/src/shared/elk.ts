import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ElkEngine, ElkShape } from '../core/graph';

let raw: ElkEngine | undefined;
let engine: ElkEngine | undefined;

/**
 * elkjs, loaded on the first layout: it is 1.6 MB of JavaScript that neither start-up nor linting
 * needs. The build copies it next to the bundles (dist/elk.js); from sources it comes from node_modules.
 */
export function loadElk(): ElkEngine {
  engine ??= lastOneKept(uncachedElk());
  return engine;
}

/** elkjs itself, laying out every call anew: for the benchmark, which must time layouts, not the cache. */
export function uncachedElk(): ElkEngine {
  if (!raw) {
    const bundled = join(__dirname, 'elk.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ELK = require(existsSync(bundled) ? bundled : 'elkjs/lib/elk.bundled.js') as new () => ElkEngine;
    raw = new ELK();
  }
  return raw;
}

/**
 * The same input laid out twice gives the same picture: a retry, an SVG export of the view on
 * screen, a panel shown again. Keep the last one (a second on 500 files, on the server's one thread).
 */
export function lastOneKept(elk: ElkEngine): ElkEngine {
  let last: { key: string; result: Promise<ElkShape> } | undefined;
  return {
    layout(graph) {
      // Keyed before the call: elkjs writes the positions into its input.
      const key = JSON.stringify(graph);
      if (last?.key !== key) last = { key, result: elk.layout(graph) };
      return last.result;
    },
  };
}
