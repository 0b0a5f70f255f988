import type { Connection } from 'vscode-languageserver';
import { buildRole, roleCatalog, serviceActions } from '../core/role';
import {
  BuildRoleRequest,
  RoleCatalogRequest,
  ServiceActionsRequest,
  type BuildRoleParams,
  type BuildRoleResponse,
  type RoleCatalogResponse,
  type ServiceActionsParams,
  type ServiceActionsResponse,
} from '../shared/protocol';

/**
 * The role wizard's requests: the client collects answers, the core builds the files. Malformed
 * params (another client, a bad extension) get an answer, never a crash.
 */
export function registerRoleRequests(connection: Connection): void {
  connection.onRequest<BuildRoleResponse, void>(BuildRoleRequest, (params: BuildRoleParams): BuildRoleResponse => {
    try {
      // buildRole checks the shape of the answers itself; the catch is a last guard, not the check.
      return buildRole(params?.answers);
    } catch (error) {
      // Our bug, not the caller's: say it in the answer rather than failing the request.
      return { ok: false, problems: [{ field: 'trust', message: `These answers cannot be read: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  });
  connection.onRequest(RoleCatalogRequest, (): RoleCatalogResponse => roleCatalog());
  connection.onRequest(ServiceActionsRequest, (params: ServiceActionsParams): ServiceActionsResponse => (typeof params?.service === 'string' ? serviceActions(params.service) : []));
}
