// Builds the principals of one simulated account (see Population.h).
#include "PopulationBuild.h"

#include "Format.h"
#include "IncidentIds.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace sightline::bench::detail {

namespace {

const char *const kFirst[] = {
    "alice", "bob",    "carlos", "diana", "emma",  "farid", "grace", "hiro",  "ines",  "jamal",
    "kate",  "liam",   "maria",  "nina",  "omar",  "priya", "quinn", "rahul", "sofia", "tom",
    "uma",   "victor", "wei",    "yusuf", "zoe",   "ana",   "ben",   "chloe", "david", "elena",
    "felix", "gita",   "hannah", "ivan",  "julia", "kenji", "lena",  "marco", "noah",  "olga"};
const char *const kLast[] = {"ng",       "smith",   "garcia", "chen",   "kowalski", "okafor",
                             "nakamura", "silva",   "rossi",  "haddad", "novak",    "patel",
                             "kim",      "muller",  "dubois", "jensen", "ortiz",    "tanaka",
                             "wright",   "ivanova", "sato",   "lopez",  "brown",    "fischer",
                             "costa",    "khan",    "park",   "meyer",  "reyes",    "walsh"};

const char *const kCliV2[] = {
    "aws-cli/2.17.13 Python/3.11.9 Darwin/23.5.0 exe/x86_64 prompt/off",
    "aws-cli/2.15.58 Python/3.11.8 Darwin/23.4.0 exe/arm64 prompt/off",
    "aws-cli/2.13.25 Python/3.11.5 Linux/6.5.0-1014-aws exe/x86_64.ubuntu.22 prompt/off",
    "aws-cli/2.16.4 Python/3.11.8 Windows/10 exe/AMD64 prompt/off",
    "aws-cli/2.15.30 Python/3.11.8 Linux/5.10.215-203.850.amzn2.x86_64 exe/x86_64.amzn.2 "
    "prompt/off",
    "aws-cli/2.18.1 Python/3.12.6 Linux/6.8.0-45-generic exe/x86_64.ubuntu.24 prompt/off"};
const char *const kScriptUas[] = {
    "Boto3/1.28.62 md/Botocore#1.31.62 ua/2.0 os/macos#23.0.0 md/arch#arm64 lang/python#3.11.6 "
    "md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.31.62",
    "aws-cli/1.32.101 Python/3.9.16 Linux/6.1.91-99.172.amzn2023.x86_64 botocore/1.34.101",
    "aws-sdk-go-v2/1.30.3 os/macos lang/go#1.22.5 md/GOOS#darwin md/GOARCH#arm64"};
const char *const kBrowserUas[] = {
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/129.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/129.0.0.0 Safari/537.36 Edg/129.0.0.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.6 Safari/605.1.15"};
const char *const kInstanceUas[] = {
    "aws-sdk-java/2.21.29 Linux/5.10.205-195.807.amzn2.x86_64 "
    "OpenJDK_64-Bit_Server_VM/17.0.9+8-LTS "
    "Java/17.0.9 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
    "aws-sdk-java/1.12.565 Linux/5.10.199-190.747.amzn2.x86_64 "
    "OpenJDK_64-Bit_Server_VM/11.0.21+9-LTS "
    "java/11.0.21 vendor/Amazon.com_Inc. cfg/retry-mode/standard",
    "Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.10.215-203.850.amzn2.x86_64 "
    "md/arch#x86_64 "
    "lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.84",
    "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64",
    "aws-sdk-go/1.44.327 (go1.20.7; linux; amd64)"};
const char *const kLambdaUas[] = {
    "aws-sdk-js/3.445.0 ua/2.0 os/linux#5.10.209-218.812.amzn2.x86_64 lang/js md/nodejs#18.19.0 "
    "api/s3#3.445.0 exec-env/AWS_Lambda_nodejs18.x",
    "Boto3/1.34.42 md/Botocore#1.34.42 ua/2.0 os/linux#5.10.209-219.812.amzn2.x86_64 "
    "md/arch#x86_64 "
    "lang/python#3.12.2 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy "
    "Botocore/1.34.42"};
const char *const kTerraformUa =
    "APN/1.0 HashiCorp/1.0 Terraform/1.6.6 (+https://www.terraform.io) "
    "terraform-provider-aws/5.31.0 "
    "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.24.0 os/linux "
    "lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64";

template <std::size_t N> const char *pickOf(Rng &rng, const char *const (&a)[N])
{
    return a[rng.below(static_cast<std::uint32_t>(N))];
}

std::string randomIdOf(Rng &rng, const char *prefix, int n)
{
    std::string s = prefix;
    fmt::appendBits(s, rng.next(), n, fmt::kBase32, 5);
    return s;
}

std::string instanceIdOf(Rng &rng)
{
    std::string s = "i-0";
    fmt::appendHex(s, rng, 16);
    return s;
}

void buildUserIdentity(const Account &a, Principal &p)
{
    auto head = [&](std::string_view key) {
        std::string s = R"({"type":"IAMUser","principalId":")" + p.principalId + R"(","arn":")" +
                        p.arn + R"(","accountId":")" + a.id + '"';
        if (key.data() != nullptr) {
            s += R"(,"accessKeyId":")";
            s += key;
            s += '"';
        }
        return s;
    };
    p.idKey[0] = head(p.accessKey) + R"(,"userName":")" + p.name + "\"}";
    p.idKey[1] = head(p.rotatedKey.empty() ? p.accessKey : p.rotatedKey) + R"(,"userName":")" +
                 p.name + "\"}";
    p.idSignIn = head(std::string_view{}) + R"(,"userName":")" + p.name + "\"}";
    p.sessPre = R"({"type":"IAMUser","principalId":")" + p.principalId + R"(","arn":")" + p.arn +
                R"(","accountId":")" + a.id + R"(","accessKeyId":")";
    p.sessMid =
        R"(","userName":")" + p.name +
        R"(","sessionContext":{"sessionIssuer":{},"webIdFederationData":{},"attributes":{"creationDate":")";
    p.sessPost = R"(","mfaAuthenticated":"true"}}})";
}

