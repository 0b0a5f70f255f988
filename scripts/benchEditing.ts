// Completion and hover figures for `npm run bench`: in process (parse + request, as on each keystroke)
// and over stdio through the built server, with VS Code's capabilities.
import { performance } from 'node:perf_hooks';
import type { ClientCapabilities, CompletionList } from 'vscode-languageserver-protocol';
import type { PolicyService } from '../server/src/core';
import { LspClient, PULL_CAPABILITIES } from '../test/lsp/client';

export interface EditingCase {
  name: string;
  method: 'completion' | 'hover';
  /** The document with `|` at the cursor. */
  text: string;
}

const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n${statement}\n    }\n  ]\n}\n`;

export const EDITING_CASES: readonly EditingCase[] = [
  { name: 'completion at an empty Action (service prefixes)', method: 'completion', text: policy('      "Effect": "Allow",\n      "Action": "|",\n      "Resource": "*"') },
  { name: 'completion at "s3:Get" (actions and wildcards)', method: 'completion', text: policy('      "Effect": "Allow",\n      "Action": "s3:Get|",\n      "Resource": "*"') },
  {
    name: 'completion at a condition key',
    method: 'completion',
    text: policy('      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:ListBucket"],\n      "Resource": "*",\n      "Condition": { "StringEquals": { "|" } }'),
  },
  { name: 'hover on an action', method: 'hover', text: policy('      "Effect": "Allow",\n      "Action": "s3:Get|Object",\n      "Resource": "*"') },
];

export function caret(testCase: EditingCase): { text: string; offset: number } {
  const offset = testCase.text.indexOf('|');
  return { text: testCase.text.slice(0, offset) + testCase.text.slice(offset + 1), offset };
}

/** What the request does in the server, minus the protocol: parse the edited text, then answer. */
export function inProcess(service: PolicyService, testCase: EditingCase): () => number {
  const { text, offset } = caret(testCase);
  return () => {
    const parsed = service.parse(text);
    return testCase.method === 'completion' ? (service.complete(parsed, offset)?.items.length ?? 0) : (service.hover(parsed, offset)?.contents.length ?? 0);
  };
}

/** VS Code's completion capabilities: snippets, markdown, one shared edit range. */
const VSCODE_CAPABILITIES: ClientCapabilities = {
  ...PULL_CAPABILITIES,
  textDocument: {
    ...PULL_CAPABILITIES.textDocument,
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

function lineAndCharacter(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export interface StdioFigure {
  name: string;
  times: number[];
  /** Items and JSON size of one answer, to show what crosses the pipe. */
  note: string;
}

/** Each case `runs` times, one request after the other, through one server process. */
export async function overStdio(runs: number): Promise<StdioFigure[]> {
  const client = await LspClient.start({ capabilities: VSCODE_CAPABILITIES, initializationOptions: { retriggerSuggest: true } });
  const figures: StdioFigure[] = [];
  try {
    for (const [index, testCase] of EDITING_CASES.entries()) {
      const { text, offset } = caret(testCase);
      const uri = `file:///bench/editing-${index}.json`;
      client.open(uri, text);
      const params = { textDocument: { uri }, position: lineAndCharacter(text, offset) };
      const method = testCase.method === 'completion' ? 'textDocument/completion' : 'textDocument/hover';
      const first = await client.request<CompletionList | null>(method, params);
      const size = (JSON.stringify(first).length / 1024).toFixed(1);
      const note = testCase.method === 'completion' ? `${first?.items.length ?? 0} items, ${size} KB` : `${size} KB`;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await client.request(method, params);
        times.push(performance.now() - started);
      }
      figures.push({ name: testCase.name, times, note });
    }
    await client.stop();
  } finally {
    client.kill();
  }
  return figures;
}
