//! Every AWS operation masst sends, in one table: the wire operation (as the emulator's call
//! log names it, `signing-name.Operation`), the IAM action that allows it, and what it is for.
//! `masst iam-policy` derives the least-privilege policies from it, and a test runs masst
//! against the emulator and fails when a call it made is missing here: a new call cannot
//! reach production without the policy that allows it.

/// What an operation is for, which decides the policies that carry it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reading: every read-only command (diagnose, status, audit, verify, watch, snapshot,
    /// report, dlq inspect). `dlq inspect` receives messages and hands them straight back
    /// (visibility 0), which IAM counts as ReceiveMessage and ChangeMessageVisibility.
    Read,
    /// A change: actions, `dlq redrive`, `undo`, `alarms install`, `quota sync`, `--apply`, `--fix`.
    Change,
    /// The caller assuming a target's role: allowed by the role's trust policy and the
    /// caller's own identity, never by the role's policy.
    Assume,
    /// `masst lab`: writes worlds into a loopback emulator only, so no policy carries it.
    Lab,
}

/// One operation: the call as sent, the IAM action, its access.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// `signing-name.Operation` (`monitoring.GetMetricData`: CloudWatch signs as monitoring).
    pub call: &'static str,
    /// The IAM action (`cloudwatch:GetMetricData`); batch calls share their single action.
    pub iam: &'static str,
    pub access: Access,
}

const fn op(call: &'static str, iam: &'static str, access: Access) -> Operation {
    Operation { call, iam, access }
}

use Access::{Assume, Change, Lab, Read};

/// The operations, by service.
pub const OPERATIONS: &[Operation] = &[
    op("sts.GetCallerIdentity", "sts:GetCallerIdentity", Read),
    op("sts.AssumeRole", "sts:AssumeRole", Assume),
    op("monitoring.GetMetricData", "cloudwatch:GetMetricData", Read),
    op("monitoring.DescribeAlarms", "cloudwatch:DescribeAlarms", Read),
    op("monitoring.PutMetricAlarm", "cloudwatch:PutMetricAlarm", Change),
    op("monitoring.DeleteAlarms", "cloudwatch:DeleteAlarms", Change),
    op("monitoring.PutMetricData", "cloudwatch:PutMetricData", Lab),
    op("monitoring.ListMetrics", "cloudwatch:ListMetrics", Lab),
    op("sqs.GetQueueUrl", "sqs:GetQueueUrl", Read),
    op("sqs.GetQueueAttributes", "sqs:GetQueueAttributes", Read),
    op("sqs.ListDeadLetterSourceQueues", "sqs:ListDeadLetterSourceQueues", Read),
    op("sqs.ReceiveMessage", "sqs:ReceiveMessage", Read),
    op("sqs.ChangeMessageVisibility", "sqs:ChangeMessageVisibility", Read),
    op("sqs.ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility", Read),
    op("sqs.SetQueueAttributes", "sqs:SetQueueAttributes", Change),
    op("sqs.SendMessage", "sqs:SendMessage", Change),
    op("sqs.SendMessageBatch", "sqs:SendMessage", Change),
    op("sqs.DeleteMessage", "sqs:DeleteMessage", Change),
    op("sqs.DeleteMessageBatch", "sqs:DeleteMessage", Change),
    op("sqs.ListQueues", "sqs:ListQueues", Lab),
    op("sqs.CreateQueue", "sqs:CreateQueue", Lab),
    op("sqs.DeleteQueue", "sqs:DeleteQueue", Lab),
    op("sqs.PurgeQueue", "sqs:PurgeQueue", Lab),
    op("ecs.DescribeServices", "ecs:DescribeServices", Read),
    op("ecs.DescribeClusters", "ecs:DescribeClusters", Read),
    op("ecs.UpdateService", "ecs:UpdateService", Change),
    op("ecs.CreateCluster", "ecs:CreateCluster", Lab),
    op("ecs.DeleteCluster", "ecs:DeleteCluster", Lab),
    op("ecs.CreateService", "ecs:CreateService", Lab),
    op("ecs.DeleteService", "ecs:DeleteService", Lab),
    op("ecs.RegisterTaskDefinition", "ecs:RegisterTaskDefinition", Lab),
    op("appconfig.ListApplications", "appconfig:ListApplications", Read),
    op("appconfig.ListEnvironments", "appconfig:ListEnvironments", Read),
    op("appconfig.ListConfigurationProfiles", "appconfig:ListConfigurationProfiles", Read),
    op("appconfig.ListDeployments", "appconfig:ListDeployments", Read),
    op("appconfig.GetDeployment", "appconfig:GetDeployment", Read),
    op("appconfig.ListDeploymentStrategies", "appconfig:ListDeploymentStrategies", Read),
    op("appconfig.GetHostedConfigurationVersion", "appconfig:GetHostedConfigurationVersion", Read),
    op("appconfig.ListHostedConfigurationVersions", "appconfig:ListHostedConfigurationVersions", Read),
    op("appconfig.CreateHostedConfigurationVersion", "appconfig:CreateHostedConfigurationVersion", Change),
    op("appconfig.StartDeployment", "appconfig:StartDeployment", Change),
    op("appconfig.CreateDeploymentStrategy", "appconfig:CreateDeploymentStrategy", Change),
    op("appconfig.CreateApplication", "appconfig:CreateApplication", Lab),
    op("appconfig.CreateEnvironment", "appconfig:CreateEnvironment", Lab),
    op("appconfig.CreateConfigurationProfile", "appconfig:CreateConfigurationProfile", Lab),
    op("appconfig.DeleteApplication", "appconfig:DeleteApplication", Lab),
    op("appconfig.DeleteEnvironment", "appconfig:DeleteEnvironment", Lab),
    op("appconfig.DeleteConfigurationProfile", "appconfig:DeleteConfigurationProfile", Lab),
    op("appconfig.DeleteHostedConfigurationVersion", "appconfig:DeleteHostedConfigurationVersion", Lab),
    op("application-autoscaling.DescribeScalingPolicies", "application-autoscaling:DescribeScalingPolicies", Read),
    op("servicequotas.GetServiceQuota", "servicequotas:GetServiceQuota", Read),
    op("servicequotas.ListServiceQuotas", "servicequotas:ListServiceQuotas", Read),
    op("health.DescribeEvents", "health:DescribeEvents", Read),
    op("logs.FilterLogEvents", "logs:FilterLogEvents", Read),
    op("logs.CreateLogGroup", "logs:CreateLogGroup", Lab),
    op("logs.CreateLogStream", "logs:CreateLogStream", Lab),
    op("logs.PutLogEvents", "logs:PutLogEvents", Lab),
];

