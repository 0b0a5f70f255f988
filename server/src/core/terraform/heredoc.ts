import type { Node } from 'jsonc-parser';
import { Draft } from '../fixes/jsonEdit';
import type { TextEdit } from '../fixes/quickFix';
import { jsonSyntax } from '../host/jsonSyntax';
import type { UnitSyntax } from '../host/types';
import { forEachNode } from '../jsonTree';
import { parseJsonTree, type JsonTree } from '../parse';
import type { Span } from '../types';
import { escapeTemplate, placeholderFor, unescapeTemplate } from './strings';
import type { HclNode } from './syntax';
import { moveSpan, shiftTree, type JsonNode } from './values';

/** A heredoc's JSON, parsed with host offsets, and what the unit needs besides. */
export interface HeredocPolicy extends JsonTree {
  span: Span;
  unknown: Set<Node>;
  /** Set when `%{ if }` or `%{ for }` directives write part of the JSON. */
  incomplete?: string;
  syntax: UnitSyntax;
}

interface Interpolation {
  start: number;
  end: number;
  /** What stands in its place in the text the JSON parser reads (same length). */
  replacement: string;
  /** Inside a JSON string (a part of it) or a whole JSON value. */
  inString: boolean;
  directive: boolean;
  expression: string;
}

/**
 * Reads the JSON of a heredoc (`<<EOF` or `<<-EOF`). Interpolations become placeholders of the same
 * length: inside a JSON string they are part of it (`"${aws_s3_bucket.b.arn}/*"`); outside one
 * (`"Resource": ${jsonencode(var.arns)}`) they read as an unknown string value, never a syntax
 * error. Whitespace is JSON's own, so the indentation `<<-` strips changes nothing.
 */
export function readHeredoc(heredoc: HclNode, text: string): HeredocPolicy | undefined {
  const identifiers = heredoc.children.filter((c) => c.type === 'heredoc_identifier');
  if (identifiers.length < 2) return undefined;
  const lineBreak = text.indexOf('\n', identifiers[0].end);
  const closing = identifiers[identifiers.length - 1];
  const bodyStart = lineBreak < 0 ? closing.start : lineBreak + 1;
  const bodyEnd = Math.max(bodyStart, text.lastIndexOf('\n', closing.start - 1) + 1);
  const original = text.slice(bodyStart, bodyEnd);
  const interpolations = findInterpolations(heredoc, text, original, bodyStart);
  let sanitized = original;
  for (const i of interpolations) sanitized = sanitized.slice(0, i.start - bodyStart) + i.replacement + sanitized.slice(i.end - bodyStart);

  const tree = shift(parseJsonTree(sanitized, { allowComments: false }), bodyStart);
  const unknown = new Set<Node>();
  forEachNode(tree.root, (read) => {
    // The parser's own nodes: values are set here once, before anyone reads them.
    const node = read as JsonNode;
    if (node.type !== 'string' || typeof node.value !== 'string') return;
    const inside = interpolations.filter((i) => i.start >= node.offset && i.end <= node.offset + node.length);
    const whole = inside.find((i) => !i.inString && i.start === node.offset);
    if (whole) {
      node.value = placeholderFor(whole.expression);
    } else {
      let value = unescapeTemplate(node.value);
      for (const i of inside) value = value.replace(i.replacement, placeholderFor(i.expression));
      node.value = value;
    }
    if (inside.length > 0) unknown.add(node);
  });
  const directives = interpolations.some((i) => i.directive);
  const masked = () => ' '.repeat(bodyStart).replace(/ /g, (_, at: number) => (text[at] === '\n' || text[at] === '\r' ? text[at] : ' ')) + sanitized;
  const base = jsonSyntax(masked, escapeTemplate);
  return {
    ...tree,
    // With directives the text is only known when Terraform runs: its syntax is not ours to judge.
    syntaxProblems: directives ? [] : tree.syntaxProblems,
    span: { offset: bodyStart, length: bodyEnd - bodyStart },
    unknown,
    ...(directives ? { incomplete: 'template directives (%{ ... }) write part of this policy' } : {}),
    syntax: { ...base, draft: () => new HeredocDraft(masked(), text, interpolations) },
  };
}

/** The `${...}` and `%{...}` of a heredoc, with what stands in for each. */
function findInterpolations(heredoc: HclNode, text: string, body: string, bodyStart: number): Interpolation[] {
  const found: Interpolation[] = [];
  for (const child of heredoc.children) {
    if (child.type !== 'template_interpolation' && child.type !== 'template_directive') continue;
    if (child.start < bodyStart) continue;
    const length = child.end - child.start;
    const inString = insideJsonString(body, child.start - bodyStart);
    const expression = child.type === 'template_interpolation' ? text.slice(child.start + 2, child.end - 1) : text.slice(child.start, child.end);
    const directive = child.type === 'template_directive';
    let replacement: string;
    if (directive) replacement = ' '.repeat(length);
    else if (inString) replacement = text.slice(child.start, child.end).replace(/["\\\n\r]/g, (c) => (c === '"' ? "'" : c === '\\' ? '/' : ' '));
    else replacement = `"${'x'.repeat(Math.max(0, length - 2))}"`;
    found.push({ start: child.start, end: child.end, replacement, inString, directive, expression });
  }
  return found;
}

/** Whether an offset of JSON text is inside a string (quotes counted from the start, escapes honoured). */
function insideJsonString(json: string, offset: number): boolean {
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = json[i];
    if (inString && c === '\\') i++;
    else if (c === '"') inString = !inString;
  }
  return inString;
}

function shift(tree: JsonTree, by: number): JsonTree {
  shiftTree(tree.root, by);
  return { ...tree, syntaxProblems: tree.syntaxProblems.map((p) => moveSpan(p, by)), ...(tree.tooDeep ? { tooDeep: moveSpan(tree.tooDeep, by) } : {}) };
}

/**
 * A draft of the JSON with interpolations standing in as placeholders: its edit puts the real
 * interpolations back where the edited region covers one (fixes never change them).
 */
class HeredocDraft extends Draft {
  constructor(
    masked: string,
    private readonly real: string,
    private readonly interpolations: readonly Interpolation[],
  ) {
    super(masked, escapeTemplate);
  }

  override edit(): TextEdit {
    const edit = super.edit();
    let newText = edit.newText;
    for (const i of this.interpolations) {
      if (i.end <= edit.offset || i.start >= edit.offset + edit.length) continue;
      newText = newText.replace(i.replacement, this.real.slice(i.start, i.end));
    }
    return { ...edit, newText };
  }
}
