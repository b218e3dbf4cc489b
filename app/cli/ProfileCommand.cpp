// sightline-cli profile CASE TYPE KEY [--from T] [--to T]
#include "CliSupport.h"
#include "Commands.h"
#include "JsonValues.h"
#include "KubernetesSection.h"
#include "TextTable.h"

#include "Relation.h"
#include "queries/EntityProfile.h"

namespace sightline::cli {

using namespace Qt::StringLiterals;

namespace {

using A = TextTable::Align;

std::string moreLine(size_t shown, int64_t total)
{
    if (static_cast<int64_t>(shown) >= total)
        return {};
    return "  ... " + formatCount(total - static_cast<int64_t>(shown)) + " more (--limit)\n";
}

std::string peerSection(const char *title, const PeerList &list, bool showType, bool &starred)
{
    if (list.total == 0)
        return {};
    std::vector<TextTable::Column> cols;
    if (showType)
        cols.push_back({"TYPE"});
    cols.insert(cols.end(), {{"KEY", A::Left, 64},
                             {"LABEL", A::Left, 32},
                             {"CALLS", A::Right},
                             {"FAILED", A::Right},
                             {"FIRST SEEN"},
                             {"LAST SEEN"}});
    TextTable t(cols);
    for (const PeerStat &p : list.rows) {
        std::vector<std::string> row;
        if (showType)
            row.emplace_back(entityTypeName(p.entity.type));
        // Day precision shows as the date alone.
        auto when = [&](int64_t t) {
            return p.seenApproximate ? formatTime(t).substr(0, 10) : formatTime(t);
        };
        starred = starred || p.fromRelations;
        row.insert(row.end(), {displayText(p.entity.key), displayText(p.entity.label),
                               formatCount(p.calls) + (p.fromRelations ? "*" : ""),
                               p.fromRelations ? std::string("-") : formatCount(p.failures),
                               when(p.seen.first), when(p.seen.last)});
        t.addRow(std::move(row));
    }
    return "\n" + std::string(title) + " (" + formatCount(list.total) + ")\n" + t.render() +
           moreLine(list.rows.size(), list.total);
}

std::string render(const ProfileData &p)
{
    const EntityRef &e = p.entity;
    std::string s = std::string(entityTypeName(e.type)) + "  " + displayText(e.key) + "\n";
    auto field = [&](const char *name, const std::string &value) {
        if (!value.empty())
            s += "  " + std::string(name) + std::string(12 - std::string_view(name).size(), ' ') +
                 value + "\n";
    };
    field("Label", displayText(e.label));
    field("Account", displayText(e.account));
    if (p.range.bounded())
        field("Range", (p.range.from ? formatTime(*p.range.from) : std::string("...")) + " to " +
                           (p.range.to ? formatTime(*p.range.to) : std::string("...")));
    const std::string approx = p.seenApproximate ? " (hour precision)" : "";
    field("First seen", p.seen.first ? formatTime(p.seen.first) + approx : "-");
    field("Last seen", p.seen.last ? formatTime(p.seen.last) + approx : "-");
    field("API calls", formatCount(p.successes + p.failures) + " (" + formatCount(p.successes) +
                           " succeeded, " + formatCount(p.failures) + " failed)" +
                           (p.totalsApproximate ? ", whole hours at the range edges" : ""));
    if (!p.attrs.empty() && p.attrs != "{}")
        field("Details", displayText(p.attrs));

    if (p.apiTotal > 0) {
        TextTable t({{"SERVICE"},
                     {"API"},
                     {"SUCCESSES", A::Right},
                     {"FAILURES", A::Right},
                     {"FIRST SEEN"},
                     {"LAST SEEN"}});
        for (const ApiStat &a : p.apis) {
            auto when = [&](int64_t t) {
                return a.seenApproximate ? formatTime(t).substr(0, 10) : formatTime(t);
            };
            t.addRow({displayText(a.service), displayText(a.name), formatCount(a.successes),
                      formatCount(a.failures), when(a.seen.first), when(a.seen.last)});
        }
        s += "\nAPI calls by service and name (" + formatCount(p.apiTotal) + ")\n" + t.render() +
             moreLine(p.apis.size(), p.apiTotal);
    }
    bool starred = false;
    s += peerSection("Principals", p.principals, true, starred);
    s += peerSection("IP addresses", p.ips, false, starred);
    s += peerSection("User agents", p.userAgents, false, starred);
    s += peerSection("Access keys", p.accessKeys, false, starred);
    s += peerSection("Accounts", p.accounts, false, starred);
    s += peerSection("Resources and other entities", p.resources, true, starred);
    if (starred)
        s += "\n  * from the relations table: the relation's count over all time, no failures "
             "known\n";
    if (p.breakdownByDay && (p.apiTotal > 0 || p.ips.total + p.principals.total > 0))
        s += "\n  (per-API and per-entity counts are kept per UTC day: at the edges of the range "
             "they include the whole day)\n";
    if (p.peersPartial)
        s += "  (the entity has more peers than were read; narrow with --from/--to)\n";

    if (!p.edges.edges.empty()) {
        TextTable t({{"DIRECTION"},
                     {"RELATION"},
                     {"TYPE"},
                     {"KEY", A::Left, 64},
                     {"LABEL", A::Left, 32},
                     {"COUNT", A::Right},
                     {"FIRST SEEN"},
                     {"LAST SEEN"}});
        for (const EdgeInfo &r : p.edges.edges)
            t.addRow({r.outgoing ? "out" : "in", std::string(relationName(r.relation)),
                      std::string(entityTypeName(r.other.type)), displayText(r.other.key),
                      displayText(r.other.label), formatCount(r.count), formatTime(r.seen.first),
                      formatTime(r.seen.last)});
        s += "\nRelations\n" + t.render();
        for (const RelationCount &c : p.edges.counts) {
            size_t shown = 0;
            for (const EdgeInfo &r : p.edges.edges)
                shown += r.relation == c.relation && r.outgoing == c.outgoing;
            if (static_cast<int64_t>(shown) < c.total)
                s += "  ... " + std::string(c.outgoing ? "out " : "in ") +
                     std::string(relationName(c.relation)) + ": " + (c.lowerBound ? "over " : "") +
                     formatCount(c.total) + " in all (--limit)\n";
        }
    }
    return s;
}

} // namespace

int runProfile(const QStringList &args)
{
    CommandLine cl(u"profile"_s,
                   u"An entity's profile: details, first and last seen, API calls by service and "
                   u"name with successes and failures, IP addresses, user agents, access keys, "
                   u"accounts, principals and resources seen with it, and its relations. With "
                   u"--from/--to, activity within that range (hour granularity)."_s);
    cl.addJson();
    cl.addRange();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addPositionalArgument(u"TYPE"_s, u"Entity type, e.g. AwsUser or IpAddress."_s);
    cl.parser().addPositionalArgument(u"KEY"_s,
                                      u"Entity key; for principals an ARN or name works too."_s);
    cl.parser().addOption(
        QCommandLineOption(u"limit"_s, u"Rows per list (default 25, 0 = all)."_s, u"N"_s));
    if (auto code = cl.parse(args, 3, 3))
        return *code;
    const auto range = cl.range();
    const auto limit = cl.count(u"limit"_s, 25);
    if (!range || !limit)
        return ExitUsage;
    if (!parseType(cl.positional().at(1)))
        return ExitUsage;

    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    EntityProfile profile(caseFile->db());
    auto entity =
        resolveEntity(profile.lookup(), cl.positional().at(1), cl.positional().at(2), code);
    if (!entity)
        return code;
    ProfileOptions options;
    options.listLimit = *limit;
    auto p = profile.load(entity->id, *range, options);
    if (!p)
        return fail(ExitFailure, caseFile->path() + ": " + p.error().detail);
    std::string text = cl.json() ? std::string() : render(*p);
    nlohmann::json doc = cl.json() ? profileJson(*p) : nlohmann::json();
    appendFlowSection(caseFile->db(), *entity, *range, *limit, text, cl.json() ? &doc : nullptr);
    appendKubernetesSection(caseFile->db(), *entity, *range, *limit, text,
                            cl.json() ? &doc : nullptr);
    out(cl.json() ? jsonDump(doc) : text);
    return ExitOk;
}

} // namespace sightline::cli
