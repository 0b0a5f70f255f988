import type { Node } from 'jsonc-parser';
import type { UnitSyntax } from '../host/types';
import type { Block, HclNode } from './syntax';

/** The syntax of a `jsonencode({...})` policy: HCL object syntax. */
export function objectSyntax(_expression: HclNode): UnitSyntax {
  return {
    cursorAt: () => undefined,
    toList: (cursor) => ({ items: [], replace: cursor.content, incomplete: false }),
    draft: () => {
      throw new Error('not yet');
    },
  };
}

/** The syntax of an `aws_iam_policy_document` block. */
export function dataSyntax(_block: Block, _origins: Map<Node, HclNode>): UnitSyntax {
  return objectSyntax(_block.node);
}
