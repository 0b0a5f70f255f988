import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createPolicyService, type PolicyKind } from '../../server/src/core';
import { fillIns } from '../../server/src/core/iam';

/**
 * The VS Code snippets of snippets/iam-policies.json: each one, expanded with its defaults
 * (and with every choice), must be a policy of the kind we say it is that our own lint finds clean.
 */

const SNIPPETS_FILE = join(__dirname, '..', '..', 'snippets', 'iam-policies.json');

interface SnippetDefinition {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

/** How each snippet is inserted and linted: a whole policy, one statement of the list, or a `"Condition"` member of a statement. */
type Shape = 'policy' | 'statement' | 'condition';

/** Every snippet, by prefix, with its shape and kind: a new snippet must be added here, and a change of kind fails the test. */
const EXPECTED: Readonly<Record<string, { shape: Shape; kind: PolicyKind }>> = {
  'iam-trust-account-external-id': { shape: 'policy', kind: 'trust' },
  'iam-trust-account-mfa': { shape: 'policy', kind: 'trust' },
  'iam-trust-role-arn': { shape: 'policy', kind: 'trust' },
  'iam-trust-organization': { shape: 'policy', kind: 'trust' },
  'iam-trust-ec2': { shape: 'policy', kind: 'trust' },
  'iam-trust-lambda': { shape: 'policy', kind: 'trust' },
  'iam-trust-ecs-tasks': { shape: 'policy', kind: 'trust' },
  'iam-trust-eks-pod-identity': { shape: 'policy', kind: 'trust' },
  'iam-trust-github-oidc': { shape: 'policy', kind: 'trust' },
  'iam-trust-eks-irsa': { shape: 'policy', kind: 'trust' },
  'iam-trust-gitlab-oidc': { shape: 'policy', kind: 'trust' },
  'iam-trust-saml': { shape: 'policy', kind: 'trust' },
  'iam-trust-cognito-identity-pool': { shape: 'policy', kind: 'trust' },
  'iam-identity-assume-role': { shape: 'policy', kind: 'identity' },
  'iam-identity-s3-read': { shape: 'policy', kind: 'identity' },
  'iam-resource-s3-cross-account-read': { shape: 'policy', kind: 'resource' },
  'iam-statement-trust-mfa': { shape: 'statement', kind: 'trust' },
  'iam-statement-trust-external-id': { shape: 'statement', kind: 'trust' },
  'iam-statement-trust-deny-without-mfa': { shape: 'statement', kind: 'trust' },
  'iam-statement-deny-without-mfa': { shape: 'statement', kind: 'identity' },
  'iam-condition-external-id': { shape: 'condition', kind: 'trust' },
  'iam-condition-mfa': { shape: 'condition', kind: 'trust' },
};

// ---------------------------------------------------------------------------------------------
// A small expander of VS Code snippet syntax. snippetToPlain (server/src/core) is not enough here:
// it does not nest placeholders, leaves mirrors (`$1` after `${1:x}`) empty and variables as is.

type SnippetNode =
  | { type: 'text'; text: string }
  | { type: 'tabstop'; index: number; children: SnippetNode[] | undefined }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'variable'; name: string; children: SnippetNode[] | undefined };

/** Realistic values for the VS Code variables the snippets may use. */
const VARIABLES: Readonly<Record<string, string>> = {
  UUID: 'f81d4fae-7dec-41d0-a765-00a0c91e6bf6',
  RANDOM: '482913',
  RANDOM_HEX: '9f3ac2',
  CURRENT_YEAR: '2025',
  CURRENT_MONTH: '06',
  CURRENT_DATE: '14',
};

