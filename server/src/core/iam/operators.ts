import type { ConditionKeyType } from './data';
import { baseType } from './conditionKeys';
import { closest } from './suggest';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** A condition operator read apart: `ForAnyValue:StringLikeIfExists`. */
export interface ConditionOperator {
  text: string;
  /** `ForAllValues` / `ForAnyValue`, for multi-valued keys. */
  setOperator: 'ForAllValues' | 'ForAnyValue' | undefined;
  /** The operator without prefix and `IfExists`, canonically spelled (`StringLike`). */
  base: string;
  family: OperatorFamily;
  ifExists: boolean;
  /** Matches `*` and `?` in values (`StringLike`, `StringNotLike`, every `Arn` operator). */
  wildcards: boolean;
  /** `...Not...` and `NotIpAddress`: true when the key is absent. */
  negated: boolean;
}

const BASES: Record<string, OperatorFamily> = {};
for (const name of ['Equals', 'NotEquals', 'EqualsIgnoreCase', 'NotEqualsIgnoreCase', 'Like', 'NotLike']) BASES[`String${name}`] = 'String';
for (const name of ['Equals', 'NotEquals', 'LessThan', 'LessThanEquals', 'GreaterThan', 'GreaterThanEquals']) {
  BASES[`Numeric${name}`] = 'Numeric';
  BASES[`Date${name}`] = 'Date';
}
for (const name of ['Equals', 'Like', 'NotEquals', 'NotLike']) BASES[`Arn${name}`] = 'Arn';
Object.assign(BASES, { Bool: 'Bool', BinaryEquals: 'Binary', IpAddress: 'IpAddress', NotIpAddress: 'IpAddress', Null: 'Null' });

/** Every base operator, canonically spelled. */
export const BASE_OPERATORS: readonly string[] = Object.keys(BASES);
const byLowerCase = new Map(BASE_OPERATORS.map((b) => [b.toLowerCase(), b]));

/** The written name of an operator: `ForAnyValue:StringLikeIfExists`. */
export function operatorName(operator: Pick<ConditionOperator, 'setOperator' | 'base' | 'ifExists'>): string {
  return `${operator.setOperator ? `${operator.setOperator}:` : ''}${operator.base}${operator.ifExists ? 'IfExists' : ''}`;
}

export type OperatorReading = { operator: ConditionOperator } | { problem: string; suggestions: string[] };

/**
 * Reads a condition operator. Names are matched regardless of case (we do not report what AWS may
 * accept); what no spelling makes valid is a problem with suggestions.
 */
export function readOperator(text: string): OperatorReading {
  let rest = text;
  let setOperator: ConditionOperator['setOperator'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') setOperator = 'ForAllValues';
    else if (prefix === 'foranyvalue') setOperator = 'ForAnyValue';
    else {
      const [nearest] = closest(rest.slice(0, colon), ['ForAllValues', 'ForAnyValue']);
      return {
        problem: `"${rest.slice(0, colon)}:" is not a condition set operator; the prefixes are ForAllValues: and ForAnyValue:.`,
        suggestions: nearest ? [`${nearest}:${rest.slice(colon + 1)}`] : [],
      };
    }
    rest = rest.slice(colon + 1);
  }
  const ifExists = /ifexists$/i.test(rest);
  const baseText = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  const base = byLowerCase.get(baseText.toLowerCase());
  if (!base) {
    const suggestions = closest(baseText, BASE_OPERATORS).map((b) => operatorName({ setOperator, base: b, ifExists }));
    return { problem: `"${text}" is not an IAM condition operator.`, suggestions };
  }
  if (base === 'Null' && ifExists) {
    return { problem: 'Null cannot take IfExists: Null itself tests whether the key exists.', suggestions: [operatorName({ setOperator, base, ifExists: false })] };
  }
  const family = BASES[base];
  return {
    operator: {
      text,
      setOperator,
      base,
      family,
      ifExists,
      wildcards: base === 'StringLike' || base === 'StringNotLike' || family === 'Arn',
      negated: /Not/.test(base),
    },
  };
}

/**
 * Whether an operator family suits a key type. String operators suit String, ARN and Bool keys (a Bool
 * is compared as "true"/"false"); Arn operators suit ARN keys and String keys, which often hold ARNs
 * (tag values, KMS encryption context); `aws:EpochTime` is a Date that Numeric operators compare too.
 */
export function familySuits(operator: Pick<ConditionOperator, 'family'>, keyType: ConditionKeyType, key: string): boolean {
  // A multi-valued key is compared value by value: ArrayOfARN suits Arn operators.
  const type = baseType(keyType);
  switch (operator.family) {
    case 'String':
      return type !== 'Date' && type !== 'Numeric' && type !== 'IPAddress';
    case 'Arn':
      return type === 'ARN' || type === 'String';
    case 'Numeric':
      return type === 'Numeric' || key.toLowerCase() === 'aws:epochtime';
    case 'Date':
      return type === 'Date';
    case 'Bool':
      return type === 'Bool';
    case 'IpAddress':
      return type === 'IPAddress';
    default:
      return true; // Null tests presence of any key; BinaryEquals is rare and left alone
  }
}
