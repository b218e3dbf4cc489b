// The simulated organisation: accounts, regions, buckets, roles and the principals that
// make API calls, each with ready-made userIdentity JSON fragments.
#pragma once

#include "Apis.h"
#include "Rng.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::bench {

enum class Kind : std::uint8_t
{
    HumanUser,            // IAM user, long-term AKIA key, maybe console
    ServiceUser,          // IAM user used by a program
    SsoSession,           // IAM Identity Center role session of a person
    InstanceSession,      // EC2 instance profile session (session name = instance id)
    LambdaSession,        // Lambda execution role session (session name = function name)
    CiSession,            // GitHub Actions OIDC role session
    ServiceLinkedSession, // e.g. AWSServiceRoleForConfig
    AwsService,           // userIdentity.type AWSService (ec2.amazonaws.com assuming roles)
    ServiceEventSource,   // AwsServiceEvent records
    Root
};

enum class IpMode : std::uint8_t
{
    Human,      // office egress, home address, sometimes travelling
    Fixed,      // one of ips
    Instance,   // private address via VPC endpoint for S3, else NAT gateway
    Lambda,     // changing AWS public addresses
    GitHub,     // changing runner addresses
    ServiceName // "ec2.amazonaws.com" style
};

enum class BucketKind : std::uint8_t
{
    Assets,
    Logs,
    Customer,
    Config,
    TfState,
    Backups,
    DataLake
};

struct Bucket
{
    std::string name;
    int region = 0;
    BucketKind kind = BucketKind::Assets;
};

struct Role
{
    std::string name;
    std::string arn;
    std::string id; // AROA...
};

struct Principal
{
    Kind kind = Kind::HumanUser;
    Profile profile = Profile::HumanCli;
    IpMode ipMode = IpMode::Fixed;
    bool cliUa = false; // append " command/<svc>.<op>" like aws-cli v2
    bool consoleCapable = false;
    bool human = false;
    bool tls12 = false;
    int homeRegion = 0;
    std::uint64_t uid = 0;
    std::int64_t blockLen = 21600; // credential lifetime block (sessions)
    std::int64_t blockOffset = 0;
    double weight = 1.0;

    std::string name; // user name, session name or service host
    std::string arn;  // caller ARN as it appears in error messages
    std::string principalId;
    int role = -1; // index into Account::roles for sessions

    std::string accessKey;  // IAM users
    std::string rotatedKey; // used from rotateAt on
    std::int64_t rotateAt = std::numeric_limits<std::int64_t>::max();
    // From here until rotateAt the long-term key is deactivated: calls fail.
    std::int64_t keyDisabledAt = std::numeric_limits<std::int64_t>::max();
    std::string idKey[2];                   // identity with accessKey / rotatedKey
    std::string idSignIn;                   // identity of ConsoleLogin records
    std::string idFixed;                    // identity of AWSService / service events
    std::string sessPre, sessMid, sessPost; // pre + ASIA key + mid + creationDate + post
    std::string webIdUser;                  // WebIdentityUser identity (CI sessions)
    std::string webIdSubject;               // token subject (CI sessions)
    std::string webIdProvider;              // OIDC provider ARN (CI sessions)

    std::string ua;
    std::string consoleUa;
    std::vector<std::string> ips;
    std::string privateIp;
    std::string instanceId;
    int bucketPref = -1;

    std::string fixedSessionKey;
    std::int64_t fixedKeyBlock = std::numeric_limits<std::int64_t>::min();

    bool hasSession() const;
    // The session key valid at t (ASIA...) and the creation time of that session.
    void sessionKey(std::int64_t t, std::string &out, std::int64_t &created) const;
};

struct PrincipalTable
{
    std::vector<std::uint32_t> index;
    std::vector<double> cumulative;
    bool empty() const { return index.empty(); }
    std::uint32_t pick(Rng &rng) const;
};

struct RegionInfo
{
    std::string name;
    bool ordinary = true; // has ordinary activity (false: only incident events)
    double weight = 1.0;
    std::string natIp;
    std::string vpce;
    std::string vpcId;
    std::string kmsKeyArn;
    std::vector<std::string> subnets, securityGroups, amis, instanceIds;
    std::vector<int> buckets;
    std::vector<int> instanceSessions, lambdaSessions;
    PrincipalTable humans, machines;
};

struct Account
{
    std::string id;
    std::string purpose; // "prod", "staging", ...
    double weight = 1.0;
    int tzOffsetHours = 0;
    std::vector<RegionInfo> regions;
    std::vector<Principal> principals;
    std::vector<Bucket> buckets;
    std::vector<Role> roles;
    std::vector<int> assumableRoles;
    std::vector<std::string> officeIps;
    std::vector<std::string> userNames;
    std::vector<std::string> ssmParams, secrets, functions, tables, databases, logGroups;
    std::string trailArn;

    int regionIndex(std::string_view name) const;
    int ensureRegion(const std::string &name, Rng &rng); // adds an incident-only region
    int findPrincipal(std::string_view name) const;
    int findRole(std::string_view name) const;
    int findBucket(std::string_view name) const;
};

struct Population
{
    std::uint64_t seed = 0;
    std::vector<Account> accounts;
};

Population buildPopulation(std::uint64_t seed, int accounts, int regionsPerAccount);
// Builds the per-region principal choice tables; call after all principals and regions exist.
void finalizePopulation(Population &population);

// Random addresses.
std::uint32_t randomPublicIp(Rng &rng);
std::uint32_t randomAwsIp(Rng &rng);
std::uint32_t randomGitHubRunnerIp(Rng &rng);

} // namespace sightline::bench
