// sightline-cli import CASE PATH...
#include "CliSupport.h"
#include "Commands.h"
#include "ImportProgressSink.h"

#include "EventKind.h"
#include "Importer.h"

#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

namespace sightline::cli {

using namespace Qt::StringLiterals;

namespace {

constexpr size_t kErrorsShown = 20;

std::string statusName(int status)
{
    switch (static_cast<SourceStatus>(status)) {
    case SourceStatus::Imported:
        return "imported";
    case SourceStatus::Skipped:
        return "skipped";
    case SourceStatus::Damaged:
        return "damaged";
    case SourceStatus::Failed:
        return "failed";
    case SourceStatus::Cancelled:
        return "cancelled";
    case SourceStatus::Importing:
        return "interrupted";
    }
    return "unknown";
}

bool troubled(const ImportedFile &f)
{
    const auto s = static_cast<SourceStatus>(f.status);
    return s == SourceStatus::Damaged || s == SourceStatus::Failed;
}

std::string where(const ImportIssue &i)
{
    return displayText(i.path) +
           (i.line > 0 ? ":" + std::to_string(i.line) : " @" + std::to_string(i.offset));
}

nlohmann::json summaryJson(const std::string &casePath, const ImportSummary &s)
{
    nlohmann::json files = nlohmann::json::array();
    for (const ImportedFile &f : s.fileResults)
        files.push_back({{"path", f.path},
                         {"format", f.format.empty() ? nlohmann::json() : nlohmann::json(f.format)},
                         {"status", statusName(f.status)},
                         {"note", f.note.empty() ? nlohmann::json() : nlohmann::json(f.note)},
                         {"records", f.records},
                         {"newEvents", f.newEvents},
                         {"duplicates", f.duplicates},
                         {"errors", f.errors}});
    nlohmann::json issues = nlohmann::json::array();
    for (const ImportIssue &i : s.issues)
        issues.push_back(
            {{"path", i.path}, {"line", i.line}, {"offset", i.offset}, {"reason", i.reason}});
    return {{"case", casePath},
            {"files", s.files},
            {"records", s.records},
            {"newEvents", s.newEvents},
            {"duplicates", s.duplicates},
            {"errors", s.errors},
            {"skipped", s.skipped},
            {"cancelled", s.cancelled},
            {"seconds", s.seconds},
            {"bytes", s.bytes},
            {"fileResults", std::move(files)},
            {"issues", std::move(issues)}};
}

std::string summaryText(const std::string &casePath, const ImportSummary &s)
{
    char timing[96];
    std::snprintf(timing, sizeof timing, "%.1f s, %.0f records/s", s.seconds,
                  s.seconds > 0 ? static_cast<double>(s.records) / s.seconds : 0.0);
    std::string o = std::string(s.cancelled ? "Import cancelled" : "Imported") + " into " +
                    displayText(casePath) + " (" + formatBytes(s.bytes) + " in " + timing + ")\n";
    auto line = [&](const char *name, int64_t v) {
        o += "  " + std::string(name) + std::string(12 - std::string_view(name).size(), ' ') +
             formatCount(v) + "\n";
    };
    line("Files", s.files);
    line("Records", s.records);
    line("New events", s.newEvents);
    line("Duplicates", s.duplicates);
    line("Errors", s.errors);
    line("Skipped", s.skipped);

    std::string skipped, damaged;
    for (const ImportedFile &f : s.fileResults) {
        const std::string text = "  " + displayText(f.path) + ": " +
                                 displayText(f.note.empty() ? statusName(f.status) : f.note);
        if (static_cast<SourceStatus>(f.status) == SourceStatus::Skipped)
            skipped += text + "\n";
        else if (troubled(f))
            damaged += text + " [" + statusName(f.status) + "]\n";
    }
    if (!skipped.empty())
        o += "\nSkipped files\n" + skipped;
    if (!damaged.empty())
        o += "\nDamaged or unreadable files\n" + damaged;
    if (!s.issues.empty()) {
        o += "\nFirst errors";
        if (s.errors > static_cast<int64_t>(std::min(s.issues.size(), kErrorsShown)))
            o += " (" + formatCount(static_cast<int64_t>(std::min(s.issues.size(), kErrorsShown))) +
                 " of " + formatCount(s.errors) + "; all are in the case: sightline-cli info)";
        o += "\n";
        for (size_t i = 0; i < s.issues.size() && i < kErrorsShown; ++i)
            o += "  " + where(s.issues[i]) + ": " + displayText(s.issues[i].reason) + "\n";
    }
    return o;
}

} // namespace

int runImport(const QStringList &args)
{
    CommandLine cl(u"import"_s,
                   u"Imports evidence into CASE, creating it when missing: files, folders "
                   u"(recursively), .gz, .zip, .tar and .tar.gz, in any CloudTrail shape. Formats "
                   u"are told apart by content. Importing the same evidence again adds nothing. "
                   u"Shows progress on a terminal; Ctrl-C cancels cleanly (exit status 130) and "
                   u"keeps what was committed. Exit status 4 when records were unusable or files "
                   u"damaged; skipped files (digests, unknown files) are listed only."_s);
    cl.addJson();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file (created when missing)."_s);
    cl.parser().addPositionalArgument(u"PATH"_s, u"Evidence files, folders or archives."_s,
                                      u"PATH..."_s);
    cl.parser().addOption(
        QCommandLineOption(u"threads"_s, u"Parser threads (default: one per core)."_s, u"N"_s));
    if (auto code = cl.parse(args, 2, -1))
        return *code;
    const auto threads = cl.count(u"threads"_s, 0);
    if (!threads)
        return ExitUsage;
    const QStringList positional = cl.positional();
    std::vector<std::string> paths;
    for (qsizetype i = 1; i < positional.size(); ++i) {
        if (!QFileInfo::exists(positional.at(i)))
            return fail(ExitUsage, "'" + displayText(toUtf8(positional.at(i))) +
                                       "': no such file or directory");
        paths.push_back(toUtf8(positional.at(i)));
    }
    const std::string casePath = toUtf8(positional.at(0));

    auto caseFile = CaseFile::openOrCreate(casePath);
    if (!caseFile)
        return fail(ExitCase, describeCaseError(casePath, caseFile.error()));

    ImportProgressSink sink(isatty(STDERR_FILENO) != 0);
    ImportOptions options;
    options.threads = static_cast<int>(*threads);
    auto summary = importPaths(*caseFile, paths, &sink, options);
    sink.finish();
    if (!summary) {
        if (summary.error().code == ErrorCode::Cancelled || ImportProgressSink::interrupted())
            return fail(ExitCancelled,
                        "import cancelled; " + casePath + " keeps the batches committed before");
        return fail(ExitFailure, displayText(casePath + ": " + summary.error().detail));
    }
    if (cl.json())
        out(jsonDump(summaryJson(casePath, *summary)));
    else
        out(summaryText(casePath, *summary));

    if (summary->cancelled || ImportProgressSink::interrupted())
        return ExitCancelled;
    bool issues = summary->errors > 0;
    for (const ImportedFile &f : summary->fileResults)
        issues = issues || troubled(f);
    return issues ? ExitImportIssues : ExitOk;
}

} // namespace sightline::cli
