import type { PolicyKind } from '../types';

/**
 * Where the AWS provider takes an IAM policy document, and the kind that place gives it
 * (terraform-provider-aws documentation of each resource).
 */
const IDENTITY: Readonly<Record<string, readonly string[]>> = {
  aws_iam_policy: ['policy'],
  aws_iam_role_policy: ['policy'],
  aws_iam_user_policy: ['policy'],
  aws_iam_group_policy: ['policy'],
  aws_ssoadmin_permission_set_inline_policy: ['inline_policy'],
  // Session (scope-down) policies read as identity policies: they limit what a session may do.
  aws_transfer_user: ['policy'],
  aws_transfer_access: ['policy'],
};

const RESOURCE: Readonly<Record<string, readonly string[]>> = {
  aws_s3_bucket: ['policy'],
  aws_s3_bucket_policy: ['policy'],
  aws_s3_access_point: ['policy'],
  aws_s3control_access_point_policy: ['policy'],
  aws_s3control_bucket_policy: ['policy'],
  aws_s3control_object_lambda_access_point_policy: ['policy'],
  aws_s3control_access_grants_instance_resource_policy: ['policy'],
  aws_s3tables_table_bucket_policy: ['resource_policy'],
  aws_s3tables_table_policy: ['resource_policy'],
  aws_s3vectors_vector_bucket_policy: ['policy'],
  aws_sqs_queue: ['policy'],
  aws_sqs_queue_policy: ['policy'],
  aws_sns_topic: ['policy'],
  aws_sns_topic_policy: ['policy'],
  aws_kms_key: ['policy'],
  aws_kms_key_policy: ['policy'],
  aws_kms_replica_key: ['policy'],
  aws_kms_external_key: ['policy'],
  aws_kms_replica_external_key: ['policy'],
  aws_ecr_repository_policy: ['policy'],
  aws_ecr_registry_policy: ['policy'],
  aws_ecrpublic_repository_policy: ['policy'],
  aws_ecr_repository_creation_template: ['repository_policy'],
  aws_secretsmanager_secret: ['policy'],
  aws_secretsmanager_secret_policy: ['policy'],
  aws_opensearch_domain: ['access_policies'],
  aws_opensearch_domain_policy: ['access_policies'],
  aws_elasticsearch_domain: ['access_policies'],
  aws_elasticsearch_domain_policy: ['access_policies'],
  aws_cloudsearch_domain_service_access_policy: ['access_policy'],
  aws_efs_file_system_policy: ['policy'],
  aws_glacier_vault: ['access_policy'],
  aws_glacier_vault_lock: ['policy'],
  aws_backup_vault_policy: ['policy'],
  aws_cloudwatch_event_bus_policy: ['policy'],
  aws_schemas_registry_policy: ['policy'],
  aws_cloudwatch_log_destination_policy: ['access_policy'],
  aws_cloudwatch_log_resource_policy: ['policy_document'],
  aws_cloudwatch_log_delivery_destination_policy: ['delivery_destination_policy'],
  aws_api_gateway_rest_api: ['policy'],
  aws_api_gateway_rest_api_policy: ['policy'],
  aws_vpc_endpoint: ['policy'],
  aws_vpc_endpoint_policy: ['policy'],
  aws_codeartifact_domain_permissions_policy: ['policy_document'],
  aws_codeartifact_repository_permissions_policy: ['policy_document'],
  aws_codebuild_resource_policy: ['policy'],
  aws_dynamodb_resource_policy: ['policy'],
  aws_kinesis_resource_policy: ['policy'],
  aws_glue_resource_policy: ['policy'],
  aws_media_store_container_policy: ['policy'],
  aws_networkfirewall_resource_policy: ['policy'],
  aws_sagemaker_model_package_group_policy: ['resource_policy'],
  aws_ses_identity_policy: ['policy'],
  aws_sesv2_email_identity_policy: ['policy'],
  aws_acmpca_policy: ['policy'],
  aws_redshift_resource_policy: ['policy'],
  aws_redshiftserverless_resource_policy: ['policy'],
  aws_oam_sink_policy: ['policy'],
  aws_msk_cluster_policy: ['policy'],
  aws_vpclattice_auth_policy: ['policy'],
  aws_vpclattice_resource_policy: ['policy'],
  aws_xray_resource_policy: ['policy_document'],
  aws_ssm_resource_policy: ['policy'],
  aws_prometheus_resource_policy: ['policy_document'],
  aws_bedrockagentcore_resource_policy: ['policy'],
  aws_organizations_resource_policy: ['content'],
};

/**
 * Resources whose policies are not IAM identity, trust or resource policies, though they look like
 * them: never read as one by their content. Organizations policies (SCPs, RCPs) get kinds of their
 * own with issue [10]; until then they are left alone rather than judged as identity policies.
 */
export const NOT_IAM_RESOURCES: ReadonlySet<string> = new Set([
  'aws_organizations_policy',
  'aws_iot_policy',
  'aws_opensearchserverless_access_policy',
  'aws_opensearchserverless_security_policy',
  'aws_opensearchserverless_lifecycle_policy',
  'aws_cloudformation_stack',
  'aws_cloudformation_stack_set',
  'aws_ecr_lifecycle_policy',
  'aws_sns_topic_data_protection_policy',
  'aws_cloudwatch_log_data_protection_policy',
  'aws_cloudwatch_log_account_policy',
  'aws_networkmanager_core_network_policy_attachment',
  'aws_verifiedpermissions_policy',
]);

/** The kind of policy a resource's argument holds, or undefined when it holds none. */
export function kindOfArgument(resourceType: string, argument: string): PolicyKind | undefined {
  if (resourceType === 'aws_iam_role' && argument === 'assume_role_policy') return 'trust';
  if (IDENTITY[resourceType]?.includes(argument)) return 'identity';
  if (RESOURCE[resourceType]?.includes(argument)) return 'resource';
  return undefined;
}

/** Nested blocks that hold a policy argument: `aws_iam_role { inline_policy { policy } }`. */
export function kindOfNestedArgument(resourceType: string, block: string, argument: string): PolicyKind | undefined {
  if (resourceType === 'aws_iam_role' && block === 'inline_policy' && argument === 'policy') return 'identity';
  if (resourceType === 'aws_s3control_multi_region_access_point_policy' && block === 'details' && argument === 'policy') return 'resource';
  return undefined;
}

/** Resources that attach a customer managed policy (`policy_arn`) to a role, user or group. */
export const ATTACHMENTS: Readonly<Record<string, 'role' | 'user' | 'group' | 'any'>> = {
  aws_iam_role_policy_attachment: 'role',
  aws_iam_user_policy_attachment: 'user',
  aws_iam_group_policy_attachment: 'group',
  aws_iam_policy_attachment: 'any',
};

/** Inline policies and whom they belong to (the attribute naming the role, user or group). */
export const INLINE_OWNERS: Readonly<Record<string, { attribute: string; type: 'role' | 'user' | 'group' }>> = {
  aws_iam_role_policy: { attribute: 'role', type: 'role' },
  aws_iam_user_policy: { attribute: 'user', type: 'user' },
  aws_iam_group_policy: { attribute: 'group', type: 'group' },
};