void buildRoleSessionIdentity(const Account &a, Principal &p, const char *fedProvider, bool ec2,
                              const char *invokedBy)
{
    const Role &r = a.roles[static_cast<std::size_t>(p.role)];
    p.principalId = r.id + ":" + p.name;
    p.arn = "arn:aws:sts::" + a.id + ":assumed-role/" + r.name + "/" + p.name;
    p.sessPre = R"({"type":"AssumedRole","principalId":")" + p.principalId + R"(","arn":")" +
                p.arn + R"(","accountId":")" + a.id + R"(","accessKeyId":")";
    p.sessMid = R"(","sessionContext":{"sessionIssuer":{"type":"Role","principalId":")" + r.id +
                R"(","arn":")" + r.arn + R"(","accountId":")" + a.id + R"(","userName":")" +
                r.name + R"("},"webIdFederationData":{)";
    if (fedProvider != nullptr)
        p.sessMid += std::string(R"("federatedProvider":")") + fedProvider + R"(","attributes":{})";
    p.sessMid += R"(},"attributes":{"creationDate":")";
    p.sessPost = R"(","mfaAuthenticated":"false"})";
    if (ec2)
        p.sessPost += R"(,"ec2RoleDelivery":"2.0")";
    p.sessPost += '}';
    if (invokedBy != nullptr)
        p.sessPost += std::string(R"(,"invokedBy":")") + invokedBy + '"';
    p.sessPost += '}';
}

int addRole(Account &a, Rng &rng, const std::string &name, const std::string &path = "/",
            const char *fixedId = nullptr)
{
    int existing = a.findRole(name);
    if (existing >= 0)
        return existing;
    Role r;
    r.name = name;
    r.arn = "arn:aws:iam::" + a.id + ":role" + path + name;
    r.id = fixedId != nullptr ? std::string(fixedId) : randomIdOf(rng, "AROA", 17);
    a.roles.push_back(std::move(r));
    return static_cast<int>(a.roles.size()) - 1;
}

int bucketOfKind(const Account &a, BucketKind k)
{
    for (std::size_t i = 0; i < a.buckets.size(); ++i)
        if (a.buckets[i].kind == k)
            return static_cast<int>(i);
    return -1;
}

std::string privateIpFor(int accountIndex, int regionIndex, Rng &rng)
{
    return fmt::ipString(fmt::ipv4(10,
                                   static_cast<unsigned>((accountIndex * 8 + regionIndex) & 255),
                                   rng.below(64), 1 + rng.below(253)));
}

} // namespace