/** Parses snippet text into nodes; `until` is the character that closes the enclosing `${...}`. */
function parseSnippet(text: string, start = 0, until?: string): { nodes: SnippetNode[]; end: number } {
  const nodes: SnippetNode[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push({ type: 'text', text: buffer });
    buffer = '';
  };
  let i = start;
  while (i < text.length) {
    const char = text[i];
    if (until && char === until) {
      flush();
      return { nodes, end: i + 1 };
    }
    if (char === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1])) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (char !== '$') {
      buffer += char;
      i++;
      continue;
    }
    const rest = text.slice(i);
    const simple = /^\$(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(rest);
    if (simple) {
      flush();
      if (simple[1] !== undefined) nodes.push({ type: 'tabstop', index: Number(simple[1]), children: undefined });
      else nodes.push({ type: 'variable', name: simple[2], children: undefined });
      i += simple[0].length;
      continue;
    }
    const opening = /^\$\{(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))([:|}])/.exec(rest);
    if (!opening) {
      buffer += char;
      i++;
      continue;
    }
    flush();
    const [whole, digits, name, separator] = opening;
    const after = i + whole.length;
    if (separator === '}') {
      nodes.push(digits !== undefined ? { type: 'tabstop', index: Number(digits), children: undefined } : { type: 'variable', name, children: undefined });
      i = after;
    } else if (separator === '|') {
      assert.ok(digits !== undefined, `a choice needs a tab stop number: ${rest.slice(0, 40)}`);
      const close = text.indexOf('|}', after);
      assert.ok(close >= 0, `unclosed choice: ${rest.slice(0, 40)}`);
      const options = text
        .slice(after, close)
        .split(/(?<!\\),/)
        .map((o) => o.replace(/\\([,|\\$}])/g, '$1'));
      nodes.push({ type: 'choice', index: Number(digits), options });
      i = close + 2;
    } else {
      const inner = parseSnippet(text, after, '}');
      nodes.push(digits !== undefined ? { type: 'tabstop', index: Number(digits), children: inner.nodes } : { type: 'variable', name, children: inner.nodes });
      i = inner.end;
    }
  }
  assert.ok(!until, `unclosed \${ in ${JSON.stringify(text.slice(start - 10, start + 30))}`);
  flush();
  return { nodes, end: i };
}

/** Every tab stop's default (the first one that has a value, as in VS Code) and every choice. */
function collectStops(nodes: SnippetNode[], defaults: Map<number, SnippetNode[]>, choices: Map<number, string[]>): void {
  for (const node of nodes) {
    if (node.type === 'tabstop' && node.children) {
      if (!defaults.has(node.index) && node.children.length > 0) defaults.set(node.index, node.children);
      collectStops(node.children, defaults, choices);
    } else if (node.type === 'choice' && !choices.has(node.index)) {
      choices.set(node.index, node.options);
    } else if (node.type === 'variable' && node.children) {
      collectStops(node.children, defaults, choices);
    }
  }
}

/** The text VS Code inserts when the user accepts every default and picks `picked` for each choice. */
function render(nodes: SnippetNode[], defaults: Map<number, SnippetNode[]>, picked: Map<number, string>, depth = 0): string {
  assert.ok(depth < 20, 'tab stops refer to each other in a loop');
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.text;
        case 'choice':
          return picked.get(node.index) ?? node.options[0];
        case 'variable': {
          assert.ok(Object.hasOwn(VARIABLES, node.name), `unknown snippet variable $${node.name} (VS Code would insert its name)`);
          return VARIABLES[node.name];
        }
        case 'tabstop': {
          if (picked.has(node.index)) return picked.get(node.index);
          const value = node.children && node.children.length > 0 ? node.children : defaults.get(node.index);
          return value ? render(value, defaults, picked, depth + 1) : '';
        }
      }
    })
    .join('');
}

/** The snippet expanded once for every combination of its choices. */
function expansions(body: string): { choices: string; text: string }[] {
  const { nodes } = parseSnippet(body);
  const defaults = new Map<number, SnippetNode[]>();
  const choices = new Map<number, string[]>();
  collectStops(nodes, defaults, choices);
  let combinations = [new Map<number, string>()];
  for (const [index, options] of choices) {
    combinations = combinations.flatMap((combination) => options.map((option) => new Map(combination).set(index, option)));
  }
  return combinations.map((picked) => ({ choices: [...picked.values()].join(', '), text: render(nodes, defaults, picked) }));
}

// ---------------------------------------------------------------------------------------------

