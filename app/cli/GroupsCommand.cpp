// sightline-cli groups CASE [--from T] [--to T] [--window HOURS] [--active] [--json]
#include "CliSupport.h"
#include "Commands.h"
#include "JsonValues.h"
#include "TextTable.h"

#include "queries/FindingGroups.h"
#include "queries/FindingQuery.h"

#include <cstdio>

namespace sightline::cli {

using namespace Qt::StringLiterals;

namespace {

using A = TextTable::Align;

std::string severityText(int label, double number)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", number);
    return std::string(findingSeverityName(label)) + " (" + buf + ")";
}

nlohmann::json groupJson(const FindingGroup &g)
{
    nlohmann::json namespaces = nlohmann::json::array(), tactics = nlohmann::json::array(),
                   findings = nlohmann::json::array(), shared = nlohmann::json::array();
    for (const NamespaceCount &n : g.namespaces)
        namespaces.push_back({{"namespace", n.name}, {"count", n.count}});
    for (AttackTactic t : g.tactics)
        tactics.push_back(
            {{"id", std::string(attackTacticId(t))}, {"name", std::string(attackTacticName(t))}});
    for (const GroupedFinding &f : g.findings)
        findings.push_back({{"key", f.finding.key},
                            {"title", f.finding.label.empty() ? nlohmann::json()
                                                              : nlohmann::json(f.finding.label)},
                            {"type", f.type},
                            {"severity", f.severity},
                            {"severityLabel", std::string(findingSeverityName(f.severityLabel))},
                            {"firstSeen", jsonTime(f.window.first)},
                            {"lastSeen", jsonTime(f.window.last)}});
    for (const SharedEntity &s : g.shared) {
        nlohmann::json j = entityJson(s.entity);
        j["findings"] = s.findings;
        shared.push_back(std::move(j));
    }
    return {{"title", g.title},
            {"severity", g.severity},
            {"severityLabel", std::string(findingSeverityName(g.severityLabel))},
            {"firstSeen", jsonTime(g.span.first)},
            {"lastSeen", jsonTime(g.span.last)},
            {"namespaces", std::move(namespaces)},
            {"tactics", std::move(tactics)},
            {"findings", std::move(findings)},
            {"sharedEntities", std::move(shared)},
            {"entities", g.entities.size()}};
}

} // namespace

int runGroups(const QStringList &args)
{
    CommandLine cl(
        u"groups"_s,
        u"Finding groups: findings that involve one same entity (not an account or a user "
        u"agent) with windows (first to last seen) at most --window hours apart, joined "
        u"transitively. Each group: highest severity, finding types counted by namespace, "
        u"MITRE ATT&CK tactics, time span, the entities that tie it and its findings."_s);
    cl.addJson();
    cl.addRange();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addOption(
        QCommandLineOption(u"window"_s, u"Time proximity in hours (default 24)."_s, u"HOURS"_s));
    cl.parser().addOption(QCommandLineOption(u"active"_s, u"Leave out archived findings."_s));
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const auto range = cl.range();
    const auto window = cl.count(u"window"_s, 24);
    if (!range || !window)
        return ExitUsage;
    FindingGroupOptions options;
    options.range = *range;
    options.window = static_cast<int64_t>(*window) * kHourMs;
    options.archived = !cl.isSet(u"active"_s);

    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    FindingGroups query(caseFile->db());
    auto groups = query.build(options);
    if (!groups)
        return fail(ExitFailure, caseFile->path() + ": " + displayText(groups.error().detail));

    if (cl.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const FindingGroup &g : *groups)
            list.push_back(groupJson(g));
        out(jsonDump({{"filter",
                       {{"range", rangeJson(options.range)},
                        {"windowHours", *window},
                        {"archived", options.archived}}},
                      {"count", groups->size()},
                      {"groups", std::move(list)}}));
        return ExitOk;
    }
    std::string s;
    for (size_t i = 0; i < groups->size(); ++i) {
        const FindingGroup &g = (*groups)[i];
        s += "Group " + std::to_string(i + 1) + ": " + displayText(g.title) + "\n";
        s += "  Severity    " + severityText(g.severityLabel, g.severity) + "\n";
        s += "  Time        " + formatTime(g.span.first) + " .. " + formatTime(g.span.last) + "\n";
        if (!g.tactics.empty()) {
            s += "  Tactics     ";
            for (size_t k = 0; k < g.tactics.size(); ++k)
                s += (k ? ", " : "") + std::string(attackTacticName(g.tactics[k])) + " (" +
                     std::string(attackTacticId(g.tactics[k])) + ")";
            s += "\n";
        }
        s += "  Tied by     ";
        for (size_t k = 0; k < g.shared.size(); ++k)
            s += (k ? ", " : "") + std::string(entityTypeName(g.shared[k].entity.type)) + ":" +
                 displayText(g.shared[k].entity.key) + " (" + std::to_string(g.shared[k].findings) +
                 ")";
        s += "\n";
        TextTable t({{"SEVERITY"},
                     {"TYPE", A::Left, 64},
                     {"FIRST SEEN"},
                     {"LAST SEEN"},
                     {"FINDING", A::Left, 96}});
        for (const GroupedFinding &f : g.findings)
            t.addRow({severityText(f.severityLabel, f.severity), displayText(f.type),
                      formatTime(f.window.first), formatTime(f.window.last),
                      displayText(f.finding.key)});
        s += t.render() + "\n";
    }
    s += formatCount(static_cast<int64_t>(groups->size())) +
         (groups->size() == 1 ? " finding group\n" : " finding groups\n");
    out(s);
    return ExitOk;
}

} // namespace sightline::cli
