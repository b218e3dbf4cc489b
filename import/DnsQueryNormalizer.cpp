#include "DnsQueryNormalizer.h"

#include "CloudTrailNormalizer.h"
#include "EventKind.h"
#include "Hashing.h"

#include <algorithm>
#include <cctype>

namespace sightline {
namespace {

constexpr size_t kMaxKey = 1024;

std::string_view cut(std::string_view s, size_t max = kMaxKey)
{
    return s.size() > max ? s.substr(0, max) : s;
}

std::string upper(std::string_view s)
{
    std::string out(cut(s, 64));
    for (char &c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// srcids.instance names an instance by definition: "i-" and letters or digits (AWS writes
// 8 or 17 hex digits; the documentation's examples write "i-0d15cd0d3example").
bool isInstanceId(std::string_view s)
{
    if (s.size() < 3 || s.size() > 34 || s.substr(0, 2) != "i-")
        return false;
    return std::all_of(s.begin() + 2, s.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

} // namespace

void DnsQueryRecord::clear()
{
    std::vector<std::string_view> a = std::move(answers);
    a.clear();
    *this = DnsQueryRecord{};
    answers = std::move(a);
}

std::string DnsQueryNormalizer::domainName(std::string_view q)
{
    while (!q.empty() && (q.back() == '.' || q.back() == ' '))
        q.remove_suffix(1);
    while (!q.empty() && q.front() == ' ')
        q.remove_prefix(1);
    std::string out(cut(q, 255 * 4));
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool DnsQueryNormalizer::add(const DnsQueryRecord &r, std::string_view raw, int64_t line,
                             int64_t offset, BatchBuilder &out, std::string &reason)
{
    if (r.timeMs == 0) {
        reason = "DNS query without a time";
        return false;
    }
    m_domain = domainName(r.queryName);
    if (m_domain.empty()) {
        reason = "DNS query without a query name";
        return false;
    }
    const std::string type = upper(r.queryType);
    const std::string rcode = upper(r.rcode);
    const std::string action = upper(r.firewallAction);

    // Failed resolutions and firewall verdicts other than ALLOW are the event's error:
    // "NXDOMAIN", "firewall BLOCK", "SERVFAIL, firewall ALERT".
    m_error.clear();
    if (!rcode.empty() && rcode != "NOERROR")
        m_error = rcode;
    if (!action.empty() && action != "ALLOW")
        m_error.append(m_error.empty() ? "" : ", ").append("firewall ").append(action);

    Interner &in = out.interner();
    EventRow &e = out.beginEvent(raw, line, offset);
    e.time = r.timeMs;
    e.kind = static_cast<int>(EventKind::DnsQuery);
    // Resolver logs carry no id: the query's own fields key it, so one query imported from
    // its native log and from an OCSF mapping of it is one event.
    m_scratch.assign(std::to_string(r.timeMs))
        .append("|")
        .append(r.srcAddr)
        .append("|")
        .append(r.srcPort)
        .append("|")
        .append(m_domain)
        .append("|")
        .append(type)
        .append("|")
        .append(rcode)
        .append("|")
        .append(r.instanceId)
        .append("|")
        .append(action);
    for (std::string_view a : r.answers)
        m_scratch.append("|").append(a);
    e.key = hash64("dns-query", m_scratch);
    m_scratch.assign(type.empty() ? std::string_view("query") : std::string_view(type))
        .append(" ")
        .append(m_domain);
    e.name = in.string(cut(m_scratch, 512));
    e.service = in.string("route53resolver");
    e.error = in.string(m_error);
    e.region = in.string(cut(r.region, 64));

    const int64_t domain = in.entity(EntityType::Domain, cut(m_domain), cut(m_domain));
    const int64_t instance = isInstanceId(r.instanceId)
                                 ? in.entity(EntityType::Ec2Instance, r.instanceId, {}, r.account)
                                 : 0;
    const int64_t ip = isIpAddress(r.srcAddr) ? in.entity(EntityType::IpAddress, r.srcAddr) : 0;
    const int64_t account =
        r.account.empty() ? 0 : in.entity(EntityType::AwsAccount, cut(r.account, 64));
    e.principal = instance;
    e.ip = ip;
    e.account = account;

    out.edge(domain, Relation::QueriedBy, instance);
    out.edge(domain, Relation::QueriedBy, ip);
    out.edge(instance, Relation::InAccount, account);
    out.involve(domain);
    out.involve(instance);
    out.involve(ip);
    out.involve(account);
    for (std::string_view a : r.answers) {
        if (!isIpAddress(a))
            continue;
        const int64_t answer = in.entity(EntityType::IpAddress, a);
        out.edge(domain, Relation::ResolvesTo, answer);
        out.involve(answer);
    }
    out.endEvent();
    return true;
}

} // namespace sightline