const service = createPolicyService();

/** Findings at warning or error level, and the kind the content alone gives the document. */
function check(text: string, kind: PolicyKind): { guessed: PolicyKind | undefined; problems: string[] } {
  const parsed = service.parse(text);
  const problems = service
    .analyze(parsed, { kindSetting: kind })
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.severity} ${f.rule} at ${JSON.stringify(text.slice(f.offset, f.offset + f.length))}: ${f.message}`);
  return { guessed: service.kindOf(parsed, { kindSetting: 'auto' }), problems };
}

const indent = (text: string, spaces: number) => text.replace(/^/gm, ' '.repeat(spaces));

/** A whole policy around a statement-level or condition snippet, as the user would have it after inserting it. */
function wrap(text: string, shape: Shape, prefix: string): string {
  if (shape === 'policy') return text;
  const statements: string[] = [];
  if (shape === 'condition') {
    statements.push(`{\n  "Effect": "Allow",\n  "Principal": {\n    "AWS": "arn:aws:iam::444455556666:root"\n  },\n  "Action": "sts:AssumeRole",\n${indent(text, 2)}\n}`);
  } else {
    // A Deny alone grants nothing: put it next to what it restricts.
    if (prefix === 'iam-statement-trust-deny-without-mfa') {
      statements.push('{\n  "Effect": "Allow",\n  "Principal": {\n    "AWS": "arn:aws:iam::444455556666:root"\n  },\n  "Action": "sts:AssumeRole"\n}');
    }
    if (prefix === 'iam-statement-deny-without-mfa') {
      statements.push('{\n  "Effect": "Allow",\n  "Action": "s3:GetObject",\n  "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"\n}');
    }
    statements.push(text);
  }
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n${indent(statements.join(',\n'), 4)}\n  ]\n}`;
}

const snippets = JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, SnippetDefinition>;
const entries = Object.entries(snippets).map(([name, definition]) => ({
  name,
  prefix: Array.isArray(definition.prefix) ? definition.prefix[0] : definition.prefix,
  definition,
  body: Array.isArray(definition.body) ? definition.body.join('\n') : definition.body,
}));
const byPrefix = new Map(entries.map((e) => [e.prefix, e]));

/** The parsed policy a snippet expands to with its defaults (and first choices). */
function expandedPolicy(prefix: string): unknown {
  const entry = byPrefix.get(prefix);
  assert.ok(entry, `no snippet ${prefix}`);
  return JSON.parse(expansions(entry.body)[0].text);
}

/** The conditions of the first statement of a parsed policy. */
function conditionOf(policy: unknown): Record<string, Record<string, unknown>> {
  const statement = (policy as { Statement: { Condition?: Record<string, Record<string, unknown>> }[] }).Statement[0];
  assert.ok(statement.Condition, 'the statement has a Condition');
  return statement.Condition;
}

