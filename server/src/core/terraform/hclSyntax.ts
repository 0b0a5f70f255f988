import type { PolicyUnit, UnitSyntax } from '../host/types';
import { dataCursor, objectCursor } from './hclCursor';
import { DataDraft, ObjectDraft, type ReadUnit } from './hclDraft';
import { hclObjectList, hclValueList } from './hclList';
import type { HclNode } from './syntax';

/** How a unit is read again from an edited text (a fix's steps each see the text the last one made). */
export type Reread = (unit: PolicyUnit, text: string) => ReadUnit | undefined;

/** The syntax of a `jsonencode({...})` policy: HCL object syntax. `object` is the argument's object. */
export function objectSyntax(object: HclNode, reread: Reread): UnitSyntax {
  return {
    cursorAt: (unit, offset) => objectCursor(unit, object, offset),
    toList: hclObjectList,
    draft: (unit) => new ObjectDraft(unit.text, (text) => (text === unit.text ? { unit, hcl: object } : reread(unit, text))),
  };
}

/** The syntax of an `aws_iam_policy_document` block: its arguments' values are strings, whatever their place in the policy. */
export function dataSyntax(block: HclNode, reread: Reread): UnitSyntax {
  return {
    cursorAt: (unit, offset) => dataCursor(unit, block, offset),
    toList: (cursor, suggestions, incomplete) => hclValueList(cursor, suggestions, incomplete, false),
    draft: (unit) => new DataDraft(unit.text, (text) => (text === unit.text ? { unit, hcl: block } : reread(unit, text))),
  };
}
