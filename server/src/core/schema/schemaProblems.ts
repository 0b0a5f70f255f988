import type { ErrorObject, ValidateFunction } from 'ajv';
import { identity, resource, trust } from './generated/validators';
import { pathFromPointer, type JsonPath } from '../jsonTree';
import type { PolicyKind } from '../types';

/**
 * What a kind's JSON Schema rejected, in terms rules can claim and messages can explain. ajv's raw
 * errors are regrouped: the branches of "one of X or Y is required" become one `missing` problem.
 */
export type SchemaProblem =
  | { type: 'missing'; path: JsonPath; properties: string[] }
  | { type: 'unknown-property'; path: JsonPath; property: string; allowed: string[] }
  | { type: 'wrong-type'; path: JsonPath; expected: string[] }
  | { type: 'enum'; path: JsonPath; allowed: unknown[] }
  | { type: 'const'; path: JsonPath; expected: unknown }
  | { type: 'exclusive'; path: JsonPath; properties: string[] }
  | { type: 'too-few'; path: JsonPath; limit: number; of: 'items' | 'properties' }
  | { type: 'other'; path: JsonPath; message: string };

const validateByKind: Record<PolicyKind, ValidateFunction> = { trust, identity, resource };

/** Validates a policy value against its kind's schema. */
export function schemaProblems(kind: PolicyKind, value: unknown): SchemaProblem[] {
  const validate = validateByKind[kind];
  if (validate(value)) return [];
  return withoutMisspelledMissing(toProblems(validate.errors ?? []));
}

/** "Actions" for "Action", "effect" for "Effect": the near-miss of an element name. */
export function nearMiss(property: string, names: readonly string[]): string | undefined {
  const wanted = property.toLowerCase();
  return names.find((name) => name.toLowerCase() === wanted || name.toLowerCase() === wanted.replace(/s$/, ''));
}

/**
 * A misspelled element ("Actions") also makes the real one ("Action") missing. The unknown key is
 * reported with "did you mean"; a second finding over the whole statement would only add noise.
 */
function withoutMisspelledMissing(problems: SchemaProblem[]): SchemaProblem[] {
  const samePath = (a: JsonPath, b: JsonPath) => a.length === b.length && a.every((s, i) => s === b[i]);
  return problems.filter(
    (problem) =>
      problem.type !== 'missing' ||
      !problems.some((other) => other.type === 'unknown-property' && samePath(other.path, problem.path) && nearMiss(other.property, problem.properties)),
  );
}

function toProblems(errors: readonly ErrorObject[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    const path = pathFromPointer(error.instancePath);
    switch (error.keyword) {
      case 'if':
        break; // the failing `then` branch reports the real problem
      case 'required':
        // Required members inside anyOf branches are reported once, by the anyOf error.
        if (!error.schemaPath.includes('/anyOf/')) {
          problems.push({ type: 'missing', path, properties: [String(error.params.missingProperty)] });
        }
        break;
      case 'anyOf':
        problems.push(anyOfProblem(error, path));
        break;
      case 'additionalProperties': {
        const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
        problems.push({
          type: 'unknown-property',
          path,
          property: String(error.params.additionalProperty),
          allowed: Object.keys(parent?.properties ?? {}),
        });
        break;
      }
      case 'type':
        problems.push({ type: 'wrong-type', path, expected: [error.params.type as string | string[]].flat() });
        break;
      case 'enum':
        problems.push({ type: 'enum', path, allowed: error.params.allowedValues as unknown[] });
        break;
      case 'const':
        problems.push({ type: 'const', path, expected: error.params.allowedValue });
        break;
      case 'not': {
        const required = (error.schema as { required?: string[] } | undefined)?.required;
        problems.push(required ? { type: 'exclusive', path, properties: required } : other(error, path));
        break;
      }
      case 'minItems':
        problems.push({ type: 'too-few', path, limit: Number(error.params.limit), of: 'items' });
        break;
      case 'minProperties':
        problems.push({ type: 'too-few', path, limit: Number(error.params.limit), of: 'properties' });
        break;
      default:
        problems.push(other(error, path));
    }
  }
  return problems;
}

function anyOfProblem(error: ErrorObject, path: JsonPath): SchemaProblem {
  const branches = error.schema as { required?: string[] }[] | undefined;
  const properties = (branches ?? []).flatMap((b) => b.required ?? []);
  return properties.length > 0 ? { type: 'missing', path, properties } : other(error, path);
}

function other(error: ErrorObject, path: JsonPath): SchemaProblem {
  return { type: 'other', path, message: error.message ?? `fails the schema's ${error.keyword} check` };
}
