import type * as vscode from 'vscode';
import { SERVICE_PRINCIPALS } from '../../../server/src/core/iam/servicePrincipals';
import type { CatalogAction, RoleCatalog } from '../../../server/src/core/role/catalog';
import { isCallerType as isCaller, type RoleAnswers, type TrustedEntity, type TrustedEntityType } from '../../../server/src/core/role/types';
import { firstPlaceholder } from '../../../server/src/core/iam/placeholders';
import * as checks from '../../../server/src/core/role/validate';
import { MultiStepInput, type InputOptions, type Step } from './multiStepInput';

/** What the wizard needs from the language server (the IAM data and the builder live there). */
export interface WizardBackend {
  catalog(): Promise<RoleCatalog>;
  serviceActions(service: string): Promise<CatalogAction[]>;
  /** Builds and writes the role; a message when the answers are refused (shown on the last step). */
  create(answers: RoleAnswers, folder: string): Promise<string | undefined>;
  /** The folder a new role's files go to, by default. */
  defaultFolder(name: string): string;
}

interface State extends Omit<RoleAnswers, 'trust'> {
  entityType?: TrustedEntityType;
  entity?: TrustedEntity;
  /** ARN formats of the picked actions, to prefill the resources. */
  resourceHints?: string[];
}

type Item<T> = vscode.QuickPickItem & { value: T };

const ENTITIES: Item<TrustedEntityType>[] = [
  { label: 'AWS account', value: 'account', detail: 'People or a third party in another account; requires MFA or an ExternalId' },
  { label: 'IAM role or user', value: 'principal', detail: 'Specific roles or users, in this or another account' },
  { label: 'AWS service', value: 'service', detail: 'EC2, Lambda, ECS tasks, EKS Pod Identity and other services' },
  { label: 'GitHub Actions', value: 'github', detail: 'Workflows of one repository, pinned to a branch or an environment' },
  { label: 'EKS service account', value: 'eks', detail: "Pods of a Kubernetes service account, through the cluster's OIDC provider (IRSA)" },
  { label: 'GitLab CI/CD', value: 'gitlab', detail: 'Pipelines of one gitlab.com project' },
  { label: 'SAML provider', value: 'saml', detail: 'Users of your identity provider signing in to the console or the CLI' },
  { label: 'Other OIDC provider', value: 'oidc', detail: 'Tokens of another OpenID Connect issuer, with a fixed audience and subject' },
];

const DURATIONS: Item<number | undefined>[] = [
  { label: '1 hour', description: "IAM's default", value: undefined },
  ...[2, 4, 8, 12].map((hours) => ({ label: `${hours} hours`, value: hours * 3600 })),
];

/** "a, b,c" -> ['a', 'b', 'c'] */
const splitList = (value: string) => value.split(/[\s,]+/).filter((v) => v !== '');
const firstProblem = (values: string[], check: (v: string) => string | undefined) => values.map(check).find((p) => p !== undefined);

/**
 * Asks for a role step by step (name, account, who can assume it and how, protections, permissions,
 * folder) and creates it through the backend. Resolves true when the role was written.
 */
