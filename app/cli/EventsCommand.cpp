// sightline-cli events CASE [--entity TYPE:KEY]... [--name API] [--from T] [--to T] [--raw]
#include "CliSupport.h"
#include "Commands.h"
#include "JsonValues.h"
#include "TextTable.h"

#include "queries/EventQuery.h"

namespace sightline::cli {

using namespace Qt::StringLiterals;

namespace {

using A = TextTable::Align;

std::string who(const EntityRef &e)
{
    if (!e.valid())
        return "-";
    return displayText(e.label.empty() ? e.key : e.label);
}

std::string api(const EventRecord &e)
{
    return displayText(e.service + ":" + e.name);
}

std::string where(const EventRecord &e)
{
    return displayText(e.sourcePath) +
           (e.line > 0 ? ":" + std::to_string(e.line) : " @" + std::to_string(e.offset));
}

} // namespace

int runEvents(const QStringList &args)
{
    CommandLine cl(u"events"_s,
                   u"Events in time order. --entity may be repeated: every entity given must be "
                   u"involved in the event. --raw adds each raw record as it was in the evidence, "
                   u"with its source file and line."_s);
    cl.addJson();
    cl.addRange();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addOption(QCommandLineOption(
        u"entity"_s, u"An involved entity, e.g. IpAddress:18.236.253.47 or AwsUser:alice."_s,
        u"TYPE:KEY"_s));
    cl.parser().addOption(QCommandLineOption(
        u"name"_s, u"API name: CreateUser, iam.amazonaws.com:CreateUser or iam:CreateUser."_s,
        u"API"_s));
    cl.parser().addOption(QCommandLineOption(u"raw"_s, u"Add the raw records."_s));
    cl.parser().addOption(
        QCommandLineOption(u"limit"_s, u"Events to print (default 100, 0 = all)."_s, u"N"_s));
    cl.parser().addOption(
        QCommandLineOption(u"offset"_s, u"Matching events to skip first."_s, u"N"_s));
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const auto range = cl.range();
    const auto limit = cl.count(u"limit"_s, 100);
    const auto offset = cl.count(u"offset"_s, 0);
    if (!range || !limit || !offset)
        return ExitUsage;
    const QStringList entityArgs = cl.parser().values(u"entity"_s);
    for (const QString &arg : entityArgs) {
        const qsizetype colon = arg.indexOf(u':');
        if (colon <= 0 || colon + 1 >= arg.size())
            return fail(ExitUsage,
                        "--entity needs TYPE:KEY, not '" + displayText(toUtf8(arg)) + "'");
        if (!parseType(arg.left(colon)))
            return ExitUsage;
    }

    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    EventQuery query(caseFile->db());
    EventFilter filter;
    filter.range = *range;
    filter.limit = *limit;
    filter.offset = *offset;
    filter.withRaw = cl.isSet(u"raw"_s);
    filter.api = toUtf8(cl.value(u"name"_s));
    std::vector<EntityRef> entities;
    for (const QString &arg : entityArgs) {
        const qsizetype colon = arg.indexOf(u':');
        auto e = resolveEntity(query.lookup(), arg.left(colon), arg.mid(colon + 1), code);
        if (!e)
            return code;
        filter.entities.push_back(e->id);
        entities.push_back(std::move(*e));
    }
    auto page = query.run(filter);
    if (!page) {
        const bool bad = page.error().code == ErrorCode::InvalidArgument;
        return fail(bad ? ExitUsage : ExitFailure,
                    caseFile->path() + ": " + displayText(page.error().detail));
    }

    if (cl.json()) {
        nlohmann::json events = nlohmann::json::array();
        for (const EventRecord &e : page->events)
            events.push_back(eventJson(e, filter.withRaw));
        nlohmann::json ents = nlohmann::json::array();
        for (const EntityRef &e : entities)
            ents.push_back(entityJson(e));
        out(jsonDump(
            {{"filter",
              {{"entities", std::move(ents)},
               {"name", filter.api.empty() ? nlohmann::json() : nlohmann::json(filter.api)},
               {"range", rangeJson(filter.range)},
               {"limit", filter.limit},
               {"offset", filter.offset}}},
             {"count", page->events.size()},
             {"more", page->more},
             {"events", std::move(events)}}));
        return ExitOk;
    }

    std::string s;
    if (filter.withRaw) {
        for (const EventRecord &e : page->events) {
            s += formatTime(e.time) + "  " + api(e) +
                 (e.error.empty() ? "" : "  [" + displayText(e.error) + "]") + "  " +
                 who(e.principal) + "  " + who(e.ip) + "\n";
            s += "  source " + where(e) + "\n";
            s += displayText(e.raw, true) + "\n\n";
        }
    } else if (!page->events.empty()) {
        TextTable t({{"TIME"},
                     {"API", A::Left, 56},
                     {"ERROR", A::Left, 28},
                     {"PRINCIPAL", A::Left, 40},
                     {"IP", A::Left, 40},
                     {"ACCESS KEY"},
                     {"REGION"},
                     {"USER AGENT", A::Left, 48}});
        for (const EventRecord &e : page->events)
            t.addRow({formatTime(e.time), api(e), displayText(e.error), who(e.principal), who(e.ip),
                      who(e.accessKey), displayText(e.region), who(e.userAgent)});
        s += t.render();
    }
    s += "\n" + formatCount(static_cast<int64_t>(page->events.size())) +
         (page->events.size() == 1 ? " event" : " events");
    if (page->more)
        s += " (more match: use --offset " + std::to_string(filter.offset + page->events.size()) +
             " or --limit)";
    s += "\n";
    out(s);
    return ExitOk;
}

} // namespace sightline::cli
