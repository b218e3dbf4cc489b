#include "FindingNormalizer.h"

#include "EventKind.h"
#include "Hashing.h"
#include "TimeUtil.h"

namespace sightline {
namespace {

constexpr size_t kMaxText = 2048;

std::string_view cut(std::string_view s)
{
    return s.size() > kMaxText ? s.substr(0, kMaxText) : s;
}

std::optional<int64_t> firstTime(std::initializer_list<const std::string *> texts)
{
    for (const std::string *t : texts) {
        if (t->empty())
            continue;
        if (auto ms = parseIso8601(*t))
            return ms;
    }
    return std::nullopt;
}

// Entities that belong to the finding's account when the finding does not say otherwise.
bool takesAccount(EntityType t)
{
    return t != EntityType::IpAddress && t != EntityType::UserAgent && t != EntityType::Domain &&
           t != EntityType::AwsAccount && t != EntityType::ContainerImage;
}

} // namespace

bool FindingNormalizer::add(const FindingRecord &r, std::string_view ns, std::string_view raw,
                            int64_t line, int64_t offset, BatchBuilder &out, std::string &reason)
{
    if (r.key.empty()) {
        reason = "finding has no id or ARN";
        return false;
    }
    const auto time = firstTime({&r.updatedAt, &r.createdAt, &r.lastSeen, &r.fallbackTime});
    if (!time) {
        reason = r.updatedAt.empty() ? "finding has no updatedAt time"
                                     : "updatedAt is not a valid time: \"" +
                                           std::string(cut(r.updatedAt)).substr(0, 64) + "\"";
        return false;
    }
    Interner &in = out.interner();
    const int label = r.label >= 0 ? r.label : static_cast<int>(SeverityLabel::Informational);
    const std::string title = std::string(cut(r.title));
    const int64_t finding =
        in.entity(EntityType::Finding, cut(r.key), title, cut(r.account), r.attrsJson());
    if (finding == 0) {
        reason = "finding has no id or ARN";
        return false;
    }

    EventRow &e = out.beginEvent(raw, line, offset);
    e.time = *time;
    e.kind = static_cast<int>(EventKind::Finding);
    m_scratch.assign(!r.id.empty() ? r.id : r.key).append("|").append(std::to_string(*time));
    e.key = hash64(ns, m_scratch);
    e.name = in.string(cut(r.type));
    e.service = in.string(cut(r.product));
    e.region = in.string(cut(r.region));

    const int64_t account =
        r.account.empty() ? 0 : in.entity(EntityType::AwsAccount, cut(r.account));
    m_ids.assign(r.parties.size(), 0);
    for (size_t i = 0; i < r.parties.size(); ++i) {
        const FindingParty &p = r.parties[i];
        const std::string_view acct =
            !p.account.empty()
                ? std::string_view(p.account)
                : (takesAccount(p.type) ? std::string_view(r.account) : std::string_view());
        m_ids[i] = p.principal ? in.principal(p.type, cut(p.key), cut(p.label), cut(acct), p.attrs)
                               : in.entity(p.type, cut(p.key), cut(p.label), cut(acct), p.attrs);
    }
    auto id = [&](int index) { return index >= 0 ? m_ids[static_cast<size_t>(index)] : 0; };
    for (const auto &[interface, party] : r.interfaces)
        in.mapInterface(interface, id(party));
    e.principal = id(r.principal);
    e.ip = id(r.ip);
    e.accessKey = id(r.accessKey);
    e.ua = id(r.userAgent);
    e.account = account;

    out.involve(finding);
    auto involved = [&](int64_t ent) {
        if (ent == 0 || ent == finding)
            return;
        out.involve(ent);
        out.edge(finding, Relation::Involves, ent);
        out.agg(ent, Metric::Findings, label, 1, 0);
    };
    for (int64_t ent : m_ids)
        involved(ent);
    involved(account);
    for (const FindingLink &l : r.links)
        out.edge(id(l.from), l.relation, id(l.to));

    FindingRow row;
    row.entity = finding;
    row.product = cut(r.product);
    row.type = cut(r.type);
    row.title = title;
    row.account = cut(r.account);
    row.region = cut(r.region);
    row.severity = r.hasSeverity ? r.severity : 0;
    row.severityLabel = label;
    row.firstSeen = firstTime({&r.firstSeen, &r.createdAt}).value_or(0);
    row.lastSeen = firstTime({&r.lastSeen, &r.updatedAt}).value_or(0);
    row.updatedAt = *time;
    row.count = r.count;
    row.archived = r.archived;
    out.finding(std::move(row));
    out.endEvent();
    return true;
}

} // namespace sightline
