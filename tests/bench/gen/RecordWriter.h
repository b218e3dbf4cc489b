// Writes one CloudTrail record as compact JSON, the way CloudTrail delivers it to S3.
#pragma once

#include "Apis.h"
#include "Population.h"
#include "Rng.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::bench {

enum class ErrorKind : std::uint8_t
{
    None,
    Denied,
    Throttled,
    NoSuchKey,
    InvalidToken,
    LoginFailed
};

enum class Channel : std::uint8_t
{
    Key,     // long-term access key (IAM users)
    Session, // temporary credentials (role sessions, console sessions)
    Console, // console session of an IAM user or root
    SignIn,  // ConsoleLogin
    Service, // AWS service
    WebId    // WebIdentityUser (AssumeRoleWithWebIdentity)
};

// Optional explicit parameters; empty fields are filled with plausible random values.
struct EventArgs
{
    std::string_view bucket, key, prefix;
    std::string_view userName, userId, accessKeyId, newAccessKeyId, status;
    std::string_view roleName, roleArn, roleId, sessionName;
    std::string_view policyArn, policyName, policyDocument;
    std::string_view trailArn, secretId, paramName, instanceId, lookupKey, lookupValue;
    std::int64_t bytes = -1;
    std::int64_t durationSeconds = 3600;
};

struct EventSpec
{
    Api api = Api::GetCallerIdentity;
    std::int64_t t = 0;
    const Principal *principal = nullptr;
    Channel channel = Channel::Key;
    std::string_view identity;  // full userIdentity JSON, overrides principal
    std::string_view callerArn; // for error messages when identity is given
    std::string_view ip, ua;
    bool cliUa = false;
    bool fromConsole = false; // sessionCredentialFromConsole
    bool tls = true;
    bool tls12 = false;
    std::string_view vpce;
    ErrorKind error = ErrorKind::None;
    std::string_view errorResource;
    EventArgs args;
};

class RecordWriter
{
public:
    RecordWriter(const Account &account, int regionIndex);

    // Fills spec for an ordinary call by p at t (channel, address, agent, errors).
    void fillOrdinary(EventSpec &spec, Rng &rng, const Principal &p, Api api, bool console,
                      std::int64_t t);
    void write(std::string &out, Rng &rng, const EventSpec &spec);

    const Account &account() const { return a_; }
    const RegionInfo &region() const { return r_; }

private:
    void identity(std::string &o, const EventSpec &e);
    void error(std::string &o, const EventSpec &e, std::string_view callerArn);
    void body(std::string &o, Rng &rng, const EventSpec &e);
    void s3Body(std::string &o, Rng &rng, const EventSpec &e);
    void ec2Body(std::string &o, Rng &rng, const EventSpec &e);
    void stsBody(std::string &o, Rng &rng, const EventSpec &e);
    void iamBody(std::string &o, Rng &rng, const EventSpec &e);
    void otherBody(std::string &o, Rng &rng, const EventSpec &e);

    const Bucket *pickBucket(Rng &rng, const Principal *p) const;
    std::string_view pickInstance(Rng &rng, const Principal *p) const;
    void objectKey(std::string &o, Rng &rng, BucketKind kind, std::int64_t t) const;
    void listPrefix(std::string &o, Rng &rng, BucketKind kind, std::int64_t t) const;
    void s3Additional(std::string &o, Rng &rng, std::int64_t in, std::int64_t out,
                      bool tls12) const;
    void credentials(std::string &o, Rng &rng, std::string_view key, std::int64_t expires) const;
    void kmsResource(std::string &res) const;

    const Account &a_;
    const RegionInfo &r_;
    bool global_;
    std::vector<std::string> hosts_;
    std::string host_;  // host of the current record when it is not hosts_[api]
    std::string res_;   // "resources" array content of the current record
    std::string ipBuf_; // storage for a generated source address
    std::string tmp_;
};

} // namespace sightline::bench
