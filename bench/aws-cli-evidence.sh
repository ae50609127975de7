#!/usr/bin/env bash
# Gathers the evidence of one `masst diagnose all` with the AWS CLI, one call per process, as a
# shell script run by an on-call engineer would. Used by bench/live.py for comparison.
# Usage: aws-cli-evidence.sh ENDPOINT QUERIES_JSON START END
set -euo pipefail
ep=$1 queries=$2 start=$3 end=$4
aws() { command aws --endpoint-url "$ep" --output json "$@"; }
aws cloudwatch get-metric-data --metric-data-queries "file://$queries" --start-time "$start" --end-time "$end" --scan-by TimestampAscending >/dev/null
for q in mangaassist-batch mangaassist-batch-dlq; do
  url=$(aws sqs get-queue-url --queue-name "$q" --query QueueUrl --output text)
  aws sqs get-queue-attributes --queue-url "$url" --attribute-names All >/dev/null
done
aws ecs describe-services --cluster mangaassist --services batch-worker >/dev/null
app=$(aws appconfig list-applications --query "Items[?Name=='MangaAssist'].Id | [0]" --output text)
env=$(aws appconfig list-environments --application-id "$app" --query "Items[?Name=='prod'].Id | [0]" --output text)
prof=$(aws appconfig list-configuration-profiles --application-id "$app" --query "Items[?Name=='throughput'].Id | [0]" --output text)
ver=$(aws appconfig list-deployments --application-id "$app" --environment-id "$env" --query "Items[?State=='COMPLETE'] | [0].ConfigurationVersion" --output text)
aws appconfig get-hosted-configuration-version --application-id "$app" --configuration-profile-id "$prof" --version-number "$ver" /dev/null >/dev/null
