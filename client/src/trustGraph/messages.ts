/**
 * The messages between the trust relationships panel (extension host) and its page (webview). Both
 * sides import these types; the page is bundled for the browser, so only types live here.
 */
import type { Risk, SourceRef } from '../../../server/src/core/graph/types';
import type { TrustGraphView } from '../../../server/src/shared/protocol';

/** What the page remembers across reloads (`setState`) and the serializer hands back on restore. */
export interface PageState {
  /** Account ids to keep (`this` for this account); empty keeps every account. */
  accounts: string[];
  /** Risks to keep; all three keep everything, none hides everything. */
  risks: Risk[];
  /** A policy file's URI the picture is narrowed to: its role (or policy) and what joins it ("Show Trust Relationships for This File"). */
  focusUri?: string;
  zoom: number;
  pan: { x: number; y: number };
}

/** The filter part of the state, as the page sends it when the user changes it. */
export type PageFilter = Pick<PageState, 'accounts' | 'risks' | 'focusUri'>;

export type ExportFormat = 'svg' | 'mermaid';

/** Extension -> page. */
export type ToPage =
  /** A request is on its way (first load, filter change, file change). */
  | { type: 'loading' }
  /** The picture to draw, for the filter it was asked with. `notice` says something the picture cannot (a file that has no role). */
  | { type: 'view'; view: TrustGraphView; filter: PageFilter; notice?: string }
  /** The view could not be had: the server is not running, or the request failed. */
  | { type: 'error'; message: string };

/** Page -> extension. */
export type FromPage =
  /** The page has loaded; `state` is what it remembered (undefined the first time). */
  | { type: 'ready'; state?: PageState }
  | { type: 'filter'; filter: PageFilter }
  /** The user clicked (or pressed Enter on) a node, an edge or an issue. */
  | { type: 'reveal'; source: SourceRef }
  | { type: 'export'; format: ExportFormat; to: 'file' | 'clipboard' }
  /** Ask again, after an error. */
  | { type: 'retry' };

const TYPES: ReadonlySet<string> = new Set(['ready', 'filter', 'reveal', 'export', 'retry']);

/** Whether a value from the page looks like one of our messages (a webview can post anything). */
export function isFromPage(value: unknown): value is FromPage {
  return typeof value === 'object' && value !== null && TYPES.has(String((value as { type?: unknown }).type));
}
