import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PARTITIONS } from '../../server/src/core/iam/arn';
import { COMMON_OPERATORS, FOR_ALL_VALUES_DOC, FOR_ANY_VALUE_DOC, IF_EXISTS_DOC, baseOperatorDoc } from '../../server/src/core/iam/operatorDocs';
import { BASE_OPERATORS, readOperator } from '../../server/src/core/iam/operators';
import { principalProblem } from '../../server/src/core/iam/principals';
import { REGIONS, findRegion } from '../../server/src/core/iam/regions';
import { SERVICE_PRINCIPALS, findServicePrincipal } from '../../server/src/core/iam/servicePrincipals';

describe('operator docs', () => {
  it('documents every base operator', () => {
    for (const base of BASE_OPERATORS) assert.ok(baseOperatorDoc(base), `no doc for ${base}`);
    assert.equal(baseOperatorDoc('StringMatches'), undefined);
  });

  it('lists common operators that parse, once each', () => {
    assert.equal(new Set(COMMON_OPERATORS).size, COMMON_OPERATORS.length);
    for (const name of COMMON_OPERATORS) {
      const reading = readOperator(name);
      assert.ok('operator' in reading, `${name} does not parse`);
      assert.equal(reading.operator.text, name);
    }
  });

  it('explains the prefixes and the suffix', () => {
    assert.match(IF_EXISTS_DOC, /absent/);
    assert.match(IF_EXISTS_DOC, /BoolIfExists/);
    assert.match(FOR_ALL_VALUES_DOC, /Null/);
    assert.match(FOR_ANY_VALUE_DOC, /false when the key is absent/);
  });
});

describe('service principals', () => {
  it('are unique, sorted, lower case and valid Service principals', () => {
    const names = SERVICE_PRINCIPALS.map((p) => p.principal);
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(names, [...names].sort());
    for (const { principal, description, usedIn } of SERVICE_PRINCIPALS) {
      assert.equal(principal, principal.toLowerCase());
      assert.match(principal, /\.amazonaws\.com(\.cn)?$/);
      assert.equal(principalProblem('Service', principal), undefined, principal);
      assert.ok(description.length > 20, principal);
      assert.ok(usedIn.length > 0, principal);
    }
  });

  it('are found ignoring case, in regional and China forms', () => {
    assert.equal(findServicePrincipal('lambda.amazonaws.com')?.principal, 'lambda.amazonaws.com');
    assert.equal(findServicePrincipal('Lambda.AmazonAWS.com')?.principal, 'lambda.amazonaws.com');
    assert.equal(findServicePrincipal('logs.us-east-1.amazonaws.com')?.principal, 'logs.amazonaws.com');
    assert.equal(findServicePrincipal('logs.us-gov-west-1.amazonaws.com')?.principal, 'logs.amazonaws.com');
    assert.equal(findServicePrincipal('ec2.amazonaws.com.cn')?.principal, 'ec2.amazonaws.com');
    assert.equal(findServicePrincipal('states.cn-north-1.amazonaws.com.cn')?.principal, 'states.amazonaws.com');
    // Dotted names are not mistaken for regional forms.
    assert.equal(findServicePrincipal('monitoring.rds.amazonaws.com')?.principal, 'monitoring.rds.amazonaws.com');
    assert.equal(findServicePrincipal('pods.eks.amazonaws.com')?.principal, 'pods.eks.amazonaws.com');
    assert.equal(findServicePrincipal('nosuch.amazonaws.com'), undefined);
    assert.equal(findServicePrincipal('lambda'), undefined);
  });

  it('say that EKS Pod Identity needs sts:TagSession', () => {
    assert.match(findServicePrincipal('pods.eks.amazonaws.com')?.description ?? '', /sts:TagSession/);
  });
});

describe('regions', () => {
  it('are unique, well-formed and in known partitions', () => {
    const codes = REGIONS.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const { code, name, partition } of REGIONS) {
      // [a-z]{2,4}: the European Sovereign Cloud's Region is eusc-de-east-1.
      assert.match(code, /^[a-z]{2,4}(-[a-z]+)+-\d$/);
      assert.ok(name.length > 0, code);
      assert.ok(PARTITIONS.includes(partition), `${code}: ${partition}`);
    }
  });

  it('are found by code', () => {
    assert.deepEqual(findRegion('us-east-1'), { code: 'us-east-1', name: 'US East (N. Virginia)', partition: 'aws' });
    assert.equal(findRegion('cn-north-1')?.partition, 'aws-cn');
    assert.equal(findRegion('us-gov-west-1')?.partition, 'aws-us-gov');
    assert.equal(findRegion('eusc-de-east-1')?.partition, 'aws-eusc');
    assert.equal(findRegion('us-east-9'), undefined);
  });
});
