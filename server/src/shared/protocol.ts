/**
 * Messages between the VS Code client and our server beyond standard LSP. Other editors may ignore
 * them: the server works without them.
 */
import type { CatalogAction, RoleAnswers, RoleCatalog, RoleResult } from '../core/role';
import type { GraphFilter, GraphLayout, TrustGraph } from '../core/graph';
import type { PolicyKind } from '../core/types';
import type { DialectId } from '../core/host/types';

/** Server -> client, after each analysis: the detected kind of a document (null when not a policy). */
export const DocumentKindNotification = 'iamPolicy/documentKind';

export interface DocumentKindParams {
  uri: string;
  /** The kind of a policy file; null when it is not one, and for Terraform files (see `policies`). */
  kind: PolicyKind | null;
  /** Why: `setting`, `file name`, `content` or `place`. */
  reason: string | null;
  /** `terraform` for a Terraform file (absent: JSON). */
  dialect?: DialectId;
  /** The kind of each policy a Terraform file holds, in document order. */
  policies?: PolicyKind[];
}

/** Diagnostic source, the same for every rule. */
export const DIAGNOSTIC_SOURCE = 'iam-policy';

/** The settings section the server pulls per resource. */
export const SETTINGS_SECTION = 'iamPolicy';

/** What our VS Code client sends in `initialize`; other editors may send `settings` alone, or nothing. */
export interface IamPolicyInitializationOptions {
  /** Settings for editors without workspace/configuration. */
  settings?: Record<string, unknown>;
  /** The client runs `editor.action.triggerSuggest`, so items may ask for the next list (a service prefix, then its actions). */
  retriggerSuggest?: boolean;
}

/** The VS Code command that opens the suggestion list again. */
export const TRIGGER_SUGGEST_COMMAND = 'editor.action.triggerSuggest';

/** Client -> server: build a role from the wizard's answers (the files come back; the client writes them). */
export const BuildRoleRequest = 'iamPolicy/buildRole';
export interface BuildRoleParams {
  answers: RoleAnswers;
}
export type BuildRoleResponse = RoleResult;

/** Client -> server: the managed policies and services the role wizard offers. */
export const RoleCatalogRequest = 'iamPolicy/roleCatalog';
export type RoleCatalogResponse = RoleCatalog;

/** Client -> server: the actions of one service, for the wizard's action picker. */
export const ServiceActionsRequest = 'iamPolicy/serviceActions';
export interface ServiceActionsParams {
  service: string;
}
export type ServiceActionsResponse = CatalogAction[];

/** Client -> server: the trust relationships of the workspace, laid out for the panel (or as export text). */
export const TrustGraphRequest = 'iamPolicy/trustGraph';
export interface TrustGraphParams {
  filter?: GraphFilter;
  /** A policy document's URI: keep its role (or policy) and what is joined to it. */
  focusUri?: string;
  /** `view` (default): graph and layout for the panel. `svg`, `mermaid`, `dot`, `json`: export text. */
  format?: 'view' | 'svg' | 'mermaid' | 'dot' | 'json';
}

/** One account the panel can filter by, with its display label. */
export interface GraphAccount {
  /** A 12-digit id, or `this` for this account (the workspace's own, unnamed). */
  id: string;
  label: string;
}

export interface TrustGraphView {
  /** The (filtered) graph; sources carry document URIs as `path`. */
  graph: TrustGraph;
  layout: GraphLayout;
  /** Every account of the whole graph, for the filter, before filtering. */
  accounts: GraphAccount[];
  /** The node `focusUri` resolved to, when it did. */
  focus?: string;
  /** Policy files read, and whether the scan stopped at its bound. */
  files: number;
  truncated: boolean;
  /** The whole graph's size, so the page can tell "nothing here" from "nothing matches the filter". */
  total: { nodes: number; edges: number };
  /** Set when the (filtered) graph is too large to lay out: the layout is empty, the page asks for a filter. */
  tooLarge?: { nodes: number; limit: number };
}

export type TrustGraphResponse = TrustGraphView | { text: string };

/** Server -> client: policy files changed; a visible panel asks again. */
export const TrustGraphChangedNotification = 'iamPolicy/trustGraphChanged';
