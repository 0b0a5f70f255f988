import { globalServicePrincipal } from './servicePrincipals';

/**
 * Service principals that, when they assume a role, put `aws:SourceAccount` and `aws:SourceArn` in
 * the request, so that a trust policy can say for which account and resource the service may act
 * (cross-service confused deputy prevention). AWS publishes no list; each entry below is a service
 * whose documentation shows these keys in a role trust policy (the page is given, so the list can
 * be checked and extended). Services are left out where the only evidence was second-hand.
 */
export const SOURCE_AWARE_SERVICES: Readonly<Record<string, string>> = {
  'airflow.amazonaws.com': 'https://docs.aws.amazon.com/mwaa/latest/userguide/cross-service-confused-deputy-prevention.html',
  'airflow-env.amazonaws.com': 'https://docs.aws.amazon.com/mwaa/latest/userguide/cross-service-confused-deputy-prevention.html',
  'amplify.amazonaws.com': 'https://docs.aws.amazon.com/amplify/latest/userguide/cross-service-confused-deputy-prevention.html',
  'appstream.amazonaws.com': 'https://docs.aws.amazon.com/appstream2/latest/developerguide/example-fleet-machine.html',
  'autoscaling.amazonaws.com': 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/cross-service-confused-deputy-prevention.html',
  'batch.amazonaws.com': 'https://docs.aws.amazon.com/batch/latest/userguide/cross-service-confused-deputy-prevention.html',
  'bedrock.amazonaws.com': 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-iam-role.html',
  'comprehend.amazonaws.com': 'https://docs.aws.amazon.com/comprehend/latest/dg/cross-service-confused-deputy-prevention.html',
  'config.amazonaws.com': 'https://docs.aws.amazon.com/config/latest/developerguide/iamrole-permissions.html',
  'datasync.amazonaws.com': 'https://docs.aws.amazon.com/datasync/latest/userguide/cross-service-confused-deputy-prevention.html',
  'datazone.amazonaws.com': 'https://docs.aws.amazon.com/sagemaker-unified-studio/latest/adminguide/AmazonSageMakerDomainExecution.html',
  'dms.amazonaws.com': 'https://docs.aws.amazon.com/dms/latest/userguide/cross-service-confused-deputy-prevention.html',
  'ds.amazonaws.com': 'https://docs.aws.amazon.com/directoryservice/latest/admin-guide/cross-service-confused-deputy-prevention.html',
  'es.amazonaws.com': 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/cross-service-confused-deputy-prevention.html',
  'events.amazonaws.com': 'https://docs.aws.amazon.com/eventbridge/latest/userguide/cross-service-confused-deputy-prevention.html',
  'fis.amazonaws.com': 'https://docs.aws.amazon.com/resilience-hub/latest/userguide/next-gen-resilience-testing-iam-single-account.html',
  'greengrass.amazonaws.com': 'https://docs.aws.amazon.com/greengrass/v2/developerguide/greengrass-service-role.html',
  'iot.amazonaws.com': 'https://docs.aws.amazon.com/iot/latest/developerguide/cross-service-confused-deputy-prevention.html',
  'iotevents.amazonaws.com': 'https://docs.aws.amazon.com/iotevents/latest/developerguide/cross-service-confused-deputy-prevention.html',
  'kafkaconnect.amazonaws.com': 'https://docs.aws.amazon.com/msk/latest/developerguide/cross-service-confused-deputy-prevention.html',
  'logs.amazonaws.com': 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Subscriptions-confused-deputy.html',
  'mediaconvert.amazonaws.com': 'https://docs.aws.amazon.com/mediaconvert/latest/ug/cross-service-confused-deputy-prevention.html',
  'mediatailor.amazonaws.com': 'https://docs.aws.amazon.com/mediatailor/latest/ug/cross-service-confused-deputy-prevention.html',
  'opsworks-cm.amazonaws.com': 'https://docs.aws.amazon.com/opsworks/latest/userguide/cross-service-confused-deputy-prevention.html',
  'personalize.amazonaws.com': 'https://docs.aws.amazon.com/personalize/latest/dg/cross-service-confused-deputy-prevention.html',
  'pipes.amazonaws.com': 'https://docs.aws.amazon.com/eventbridge/latest/userguide/cross-service-confused-deputy-prevention.html',
  'proton.amazonaws.com': 'https://docs.aws.amazon.com/proton/latest/userguide/cross-service-confused-deputy-prevention.html',
  'qbusiness.amazonaws.com': 'https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/kendra-retriever-iam-role.html',
  'rds.amazonaws.com': 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/cross-service-confused-deputy-prevention.html',
  'rekognition.amazonaws.com': 'https://docs.aws.amazon.com/rekognition/latest/dg/cross-service-confused-deputy-prevention.html',
  'sagemaker.amazonaws.com': 'https://docs.aws.amazon.com/sagemaker/latest/dg/security-confused-deputy-prevention.html',
  'scheduler.amazonaws.com': 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html',
  'sms-voice.amazonaws.com': 'https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-kinesis-creating-role.html',
  'ssm.amazonaws.com': 'https://docs.aws.amazon.com/systems-manager/latest/userguide/cross-service-confused-deputy-prevention.html',
  'ssm-incidents.amazonaws.com': 'https://docs.aws.amazon.com/incident-manager/latest/userguide/cross-service-confused-deputy-prevention.html',
  'states.amazonaws.com': 'https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html',
  'textract.amazonaws.com': 'https://docs.aws.amazon.com/textract/latest/dg/cross-service-confused-deputy-prevention.html',
  'transfer.amazonaws.com': 'https://docs.aws.amazon.com/transfer/latest/userguide/confused-deputy.html',
  'voiceid.amazonaws.com': 'https://docs.aws.amazon.com/connect/latest/adminguide/cross-service-confused-deputy-prevention.html',
};

/**
 * Services whose roles must never be asked for the keys: compute they run (instances, functions,
 * containers, pods, builds) assumes the role with no source resource in the request, and for
 * CloudTrail's and Elastic Transcoder's roles adding the keys is reported to break delivery.
 * Never on the list above (a unit test checks), and named in the rule's docs.
 */
export const SOURCELESS_SERVICES: readonly string[] = [
  'ec2.amazonaws.com',
  'lambda.amazonaws.com',
  'edgelambda.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'eks.amazonaws.com',
  'eks-fargate-pods.amazonaws.com',
  'pods.eks.amazonaws.com',
  'elasticmapreduce.amazonaws.com',
  'codebuild.amazonaws.com',
  'cloudtrail.amazonaws.com',
  'elastictranscoder.amazonaws.com',
];

/** Whether a service principal is on the documented list (regional and China forms included). */
export function isSourceAwareService(service: string): boolean {
  // logs.us-east-1.amazonaws.com, states.cn-north-1.amazonaws.com.cn: the service's regional names.
  return Object.hasOwn(SOURCE_AWARE_SERVICES, globalServicePrincipal(service));
}
