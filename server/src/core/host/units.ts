import type { ParsedDocument, PolicyUnit } from './types';
import type { Span } from '../types';

/** The policy an offset is in (a policy file's one policy covers the whole file, its end included). */
export function unitAt(document: ParsedDocument, offset: number): PolicyUnit | undefined {
  return document.units.find((unit) => offset >= unit.span.offset && offset <= unit.span.offset + unit.span.length);
}

/** The policy a span lies in. */
export function unitOf(document: ParsedDocument, span: Span): PolicyUnit | undefined {
  return document.units.find((unit) => span.offset >= unit.span.offset && span.offset + span.length <= unit.span.offset + unit.span.length);
}

/** Whether a span stands for statements merged in from a document written elsewhere (judged and explained there). */
export function fromElsewhere(unit: PolicyUnit, span: Span): boolean {
  return (unit.elsewhere ?? []).some((e) => span.offset >= e.offset && span.offset + span.length <= e.offset + e.length);
}