describe('snippets file', () => {
  it('is plain JSON with a prefix, a description and a body for every snippet', () => {
    assert.ok(entries.length >= 19, `only ${entries.length} snippets`);
    for (const { name, definition } of entries) {
      assert.ok(typeof definition.prefix === 'string' && definition.prefix.startsWith('iam-'), `${name}: prefix ${String(definition.prefix)}`);
      assert.ok(typeof definition.description === 'string' && definition.description.trim().length > 20, `${name}: description`);
      assert.ok(Array.isArray(definition.body) && definition.body.length > 0, `${name}: body`);
      for (const line of definition.body) {
        assert.equal(typeof line, 'string', `${name}: body line`);
        assert.ok(!line.includes('\t'), `${name}: tab in ${JSON.stringify(line)} (indent with 2 spaces)`);
        assert.match(line, /^( {2})*\S/, `${name}: indentation of ${JSON.stringify(line)}`);
      }
    }
  });

  it('has unique prefixes, each with an expected kind and shape', () => {
    const prefixes = entries.map((e) => e.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefix');
    assert.deepEqual([...prefixes].sort(), Object.keys(EXPECTED).sort());
    const shapes = Object.values(EXPECTED).map((e) => e.shape);
    assert.ok(shapes.filter((s) => s === 'policy').length >= 16, 'at least 16 whole-document snippets');
    assert.ok(shapes.filter((s) => s !== 'policy').length >= 3, 'at least 3 statement-level snippets');
  });

  it('shows no fill-in words that our lint reports as unfilled placeholders', () => {
    for (const { prefix, body } of entries) {
      for (const { text } of expansions(body)) assert.deepEqual(fillIns(text), [], prefix);
    }
  });
});

describe('snippet expander', () => {
  it('expands nested placeholders, mirrors, variables, choices and escapes', () => {
    const texts = (body: string) => expansions(body).map((e) => e.text);
    assert.deepEqual(texts('${1:arn:aws:iam::${2:111122223333}:root} $2'), ['arn:aws:iam::111122223333:root 111122223333']);
    assert.deepEqual(texts('$1-${1:a}'), ['a-a']);
    assert.deepEqual(texts('${2:$UUID} ${RANDOM_HEX} $0'), [`${VARIABLES.UUID} ${VARIABLES.RANDOM_HEX} `]);
    assert.deepEqual(texts('${1|a\\,b,c|}:$1 ${2|x,y|}'), ['a,b:a,b x', 'a,b:a,b y', 'c:c x', 'c:c y']);
    assert.deepEqual(texts('\\$1 \\} ${1:a\\}b}'), ['$1 } a}b']);
    assert.throws(() => texts('$TM_SELECTED_TEXTX'), /unknown snippet variable/);
  });
});

describe('every snippet expands to a policy our lint finds clean', () => {
  for (const { prefix, body } of entries) {
    const expected = EXPECTED[prefix];
    if (!expected) continue;
    for (const expansion of expansions(body)) {
      it(`${prefix}${expansion.choices ? ` (${expansion.choices})` : ''}`, () => {
        const text = wrap(expansion.text, expected.shape, prefix);
        assert.doesNotThrow(() => JSON.parse(text), `not JSON:\n${text}`);
        const { guessed, problems } = check(text, expected.kind);
        assert.equal(guessed, expected.kind, `classified as ${guessed}:\n${text}`);
        assert.deepEqual(problems, [], text);
      });
    }
  }
});

describe('snippets say what they promise', () => {
  it('ExternalId: sts:ExternalId tested with StringEquals and a UUID', () => {
    for (const prefix of ['iam-trust-account-external-id', 'iam-statement-trust-external-id']) {
      const entry = byPrefix.get(prefix);
      assert.ok(entry);
      const parsed = JSON.parse(wrap(expansions(entry.body)[0].text, EXPECTED[prefix].shape, prefix)) as unknown;
      assert.equal(conditionOf(parsed).StringEquals['sts:ExternalId'], VARIABLES.UUID, prefix);
    }
    const condition = JSON.parse(`{${expansions(byPrefix.get('iam-condition-external-id')?.body ?? '')[0].text}}`) as { Condition: Record<string, Record<string, unknown>> };
    assert.equal(condition.Condition.StringEquals['sts:ExternalId'], VARIABLES.UUID);
  });

  it('MFA: aws:MultiFactorAuthPresent true in Allow, BoolIfExists false in Deny', () => {
    for (const prefix of ['iam-trust-account-mfa']) {
      const condition = conditionOf(expandedPolicy(prefix));
      assert.equal(condition.Bool['aws:MultiFactorAuthPresent'], 'true');
      assert.equal(condition.NumericLessThan['aws:MultiFactorAuthAge'], '3600');
    }
    for (const prefix of ['iam-statement-trust-deny-without-mfa', 'iam-statement-deny-without-mfa']) {
      const statement = JSON.parse(expansions(byPrefix.get(prefix)?.body ?? '')[0].text) as { Effect: string; Condition: Record<string, Record<string, unknown>> };
      assert.equal(statement.Effect, 'Deny', prefix);
      assert.equal(statement.Condition.BoolIfExists['aws:MultiFactorAuthPresent'], 'false', prefix);
    }
  });

  it('GitHub Actions: pins both aud and sub, for each choice of branch or environment', () => {
    const entry = byPrefix.get('iam-trust-github-oidc');
    assert.ok(entry);
    const subjects = expansions(entry.body).map(({ text }) => {
      const equals = conditionOf(JSON.parse(text)).StringEquals;
      assert.equal(equals['token.actions.githubusercontent.com:aud'], 'sts.amazonaws.com');
      return equals['token.actions.githubusercontent.com:sub'];
    });
    assert.deepEqual(subjects, ['repo:my-org/my-repo:ref:refs/heads/main', 'repo:my-org/my-repo:environment:production']);
  });

  it('EKS IRSA and GitLab: the provider in the principal is the one in the condition keys', () => {
    const irsa = expandedPolicy('iam-trust-eks-irsa') as { Statement: { Principal: { Federated: string } }[] };
    const issuer = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
    assert.equal(irsa.Statement[0].Principal.Federated, `arn:aws:iam::111122223333:oidc-provider/${issuer}`);
    assert.deepEqual(conditionOf(irsa).StringEquals, { [`${issuer}:aud`]: 'sts.amazonaws.com', [`${issuer}:sub`]: 'system:serviceaccount:default:my-service-account' });
    const gitlab = conditionOf(expandedPolicy('iam-trust-gitlab-oidc')).StringEquals;
    assert.deepEqual(gitlab, { 'gitlab.com:aud': 'https://gitlab.com', 'gitlab.com:sub': 'project_path:my-group/my-project:ref_type:branch:ref:main' });
  });

  it('services, SAML, Cognito and the organization: the documented keys', () => {
    const ecs = conditionOf(expandedPolicy('iam-trust-ecs-tasks'));
    assert.equal(ecs.StringEquals['aws:SourceAccount'], '111122223333');
    assert.equal(ecs.ArnLike['aws:SourceArn'], 'arn:aws:ecs:us-east-1:111122223333:*');
    const pods = expandedPolicy('iam-trust-eks-pod-identity') as { Statement: { Action: string[] }[] };
    assert.deepEqual(pods.Statement[0].Action, ['sts:AssumeRole', 'sts:TagSession']);
    assert.equal(conditionOf(expandedPolicy('iam-trust-saml')).StringEquals['SAML:aud'], 'https://signin.aws.amazon.com/saml');
    const cognito = conditionOf(expandedPolicy('iam-trust-cognito-identity-pool'));
    assert.ok(cognito.StringEquals['cognito-identity.amazonaws.com:aud']);
    assert.equal(cognito['ForAnyValue:StringLike']['cognito-identity.amazonaws.com:amr'], 'authenticated');
    assert.equal(conditionOf(expandedPolicy('iam-trust-organization')).StringEquals['aws:PrincipalOrgID'], 'o-a1b2c3d4e5');
  });

  it('S3: ListBucket on the bucket, GetObject on its objects', () => {
    for (const prefix of ['iam-identity-s3-read', 'iam-resource-s3-cross-account-read']) {
      const statements = (expandedPolicy(prefix) as { Statement: { Action: string; Resource: string }[] }).Statement;
      assert.deepEqual(
        statements.map((s) => [s.Action, s.Resource]),
        [
          ['s3:ListBucket', 'arn:aws:s3:::amzn-s3-demo-bucket'],
          ['s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
        ],
        prefix,
      );
    }
  });
});

describe('the lint harness can fail', () => {
  it('the GitHub snippet without its sub condition reports trust-oidc-missing-sub', () => {
    const entry = byPrefix.get('iam-trust-github-oidc');
    assert.ok(entry);
    const policy = JSON.parse(expansions(entry.body)[0].text) as { Statement: { Condition: { StringEquals: Record<string, string> } }[] };
    delete policy.Statement[0].Condition.StringEquals['token.actions.githubusercontent.com:sub'];
    const { problems } = check(JSON.stringify(policy, null, 2), 'trust');
    assert.ok(
      problems.some((p) => p.startsWith('error trust-oidc-missing-sub')),
      problems.join('\n'),
    );
  });
});
