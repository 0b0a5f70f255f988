/**
 * IAM wildcards: `*` matches any run of characters (also empty), `?` exactly one. Policy variables
 * (`${aws:username}`) and CloudFormation placeholders (`${AWS::AccountId}`, `${BucketName}`) stand
 * for text we cannot know, so they match any non-empty run. Matching is case-insensitive, which is
 * right for actions and condition keys and the lenient choice for ARNs (no false alarms).
 */

/** Tests texts against one wildcard pattern. */
export interface WildcardMatcher {
  test(text: string): boolean;
}

const matcherCache = new Map<string, WildcardMatcher>();

/**
 * A case-insensitive matcher for an IAM wildcard pattern (`*` any run, `?` one character). Not a
 * regular expression: `s3:********x` would backtrack exponentially there; this matcher is
 * O(pattern × text) whatever the pattern.
 */
export function wildcardRegExp(pattern: string): WildcardMatcher {
  let cached = matcherCache.get(pattern);
  if (!cached) {
    const lower = pattern.toLowerCase();
    cached = { test: (text) => globMatch(lower, text.toLowerCase(), '') };
    // Bounded, but large enough for the biggest policies (the AWS managed corpus has ~17,000 patterns).
    if (matcherCache.size > 50_000) matcherCache.clear();
    matcherCache.set(pattern, cached);
  }
  return cached;
}

/** Case-sensitive IAM wildcard matching, for names that IAM compares exactly (role names in ARNs). */
export function wildcardMatchesExactly(pattern: string, text: string): boolean {
  return globMatch(pattern, text, '');
}

/**
 * Glob matching with one remembered `*`: on a mismatch, the last `*` takes one more character.
 * `?` matches any one character except those in `notOne`.
 */
function globMatch(pattern: string, text: string, notOne: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (p < pattern.length && c !== '*' && (c === text[t] || (c === '?' && !notOne.includes(text[t])))) {
      p++;
      t++;
    } else if (p < pattern.length && c === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Whether a pattern is nothing but `*` and `?` (also the empty text): it matches anything of its length or more. */
export function isAllWildcards(text: string): boolean {
  return /^[*?]*$/.test(text);
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

/**
 * Tokens of a pattern: `*` any run, `${...}` one or more characters of the class `variable(name)`
 * says, `?` one character when `question` (policy text) or itself (template text), else literals.
 */
function tokens(text: string, variable: (name: string) => string, question: boolean): PatternToken[] {
  const result: PatternToken[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const end = c === '$' && text[i + 1] === '{' ? text.indexOf('}', i) : -1;
    if (end > i) {
      const match = variable(text.slice(i + 2, end));
      result.push({ match, count: 'one' }, { match, count: 'many' });
      i = end;
    } else if (c === '*') result.push({ match: 'any', count: 'many' });
    else if (c === '?' && question) result.push({ match: 'any', count: 'one' });
    else result.push({ match: c.toLowerCase(), count: 'one' });
  }
  return result;
}

/** Tokens of a policy string: `*`, `?`, `${...}` (one or more characters) and literals. */
export function policyPatternTokens(text: string): PatternToken[] {
  return tokens(text, () => 'any', true);
}

/**
 * Tokens of a template such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`: each `${Name}`
 * matches one or more characters, without `/` when `slashFree(Name)` says so. A few templates carry
 * a literal `*` (braket `arn:${Partition}:braket:*:*:device/...`): it matches any text.
 */
export function templateTokens(template: string, slashFree: (name: string) => boolean = () => false): PatternToken[] {
  return tokens(template, (name) => (slashFree(name) ? 'noSlash' : 'any'), false);
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
  return globMatch(outer.toLowerCase(), inner.toLowerCase(), '*');
}
