// sightline-cli info CASE
#include "CliSupport.h"
#include "Commands.h"
#include "JsonValues.h"
#include "TextTable.h"

#include "queries/CaseInfo.h"

namespace sightline::cli {

using namespace Qt::StringLiterals;

int runInfo(const QStringList &args)
{
    CommandLine cl(u"info"_s, u"Sources with SHA-256 and counts, entities by type, time range "
                              u"and the first import errors of a case."_s);
    cl.addJson();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addOption(
        QCommandLineOption(u"errors"_s, u"Import errors to list (default 20)."_s, u"N"_s));
    if (auto code = cl.parse(args, 1, 1))
        return *code;
    const auto maxErrors = cl.count(u"errors"_s, 20);
    if (!maxErrors)
        return ExitUsage;

    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    CaseInfo query(caseFile->db());
    auto o = query.read(*maxErrors);
    if (!o)
        return fail(ExitFailure, caseFile->path() + ": " + o.error().detail);

    if (cl.json()) {
        out(jsonDump(caseJson(caseFile->path(), *o)));
        return ExitOk;
    }

    std::string s;
    s += "Case      " + displayText(caseFile->path()) + " (schema " +
         std::to_string(o->schemaVersion) + ")\n";
    s += "Events    " + formatCount(o->events);
    if (o->firstTime)
        s += "  from " + formatTime(o->firstTime) + " to " + formatTime(o->lastTime);
    s += "\n";
    s += "Sources   " + formatCount(static_cast<int64_t>(o->sources.size())) + " (" +
         formatCount(o->skippedSources) + " skipped, " + formatCount(o->damagedSources) +
         " damaged, " + formatCount(o->failedSources) + " failed)\n";
    s += "Records   " + formatCount(o->records) + " (" + formatCount(o->duplicates) +
         " duplicates, " + formatCount(o->errors) + " errors)\n";
    s += "Entities  " + formatCount(o->entities) + "\n";

    if (!o->entityCounts.empty()) {
        TextTable types({{"TYPE"}, {"COUNT", TextTable::Align::Right}});
        for (const auto &[type, n] : o->entityCounts)
            types.addRow({std::string(entityTypeName(type)), formatCount(n)});
        s += "\nEntities by type\n" + types.render();
    }

    if (!o->sources.empty()) {
        using A = TextTable::Align;
        TextTable t({{"ID", A::Right},
                     {"STATUS"},
                     {"FORMAT"},
                     {"RECORDS", A::Right},
                     {"NEW", A::Right},
                     {"DUPL", A::Right},
                     {"ERR", A::Right},
                     {"SIZE", A::Right},
                     {"SHA-256"},
                     {"PATH"}});
        for (const SourceInfo &src : o->sources) {
            std::string path = displayText(src.path);
            if (!src.note.empty())
                path += "  [" + displayText(src.note) + "]";
            t.addRow({std::to_string(src.id), std::string(sourceStatusName(src.status)),
                      displayText(src.format.empty() ? "-" : src.format), formatCount(src.records),
                      formatCount(src.newEvents), formatCount(src.duplicates),
                      formatCount(src.errors), formatBytes(src.size), displayText(src.sha256),
                      path});
        }
        s += "\nSources\n" + t.render();
    }

    if (!o->firstErrors.empty()) {
        s += "\nImport errors (" + formatCount(static_cast<int64_t>(o->firstErrors.size())) +
             " of " + formatCount(o->importErrorRows) + " recorded)\n";
        for (const ImportErrorInfo &e : o->firstErrors) {
            std::string where = displayText(e.path);
            where += e.line > 0 ? ":" + std::to_string(e.line) : " @" + std::to_string(e.offset);
            s += "  " + where + ": " + displayText(e.reason) + "\n";
        }
    }
    out(s);
    return ExitOk;
}

} // namespace sightline::cli
