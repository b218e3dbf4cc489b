// sightline-cli search CASE QUERY
#include "CliSupport.h"
#include "Commands.h"
#include "JsonValues.h"
#include "TextTable.h"

#include "queries/EntitySearch.h"

namespace sightline::cli {

using namespace Qt::StringLiterals;

int runSearch(const QStringList &args)
{
    CommandLine cl(u"search"_s,
                   u"Find entities by any identifier: IP address or IPv4 CIDR, ARN, principal ID, "
                   u"user / role / session name, access key ID, account, instance ID, bucket or "
                   u"user agent. Matches keys and names exactly, ignoring case; * and ? are "
                   u"wildcards. Prints TYPE and KEY of each hit. Exit status 3 when nothing "
                   u"matches."_s);
    cl.addJson();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addPositionalArgument(u"QUERY"_s, u"What to look for (quote wildcards)."_s);
    cl.parser().addOption(
        QCommandLineOption(u"type"_s, u"Only entities of this type."_s, u"TYPE"_s));
    cl.parser().addOption(
        QCommandLineOption(u"limit"_s, u"Hits to list (default 50, 0 = all)."_s, u"N"_s));
    if (auto code = cl.parse(args, 2, 2))
        return *code;
    const auto limit = cl.count(u"limit"_s, 50);
    if (!limit)
        return ExitUsage;
    std::optional<EntityType> type;
    if (cl.isSet(u"type"_s)) {
        type = parseType(cl.value(u"type"_s));
        if (!type)
            return ExitUsage;
    }

    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    const std::string query = toUtf8(cl.positional().at(1));
    EntitySearch search(caseFile->db());
    auto r = search.run(query, *limit, type);
    if (!r) {
        const bool bad = r.error().code == ErrorCode::InvalidArgument;
        return fail(bad ? ExitUsage : ExitFailure, displayText(r.error().detail));
    }
    const int status = r->total == 0 ? ExitNotFound : ExitOk;

    if (cl.json()) {
        out(jsonDump(searchJson(query, *r)));
        return status;
    }
    if (r->total == 0) {
        err("No entity matches '" + displayText(query) + "'.\n");
        return status;
    }
    TextTable t({{"TYPE"},
                 {"KEY", TextTable::Align::Left, 72},
                 {"LABEL", TextTable::Align::Left, 40},
                 {"ACCOUNT"},
                 {"FIRST SEEN"},
                 {"LAST SEEN"}});
    for (const SearchHit &h : r->hits) {
        t.addRow({std::string(entityTypeName(h.entity.type)), displayText(h.entity.key),
                  displayText(h.entity.label), displayText(h.entity.account),
                  formatTime(h.seen.first), formatTime(h.seen.last)});
    }
    std::string s = t.render();
    s += "\n" + formatCount(r->total) + (r->total == 1 ? " match" : " matches");
    if (static_cast<int64_t>(r->hits.size()) < r->total)
        s += " (showing " + formatCount(static_cast<int64_t>(r->hits.size())) +
             "; use --limit or --type)";
    s += ":";
    for (const auto &[type, n] : r->countsByType)
        s += " " + std::string(entityTypeName(type)) + " " + formatCount(n) + ",";
    s.back() = '\n';
    out(s);
    return status;
}

} // namespace sightline::cli
