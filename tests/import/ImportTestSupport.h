#pragma once
// Helpers shared by the import test suites: where the shared samples are, running an import,
// and plain SQL probes of what a case file stores. Thread affinity: the test thread.
#include "CaseFile.h"
#include "EntityType.h"
#include "EventKind.h"
#include "ImportTypes.h"
#include "Relation.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sightline::test {

// The shared evidence folder (SIGHTLINE_SHARED_DATA, cleaned), or "" when it is missing.
QString sharedData();
// sharedData() + "/" + relative, as a std::string path.
std::string samplePath(const QString &relative);

// Skips the calling test function when the shared data folder is missing.
#define SIGHTLINE_REQUIRE_SHARED_DATA()                                                            \
    do {                                                                                           \
        if (sightline::test::sharedData().isEmpty())                                               \
            QSKIP("shared sample data (../shared/data) is not available");                         \
    } while (false)

std::string toStd(const QString &s);
bool writeFile(const QString &path, const QByteArray &data);
QByteArray readFile(const QString &path);
QByteArray sha256OfFile(const QString &path);
// gzip (RFC 1952) of data, one member.
QByteArray gzip(const QByteArray &data);
// What zlib can decode from a possibly truncated gzip stream.
QByteArray gunzipPrefix(const QByteArray &data);

struct SourceRow
{
    int64_t id = 0;
    std::string path, format, note, sha256;
    int status = -1;
    int64_t records = 0, newEvents = 0, duplicates = 0, errors = 0;
    int64_t firstTime = 0, lastTime = 0; // 0 when NULL
};

struct ErrorRow
{
    int64_t line = 0, offset = 0;
    std::string reason;
};

struct EntityRow
{
    int64_t id = 0;
    std::string label, account, attrs;
    int64_t firstSeen = 0, lastSeen = 0; // 0 when NULL
    int64_t ipv4 = -1;                   // -1 when NULL
};

struct EdgeRow
{
    int64_t firstSeen = 0, lastSeen = 0, count = 0;
};

struct EventRow
{
    int64_t id = 0, time = 0, line = 0, offset = 0;
    int kind = 0;
    std::string name, service, error, region;
    int64_t sourceId = 0, principal = 0, ip = 0, ua = 0, accessKey = 0, account = 0;
};

// Read-only SQL probes of a case. Every query failure yields an empty / -1 answer, which
// the assertions then reject.
class CaseProbe
{
public:
    explicit CaseProbe(CaseFile &c) : m_case(c) {}

    int64_t scalar(const std::string &sql); // first column of the first row; -1 on error
    std::vector<SourceRow> sources();
    std::optional<SourceRow> source(const std::string &path);
    std::vector<ErrorRow> errors(int64_t sourceId);
    std::optional<EntityRow> entity(EntityType type, const std::string &key);
    int64_t entityCount(EntityType type);
    std::optional<EdgeRow> edge(int64_t src, Relation relation, int64_t dst);
    // Events, optionally restricted by an SQL condition over the events table "e".
    std::vector<EventRow> events(const std::string &where = {});
    // Event ids in an entity's posting lists.
    std::vector<int64_t> postings(int64_t entity);

private:
    CaseFile &m_case;
};

// Row count and a digest of the full content of every table of the case.
struct TableState
{
    int64_t rows = 0;
    QByteArray digest;
    bool operator==(const TableState &) const = default;
};
using CaseSnapshot = std::map<std::string, TableState>;
CaseSnapshot snapshot(CaseFile &c);
// "table: rows a -> b" for each table that differs (empty when equal).
QString describeDifference(const CaseSnapshot &before, const CaseSnapshot &after);

// Imports into the case; an import that returns an error yields nullopt.
std::optional<ImportSummary> runImport(CaseFile &c, const std::vector<std::string> &paths,
                                       ImportSink *sink = nullptr,
                                       const ImportOptions &options = {});

// Runs the import on a thread and waits at most `seconds`. When it has not finished by then,
// hung is set and nullopt returned; the thread is left running (it keeps the case alive), so
// the calling test can fail at once instead of waiting for the test runner's watchdog.
std::optional<ImportSummary> runImportWithin(std::shared_ptr<CaseFile> c,
                                             const std::vector<std::string> &paths,
                                             const ImportOptions &options, int seconds, bool &hung);

const ImportedFile *findResult(const ImportSummary &s, const std::string &path);
bool contains(const std::string &haystack, const char *needle);

} // namespace sightline::test
