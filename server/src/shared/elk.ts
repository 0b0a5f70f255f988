import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ElkEngine } from '../core/graph';

let engine: ElkEngine | undefined;

/**
 * elkjs, loaded on the first layout: it is 1.6 MB of JavaScript that neither start-up nor linting
 * needs. The build copies it next to the bundles (dist/elk.js); from sources it comes from node_modules.
 */
export function loadElk(): ElkEngine {
  if (!engine) {
    const bundled = join(__dirname, 'elk.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ELK = require(existsSync(bundled) ? bundled : 'elkjs/lib/elk.bundled.js') as new () => ElkEngine;
    engine = new ELK();
  }
  return engine;
}
