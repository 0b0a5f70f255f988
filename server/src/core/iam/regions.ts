/** An AWS Region, for completion and hover of Region fields in ARNs and `aws:RequestedRegion`. */
export interface RegionInfo {
  /** The Region code, e.g. `us-east-1`. */
  code: string;
  /** The name AWS shows, e.g. `US East (N. Virginia)`. */
  name: string;
  /** The partition, the first field of the Region's ARNs (one of `PARTITIONS`). */
  partition: string;
}

const region = (partition: string) => (code: string, name: string): RegionInfo => ({ code, name, partition });
const aws = region('aws');
const awsCn = region('aws-cn');
const awsUsGov = region('aws-us-gov');
const awsEusc = region('aws-eusc');

/**
 * The public Regions: the commercial partition, China, GovCloud (US) and the AWS European
 * Sovereign Cloud, as listed in the AWS SDK endpoint data (botocore 1.43). The isolated (ISO)
 * partitions are left out: their Regions are not used from a public editor.
 */
export const REGIONS: readonly RegionInfo[] = [
  aws('af-south-1', 'Africa (Cape Town)'),
  aws('ap-east-1', 'Asia Pacific (Hong Kong)'),
  aws('ap-east-2', 'Asia Pacific (Taipei)'),
  aws('ap-northeast-1', 'Asia Pacific (Tokyo)'),
  aws('ap-northeast-2', 'Asia Pacific (Seoul)'),
  aws('ap-northeast-3', 'Asia Pacific (Osaka)'),
  aws('ap-south-1', 'Asia Pacific (Mumbai)'),
  aws('ap-south-2', 'Asia Pacific (Hyderabad)'),
  aws('ap-southeast-1', 'Asia Pacific (Singapore)'),
  aws('ap-southeast-2', 'Asia Pacific (Sydney)'),
  aws('ap-southeast-3', 'Asia Pacific (Jakarta)'),
  aws('ap-southeast-4', 'Asia Pacific (Melbourne)'),
  aws('ap-southeast-5', 'Asia Pacific (Malaysia)'),
  aws('ap-southeast-6', 'Asia Pacific (New Zealand)'),
  aws('ap-southeast-7', 'Asia Pacific (Thailand)'),
  aws('ca-central-1', 'Canada (Central)'),
  aws('ca-west-1', 'Canada West (Calgary)'),
  aws('eu-central-1', 'Europe (Frankfurt)'),
  aws('eu-central-2', 'Europe (Zurich)'),
  aws('eu-north-1', 'Europe (Stockholm)'),
  aws('eu-south-1', 'Europe (Milan)'),
  aws('eu-south-2', 'Europe (Spain)'),
  aws('eu-west-1', 'Europe (Ireland)'),
  aws('eu-west-2', 'Europe (London)'),
  aws('eu-west-3', 'Europe (Paris)'),
  aws('il-central-1', 'Israel (Tel Aviv)'),
  aws('me-central-1', 'Middle East (UAE)'),
  aws('me-south-1', 'Middle East (Bahrain)'),
  aws('mx-central-1', 'Mexico (Central)'),
  aws('sa-east-1', 'South America (São Paulo)'),
  aws('us-east-1', 'US East (N. Virginia)'),
  aws('us-east-2', 'US East (Ohio)'),
  aws('us-west-1', 'US West (N. California)'),
  aws('us-west-2', 'US West (Oregon)'),
  awsCn('cn-north-1', 'China (Beijing)'),
  awsCn('cn-northwest-1', 'China (Ningxia)'),
  awsUsGov('us-gov-east-1', 'AWS GovCloud (US-East)'),
  awsUsGov('us-gov-west-1', 'AWS GovCloud (US-West)'),
  awsEusc('eusc-de-east-1', 'AWS European Sovereign Cloud (Germany)'),
];

const byCode = new Map(REGIONS.map((r) => [r.code, r]));

/** The Region with this code (exact, lower-case as AWS writes it), or undefined. */
export function findRegion(code: string): RegionInfo | undefined {
  return byCode.get(code);
}
