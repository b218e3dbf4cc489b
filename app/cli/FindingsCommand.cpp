// sightline-cli findings CASE [--entity TYPE:KEY] [--severity LABEL[,LABEL]] [--product NAME]
//                             [--from T] [--to T] [--active] [--limit N] [--offset N] [--json]
// sightline-cli finding CASE FINDING [--raw] [--json]
#include "CliSupport.h"
#include "Commands.h"
#include "JsonValues.h"
#include "TextTable.h"

#include "queries/FindingQuery.h"

#include <cstdio>

namespace sightline::cli {

using namespace Qt::StringLiterals;

namespace {

using A = TextTable::Align;

std::string severityText(const FindingSummary &s)
{
    char number[32];
    std::snprintf(number, sizeof number, "%g", s.severity);
    return std::string(findingSeverityName(s.severityLabel)) + " (" + number + ")";
}

nlohmann::json summaryJson(const FindingSummary &s)
{
    auto orNull = [](const std::string &v) {
        return v.empty() ? nlohmann::json() : nlohmann::json(v);
    };
    return {{"key", s.finding.key},
            {"title", orNull(s.title)},
            {"product", orNull(s.product)},
            {"type", orNull(s.type)},
            {"severity", s.severity},
            {"severityLabel", std::string(findingSeverityName(s.severityLabel))},
            {"account", orNull(s.account)},
            {"region", orNull(s.region)},
            {"firstSeen", jsonTime(s.seen.first)},
            {"lastSeen", jsonTime(s.seen.last)},
            {"updatedAt", jsonTime(s.updatedAt)},
            {"count", s.count},
            {"archived", s.archived},
            {"versions", s.versions}};
}

// --severity high,critical -> bit mask; 0 with an error printed when a name is unknown.
std::optional<unsigned> severityMask(const QString &arg)
{
    unsigned mask = 0;
    for (const QString &part : arg.split(u',', Qt::SkipEmptyParts)) {
        const auto label = findingSeverityFromName(toUtf8(part.trimmed()));
        if (!label) {
            fail(ExitUsage, "unknown severity '" + displayText(toUtf8(part)) +
                                "' (informational, low, medium, high, critical)");
            return std::nullopt;
        }
        mask |= 1u << *label;
    }
    return mask;
}

int runList(const QStringList &args)
{
    CommandLine cl(u"findings"_s,
                   u"Findings (GuardDuty, Security Hub ...), most severe first. --entity lists "
                   u"the findings that involve an entity; --from / --to keep the findings active "
                   u"in the range (first seen before its end, last seen after its start)."_s);
    cl.addJson();
    cl.addRange();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addOption(QCommandLineOption(
        u"entity"_s, u"An involved entity, e.g. Ec2Instance:i-0abc or IpAddress:198.51.100.7."_s,
        u"TYPE:KEY"_s));
    cl.parser().addOption(
        QCommandLineOption(u"severity"_s,
                           u"Severity labels to keep: informational, low, medium, high, critical "_s
                           u"(comma-separated)."_s,
                           u"LABELS"_s));
    cl.parser().addOption(QCommandLineOption(
        u"product"_s, u"Product name, e.g. GuardDuty or \"Security Hub\"."_s, u"NAME"_s));
    cl.parser().addOption(QCommandLineOption(u"active"_s, u"Leave out archived findings."_s));
    cl.parser().addOption(
        QCommandLineOption(u"limit"_s, u"Findings to print (default 100, 0 = all)."_s, u"N"_s));
    cl.parser().addOption(
        QCommandLineOption(u"offset"_s, u"Matching findings to skip first."_s, u"N"_s));
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const auto range = cl.range();
    const auto limit = cl.count(u"limit"_s, 100);
    const auto offset = cl.count(u"offset"_s, 0);
    if (!range || !limit || !offset)
        return ExitUsage;
    FindingFilter filter;
    filter.range = *range;
    filter.limit = *limit;
    filter.offset = *offset;
    filter.archived = !cl.isSet(u"active"_s);
    filter.product = toUtf8(cl.value(u"product"_s));
    if (cl.isSet(u"severity"_s)) {
        const auto mask = severityMask(cl.value(u"severity"_s));
        if (!mask)
            return ExitUsage;
        filter.severities = *mask;
    }
    const QString entityArg = cl.value(u"entity"_s);
    const qsizetype colon = entityArg.indexOf(u':');
    if (cl.isSet(u"entity"_s) && (colon <= 0 || colon + 1 >= entityArg.size()))
        return fail(ExitUsage,
                    "--entity needs TYPE:KEY, not '" + displayText(toUtf8(entityArg)) + "'");

    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    FindingQuery query(caseFile->db());
    EntityRef entity;
    if (cl.isSet(u"entity"_s)) {
        auto e =
            resolveEntity(query.lookup(), entityArg.left(colon), entityArg.mid(colon + 1), code);
        if (!e)
            return code;
        entity = std::move(*e);
        filter.entity = entity.id;
    }
    auto page = query.list(filter);
    if (!page)
        return fail(ExitFailure, caseFile->path() + ": " + displayText(page.error().detail));

    if (cl.json()) {
        nlohmann::json findings = nlohmann::json::array();
        for (const FindingSummary &s : page->findings)
            findings.push_back(summaryJson(s));
        nlohmann::json severities = nlohmann::json::array();
        for (int l = 0; l < 5; ++l) {
            if (filter.severities & (1u << l))
                severities.push_back(std::string(findingSeverityName(l)));
        }
        out(jsonDump({{"filter",
                       {{"entity", entityJson(entity)},
                        {"severities", std::move(severities)},
                        {"product", filter.product.empty() ? nlohmann::json()
                                                           : nlohmann::json(filter.product)},
                        {"archived", filter.archived},
                        {"range", rangeJson(filter.range)},
                        {"limit", filter.limit},
                        {"offset", filter.offset}}},
                      {"total", page->total},
                      {"count", page->findings.size()},
                      {"more", page->more},
                      {"findings", std::move(findings)}}));
        return ExitOk;
    }

    std::string s;
    if (entity.valid())
        s += "Findings that involve " + std::string(entityTypeName(entity.type)) + " " +
             entityDisplay(entity) + "\n";
    if (!page->findings.empty()) {
        TextTable t({{"SEVERITY"},
                     {"PRODUCT", A::Left, 20},
                     {"TYPE", A::Left, 56},
                     {"TITLE", A::Left, 64},
                     {"LAST SEEN"},
                     {"COUNT", A::Right},
                     {"FINDING"}});
        for (const FindingSummary &f : page->findings)
            t.addRow({severityText(f) + (f.archived ? " archived" : ""), displayText(f.product),
                      displayText(f.type), displayText(f.title),
                      formatTime(f.seen.last ? f.seen.last : f.updatedAt), formatCount(f.count),
                      displayText(f.finding.key)});
        s += t.render();
    }
    s += "\n" + formatCount(static_cast<int64_t>(page->findings.size())) +
         (page->findings.size() == 1 ? " finding" : " findings");
    if (page->total != static_cast<int64_t>(page->findings.size()))
        s += " of " + formatCount(page->total);
    if (page->more)
        s += " (more match: use --offset " + std::to_string(filter.offset + page->findings.size()) +
             " or --limit)";
    s += "\n";
    out(s);
    return ExitOk;
}

int runOne(const QStringList &args)
{
    CommandLine cl(u"finding"_s,
                   u"One finding: its severity, times and details, every entity it involves, and "
                   u"every version imported (source file and line). FINDING is the finding's "
                   u"ARN or id as `findings` lists it, or the id alone."_s);
    cl.addJson();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addPositionalArgument(u"FINDING"_s, u"The finding's key (ARN or id)."_s);
    cl.parser().addOption(
        QCommandLineOption(u"raw"_s, u"Add the raw record of the version kept."_s));
    if (auto code = cl.parse(args, 2, 2))
        return *code;
    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    FindingQuery query(caseFile->db());
    auto ref = query.resolve(toUtf8(cl.positional().at(1)));
    if (!ref) {
        const ErrorCode c = ref.error().code;
        const bool notFound = c == ErrorCode::NotFound || c == ErrorCode::InvalidArgument;
        return fail(notFound ? ExitNotFound : ExitFailure, displayText(ref.error().detail, true));
    }
    const bool withRaw = cl.isSet(u"raw"_s);
    auto d = query.detail(ref->id, withRaw);
    if (!d)
        return fail(ExitFailure, caseFile->path() + ": " + displayText(d.error().detail));

    if (cl.json()) {
        nlohmann::json finding = summaryJson(d->summary);
        nlohmann::json attrs = nlohmann::json::parse(d->attrs, nullptr, false);
        finding["attrs"] = attrs.is_discarded() ? nlohmann::json() : std::move(attrs);
        nlohmann::json involved = nlohmann::json::array();
        for (const FindingInvolved &i : d->involved) {
            nlohmann::json j = entityJson(i.entity);
            j["firstSeen"] = jsonTime(i.seen.first);
            j["lastSeen"] = jsonTime(i.seen.last);
            j["versions"] = i.count;
            involved.push_back(std::move(j));
        }
        nlohmann::json versions = nlohmann::json::array();
        for (const FindingVersion &v : d->versions)
            versions.push_back(
                {{"updatedAt", jsonTime(v.updatedAt)},
                 {"kept", v.kept},
                 {"source", v.sourcePath.empty() ? nlohmann::json() : nlohmann::json(v.sourcePath)},
                 {"line", v.line},
                 {"offset", v.offset}});
        nlohmann::json doc = {{"finding", std::move(finding)},
                              {"involved", std::move(involved)},
                              {"versions", std::move(versions)}};
        if (withRaw)
            doc["raw"] = d->raw.empty() ? nlohmann::json() : nlohmann::json(d->raw);
        out(jsonDump(doc));
        return ExitOk;
    }

    const FindingSummary &f = d->summary;
    std::string s = displayText(f.title.empty() ? f.finding.key : f.title) + "\n";
    auto field = [&](const char *name, const std::string &value) {
        if (!value.empty())
            s += "  " + std::string(name) + std::string(12 - std::string_view(name).size(), ' ') +
                 value + "\n";
    };
    field("Finding", displayText(f.finding.key));
    field("Product", displayText(f.product));
    field("Type", displayText(f.type));
    field("Severity", severityText(f));
    field("Account", displayText(f.account));
    field("Region", displayText(f.region));
    field("First seen", formatTime(f.seen.first));
    field("Last seen", formatTime(f.seen.last));
    field("Updated", formatTime(f.updatedAt));
    field("Count", formatCount(f.count));
    field("Archived", f.archived ? "yes" : "no");
    const nlohmann::json attrs = nlohmann::json::parse(d->attrs, nullptr, false);
    if (attrs.is_object()) {
        for (const auto &[name, value] : attrs.items()) {
            if (name == "id" || name == "arn" || name == "description")
                continue;
            const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
            s += "  " + displayText(name) + ": " + displayText(text) + "\n";
        }
        if (attrs.contains("description") && attrs["description"].is_string())
            s += "\n" + displayText(attrs["description"].get<std::string>(), true) + "\n";
    }
    s += "\nInvolved entities (" + formatCount(static_cast<int64_t>(d->involved.size())) + ")\n";
    if (!d->involved.empty()) {
        TextTable t({{"TYPE"},
                     {"KEY", A::Left, 96},
                     {"LABEL", A::Left, 40},
                     {"FIRST SEEN"},
                     {"LAST SEEN"},
                     {"VERSIONS", A::Right}});
        for (const FindingInvolved &i : d->involved)
            t.addRow({std::string(entityTypeName(i.entity.type)), displayText(i.entity.key),
                      displayText(i.entity.label), formatTime(i.seen.first),
                      formatTime(i.seen.last), formatCount(i.count)});
        s += t.render();
    }
    s += "\nVersions (" + formatCount(static_cast<int64_t>(d->versions.size())) + ")\n";
    if (!d->versions.empty()) {
        TextTable t({{"UPDATED AT"}, {"KEPT"}, {"SOURCE", A::Left, 120}});
        for (const FindingVersion &v : d->versions)
            t.addRow({formatTime(v.updatedAt), v.kept ? "*" : "",
                      displayText(v.sourcePath) + (v.line > 0 ? ":" + std::to_string(v.line)
                                                              : " @" + std::to_string(v.offset))});
        s += t.render();
    }
    if (withRaw)
        s += "\nRaw record of the version kept\n" + displayText(d->raw, true) + "\n";
    out(s);
    return ExitOk;
}

} // namespace

int runFindings(const QString &command, const QStringList &args)
{
    return command == u"finding" ? runOne(args) : runList(args);
}

} // namespace sightline::cli
