// The trust graph on a generated workspace of 500 policy files (200 roles in 30 accounts, 300
// identity policies): reading the files' facts, building the model, laying it out, and the first
// view the built server answers over stdio (scan included). Used by scripts/bench.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createPolicyService, graph } from '../server/src/core';
import { uncachedElk } from '../server/src/shared/elk';
import { LspClient, PULL_CAPABILITIES } from '../test/lsp/client';

export const GRAPH_ROLES = 200;
export const GRAPH_ACCOUNTS = 30;
export const GRAPH_FILES = 500;

const account = (i: number) => String(100000000000 + i * 7919).padStart(12, '0');

/** A trust policy of one of several real shapes, chosen by the role's number. */
function trustPolicy(role: number): unknown {
  const caller = account((role * 7) % GRAPH_ACCOUNTS);
  const statements = [
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${caller}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${caller}:role/deployer-${role % 9}` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': `f3a9c1d2-7b4e-4e8a-9c0d-${String(role).padStart(12, '0')}` } } },
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${account(role % GRAPH_ACCOUNTS)}:oidc-provider/token.actions.githubusercontent.com` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': `repo:acme/app-${role}:ref:refs/heads/main` } },
    },
    { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${caller}:root` }, Action: 'sts:AssumeRole' },
  ];
  return { Version: '2012-10-17', Statement: [statements[role % statements.length], ...(role % 4 === 0 ? [statements[(role + 1) % statements.length]] : [])] };
}

/** An identity policy allowing sts:AssumeRole on one role, a pattern, or several roles. */
function identityPolicy(index: number): unknown {
  const role = (index * 13) % GRAPH_ROLES;
  const target = account(role % GRAPH_ACCOUNTS);
  const resource = index % 10 === 0 ? `arn:aws:iam::${target}:role/role-${role % 10}*` : [`arn:aws:iam::${target}:role/role-${role}`, `arn:aws:iam::${account((role + 1) % GRAPH_ACCOUNTS)}:role/role-${(role + 1) % GRAPH_ROLES}`];
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: resource }, { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::logs/*' }] };
}

/** The generated files: `<account>/role-N-trust-policy.json` and `<account>/policies/policy-N.json`. */
export function graphWorkspace(): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  for (let role = 0; role < GRAPH_ROLES; role++) files.push({ path: `${account(role % GRAPH_ACCOUNTS)}/role-${role}-trust-policy.json`, text: JSON.stringify(trustPolicy(role), null, 2) });
  for (let i = 0; files.length < GRAPH_FILES; i++) files.push({ path: `${account((i * 3) % GRAPH_ACCOUNTS)}/policies/policy-${i}.json`, text: JSON.stringify(identityPolicy(i), null, 2) });
  return files;
}

export interface GraphFigures {
  facts: number;
  build: number;
  layout: number;
  nodes: number;
  edges: number;
  /** Server start to the scanned workspace's model (a cheap Mermaid request waits for the scan). */
  serverScan: number;
  /** The first laid-out view after that: what opening the panel costs (elkjs is loaded then). */
  serverView: number;
}

/** Times each step once after a warm-up run (the first layout pays for loading elkjs). */
export async function graphFigures(): Promise<GraphFigures> {
  const service = createPolicyService();
  const files = graphWorkspace();
  const readAll = () => files.flatMap((f) => service.graphFacts(service.parse(f.text, { allowComments: true }), { fileName: f.path }).map((facts) => ({ path: f.path, relativePath: f.path, facts })));
  const warm = graph.buildTrustGraph(readAll());
  await graph.layoutGraph(graph.groupLookalikes(warm), uncachedElk());

  let start = performance.now();
  const read = readAll();
  const facts = performance.now() - start;
  start = performance.now();
  const built = graph.buildTrustGraph(read);
  const build = performance.now() - start;
  start = performance.now();
  await graph.layoutGraph(graph.groupLookalikes(built), uncachedElk());
  const layout = performance.now() - start;
  return { facts, build, layout, nodes: built.nodes.length, edges: built.edges.length, ...(await serverTimes(files)) };
}

/** The built server on the workspace written to disk: start and scan, then the first laid-out view. */
async function serverTimes(files: { path: string; text: string }[]): Promise<{ serverScan: number; serverView: number }> {
  const root = mkdtempSync(join(tmpdir(), 'iam-graph-bench-'));
  try {
    for (const file of files) {
      mkdirSync(join(root, file.path, '..'), { recursive: true });
      writeFileSync(join(root, file.path), file.text);
    }
    let start = performance.now();
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }] });
    try {
      await client.request('iamPolicy/trustGraph', { format: 'mermaid' }, 60_000);
      const serverScan = performance.now() - start;
      start = performance.now();
      await client.request('iamPolicy/trustGraph', {}, 60_000);
      return { serverScan, serverView: performance.now() - start };
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
