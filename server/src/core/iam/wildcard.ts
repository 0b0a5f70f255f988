/**
 * IAM wildcards: `*` matches any run of characters (also empty), `?` exactly one. Policy variables
 * (`${aws:username}`) and CloudFormation placeholders (`${AWS::AccountId}`, `${BucketName}`) stand
 * for text we cannot know, so they match any non-empty run. Matching is case-insensitive, which is
 * right for actions and condition keys and the lenient choice for ARNs (no false alarms).
 */

const regExpCache = new Map<string, RegExp>();

/** A case-insensitive, anchored regular expression for an IAM wildcard pattern. */
export function wildcardRegExp(pattern: string): RegExp {
  let cached = regExpCache.get(pattern);
  if (!cached) {
    cached = new RegExp(`^${regExpSource(pattern, '.')}$`, 'is');
    // Bounded, but large enough for the biggest policies (the AWS managed corpus has ~17,000 patterns).
    if (regExpCache.size > 50_000) regExpCache.clear();
    regExpCache.set(pattern, cached);
  }
  return cached;
}

/** The regular expression source of a wildcard pattern; `one` is what a `?` matches. */
function regExpSource(pattern: string, one: string): string {
  return pattern.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '.*' : c === '?' ? one : `\\${c}`));
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** One step of a pattern: a literal character, or a class of characters taken once or repeatedly. */
export interface PatternToken {
  /** A lower-cased literal character, or `any`, or `noSlash` (any character but `/`). */
  match: string;
  /** `one`: exactly one character; `many`: zero or more. */
  count: 'one' | 'many';
}

const VARIABLE = /\$\{[^}]*\}/y;

/** Tokens of a policy string: `*`, `?`, `${...}` (one or more characters) and literals. */
export function policyPatternTokens(text: string): PatternToken[] {
  const tokens: PatternToken[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      VARIABLE.lastIndex = i;
      const variable = VARIABLE.exec(text);
      if (variable) {
        tokens.push({ match: 'any', count: 'one' }, { match: 'any', count: 'many' });
        i += variable[0].length - 1;
        continue;
      }
    }
    if (c === '*') tokens.push({ match: 'any', count: 'many' });
    else if (c === '?') tokens.push({ match: 'any', count: 'one' });
    else tokens.push({ match: c.toLowerCase(), count: 'one' });
  }
  return tokens;
}

/**
 * Tokens of a template such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`: each `${Name}`
 * matches one or more characters, without `/` when `slashFree(Name)` says so; a literal `*` matches any run.
 */
export function templateTokens(template: string, slashFree: (name: string) => boolean = () => false): PatternToken[] {
  const tokens: PatternToken[] = [];
  for (let i = 0; i < template.length; i++) {
    if (template[i] === '$' && template[i + 1] === '{') {
      const end = template.indexOf('}', i);
      if (end > i) {
        const match = slashFree(template.slice(i + 2, end)) ? 'noSlash' : 'any';
        tokens.push({ match, count: 'one' }, { match, count: 'many' });
        i = end;
        continue;
      }
    }
    // A few templates carry a literal `*` (braket `arn:${Partition}:braket:*:*:device/...`): any text.
    if (template[i] === '*') tokens.push({ match: 'any', count: 'many' });
    else tokens.push({ match: template[i].toLowerCase(), count: 'one' });
  }
  return tokens;
}

function compatible(a: string, b: string): boolean {
  if (a === 'any' || b === 'any') return true;
  if (a === 'noSlash') return b !== '/';
  if (b === 'noSlash') return a !== '/';
  return a === b;
}

/**
 * Whether some string matches both patterns: a breadth-first walk of the product of the two
 * patterns' automata, O(|a|·|b|) states. Used to ask "can this wildcard ARN name a resource of this
 * type" without enumerating anything.
 */
export function patternsOverlap(a: readonly PatternToken[], b: readonly PatternToken[]): boolean {
  const width = b.length + 1;
  const seen = new Uint8Array((a.length + 1) * width);
  const stack: number[] = [0];
  seen[0] = 1;
  const visit = (i: number, j: number) => {
    const state = i * width + j;
    if (!seen[state]) {
      seen[state] = 1;
      stack.push(state);
    }
  };
  while (stack.length > 0) {
    const state = stack.pop() as number;
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === a.length && j === b.length) return true;
    const ta = a[i];
    const tb = b[j];
    if (ta?.count === 'many') visit(i + 1, j);
    if (tb?.count === 'many') visit(i, j + 1);
    if (ta && tb && compatible(ta.match, tb.match)) {
      visit(ta.count === 'many' ? i : i + 1, tb.count === 'many' ? j : j + 1);
    }
  }
  return false;
}

/**
 * Whether every string `inner` matches is also matched by `outer`, judged on the text: `outer`
 * matches `inner` with its wildcards read as literal characters, except that a `?` of `outer` (one
 * character) cannot stand for a `*` of `inner` (any run): `s3:Get?bject` does not cover
 * `s3:Get*bject`. Sound for the patterns people write (`s3:*` covers `s3:Get*`, `s3:Get*` covers
 * `s3:GetObject`).
 */
export function wildcardCovers(outer: string, inner: string): boolean {
  if (!outer.includes('?') || !inner.includes('*')) return wildcardRegExp(outer).test(inner);
  return new RegExp(`^${regExpSource(outer, '[^*]')}$`, 'is').test(inner);
}
