#include "Population.h"

#include "Format.h"
#include "PopulationBuild.h"

#include <algorithm>
#include <cmath>

namespace sightline::bench {

namespace {

const char *const kRegionOrder[] = {"us-west-2",      "eu-west-1", "eu-central-1", "ap-northeast-1",
                                    "ap-southeast-2", "eu-west-2", "ca-central-1", "ap-south-1",
                                    "eu-north-1",     "us-west-1", "us-east-2",    "ap-southeast-1",
                                    "sa-east-1"};
constexpr int kRegionOrderCount = sizeof(kRegionOrder) / sizeof(kRegionOrder[0]);

const char *const kPurposes[] = {"prod", "staging", "shared-services", "dev", "sandbox"};
const char *const kAccountIds[] = {"111122223333", "444455556666", "777788889999"};
const int kTzOffsets[] = {-4, 2, -7, 1, 9, 0, -5};

std::string hexId(Rng &rng, const char *prefix, int n)
{
    std::string s = prefix;
    fmt::appendHex(s, rng, n);
    return s;
}

void setupRegion(Account &a, int accountIndex, RegionInfo &r, int regionPos, Rng &rng)
{
    r.natIp = fmt::ipString(randomAwsIp(rng));
    r.vpce = hexId(rng, "vpce-0", 16);
    r.vpcId = hexId(rng, "vpc-0", 16);
    r.kmsKeyArn = "arn:aws:kms:" + r.name + ":" + a.id + ":key/";
    fmt::appendUuid(r.kmsKeyArn, rng);
    for (int i = 0; i < 3; ++i)
        r.subnets.push_back(hexId(rng, "subnet-0", 16));
    for (int i = 0; i < 4; ++i)
        r.securityGroups.push_back(hexId(rng, "sg-0", 16));
    for (int i = 0; i < 3; ++i)
        r.amis.push_back(hexId(rng, "ami-0", 16));
    (void)accountIndex;
    (void)regionPos;
}

} // namespace

bool Principal::hasSession() const
{
    return !sessPre.empty();
}

void Principal::sessionKey(std::int64_t t, std::string &out, std::int64_t &created) const
{
    const std::int64_t block = fmt::floorDiv(t - blockOffset, blockLen);
    created = block * blockLen + blockOffset;
    if (block == fixedKeyBlock) {
        out += fixedSessionKey;
        return;
    }
    out += "ASIA";
    fmt::appendKeyBody(out, mix64(uid, static_cast<std::uint64_t>(block)));
}

std::uint32_t PrincipalTable::pick(Rng &rng) const
{
    const double r = rng.unit() * cumulative.back();
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), r);
    if (it == cumulative.end())
        --it;
    return index[static_cast<std::size_t>(it - cumulative.begin())];
}

int Account::regionIndex(std::string_view name) const
{
    for (std::size_t i = 0; i < regions.size(); ++i)
        if (regions[i].name == name)
            return static_cast<int>(i);
    return -1;
}

int Account::ensureRegion(const std::string &name, Rng &rng)
{
    int i = regionIndex(name);
    if (i >= 0)
        return i;
    RegionInfo r;
    r.name = name;
    r.ordinary = false;
    r.weight = 0.0;
    setupRegion(*this, 0, r, static_cast<int>(regions.size()), rng);
    regions.push_back(std::move(r));
    return static_cast<int>(regions.size()) - 1;
}

int Account::findPrincipal(std::string_view name) const
{
    for (std::size_t i = 0; i < principals.size(); ++i)
        if (principals[i].name == name)
            return static_cast<int>(i);
    return -1;
}

int Account::findRole(std::string_view name) const
{
    for (std::size_t i = 0; i < roles.size(); ++i)
        if (roles[i].name == name)
            return static_cast<int>(i);
    return -1;
}

int Account::findBucket(std::string_view name) const
{
    for (std::size_t i = 0; i < buckets.size(); ++i)
        if (buckets[i].name == name)
            return static_cast<int>(i);
    return -1;
}

std::uint32_t randomPublicIp(Rng &rng)
{
    static const unsigned firsts[] = {24,  47,  50,  64,  66,  67,  68,  69,  70,  71,  72, 73, 74,
                                      75,  76,  77,  78,  79,  80,  81,  82,  83,  84,  85, 86, 87,
                                      88,  89,  90,  91,  92,  93,  94,  95,  96,  97,  98, 99, 108,
                                      109, 173, 174, 176, 178, 185, 188, 195, 212, 213, 217};
    const unsigned a = firsts[rng.below(sizeof(firsts) / sizeof(firsts[0]))];
    return fmt::ipv4(a, rng.below(256), rng.below(256), 1 + rng.below(253));
}

std::uint32_t randomAwsIp(Rng &rng)
{
    static const unsigned firsts[] = {3, 18, 34, 35, 44, 52, 54};
    const unsigned a = firsts[rng.below(sizeof(firsts) / sizeof(firsts[0]))];
    return fmt::ipv4(a, rng.below(256), rng.below(256), 1 + rng.below(253));
}

std::uint32_t randomGitHubRunnerIp(Rng &rng)
{
    static const unsigned firsts[] = {4, 13, 20, 40};
    const unsigned a = firsts[rng.below(sizeof(firsts) / sizeof(firsts[0]))];
    return fmt::ipv4(a, rng.below(256), rng.below(256), 1 + rng.below(253));
}

