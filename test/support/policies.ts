/** Policy texts shared by the LSP and CLI tests. Build them from lines so positions are easy to read. */

export const lines = (...parts: string[]): string => parts.join('\n');

/**
 * A trust policy with a `Resource` element. `"Resource"` is on line 8 (0-based), characters 6-16.
 * The service principal is a compute service, so no confused-deputy advice is expected.
 */
export const TRUST_WITH_RESOURCE = lines(
  '{',
  '  "Version": "2012-10-17",',
  '  "Statement": [',
  '    {',
  '      "Sid": "AllowEc2",',
  '      "Effect": "Allow",',
  '      "Principal": { "Service": "ec2.amazonaws.com" },',
  '      "Action": "sts:AssumeRole",',
  '      "Resource": "*"',
  '    }',
  '  ]',
  '}',
  '',
);

export const TRUST_RESOURCE_RANGE = { start: { line: 8, character: 6 }, end: { line: 8, character: 16 } };

/** An identity policy without `Version` (a `missing-version` warning, nothing else). */
export const IDENTITY_WITHOUT_VERSION = lines(
  '{',
  '  "Statement": [',
  '    { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" }',
  '  ]',
  '}',
  '',
);

/** A clean identity policy. */
export const CLEAN_IDENTITY = lines(
  '{',
  '  "Version": "2012-10-17",',
  '  "Statement": [',
  '    { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*" }',
  '  ]',
  '}',
  '',
);

/** A bucket policy: a principal and no sts action make a resource policy. */
export const BUCKET_POLICY = lines(
  '{',
  '  "Version": "2012-10-17",',
  '  "Statement": [',
  '    {',
  '      "Sid": "ReadReports",',
  '      "Effect": "Allow",',
  '      "Principal": { "AWS": "arn:aws:iam::444455556666:role/ReportsReader" },',
  '      "Action": "s3:GetObject",',
  '      "Resource": "arn:aws:s3:::example-reports/*"',
  '    }',
  '  ]',
  '}',
  '',
);

/** A `package.json`: JSON, but not a policy. */
export const PACKAGE_JSON = '{"name":"x","version":"1.0.0"}';
