export { buildTrustGraph, type GraphFile } from './build';
export { readFacts, type FileFacts, type GrantFact, type TrustFact } from './facts';
export { groupLookalikes, GROUP_THRESHOLD } from './group';
export { filterGraph, type GraphFilter } from './filter';
export { fileAccount, roleIdentity, type GraphOptions, type RoleIdentity } from './identity';
export { clusterLabel, layoutGraph, type ElkEngine, type ElkShape, type GraphLayout } from './layout';
export { edgeName, escapeXml, nodeName, renderGraph, svgMarkup, type SvgElement } from './render';
export { toDot, toMermaid } from './text';
export * from './types';
