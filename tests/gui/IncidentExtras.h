#pragma once
// Evidence the bundled sample incident lacks, written for the GUI suites: GuardDuty findings
// about the incident's principals, keys, instance and bucket, and a day of VPC flow logs of
// the web server and two other instances talking to AWS services (the web server sends a lot to
// 203.0.113.77 at 01:52-02:10). Synthetic, like the incident itself (documentation addresses,
// EXAMPLE keys).
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace sightline::testing {

namespace detail {

inline QByteArray guardDutyFinding(const char *id, const char *type, double severity,
                                   const char *title, const char *description,
                                   const QByteArray &resource, const char *first, const char *last,
                                   int count, const char *api = "ListBuckets")
{
    return QByteArray(R"({"schemaVersion":"2.0","accountId":"111122223333","region":"us-east-1",)"
                      R"("partition":"aws","id":")") +
           id +
           R"(","arn":"arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34eexample/finding/)" +
           id + R"(","type":")" + type + R"(","resource":)" + resource +
           R"(,"service":{"serviceName":"guardduty","detectorId":"12abc34d567e8fa901bc2d34eexample",)"
           R"("action":{"actionType":"AWS_API_CALL","awsApiCallAction":{"api":")" +
           api +
           R"(","serviceName":"s3.amazonaws.com","callerType":"Remote IP","remoteIpDetails":)"
           R"({"ipAddressV4":"203.0.113.77","organization":{"asn":"64496","asnOrg":"EXAMPLE-NET"},)"
           R"("country":{"countryName":"Exampleland"}}}},"resourceRole":"TARGET",)"
           R"("eventFirstSeen":")" +
           first + R"(","eventLastSeen":")" + last + R"(","archived":false,"count":)" +
           QByteArray::number(count) + R"(},"severity":)" + QByteArray::number(severity) +
           R"(,"createdAt":")" + first + R"(","updatedAt":")" + last + R"(","title":")" + title +
           R"(","description":")" + description + "\"}\n";
}

inline QByteArray accessKey(const char *key, const char *principal, const char *user,
                            const char *type)
{
    return QByteArray(R"({"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":")") + key +
           R"(","principalId":")" + principal + R"(","userName":")" + user + R"(","userType":")" +
           type + "\"}}";
}

} // namespace detail

