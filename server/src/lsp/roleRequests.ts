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
    const answers = params?.answers;
    if (typeof answers !== 'object' || answers === null || typeof answers.name !== 'string' || !Array.isArray(answers.trust)) {
      return { ok: false, problems: [{ field: 'name', message: 'The request carries no role answers (name and trust are required).' }] };
    }
    try {
      return buildRole(answers);
    } catch (error) {
      // Answers of the wrong shape (a number where a list belongs) from a client we did not write.
      return { ok: false, problems: [{ field: 'trust', message: `These answers cannot be read: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  });
  connection.onRequest(RoleCatalogRequest, (): RoleCatalogResponse => roleCatalog());
  connection.onRequest(ServiceActionsRequest, (params: ServiceActionsParams): ServiceActionsResponse => (typeof params?.service === 'string' ? serviceActions(params.service) : []));
}
