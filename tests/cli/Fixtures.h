#pragma once
// Small CloudTrail evidence written by the CLI tests into their temporary folder.
#include <string_view>

namespace sightline::test {

// S3 delivery shape: alice (3 calls from 203.0.113.10 on 2026-10-14, one denied), bob (one
// call on 2026-10-15 with a terminal escape sequence in his user agent).
inline constexpr std::string_view kTrail = R"({"Records":[
{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAALICE0000000001","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAALICE00000000001","userName":"alice"},"eventTime":"2026-10-14T11:30:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.10","userAgent":"aws-cli/2.15.0 Python/3.11","requestParameters":{"userName":"mallory"},"responseElements":{"user":{"userName":"mallory","userId":"AIDAMALLORY00000001","arn":"arn:aws:iam::111122223333:user/mallory"}},"eventID":"00000000-0000-0000-0000-000000000001","eventType":"AwsApiCall","recipientAccountId":"111122223333"},
{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAALICE0000000001","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAALICE00000000001","userName":"alice"},"eventTime":"2026-10-14T12:05:00Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.10","userAgent":"aws-cli/2.15.0 Python/3.11","requestParameters":null,"responseElements":null,"eventID":"00000000-0000-0000-0000-000000000002","eventType":"AwsApiCall","recipientAccountId":"111122223333"},
{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAALICE0000000001","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAALICE00000000001","userName":"alice"},"eventTime":"2026-10-14T12:10:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.10","userAgent":"aws-cli/2.15.0 Python/3.11","errorCode":"AccessDenied","errorMessage":"Access Denied","requestParameters":{"bucketName":"evidence-bucket","key":"secret.txt"},"responseElements":null,"eventID":"00000000-0000-0000-0000-000000000003","eventType":"AwsApiCall","recipientAccountId":"111122223333"},
{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDABOB000000000001","arn":"arn:aws:iam::111122223333:user/bob","accountId":"111122223333","accessKeyId":"AKIABOB0000000000001","userName":"bob"},"eventTime":"2026-10-15T09:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.7","userAgent":"Boto3/1.34.0 \u001b[31mred","requestParameters":null,"responseElements":null,"eventID":"00000000-0000-0000-0000-000000000004","eventType":"AwsApiCall","recipientAccountId":"111122223333"}
]}
)";

// JSON lines: one good record, then a record cut short at line 2.
inline constexpr std::string_view kBroken =
    R"({"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDABOB000000000001","arn":"arn:aws:iam::111122223333:user/bob","accountId":"111122223333","userName":"bob"},"eventTime":"2026-10-15T10:00:00Z","eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.7","userAgent":"Boto3/1.34.0","eventID":"00000000-0000-0000-0000-000000000005","eventType":"AwsApiCall","recipientAccountId":"111122223333"}
{"eventVersion": "1.08", broken
)";

} // namespace sightline::test