/// The operation a logged call is, if masst knows it.
pub fn find(call: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|o| o.call == call)
}

/// The IAM actions a policy grants: the reads, and with `changes` the changes too; sorted,
/// each once.
pub fn actions(changes: bool) -> Vec<&'static str> {
    let mut v: Vec<&str> =
        OPERATIONS.iter().filter(|o| o.access == Read || (changes && o.access == Change)).map(|o| o.iam).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The identity policy document (IAM JSON) for masst's role: the read-only one, or the one
/// that also allows its actions.
pub fn policy(read_only: bool) -> serde_json::Value {
    let mut statements = vec![serde_json::json!({
        "Sid": "MasstRead",
        "Effect": "Allow",
        "Action": actions(false),
        "Resource": "*",
    })];
    if !read_only {
        let reads = actions(false);
        let changes: Vec<&str> = actions(true).into_iter().filter(|a| !reads.contains(a)).collect();
        statements.push(serde_json::json!({
            "Sid": "MasstChange",
            "Effect": "Allow",
            "Action": changes,
            "Resource": "*",
        }));
    }
    serde_json::json!({ "Version": "2012-10-17", "Statement": statements })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_read_only_policy_allows_no_change_and_no_lab_write() {
        let read = actions(false);
        assert!(read.contains(&"cloudwatch:GetMetricData") && read.contains(&"sts:GetCallerIdentity"));
        for o in OPERATIONS.iter().filter(|o| o.access != Read) {
            assert!(!read.contains(&o.iam) || OPERATIONS.iter().any(|r| r.access == Read && r.iam == o.iam), "{o:?}");
        }
        let all = actions(true);
        assert!(all.contains(&"appconfig:StartDeployment") && !all.contains(&"sqs:CreateQueue"));
        assert!(!all.contains(&"sts:AssumeRole"), "the role's own policy never assumes itself");
    }

    #[test]
    fn every_call_is_listed_once() {
        for (i, o) in OPERATIONS.iter().enumerate() {
            assert!(OPERATIONS[..i].iter().all(|p| p.call != o.call), "{} twice", o.call);
            assert!(o.iam.contains(':') && o.call.contains('.'), "{o:?}");
        }
    }
}
