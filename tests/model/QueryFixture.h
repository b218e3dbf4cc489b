#pragma once
// The hand-made case the query tests share: alice, bob and a role session over two days,
// written in two commits (e1..e8 below), with an import error and a damaged source.
#include "CaseBuilder.h"
#include "TimeUtil.h"

#include <string>

namespace sightline::test {

inline const int64_t T0 = *parseIso8601("2026-10-14T10:00:00Z");
inline constexpr int64_t kMin = 60000;
inline constexpr int64_t kHour = 3600000;

inline Ev alice(int64_t t, const char *service, const char *api, const char *error = "")
{
    Ev e;
    e.time = t;
    e.principal = "AIDAALICE";
    e.label = "alice";
    e.ip = "10.0.0.5";
    e.ua = "aws-cli/2.15.0 Python/3.11";
    e.accessKey = "AKIAALICE";
    e.service = service;
    e.api = api;
    e.error = error;
    return e;
}

inline Ev bob(int64_t t, const char *api, const char *error, const char *ip)
{
    Ev e;
    e.time = t;
    e.principal = "AIDABOB";
    e.label = "bob";
    e.ip = ip;
    e.ua = "Boto3/1.34.0";
    e.accessKey = "AKIABOB";
    e.service = "s3.amazonaws.com";
    e.api = api;
    e.error = error;
    e.resources = {{EntityType::S3Bucket, "evidence-bucket"}};
    return e;
}

// Writes the case to path (which must not exist).
inline Status buildQueryFixture(const std::string &path)
{
    auto c = CaseFile::openOrCreate(path);
    if (!c)
        return c.error();
    CaseBuilder b(*c);
    if (auto s = b.prepare(); !s)
        return s;

    if (auto s = b.beginSource("evidence/a.json"); !s)
        return s;
    b.add(alice(T0 + 5 * kMin, "iam.amazonaws.com", "CreateUser")); // e1
    b.add([] {
        Ev e = alice(T0 + 10 * kMin, "iam.amazonaws.com", "CreateUser", "AccessDenied");
        e.resources = {{EntityType::AwsUser, "mallory"}};
        return e;
    }());                                                                      // e2
    b.add(alice(T0 + 20 * kMin, "s3.amazonaws.com", "ListBuckets"));           // e3
    b.add(alice(T0 + 2 * kHour + kMin, "s3.amazonaws.com", "ListBuckets"));    // e4
    b.add(bob(T0 + 2 * kHour + 30 * kMin, "GetObject", "", "075.050.255.67")); // e5
    b.add(bob(T0 + 25 * kHour, "GetObject", "AccessDenied", "10.0.0.5"));      // e6
    Ev session;
    session.time = T0 + 3 * kHour;
    session.principalType = EntityType::AwsRoleSession;
    session.principal = "AROAADMIN:sess1";
    session.label = "sess1";
    session.ip = "10.0.0.5";
    session.ua = "Boto3/1.34.0";
    session.accessKey = "ASIATEMP";
    session.service = "sts.amazonaws.com";
    session.api = "GetCallerIdentity";
    b.add(session); // e7
    b.interner().entity(EntityType::AwsRole, "AROAADMIN", "Admin", "111122223333");
    // Two users called "dup" in two accounts make a name ambiguous.
    b.interner().entity(EntityType::AwsUser, "AIDADUP1", "dup", "111122223333");
    b.interner().entity(EntityType::AwsUser, "AIDADUP2", "dup", "444455556666");
    if (auto s = b.finishSource(); !s)
        return s;

    // A second commit: its posting lists share hour T0 with the first (another seq).
    if (auto s = b.beginSource("evidence/b.json.gz"); !s)
        return s;
    b.add(alice(T0 + 10 * kMin + 30000, "iam.amazonaws.com", "CreateUser")); // e8
    b.addError(7, "invalid JSON: missing '}'");
    if (auto s = b.finishSource(SourceStatus::Damaged, "truncated gzip stream"); !s)
        return s;
    return {};
}

} // namespace sightline::test