void addPrincipals(Account &a, int ai, int regionsPerAccount, Rng &rng)
{
    namespace inc = incident;
    const std::string &p = a.purpose;

    // Roles people assume.
    a.assumableRoles.push_back(
        addRole(a, rng, p + "-admin", "/", ai == 0 ? inc::kAdminRoleId : nullptr));
    a.assumableRoles.push_back(addRole(a, rng, "ops-readonly"));

    std::set<std::string> usedNames;
    auto personName = [&](const char *forced) {
        if (forced != nullptr) {
            usedNames.insert(forced);
            return std::string(forced);
        }
        for (;;) {
            std::string n = pickOf(rng, kFirst);
            n += '.';
            n += pickOf(rng, kLast);
            if (usedNames.insert(n).second)
                return n;
        }
    };
    auto homeRegionOf = [&]() {
        return rng.chance(0.7)
                   ? 0
                   : static_cast<int>(rng.below(static_cast<std::uint32_t>(regionsPerAccount)));
    };

    std::vector<int> humans, machines;

    // IAM users: people.
    for (int i = 0; i < 26; ++i) {
        Principal u;
        u.kind = Kind::HumanUser;
        u.human = true;
        u.uid = rng.next();
        u.name = personName(ai == 0 && i == 0 ? inc::kResponderUser : nullptr);
        u.principalId = randomIdOf(rng, "AIDA", 17);
        u.arn = "arn:aws:iam::" + a.id + ":user/" + u.name;
        u.accessKey = randomIdOf(rng, "AKIA", 16);
        u.consoleCapable = i == 0 || rng.chance(0.55);
        u.profile = Profile::HumanCli;
        u.ipMode = IpMode::Human;
        if (rng.chance(0.8)) {
            u.ua = pickOf(rng, kCliV2);
            u.cliUa = true;
        } else {
            u.ua = pickOf(rng, kScriptUas);
        }
        u.consoleUa = pickOf(rng, kBrowserUas);
        u.ips.push_back(fmt::ipString(randomPublicIp(rng))); // home
        u.homeRegion = homeRegionOf();
        u.blockLen = 28800;
        u.blockOffset = static_cast<std::int64_t>(rng.below(28800));
        u.bucketPref = static_cast<int>(rng.below(static_cast<std::uint32_t>(a.buckets.size())));
        buildUserIdentity(a, u);
        a.userNames.push_back(u.name);
        a.principals.push_back(std::move(u));
        humans.push_back(static_cast<int>(a.principals.size()) - 1);
    }

    // IAM Identity Center sessions.
    const std::string ssoPath = "/aws-reserved/sso.amazonaws.com/";
    int ssoRoles[3];
    {
        const char *sets[] = {"AdministratorAccess", "ReadOnlyAccess", "PowerUserAccess"};
        for (int k = 0; k < 3; ++k) {
            std::string n = std::string("AWSReservedSSO_") + sets[k] + "_";
            fmt::appendHex(n, rng, 16);
            ssoRoles[k] = addRole(a, rng, n, ssoPath);
        }
    }
    for (int i = 0; i < 14; ++i) {
        Principal s;
        s.kind = Kind::SsoSession;
        s.human = true;
        s.uid = rng.next();
        s.role = ssoRoles[rng.chance(0.3) ? 0 : rng.chance(0.6) ? 1 : 2];
        s.name = personName(nullptr) + "@acme.example";
        s.consoleCapable = true;
        s.profile = Profile::HumanCli;
        s.ipMode = IpMode::Human;
        s.ua = pickOf(rng, kCliV2);
        s.cliUa = true;
        s.consoleUa = pickOf(rng, kBrowserUas);
        s.ips.push_back(fmt::ipString(randomPublicIp(rng)));
        s.homeRegion = homeRegionOf();
        s.blockLen = 28800;
        s.blockOffset = static_cast<std::int64_t>(rng.below(28800));
        s.bucketPref = static_cast<int>(rng.below(static_cast<std::uint32_t>(a.buckets.size())));
        buildRoleSessionIdentity(a, s, nullptr, false, nullptr);
        a.principals.push_back(std::move(s));
        humans.push_back(static_cast<int>(a.principals.size()) - 1);
    }

    // IAM users: programs.
    struct SvcUser
    {
        const char *name;
        Profile profile;
        BucketKind bucket;
    };
    const SvcUser svcUsers[] = {{"ci-deploy", Profile::Terraform, BucketKind::TfState},
                                {"svc-reporting", Profile::Reporting, BucketKind::Customer},
                                {"svc-monitoring", Profile::Monitoring, BucketKind::Assets},
                                {"svc-log-shipper", Profile::LogShipper, BucketKind::Logs},
                                {"svc-backup", Profile::Backup, BucketKind::Backups}};
    for (const SvcUser &su : svcUsers) {
        Principal u;
        u.kind = Kind::ServiceUser;
        u.uid = rng.next();
        u.name = su.name;
        u.profile = su.profile;
        u.ipMode = IpMode::Fixed;
        u.bucketPref = bucketOfKind(a, su.bucket);
        const bool planted = ai == 0 && u.name == inc::kLeakedUser;
        u.principalId = planted ? std::string(inc::kLeakedUserId) : randomIdOf(rng, "AIDA", 17);
        u.accessKey = planted ? std::string(inc::kLeakedKey) : randomIdOf(rng, "AKIA", 16);
        u.arn = "arn:aws:iam::" + a.id + ":user/" + u.name;
        switch (su.profile) {
        case Profile::Terraform:
            u.ua = kTerraformUa;
            u.ips.push_back(planted ? std::string(inc::kCiEgressIp)
                                    : fmt::ipString(randomAwsIp(rng)));
            break;
        case Profile::Monitoring:
            u.ua = kInstanceUas[4];
            u.ips.push_back(fmt::ipString(randomAwsIp(rng)));
            u.ips.push_back(fmt::ipString(randomAwsIp(rng)));
            break;
        case Profile::LogShipper:
            u.ua = kInstanceUas[1];
            u.tls12 = true;
            u.ips.push_back(fmt::ipString(randomPublicIp(rng)));
            break;
        default:
            u.ua = kInstanceUas[2];
            u.ips.push_back(fmt::ipString(randomPublicIp(rng)));
            break;
        }
        buildUserIdentity(a, u);
        a.userNames.push_back(u.name);
        a.principals.push_back(std::move(u));
        machines.push_back(static_cast<int>(a.principals.size()) - 1);
    }

    // EC2 instances with instance profiles.
    struct InstRole
    {
        const char *role;
        Profile profile;
        BucketKind bucket;
        double share;
    };
    const InstRole instRoles[] = {
        {"web-app-role", Profile::InstanceWeb, BucketKind::Config, 0.30},
        {"api-server-role", Profile::InstanceWeb, BucketKind::Assets, 0.20},
        {"batch-worker-role", Profile::InstanceBatch, BucketKind::DataLake, 0.15},
        {"etl-worker-role", Profile::InstanceBatch, BucketKind::Customer, 0.10},
        {"eks-node-role", Profile::InstanceEks, BucketKind::Assets, 0.20},
        {"bastion-role", Profile::InstanceBastion, BucketKind::Logs, 0.05}};
    for (int ri = 0; ri < regionsPerAccount; ++ri) {
        RegionInfo &r = a.regions[static_cast<std::size_t>(ri)];
        const int count = ri == 0 ? 24 : ri == 1 ? 12 : ri == 2 ? 8 : 6;
        for (int i = 0; i < count; ++i) {
            const bool planted = ai == 0 && ri == 0 && i == 0;
            const InstRole *ir = &instRoles[0];
            if (!planted) {
                double x = rng.unit();
                for (const InstRole &c : instRoles) {
                    ir = &c;
                    if ((x -= c.share) < 0)
                        break;
                }
            }
            Principal s;
            s.kind = Kind::InstanceSession;
            s.uid = rng.next();
            s.role = addRole(a, rng, ir->role, "/",
                             ai == 0 && std::string_view(ir->role) == inc::kInstanceRole
                                 ? inc::kInstanceRoleId
                                 : nullptr);
            s.instanceId = planted ? std::string(inc::kInstanceId) : instanceIdOf(rng);
            s.name = s.instanceId;
            s.profile = ir->profile;
            s.ipMode = IpMode::Instance;
            s.homeRegion = ri;
            s.privateIp =
                planted ? std::string(inc::kInstancePrivateIp) : privateIpFor(ai, ri, rng);
            s.ua = pickOf(rng, kInstanceUas);
            s.tls12 = s.ua.starts_with("aws-sdk-java/1.");
            s.blockLen = 21600;
            s.blockOffset = planted ? inc::kInstanceCredentialOffset
                                    : static_cast<std::int64_t>(rng.below(21600));
            int b = bucketOfKind(a, ir->bucket);
            if (ri != 0 && !r.buckets.empty())
                b = r.buckets[rng.below(static_cast<std::uint32_t>(r.buckets.size()))];
            s.bucketPref = b;
            buildRoleSessionIdentity(a, s, nullptr, true, nullptr);
            r.instanceIds.push_back(s.instanceId);
            a.principals.push_back(std::move(s));
            r.instanceSessions.push_back(static_cast<int>(a.principals.size()) - 1);
            machines.push_back(static_cast<int>(a.principals.size()) - 1);
        }
        for (int i = 0; i < 10; ++i)
            r.instanceIds.push_back(instanceIdOf(rng)); // instances without API activity
    }

    // Lambda functions.
    for (int ri = 0; ri < regionsPerAccount; ++ri) {
        RegionInfo &r = a.regions[static_cast<std::size_t>(ri)];
        for (int i = 0; i < 4; ++i) {
            Principal s;
            s.kind = Kind::LambdaSession;
            s.uid = rng.next();
            s.name = a.functions[static_cast<std::size_t>((ri * 4 + i) % 8)];
            s.role = addRole(a, rng, s.name + "-role", "/service-role/");
            s.profile = Profile::Lambda;
            s.ipMode = IpMode::Lambda;
            s.homeRegion = ri;
            s.ua = pickOf(rng, kLambdaUas);
            s.blockLen = 43200;
            s.blockOffset = static_cast<std::int64_t>(rng.below(43200));
            s.bucketPref = r.buckets.empty()
                               ? -1
                               : r.buckets[rng.below(static_cast<std::uint32_t>(r.buckets.size()))];
            buildRoleSessionIdentity(a, s, nullptr, false, nullptr);
            a.principals.push_back(std::move(s));
            r.lambdaSessions.push_back(static_cast<int>(a.principals.size()) - 1);
            machines.push_back(static_cast<int>(a.principals.size()) - 1);
        }
    }

    // GitHub Actions OIDC sessions.
    const std::string oidc =
        "arn:aws:iam::" + a.id + ":oidc-provider/token.actions.githubusercontent.com";
    const char *repos[] = {"repo:acme-corp/infrastructure:ref:refs/heads/main",
                           "repo:acme-corp/web-app:environment:"};
    const char *ciRoles[] = {"github-actions-deploy", "github-actions-plan"};
    for (int i = 0; i < 2; ++i) {
        Principal s;
        s.kind = Kind::CiSession;
        s.uid = rng.next();
        s.role = addRole(a, rng, ciRoles[i]);
        s.name = "GitHubActions";
        s.profile = Profile::Terraform;
        s.ipMode = IpMode::GitHub;
        s.ua = kTerraformUa;
        s.blockLen = 3600;
        s.blockOffset = static_cast<std::int64_t>(rng.below(3600));
        s.bucketPref = bucketOfKind(a, BucketKind::TfState);
        buildRoleSessionIdentity(a, s, oidc.c_str(), false, nullptr);
        std::string subject = repos[i];
        if (i == 1)
            subject += p;
        s.webIdUser = R"({"type":"WebIdentityUser","principalId":")" + oidc +
                      ":sts.amazonaws.com:" + subject + R"(","userName":")" + subject +
                      R"(","identityProvider":")" + oidc + "\"}";
        s.webIdSubject = subject;
        s.webIdProvider = oidc;
        a.principals.push_back(std::move(s));
        machines.push_back(static_cast<int>(a.principals.size()) - 1);
    }

    // Service-linked role sessions.
    struct Linked
    {
        const char *role;
        const char *service;
        const char *session;
        Profile profile;
        double weight;
    };
    const Linked linked[] = {{"AWSServiceRoleForConfig", "config.amazonaws.com",
                              "AWSConfig-Describe", Profile::ConfigRecorder, 0.15},
                             {"AWSServiceRoleForAutoScaling", "autoscaling.amazonaws.com",
                              "AutoScaling", Profile::AutoScaling, 0.03}};
    for (const Linked &l : linked) {
        Principal s;
        s.kind = Kind::ServiceLinkedSession;
        s.uid = rng.next();
        s.role = addRole(a, rng, l.role, std::string("/aws-service-role/") + l.service + "/");
        s.name = l.session;
        s.profile = l.profile;
        s.ipMode = IpMode::ServiceName;
        s.ua = l.service;
        s.ips.push_back(l.service);
        s.blockLen = 3600;
        s.blockOffset = static_cast<std::int64_t>(rng.below(3600));
        s.weight = l.weight;
        buildRoleSessionIdentity(a, s, nullptr, false, l.service);
        a.principals.push_back(std::move(s));
    }

    // AWS services acting on their own behalf.
    struct Service
    {
        Kind kind;
        const char *host;
        Profile profile;
        double weight;
    };
    const Service services[] = {
        {Kind::AwsService, "ec2.amazonaws.com", Profile::Ec2Service, 0.0001},
        {Kind::AwsService, "lambda.amazonaws.com", Profile::LambdaService, 0.0003},
        {Kind::ServiceEventSource, "kms.amazonaws.com", Profile::KmsService, 0.002}};
    for (const Service &sv : services) {
        Principal s;
        s.kind = sv.kind;
        s.uid = rng.next();
        s.name = sv.host;
        s.profile = sv.profile;
        s.ipMode = IpMode::ServiceName;
        s.ua = sv.host;
        s.ips.push_back(sv.host);
        s.weight = sv.weight;
        if (sv.kind == Kind::AwsService)
            s.idFixed = std::string(R"({"type":"AWSService","invokedBy":")") + sv.host + "\"}";
        else
            s.idFixed = R"({"accountId":")" + a.id + R"(","invokedBy":")" + sv.host + "\"}";
        a.principals.push_back(std::move(s));
    }

    // The root user, rarely.
    {
        Principal s;
        s.kind = Kind::Root;
        s.human = true;
        s.uid = rng.next();
        s.name = "root";
        s.profile = Profile::Root;
        s.ipMode = IpMode::Human;
        s.consoleCapable = true;
        s.consoleUa = pickOf(rng, kBrowserUas);
        s.ua = s.consoleUa;
        s.ips.push_back(fmt::ipString(randomPublicIp(rng)));
        s.arn = "arn:aws:iam::" + a.id + ":root";
        s.principalId = a.id;
        s.blockLen = 3600;
        s.weight = 0.004;
        s.idSignIn = R"({"type":"Root","principalId":")" + a.id + R"(","arn":")" + s.arn +
                     R"(","accountId":")" + a.id + R"(","accessKeyId":""})";
        s.sessPre = R"({"type":"Root","principalId":")" + a.id + R"(","arn":")" + s.arn +
                    R"(","accountId":")" + a.id + R"(","accessKeyId":")";
        s.sessMid =
            R"(","sessionContext":{"sessionIssuer":{},"webIdFederationData":{},"attributes":{"creationDate":")";
        s.sessPost = R"(","mfaAuthenticated":"true"}}})";
        a.principals.push_back(std::move(s));
    }

    // Zipf-like activity: a few very busy principals, many quiet ones.
    auto rank = [&](std::vector<int> &v, double exponent,
                    const std::vector<std::pair<std::string, int>> &forced) {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[rng.below(static_cast<std::uint32_t>(i))]);
        for (const auto &[name, pos] : forced) {
            auto it = std::find_if(v.begin(), v.end(), [&](int idx) {
                return a.principals[static_cast<std::size_t>(idx)].name == name;
            });
            if (it != v.end() && static_cast<std::size_t>(pos) < v.size())
                std::iter_swap(it, v.begin() + pos);
        }
        for (std::size_t r = 0; r < v.size(); ++r)
            a.principals[static_cast<std::size_t>(v[r])].weight =
                1.0 / std::pow(static_cast<double>(r + 1), exponent);
    };
    if (ai == 0) {
        rank(humans, 1.1, {{inc::kResponderUser, 6}});
        rank(machines, 1.15, {{inc::kInstanceId, 1}, {inc::kLeakedUser, 4}});
    } else {
        rank(humans, 1.1, {});
        rank(machines, 1.15, {});
    }
}

} // namespace sightline::bench::detail
