/** A service principal users write in trust and resource policies. */
export interface ServicePrincipalInfo {
  /** The principal as written under `"Service"`, e.g. `lambda.amazonaws.com`. */
  principal: string;
  /** Who uses it and where: the trust policy of which role, the resource policy of which resource. */
  description: string;
  /** Where it is written: 'trust' = role trust policies (the service assumes a role), 'resource' = resource policies (bucket/topic/key policies) */
  usedIn: readonly ('trust' | 'resource')[];
}

const TRUST = ['trust'] as const;
const RESOURCE = ['resource'] as const;
const BOTH = ['trust', 'resource'] as const;

/**
 * The service principals people write most, for completion and hover. AWS publishes no list, so
 * this one is curated: each entry is shown in a trust or resource policy in the service's own
 * documentation. Principals only ever seen in service-linked roles (which AWS writes) are left out.
 * Sorted by principal.
 */
export const SERVICE_PRINCIPALS: readonly ServicePrincipalInfo[] = [
  {
    principal: 'access-analyzer.amazonaws.com',
    description: 'IAM Access Analyzer. Trusted by the service role that policy generation uses to read your CloudTrail trail and last-accessed data.',
    usedIn: TRUST,
  },
  {
    principal: 'airflow-env.amazonaws.com',
    description: 'Amazon MWAA environments. Trusted, together with airflow.amazonaws.com, by the execution role of an Apache Airflow environment.',
    usedIn: TRUST,
  },
  {
    principal: 'airflow.amazonaws.com',
    description: 'Amazon Managed Workflows for Apache Airflow (MWAA). Trusted, together with airflow-env.amazonaws.com, by the environment execution role.',
    usedIn: TRUST,
  },
  {
    principal: 'amplify.amazonaws.com',
    description: 'AWS Amplify. Trusted by the service role Amplify uses to build and deploy an app and its backend.',
    usedIn: TRUST,
  },
  {
    principal: 'apigateway.amazonaws.com',
    description:
      'Amazon API Gateway. Trusted by the role that writes API logs to CloudWatch or that an integration runs with; also named in a Lambda function policy so an API may invoke the function (scope it with aws:SourceArn).',
    usedIn: BOTH,
  },
  {
    principal: 'appsync.amazonaws.com',
    description: 'AWS AppSync. Trusted by the service role of a data source (DynamoDB, Lambda, OpenSearch, HTTP with SigV4) and by the logging role.',
    usedIn: TRUST,
  },
  {
    principal: 'autoscaling.amazonaws.com',
    description:
      'Amazon EC2 Auto Scaling. Trusted by the notification role that lifecycle hooks use to publish to SNS or SQS; the service-linked role of Auto Scaling is created by AWS.',
    usedIn: TRUST,
  },
  {
    principal: 'backup.amazonaws.com',
    description: 'AWS Backup. Trusted by the role a backup plan or restore job runs with (AWSBackupDefaultServiceRole or your own).',
    usedIn: TRUST,
  },
  {
    principal: 'batch.amazonaws.com',
    description: 'AWS Batch. Trusted by a Batch service role (newer environments use the service-linked role); job containers use ecs-tasks.amazonaws.com.',
    usedIn: TRUST,
  },
  {
    principal: 'batchoperations.s3.amazonaws.com',
    description: 'S3 Batch Operations. Trusted by the role a Batch Operations job runs with to read the manifest, act on objects and write the report.',
    usedIn: TRUST,
  },
  {
    principal: 'bedrock-agentcore.amazonaws.com',
    description: 'Amazon Bedrock AgentCore. Trusted by the execution role of an AgentCore Runtime agent or an AgentCore Gateway.',
    usedIn: TRUST,
  },
  {
    principal: 'bedrock.amazonaws.com',
    description: 'Amazon Bedrock. Trusted by the service roles of agents, knowledge bases, model customization and batch inference jobs.',
    usedIn: TRUST,
  },
  {
    principal: 'cloudformation.amazonaws.com',
    description: 'AWS CloudFormation. Trusted by a stack service role (CloudFormation then acts with it instead of the caller) and by the StackSets administration role.',
    usedIn: TRUST,
  },
  {
    principal: 'cloudfront.amazonaws.com',
    description:
      'Amazon CloudFront. Named in an S3 bucket policy or KMS key policy for origin access control (OAC), and in a Lambda function URL policy; restrict it to your distribution with aws:SourceArn.',
    usedIn: RESOURCE,
  },
  {
    principal: 'cloudtrail.amazonaws.com',
    description:
      'AWS CloudTrail. Named in the bucket policy, SNS topic policy and KMS key policy a trail delivers to; also trusted by the role that sends trail events to CloudWatch Logs.',
    usedIn: BOTH,
  },
  {
    principal: 'codebuild.amazonaws.com',
    description: 'AWS CodeBuild. Trusted by the service role a build project runs with.',
    usedIn: TRUST,
  },
  {
    principal: 'codedeploy.amazonaws.com',
    description: 'AWS CodeDeploy. Trusted by the service role a deployment group uses to reach EC2, Auto Scaling, ECS or Lambda.',
    usedIn: TRUST,
  },
  {
    principal: 'codepipeline.amazonaws.com',
    description: 'AWS CodePipeline. Trusted by the service role a pipeline runs its actions with.',
    usedIn: TRUST,
  },
  {
    principal: 'cognito-idp.amazonaws.com',
    description:
      'Amazon Cognito user pools. Trusted by the role a user pool uses to send SMS through SNS; also named in a Lambda function policy so user pool triggers may invoke the function.',
    usedIn: BOTH,
  },
  {
    principal: 'config.amazonaws.com',
    description: 'AWS Config. Named in the bucket policy and SNS topic policy of a delivery channel; also trusted by a Config service role when the service-linked role is not used.',
    usedIn: BOTH,
  },
  {
    principal: 'datasync.amazonaws.com',
    description: 'AWS DataSync. Trusted by the role a DataSync location uses to read or write an S3 bucket.',
    usedIn: TRUST,
  },
  {
    principal: 'delivery.logs.amazonaws.com',
    description:
      'CloudWatch vended log delivery. Named in the bucket policy or log group resource policy that receives VPC Flow Logs, Network Load Balancer access logs, CloudFront standard logs (v2) and other vended logs.',
    usedIn: RESOURCE,
  },
  {
    principal: 'dlm.amazonaws.com',
    description: 'Amazon Data Lifecycle Manager. Trusted by the role a lifecycle policy uses to create, copy and delete EBS snapshots and AMIs.',
    usedIn: TRUST,
  },
  {
    principal: 'dms.amazonaws.com',
    description: 'AWS Database Migration Service. Trusted by dms-vpc-role, dms-cloudwatch-logs-role and the roles DMS endpoints use to reach S3, Kinesis or DynamoDB.',
    usedIn: TRUST,
  },
  {
    principal: 'ec2.amazonaws.com',
    description:
      'Amazon EC2. Trusted by the role of an instance profile, which gives code on the instance (and EKS or ECS container instances) its credentials. Older China Region policies write ec2.amazonaws.com.cn.',
    usedIn: TRUST,
  },
  {
    principal: 'ecs-tasks.amazonaws.com',
    description: 'Amazon ECS tasks. Trusted by the task role (credentials of the containers) and by the task execution role (image pulls, logs, secrets).',
    usedIn: TRUST,
  },
  {
    principal: 'ecs.amazonaws.com',
    description:
      'Amazon ECS. Trusted by the ECS infrastructure role (EBS volumes of tasks, Service Connect TLS, VPC Lattice, Managed Instances); the ECS service-linked role is created by AWS.',
    usedIn: TRUST,
  },
  {
    principal: 'edgelambda.amazonaws.com',
    description: 'Lambda@Edge. Trusted, together with lambda.amazonaws.com, by the execution role of a function that runs at CloudFront edge locations.',
    usedIn: TRUST,
  },
  {
    principal: 'eks-fargate-pods.amazonaws.com',
    description: 'Amazon EKS on Fargate. Trusted by the pod execution role that Fargate uses to pull images and ship logs for pods.',
    usedIn: TRUST,
  },
  {
    principal: 'eks.amazonaws.com',
    description: 'Amazon EKS. Trusted by the cluster IAM role of the Kubernetes control plane; worker nodes use ec2.amazonaws.com, pods use pods.eks.amazonaws.com or IRSA.',
    usedIn: TRUST,
  },
  {
    principal: 'elasticbeanstalk.amazonaws.com',
    description: 'AWS Elastic Beanstalk. Trusted by the environment service role; the instances of the environment use an instance profile (ec2.amazonaws.com).',
    usedIn: TRUST,
  },
  {
    principal: 'elasticmapreduce.amazonaws.com',
    description: 'Amazon EMR. Trusted by the EMR service role of a cluster (EMR_DefaultRole); the cluster nodes use an instance profile (ec2.amazonaws.com).',
    usedIn: TRUST,
  },
  {
    principal: 'emr-serverless.amazonaws.com',
    description: 'Amazon EMR Serverless. Trusted by the job runtime role that Spark and Hive jobs run with.',
    usedIn: TRUST,
  },
  {
    principal: 'es.amazonaws.com',
    description: 'Amazon OpenSearch Service. Trusted by the role a domain uses to write and read manual snapshots in an S3 repository.',
    usedIn: TRUST,
  },
  {
    principal: 'events.amazonaws.com',
    description:
      'Amazon EventBridge. Trusted by the role a rule uses to reach its targets; also named in the SNS topic, SQS queue, Lambda function and log group policies of rule targets.',
    usedIn: BOTH,
  },
  {
    principal: 'firehose.amazonaws.com',
    description: 'Amazon Data Firehose. Trusted by the role a Firehose stream uses to read its source and write to S3, Redshift, OpenSearch or HTTP destinations.',
    usedIn: TRUST,
  },
  {
    principal: 'fis.amazonaws.com',
    description: 'AWS Fault Injection Service. Trusted by the experiment role that runs the actions of an experiment template.',
    usedIn: TRUST,
  },
  {
    principal: 'glue.amazonaws.com',
    description: 'AWS Glue. Trusted by the role that crawlers, jobs, interactive sessions and development endpoints run with.',
    usedIn: TRUST,
  },
  {
    principal: 'guardduty.amazonaws.com',
    description: 'Amazon GuardDuty. Named in the bucket policy and KMS key policy of the destination GuardDuty exports findings to.',
    usedIn: RESOURCE,
  },
  {
    principal: 'iot.amazonaws.com',
    description: 'AWS IoT Core. Trusted by the role that topic rule actions and IoT logging run with.',
    usedIn: TRUST,
  },
  {
    principal: 'kinesisanalytics.amazonaws.com',
    description: 'Amazon Managed Service for Apache Flink (formerly Kinesis Data Analytics). Trusted by the service execution role of an application.',
    usedIn: TRUST,
  },
  {
    principal: 'lakeformation.amazonaws.com',
    description: 'AWS Lake Formation. Trusted by a role you give Lake Formation to register an S3 data lake location (instead of its service-linked role).',
    usedIn: TRUST,
  },
  {
    principal: 'lambda.amazonaws.com',
    description: 'AWS Lambda. Trusted by the execution role of a function: the credentials its code runs with.',
    usedIn: TRUST,
  },
  {
    principal: 'logdelivery.elasticloadbalancing.amazonaws.com',
    description:
      'Elastic Load Balancing access logs. Named in the bucket policy in Regions launched from August 2022 on; in older Regions the bucket policy grants the Region\'s Elastic Load Balancing account id (an "AWS" principal) instead.',
    usedIn: RESOURCE,
  },
  {
    principal: 'logging.s3.amazonaws.com',
    description: 'S3 server access logging. Named in the policy of the target bucket that receives access logs (scope it with aws:SourceArn and aws:SourceAccount).',
    usedIn: RESOURCE,
  },
  {
    principal: 'logs.amazonaws.com',
    description:
      'Amazon CloudWatch Logs. Trusted by the role a subscription filter uses to write to Kinesis or Firehose. KMS key policies for log groups and bucket policies for export tasks use the regional form, logs.REGION.amazonaws.com (this entry matches it too).',
    usedIn: BOTH,
  },
  {
    principal: 'monitoring.rds.amazonaws.com',
    description: 'Amazon RDS Enhanced Monitoring. Trusted by the monitoring role (rds-monitoring-role) that sends OS metrics to CloudWatch Logs.',
    usedIn: TRUST,
  },
  {
    principal: 'pipes.amazonaws.com',
    description: 'Amazon EventBridge Pipes. Trusted by the execution role a pipe uses to read its source, call its enrichment and write to its target.',
    usedIn: TRUST,
  },
  {
    principal: 'pods.eks.amazonaws.com',
    description:
      'EKS Pod Identity. Trusted by the role of a pod identity association; the trust policy must allow both sts:AssumeRole and sts:TagSession, and can test the session tags (kubernetes-namespace, eks-cluster-arn...).',
    usedIn: TRUST,
  },
  {
    principal: 'rds.amazonaws.com',
    description: 'Amazon RDS and Aurora. Trusted by roles associated with a DB instance or cluster (S3 import and export, invoking Lambda from Aurora) and by the role of an RDS Proxy.',
    usedIn: TRUST,
  },
  {
    principal: 'redshift.amazonaws.com',
    description: 'Amazon Redshift. Trusted by the cluster role used for COPY, UNLOAD and Redshift Spectrum; also named in the bucket policy that receives audit logs.',
    usedIn: BOTH,
  },
  {
    principal: 's3.amazonaws.com',
    description:
      'Amazon S3. Trusted by the replication role; also named in the SNS topic, SQS queue and Lambda function policies of event notifications and in the destination bucket policy of inventory and analytics reports.',
    usedIn: BOTH,
  },
  {
    principal: 'sagemaker.amazonaws.com',
    description: 'Amazon SageMaker AI. Trusted by the execution role of notebooks, Studio domains, training and processing jobs, models and endpoints.',
    usedIn: TRUST,
  },
  {
    principal: 'scheduler.amazonaws.com',
    description: 'Amazon EventBridge Scheduler. Trusted by the execution role a schedule uses to invoke its target.',
    usedIn: TRUST,
  },
  {
    principal: 'secretsmanager.amazonaws.com',
    description: 'AWS Secrets Manager. Named in the function policy of a rotation Lambda function so Secrets Manager may invoke it.',
    usedIn: RESOURCE,
  },
  {
    principal: 'ses.amazonaws.com',
    description: 'Amazon SES. Named in the bucket, SNS topic, KMS key and Lambda function policies that email receipt rules deliver to (scope it with aws:SourceAccount and aws:SourceArn).',
    usedIn: RESOURCE,
  },
  {
    principal: 'sns.amazonaws.com',
    description: 'Amazon SNS. Trusted by the role that logs delivery status to CloudWatch; also named in the SQS queue policy and Lambda function policy of topic subscriptions.',
    usedIn: BOTH,
  },
  {
    principal: 'ssm.amazonaws.com',
    description: 'AWS Systems Manager. Trusted by the service role of hybrid activations (on-premises managed nodes), by Automation roles and by maintenance window roles.',
    usedIn: TRUST,
  },
  {
    principal: 'states.amazonaws.com',
    description: 'AWS Step Functions. Trusted by the execution role of a state machine.',
    usedIn: TRUST,
  },
  {
    principal: 'storagegateway.amazonaws.com',
    description: 'AWS Storage Gateway. Trusted by the role an S3 File Gateway file share uses to access its bucket.',
    usedIn: TRUST,
  },
  {
    principal: 'transfer.amazonaws.com',
    description: 'AWS Transfer Family. Trusted by the role of a server user (access to S3 or EFS) and by the logging and workflow roles of a server.',
    usedIn: TRUST,
  },
  {
    principal: 'vpc-flow-logs.amazonaws.com',
    description: 'VPC Flow Logs. Trusted by the role that publishes flow logs to CloudWatch Logs; flow logs delivered to S3 use delivery.logs.amazonaws.com instead.',
    usedIn: TRUST,
  },
];

const byPrincipal = new Map(SERVICE_PRINCIPALS.map((info) => [info.principal, info]));

/**
 * The curated entry of a service principal, ignoring case. Regional forms
 * (`logs.us-east-1.amazonaws.com`) and China forms (`ec2.amazonaws.com.cn`) find the entry of the
 * global name, since they name the same service.
 */
export function findServicePrincipal(principal: string): ServicePrincipalInfo | undefined {
  return byPrincipal.get(globalServicePrincipal(principal));
}

/** The global name of a service principal: `logs.us-east-1.amazonaws.com` and `ec2.amazonaws.com.cn` name `logs.amazonaws.com` and `ec2.amazonaws.com`. */
export function globalServicePrincipal(principal: string): string {
  return principal
    .trim()
    .toLowerCase()
    .replace(/\.amazonaws\.com\.cn$/, '.amazonaws.com')
    .replace(/\.[a-z]{2,4}(?:-[a-z]+)+-\d+(?=\.amazonaws\.com$)/, '');
}