// Writes guardduty-incident.jsonl and vpcflow-incident.log into dir; returns their paths.
inline QStringList writeIncidentExtras(const QString &dir)
{
    using namespace detail;
    QByteArray findings;
    findings += guardDutyFinding(
        "a1b2c3d4e5f60718293a4b5c6d7e8f90",
        "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 8.0,
        "Credentials for the EC2 instance role web-app-role were used from a remote AWS account "
        "or IP address.",
        "Credentials created exclusively for the EC2 instance i-0a1b2c3d4e5f67890 through an "
        "instance launch role are being used from the external IP address 203.0.113.77.",
        accessKey("ASIAZ7EXAMPLEINST5VW", "AROAZ7EXAMPLEWEBAPP01:i-0a1b2c3d4e5f67890",
                  "web-app-role", "AssumedRole"),
        "2026-10-14T01:52:10.000Z", "2026-10-14T01:56:40.000Z", 13);
    findings += guardDutyFinding(
        "b2c3d4e5f60718293a4b5c6d7e8f9012", "Discovery:IAMUser/AnomalousBehavior", 5.0,
        "Unusual reconnaissance APIs were invoked by ci-deploy.",
        "APIs commonly used to discover the users, groups, policies and permissions in an "
        "account were invoked by IAM user ci-deploy under unusual circumstances.",
        accessKey("AKIAZ7EXAMPLELEAK4QX", "AIDAZ7EXAMPLECIDEPLOY", "ci-deploy", "IAMUser"),
        "2026-10-14T02:13:07.000Z", "2026-10-14T02:18:30.000Z", 63, "ListUsers");
    findings += guardDutyFinding(
        "c3d4e5f60718293a4b5c6d7e8f901234", "Persistence:IAMUser/AnomalousBehavior", 5.0,
        "User ci-deploy created an IAM user with administrator access.",
        "An API commonly used to maintain access to an account, CreateUser, was invoked by IAM "
        "user ci-deploy under unusual circumstances.",
        accessKey("AKIAZ7EXAMPLELEAK4QX", "AIDAZ7EXAMPLECIDEPLOY", "ci-deploy", "IAMUser"),
        "2026-10-14T02:24:41.000Z", "2026-10-14T02:25:10.000Z", 3, "CreateUser");
    findings += guardDutyFinding(
        "d4e5f60718293a4b5c6d7e8f90123456", "Exfiltration:S3/AnomalousBehavior", 8.0,
        "Unusual volume of objects was read from the S3 bucket acme-customer-data-prod.",
        "The session prod-admin/backup-sync read 120 objects from acme-customer-data-prod, an "
        "unusual volume for this principal.",
        R"({"resourceType":"S3Bucket","accessKeyDetails":{"accessKeyId":"ASIAZ7EXAMPLEADMN9QK",)"
        R"("principalId":"AROAZ7EXAMPLEPRODADM1:backup-sync","userName":"prod-admin",)"
        R"("userType":"AssumedRole"},"s3BucketDetails":[{"name":"acme-customer-data-prod",)"
        R"("arn":"arn:aws:s3:::acme-customer-data-prod","type":"Destination"}]})",
        "2026-10-14T02:33:12.000Z", "2026-10-14T02:52:03.000Z", 120, "GetObject");
    findings += guardDutyFinding(
        "e5f60718293a4b5c6d7e8f9012345678", "Stealth:IAMUser/CloudTrailLoggingDisabled", 2.0,
        "AWS CloudTrail trail acme-prod-trail was disabled.",
        "The session prod-admin/backup-sync turned off the CloudTrail trail acme-prod-trail.",
        accessKey("ASIAZ7EXAMPLEADMN9QK", "AROAZ7EXAMPLEPRODADM1:backup-sync", "prod-admin",
                  "AssumedRole"),
        "2026-10-14T02:55:02.000Z", "2026-10-14T02:55:02.000Z", 1, "StopLogging");
    findings += guardDutyFinding(
        "f60718293a4b5c6d7e8f901234567890", "UnauthorizedAccess:EC2/TorClient", 8.0,
        "EC2 instance i-0a1b2c3d4e5f67890 is communicating with 203.0.113.77.",
        "The web server i-0a1b2c3d4e5f67890 sent data to an address outside AWS.",
        R"({"resourceType":"Instance","instanceDetails":{"instanceId":"i-0a1b2c3d4e5f67890",)"
        R"("instanceType":"m6i.large","networkInterfaces":[{"networkInterfaceId":"eni-0a1b2c3d",)"
        R"("privateIpAddress":"10.0.12.34","publicIp":"34.199.156.222"}]}})",
        "2026-10-14T01:52:00.000Z", "2026-10-14T02:10:00.000Z", 4);

    // VPC flow logs (version 3 with instance ids), one record per 10 minutes per instance.
    QByteArray flows = "version vpc-id subnet-id instance-id interface-id account-id type srcaddr "
                       "dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets "
                       "start end action tcp-flags log-status\n";
    const qint64 day = 1791936000; // 2026-10-14T00:00:00Z
    struct Instance
    {
        const char *id, *eni, *ip, *peer;
        qint64 bytes;
    };
    const Instance instances[] = {
        {"i-0a1b2c3d4e5f67890", "eni-0a1b2c3d", "10.0.12.34", "52.94.5.10", 180000},
        {"i-0b2c3d4e5f6789012", "eni-0b2c3d4e", "10.0.20.15", "52.94.5.11", 90000},
        {"i-0c3d4e5f678901234", "eni-0c3d4e5f", "10.0.30.9", "52.94.0.10", 40000},
    };
    for (qint64 t = day; t < day + 86400; t += 600) {
        int n = 0;
        for (const Instance &i : instances) {
            const qint64 bytes = i.bytes + (t / 600 % 7) * 5000 + n++ * 1000;
            flows += QStringLiteral("3 vpc-0abc subnet-0abc %1 %2 111122223333 IPv4 %3 %4 443 "
                                    "51000 %3 %4 6 %5 %6 %7 %8 ACCEPT 19 OK\n")
                         .arg(QLatin1String(i.id), QLatin1String(i.eni), QLatin1String(i.ip),
                              QLatin1String(i.peer))
                         .arg(bytes)
                         .arg(bytes / 1200 + 1)
                         .arg(t)
                         .arg(t + 59)
                         .toUtf8();
            // The answers, a quarter of the size.
            flows += QStringLiteral("3 vpc-0abc subnet-0abc %1 %2 111122223333 IPv4 %4 %3 51000 "
                                    "443 %4 %3 6 %5 %6 %7 %8 ACCEPT 19 OK\n")
                         .arg(QLatin1String(i.id), QLatin1String(i.eni), QLatin1String(i.ip),
                              QLatin1String(i.peer))
                         .arg(bytes / 4)
                         .arg(bytes / 4800 + 1)
                         .arg(t)
                         .arg(t + 59)
                         .toUtf8();
        }
        // The exfiltration: the web server sends to the attacker at 01:52-02:10.
        if (t >= day + 6720 && t < day + 7800)
            flows += QStringLiteral("3 vpc-0abc subnet-0abc i-0a1b2c3d4e5f67890 eni-0a1b2c3d "
                                    "111122223333 IPv4 10.0.12.34 203.0.113.77 443 49152 "
                                    "10.0.12.34 203.0.113.77 6 %1 %2 %3 %4 ACCEPT 19 OK\n")
                         .arg(48000000)
                         .arg(40000)
                         .arg(t)
                         .arg(t + 59)
                         .toUtf8();
    }

    QStringList paths;
    const QString findingsPath = QDir(dir).filePath(QStringLiteral("guardduty-incident.jsonl"));
    const QString flowsPath = QDir(dir).filePath(QStringLiteral("vpcflow-incident.log"));
    for (const auto &[path, data] :
         {std::pair{findingsPath, findings}, std::pair{flowsPath, flows}}) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(data);
        paths << path;
    }
    return paths;
}

} // namespace sightline::testing
