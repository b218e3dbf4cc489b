#pragma once
// Shared plumbing of the sightline-cli commands: exit status, output, argument parsing,
// opening the case and resolving entities. Single-threaded (the main thread).
#include "CaseFile.h"
#include "EntityType.h"
#include "Result.h"
#include "queries/EntityLookup.h"
#include "queries/ResultTypes.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace sightline::cli {

// Documented in the top-level --help (main.cpp). Keep both in step.
enum Exit : int
{
    ExitOk = 0,
    ExitUsage = 1,        // bad command, option or argument
    ExitCase = 2,         // the case file cannot be opened, is not a case, or is newer
    ExitNotFound = 3,     // the entity does not exist or is ambiguous; search found nothing
    ExitImportIssues = 4, // import finished, but records were unusable or files damaged
    ExitFailure = 5,      // any other failure (I/O, SQLite)
    ExitCancelled = 130,  // interrupted (SIGINT)
};

// Output (UTF-8, unbuffered order kept between the two streams by flushing).
void out(std::string_view text);
void err(std::string_view text);
// "sightline-cli: <message>" on stderr; returns code.
int fail(int code, std::string_view message);

// Log text made safe for a terminal: control characters and invalid UTF-8 become \xNN
// escapes (newlines and tabs kept when allowNewlines), so no log line can drive the terminal.
std::string displayText(std::string_view text, bool allowNewlines = false);
std::string formatTime(int64_t ms);              // ISO 8601 UTC, "" for 0
std::string formatCount(int64_t n);              // 1,234,567
std::string formatBytes(int64_t bytes);          // 12.3 MB
nlohmann::json jsonTime(int64_t ms);             // ISO string, null for 0
std::string jsonDump(const nlohmann::json &doc); // pretty, invalid UTF-8 replaced

std::string toUtf8(const QString &s);

// A command's parser: --help and --json are added by commands that want them.
class CommandLine
{
public:
    CommandLine(const QString &command, const QString &description);
    QCommandLineParser &parser() { return m_parser; }
    void addJson();
    void addRange(); // --from, --to
    // Parses; on --help prints help and returns ExitOk, on error returns ExitUsage (message
    // printed); std::nullopt when the command should run. Checks the positional count.
    std::optional<int> parse(const QStringList &args, int minPositional, int maxPositional);
    bool json() const;
    QStringList positional() const { return m_parser.positionalArguments(); }
    QString value(const QString &name) const { return m_parser.value(name); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    // --from/--to as a TimeRange; nullopt after printing the error.
    std::optional<TimeRange> range() const;
    // A non-negative integer option; nullopt after printing the error.
    std::optional<size_t> count(const QString &name, size_t fallback) const;
    std::string helpText() const;

private:
    QString m_command;
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
    bool m_hasJson = false;
};

// Opens CASE read-only; on failure prints why (naming the file) and sets exitCode.
std::optional<CaseFile> openCase(const QString &path, int &exitCode);
std::string describeCaseError(const std::string &path, const Error &e);

// TYPE name to EntityType; prints the valid names on failure.
std::optional<EntityType> parseType(const QString &name);
// Resolves TYPE KEY; prints the error and sets exitCode (NotFound/ambiguous -> 3).
std::optional<EntityRef> resolveEntity(EntityLookup &lookup, const QString &type,
                                       const QString &key, int &exitCode);

std::string entityDisplay(const EntityRef &e); // "label (key)" or "key"
nlohmann::json entityJson(const EntityRef &e); // null for id 0

} // namespace sightline::cli