export async function runRoleWizard(backend: WizardBackend): Promise<boolean> {
  const state: State = { name: '' };
  let catalog: Promise<RoleCatalog> | undefined;
  const total = () => {
    const details = { github: draft['github.pin'] === 'any' ? 2 : 3, eks: 3, gitlab: 2, oidc: 3 }[state.entityType as string] ?? 1;
    const protections = isCaller(state.entityType) ? 1 + (draft.protection === 'externalId' ? (draft.externalIdHow === 'enter' ? 2 : 1) : 0) : 0;
    // name, account, entity, then duration, managed policies, inline actions and folder
    return 3 + details + protections + 4 + (state.actions?.length ? 1 : 0);
  };

  /** Asked for early (the managed policies take a moment); a failure is retried when the list is needed. */
  const loadCatalog = () => {
    catalog ??= backend.catalog().catch((error: unknown) => {
      catalog = undefined;
      throw error;
    });
    return catalog;
  };
  const askName: Step = async (input) => {
    state.name = await input.showInputBox({ totalSteps: total(), prompt: 'The name of the role', placeholder: 'SecurityAuditor', value: state.name, validate: checks.roleNameProblem });
    void loadCatalog().catch(() => undefined);
    return askAccount;
  };
  const askAccount: Step = async (input) => {
    state.account = await input.showInputBox({
      totalSteps: total(),
      prompt: 'The 12-digit id of the account the role is created in',
      placeholder: '111122223333',
      value: state.account,
      validate: checks.accountIdProblem,
    });
    return askEntity;
  };
  const askEntity: Step = async (input) => {
    const picked = await input.showQuickPick({ totalSteps: total(), placeholder: 'Who can assume the role?', items: ENTITIES, activeItem: ENTITIES.find((e) => e.value === state.entityType) });
    state.entityType = picked.value;
    return entitySteps[picked.value];
  };

  /** Answers of the entity's detail questions, by question: Back shows them again as typed. */
  const draft: Record<string, string> = {};
  /** One question of one line; `options` is read when the step shows, so it can depend on earlier answers. */
  const textStep =
    (key: string, options: () => Omit<InputOptions, 'totalSteps'>, next: () => Step): Step =>
    async (input) => {
      const asked = options();
      draft[key] = await input.showInputBox({ ...asked, totalSteps: total(), value: draft[key] ?? asked.value });
      return next();
    };
  const afterEntity = (entity: TrustedEntity): Step => {
    state.entity = entity;
    if (!isCaller(entity.type)) {
      state.mfa = false;
      delete state.externalId;
    }
    return isCaller(entity.type) ? askProtections : askDuration;
  };
  const listStep = (key: string, prompt: string, placeholder: string, check: (v: string) => string | undefined, make: (values: string[]) => TrustedEntity): Step =>
    textStep(key, () => ({ prompt, placeholder, validate: (v) => firstProblem(splitList(v), check) }), () => afterEntity(make(splitList(draft[key]))));
  const askService: Step = async (input) => {
    const items: Item<string>[] = SERVICE_PRINCIPALS.filter((s) => s.usedIn.includes('trust')).map((s) => ({ label: s.principal, detail: s.description, value: s.principal }));
    const selected = state.entity?.type === 'service' ? state.entity.services : [];
    const picked = await input.showQuickPickMany({
      totalSteps: total(),
      placeholder: 'The services that assume the role (Space to select, Enter to go on)',
      items,
      selected: items.filter((i) => selected.includes(i.value)),
      matchOnDetail: true,
    });
    if (picked.length === 0) return askService;
    return afterEntity({ type: 'service', services: picked.map((p) => p.value) });
  };

  const askGitHubRef = textStep(
    'github.ref',
    () => (draft['github.pin'] === 'branch' ? { prompt: 'The branch', value: 'main', validate: checks.branchProblem } : { prompt: 'The environment', value: 'production', validate: checks.environmentProblem }),
    () => {
      const repository = draft['github.repository'];
      return afterEntity(draft['github.pin'] === 'branch' ? { type: 'github', repository, branch: draft['github.ref'] } : { type: 'github', repository, environment: draft['github.ref'] });
    },
  );
  const askGitHubPin: Step = async (input) => {
    const pins: Item<'branch' | 'environment' | 'any'>[] = [
      { label: 'A branch', detail: 'Workflow runs on one branch (or a pattern like release/*)', value: 'branch' },
      { label: 'An environment', detail: 'Jobs that deploy to one GitHub environment (its protection rules apply)', value: 'environment' },
      { label: 'Any branch, tag or pull request', detail: 'Every workflow run of the repository', value: 'any' },
    ];
    const pin = await input.showQuickPick({ totalSteps: total(), placeholder: `Which runs of ${draft['github.repository']}?`, items: pins, activeItem: pins.find((p) => p.value === draft['github.pin']) });
    if (draft['github.pin'] !== pin.value) delete draft['github.ref'];
    draft['github.pin'] = pin.value;
    return pin.value === 'any' ? afterEntity({ type: 'github', repository: draft['github.repository'] }) : askGitHubRef;
  };
  const askGitHub = textStep('github.repository', () => ({ prompt: 'The GitHub repository (owner/repository)', placeholder: 'my-org/my-repo', validate: checks.githubRepositoryProblem }), () => askGitHubPin);

  const askEks = textStep(
    'eks.issuer',
    () => ({
      prompt: "The cluster's OIDC issuer (aws eks describe-cluster --query cluster.identity.oidc.issuer)",
      placeholder: 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
      validate: checks.eksIssuerProblem,
    }),
    () =>
      textStep(
        'eks.namespace',
        () => ({ prompt: 'The Kubernetes namespace', value: 'default', validate: (v) => checks.kubernetesNameProblem(v, 'namespace') }),
        () =>
          textStep(
            'eks.serviceAccount',
            () => ({ prompt: 'The Kubernetes service account', validate: (v) => checks.kubernetesNameProblem(v, 'service account') }),
            () => afterEntity({ type: 'eks', issuer: draft['eks.issuer'], namespace: draft['eks.namespace'], serviceAccount: draft['eks.serviceAccount'] }),
          ),
      ),
  );
  const askGitLab = textStep(
    'gitlab.project',
    () => ({ prompt: 'The gitlab.com project (group/project)', placeholder: 'my-group/my-project', validate: checks.gitlabProjectProblem }),
    () =>
      textStep(
        'gitlab.branch',
        () => ({ prompt: 'The branch (empty: every branch and tag)', value: 'main', validate: (v) => (v === '' ? undefined : checks.branchProblem(v)) }),
        () => afterEntity(draft['gitlab.branch'] === '' ? { type: 'gitlab', project: draft['gitlab.project'] } : { type: 'gitlab', project: draft['gitlab.project'], branch: draft['gitlab.branch'] }),
      ),
  );
  const askSaml = textStep(
    'saml.provider',
    () => ({ prompt: 'The SAML provider ARN', placeholder: `arn:aws:iam::${state.account}:saml-provider/MyIdP`, validate: checks.samlProviderArnProblem }),
    () => afterEntity({ type: 'saml', providerArn: draft['saml.provider'] }),
  );
  const askOidc = textStep(
    'oidc.issuer',
    () => ({ prompt: 'The issuer URL', placeholder: 'https://token.example.com', validate: checks.oidcIssuerProblem }),
    () =>
      textStep(
        'oidc.audience',
        () => ({ prompt: 'The audience (aud) the tokens carry', validate: (v) => checks.claimValueProblem(v, 'audience') }),
        () =>
          textStep(
            'oidc.subject',
            () => ({ prompt: 'The subject (sub) the tokens carry', validate: (v) => checks.claimValueProblem(v, 'subject') }),
            () => afterEntity({ type: 'oidc', issuer: draft['oidc.issuer'], audience: draft['oidc.audience'], subject: draft['oidc.subject'] }),
          ),
      ),
  );
  const entitySteps: Record<TrustedEntityType, Step> = {
    account: listStep('accounts', 'The trusted account ids (comma-separated)', '444455556666', checks.accountIdProblem, (accounts) => ({ type: 'account', accounts })),
    principal: listStep('arns', 'The role or user ARNs (comma-separated)', 'arn:aws:iam::444455556666:role/Deployer', checks.principalArnProblem, (arns) => ({ type: 'principal', arns })),
    service: askService,
    github: askGitHub,
    eks: askEks,
    gitlab: askGitLab,
    saml: askSaml,
    oidc: askOidc,
  };

  const askProtections: Step = async (input) => {
    const options: Item<{ mfa: boolean; externalId: boolean }>[] = [
      { label: 'Require MFA', detail: 'People who signed in with MFA (aws:MultiFactorAuthPresent)', value: { mfa: true, externalId: false } },
      { label: 'Require an ExternalId', detail: "A third party's service, against the confused deputy problem (sts:ExternalId)", value: { mfa: false, externalId: true } },
      { label: 'Require both', value: { mfa: true, externalId: true } },
      ...(state.entityType === 'principal' ? [{ label: 'Neither', detail: 'The named roles and users are enough', value: { mfa: false, externalId: false } }] : []),
    ];
    const picked = await input.showQuickPick({ totalSteps: total(), placeholder: 'How must callers prove who they are?', items: options });
    state.mfa = picked.value.mfa;
    draft.protection = picked.value.externalId ? 'externalId' : '';
    if (picked.value.externalId) return askExternalId;
    delete state.externalId;
    return askDuration;
  };
  const askExternalIdValue = textStep('externalId', () => ({ prompt: 'The ExternalId the third party gave you', validate: checks.externalIdProblem }), () => {
    state.externalId = draft.externalId;
    return askDuration;
  });
  const askExternalId: Step = async (input) => {
    const how = await input.showQuickPick({
      totalSteps: total(),
      placeholder: 'The ExternalId',
      items: [
        { label: 'Generate one', detail: '32 random letters and digits, shown when the role is created', value: 'generate' },
        { label: 'Enter the one the third party gave you', value: 'enter' },
      ],
    });
    draft.externalIdHow = how.value;
    if (how.value === 'enter') return askExternalIdValue;
    state.externalId = { generate: true };
    return askDuration;
  };
  const askDuration: Step = async (input) => {
    const picked = await input.showQuickPick({ totalSteps: total(), placeholder: 'The maximum session duration', items: DURATIONS, activeItem: DURATIONS.find((d) => d.value === state.maxSessionDuration) });
    state.maxSessionDuration = picked.value;
    return askManagedPolicies;
  };
  const askManagedPolicies: Step = async (input) => {
    const { managedPolicies } = await loadCatalog();
    const items: Item<string>[] = managedPolicies.map((p) => ({ label: p.name, description: p.path === '/' ? undefined : p.path, detail: p.summary, value: p.arn }));
    const picked = await input.showQuickPickMany({
      totalSteps: total(),
      placeholder: 'AWS managed policies to attach (Space to select, Enter to go on; none is fine)',
      items,
      selected: items.filter((i) => state.managedPolicies?.includes(i.value)),
      matchOnDescription: true,
    });
    state.managedPolicies = picked.map((p) => p.value);
    return askInline;
  };
  const askInline: Step = async (input) => {
    const actions = state.actions ?? [];
    const items: Item<'done' | 'add' | 'clear'>[] = [
      { label: actions.length > 0 ? `Done: ${actions.length} action${actions.length > 1 ? 's' : ''}` : 'No inline policy', detail: actions.join(', ') || undefined, value: 'done' },
      { label: 'Add actions...', detail: 'Pick a service, then its actions', value: 'add' },
      ...(actions.length > 0 ? [{ label: 'Remove the actions', value: 'clear' as const }] : []),
    ];
    const picked = await input.showQuickPick({ totalSteps: total(), placeholder: 'Actions of an inline permissions policy', items });
    if (picked.value === 'add') return askActions;
    if (picked.value === 'clear' || actions.length === 0) {
      // No actions, no resources: answers left from an earlier pass would be refused.
      state.actions = [];
      delete state.resources;
      delete state.resourceHints;
    }
    if (picked.value === 'clear') return askInline;
    return actions.length > 0 ? askResources : askFolder;
  };
  const askActions: Step = async (input) => {
    const { services } = await loadCatalog();
    const serviceItems: Item<string>[] = services.map((s) => ({ label: s.prefix, description: s.name, value: s.prefix }));
    const service = await input.showQuickPick({ totalSteps: total(), placeholder: 'The service', items: serviceItems, matchOnDescription: true });
    const actions = await backend.serviceActions(service.value);
    const items: Item<string>[] = [
      { label: `${service.value}:*`, description: 'every action of the service', value: `${service.value}:*` },
      ...actions.map((a) => ({ label: a.action, description: a.accessLevel, detail: a.description, value: a.action })),
    ];
    const picked = await input.showQuickPickMany({ totalSteps: total(), placeholder: `Actions of ${service.description ?? service.value} (Space to select, Enter to add them)`, items, selected: items.filter((i) => state.actions?.includes(i.value)) });
    state.actions = [...new Set([...(state.actions ?? []).filter((a) => !a.startsWith(`${service.value}:`)), ...picked.map((p) => p.value)])];
    state.resourceHints = [...new Set([...(state.resourceHints ?? []), ...actions.filter((a) => state.actions?.includes(a.action)).flatMap((a) => a.resourceArns)])]; // actions that take only "*" get it anyway
    return askInline;
  };
  const askResources: Step = async (input) => {
    const hints = (state.resourceHints ?? []).map((arn) => arn.replace('${Partition}', 'aws').replace('${Account}', state.account ?? '${Account}'));
    if (hints.length === 0) hints.push('*');
    const value = await input.showInputBox({
      totalSteps: total(),
      prompt: `The resources, comma-separated: replace each \${...} (formats: ${hints.slice(0, 4).join(', ')})`,
      value: state.resources?.join(', ') ?? hints.slice(0, 2).join(', '),
      validate: (v) =>
        firstProblem(splitList(v), (r) => {
          const placeholder = firstPlaceholder(r);
          return placeholder ? `Replace ${placeholder} in ${r} with the real value.` : undefined;
        }),
    });
    state.resources = splitList(value);
    return askFolder;
  };
  const askFolder: Step = async (input) => {
    draft.folder = await input.showInputBox({
      totalSteps: total(),
      prompt: 'The folder to write the files into (relative to the workspace); Enter creates the role',
      value: draft.folder ?? backend.defaultFolder(state.name),
      validate: (v) => (v === '' ? 'Give a folder.' : undefined),
      accept: (folder) => backend.create(answersOf(state), folder),
    });
    return undefined;
  };
  return MultiStepInput.run('IAM Policy: Create Role', askName);
}

function answersOf(state: State): RoleAnswers {
  const { entityType: _type, entity, resourceHints: _hints, ...answers } = state;
  return { ...answers, trust: entity ? [entity] : [] };
}
