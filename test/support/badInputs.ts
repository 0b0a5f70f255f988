/** Hostile documents shared by the LSP and CLI robustness tests. */

/** An identity policy of at least `bytes` characters (ASCII), made of many distinct statements. */
export function hugePolicy(bytes = 5 * 1024 * 1024): string {
  const statements: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const statement = `    {"Sid": "S${i}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket-${i}/*"}`;
    statements.push(statement);
    size += statement.length + 2;
  }
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.join(',\n')}\n  ]\n}\n`;
}

/** 10,000 nested arrays, unterminated: not a policy, and deep enough to overflow a recursive parser. */
export const DEEP_ARRAYS = '['.repeat(10_000);

/** The same depth under a top-level `Statement`, so that it is recognised as a policy. */
export const DEEP_STATEMENT = `{"Statement":${'['.repeat(10_000)}`;

/** A policy with lone surrogates, raw in a Sid and escaped in a resource. */
export const LONE_SURROGATES =
  '{"Version":"2012-10-17","Statement":[{"Sid":"a\uD800b","Effect":"Allow","Action":"s3:GetObject",' +
  '"Resource":"arn:aws:s3:::b/\\uDC00"}]}';