Population buildPopulation(std::uint64_t seed, int accountCount, int regionsPerAccount)
{
    Population pop;
    pop.seed = seed;
    Rng orgRng(mix64(seed, hashString("organisation")));

    std::vector<std::string> officeIps;
    for (int i = 0; i < 3; ++i)
        officeIps.push_back(fmt::ipString(randomPublicIp(orgRng)));

    regionsPerAccount = std::clamp(regionsPerAccount, 1, kRegionOrderCount + 1);
    for (int ai = 0; ai < accountCount; ++ai) {
        Rng rng(mix64(seed, 0xACC0000ull + static_cast<std::uint64_t>(ai)));
        Account a;
        if (ai < 3) {
            a.id = kAccountIds[ai];
        } else {
            a.id.clear();
            a.id += static_cast<char>('1' + rng.below(9));
            fmt::appendPadded(a.id, rng.next() % 100000000000ull, 11);
        }
        a.purpose = ai < 5 ? std::string(kPurposes[ai]) : "sandbox-" + std::to_string(ai);
        a.weight = ai == 0 ? 1.0 : ai == 1 ? 0.6 : ai == 2 ? 0.45 : 0.3;
        a.tzOffsetHours = kTzOffsets[ai % (sizeof(kTzOffsets) / sizeof(kTzOffsets[0]))];
        a.officeIps = officeIps;
        a.trailArn = "arn:aws:cloudtrail:us-east-1:" + a.id + ":trail/acme-" + a.purpose + "-trail";
        const std::string &p = a.purpose;

        for (int ri = 0; ri < regionsPerAccount; ++ri) {
            RegionInfo r;
            r.name = ri == 0 ? "us-east-1" : kRegionOrder[(ai * 2 + ri - 1) % kRegionOrderCount];
            r.weight = ri == 0 ? 1.0 : ri == 1 ? 0.5 : ri == 2 ? 0.3 : 0.15;
            setupRegion(a, ai, r, ri, rng);
            a.regions.push_back(std::move(r));
        }

        // Buckets.
        auto addBucket = [&](std::string name, int region, BucketKind kind) {
            a.buckets.push_back(Bucket{std::move(name), region, kind});
            a.regions[static_cast<std::size_t>(region)].buckets.push_back(
                static_cast<int>(a.buckets.size()) - 1);
        };
        addBucket("acme-" + p + "-web-assets", 0, BucketKind::Assets);
        addBucket("acme-" + p + "-app-logs", 0, BucketKind::Logs);
        addBucket("acme-customer-data-" + p, 0, BucketKind::Customer);
        addBucket("acme-app-config-" + p, 0, BucketKind::Config);
        addBucket("acme-terraform-state-" + a.id, 0, BucketKind::TfState);
        addBucket("acme-" + p + "-db-backups", 0, BucketKind::Backups);
        addBucket("acme-" + p + "-data-lake-raw", 0, BucketKind::DataLake);
        for (int ri = 1; ri < regionsPerAccount; ++ri) {
            const std::string &rn = a.regions[static_cast<std::size_t>(ri)].name;
            addBucket("acme-" + p + "-app-logs-" + rn, ri, BucketKind::Logs);
            addBucket("acme-" + p + "-web-assets-" + rn, ri, BucketKind::Assets);
        }

        a.ssmParams = {
            "/" + p + "/app/feature-flags",      "/" + p + "/app/db-host",
            "/" + p + "/web/session-secret",     "/" + p + "/batch/concurrency",
            "/" + p + "/shared/datadog-api-key", "/" + p + "/app/stripe-publishable-key"};
        a.secrets = {p + "/web-app/db-credentials", p + "/api/stripe-key",
                     p + "/batch/warehouse-password", p + "/ci/github-token"};
        a.functions = {p + "-image-resizer",  p + "-order-events-processor", p + "-nightly-report",
                       p + "-slack-notifier", p + "-s3-object-indexer",      p + "-token-refresher",
                       p + "-thumbnailer",    p + "-audit-forwarder"};
        a.tables = {p + "-sessions", p + "-orders", p + "-feature-flags", "terraform-locks"};
        a.databases = {p + "-db", p + "-analytics-db", p + "-reporting-replica"};
        a.logGroups = {"/aws/ec2/web-app", "/aws/eks/" + p + "-cluster/cluster",
                       "/aws/ec2/batch-worker", "/aws/lambda/" + a.functions[0],
                       "/aws/lambda/" + a.functions[1]};

        detail::addPrincipals(a, ai, regionsPerAccount, rng);

        pop.accounts.push_back(std::move(a));
    }
    return pop;
}

void finalizePopulation(Population &population)
{
    for (Account &a : population.accounts) {
        for (std::size_t ri = 0; ri < a.regions.size(); ++ri) {
            RegionInfo &r = a.regions[ri];
            r.humans = {};
            r.machines = {};
            if (!r.ordinary)
                continue;
            const bool global = r.name == "us-east-1";
            double hSum = 0, mSum = 0;
            for (std::size_t pi = 0; pi < a.principals.size(); ++pi) {
                const Principal &p = a.principals[pi];
                double w = p.weight;
                switch (p.kind) {
                case Kind::InstanceSession:
                case Kind::LambdaSession:
                    if (p.homeRegion != static_cast<int>(ri))
                        w = 0;
                    break;
                case Kind::AwsService:
                    w *= static_cast<double>(p.profile == Profile::Ec2Service
                                                 ? r.instanceSessions.size()
                                                 : r.lambdaSessions.size()) *
                         10.0;
                    break;
                case Kind::Root:
                    if (!global)
                        w = 0;
                    break;
                case Kind::ServiceEventSource:
                    break;
                default:
                    if (p.homeRegion != static_cast<int>(ri))
                        w *= 0.35;
                    break;
                }
                if (w <= 0 || profileTable(p.profile, global).empty())
                    continue;
                PrincipalTable &t = p.human ? r.humans : r.machines;
                double &sum = p.human ? hSum : mSum;
                sum += w;
                t.index.push_back(static_cast<std::uint32_t>(pi));
                t.cumulative.push_back(sum);
            }
        }
    }
}

} // namespace sightline::bench
