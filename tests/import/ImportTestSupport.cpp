#include "ImportTestSupport.h"

#include "Importer.h"
#include "Statement.h"
#include "Varint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <future>
#include <thread>
#include <zlib.h>

namespace sightline::test {

QString sharedData()
{
#ifdef SIGHTLINE_SHARED_DATA
    const QString dir = QDir::cleanPath(QStringLiteral(SIGHTLINE_SHARED_DATA));
    if (QFileInfo(dir + QStringLiteral("/cloudtrail")).isDir())
        return dir;
#endif
    return {};
}

std::string samplePath(const QString &relative)
{
    return toStd(sharedData() + QLatin1Char('/') + relative);
}

std::string toStd(const QString &s)
{
    return s.toStdString();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QByteArray sha256OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QByteArray gzip(const QByteArray &data)
{
    z_stream zs{};
    if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(static_cast<qsizetype>(deflateBound(&zs, static_cast<uLong>(data.size()))) + 64);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(static_cast<qsizetype>(zs.total_out));
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

QByteArray gunzipPrefix(const QByteArray &data)
{
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK)
        return {};
    QByteArray out;
    char buf[1 << 16];
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = static_cast<uInt>(data.size());
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, static_cast<qsizetype>(sizeof buf - zs.avail_out));
        if (rc != Z_OK || (zs.avail_in == 0 && zs.avail_out != 0))
            break;
    }
    inflateEnd(&zs);
    return out;
}

int64_t CaseProbe::scalar(const std::string &sql)
{
    Statement st(m_case.db(), sql);
    if (!st.ok() || !st.step())
        return -1;
    return st.int64(0);
}

namespace {

SourceRow readSource(Statement &st)
{
    SourceRow r;
    r.id = st.int64(0);
    r.path = st.string(1);
    r.format = st.string(2);
    r.status = static_cast<int>(st.int64(3));
    r.note = st.string(4);
    r.records = st.int64(5);
    r.newEvents = st.int64(6);
    r.duplicates = st.int64(7);
    r.errors = st.int64(8);
    r.firstTime = st.isNull(9) ? 0 : st.int64(9);
    r.lastTime = st.isNull(10) ? 0 : st.int64(10);
    r.sha256 = st.string(11);
    return r;
}

constexpr const char *kSourceColumns =
    "SELECT id, path, format, status, coalesce(note, ''), records, new_events, duplicates, "
    "errors, first_time, last_time, sha256 FROM sources";

} // namespace

std::vector<SourceRow> CaseProbe::sources()
{
    std::vector<SourceRow> out;
    Statement st(m_case.db(), std::string(kSourceColumns) + " ORDER BY id");
    while (st.ok() && st.step())
        out.push_back(readSource(st));
    return out;
}

std::optional<SourceRow> CaseProbe::source(const std::string &path)
{
    Statement st(m_case.db(), std::string(kSourceColumns) + " WHERE path = ?1 ORDER BY id");
    if (!st.ok())
        return std::nullopt;
    st.bind(1, path);
    if (!st.step())
        return std::nullopt;
    return readSource(st);
}

std::vector<ErrorRow> CaseProbe::errors(int64_t sourceId)
{
    std::vector<ErrorRow> out;
    Statement st(m_case.db(), "SELECT coalesce(line, 0), coalesce(offset, 0), reason "
                              "FROM import_errors WHERE source_id = ?1 ORDER BY id");
    if (!st.ok())
        return out;
    st.bind(1, sourceId);
    while (st.step())
        out.push_back(ErrorRow{st.int64(0), st.int64(1), st.string(2)});
    return out;
}

std::optional<EntityRow> CaseProbe::entity(EntityType type, const std::string &key)
{
    Statement st(m_case.db(),
                 "SELECT id, coalesce(label, ''), coalesce(account, ''), coalesce(attrs, ''), "
                 "first_seen, last_seen, ipv4 FROM entities WHERE type = ?1 AND key = ?2");
    if (!st.ok())
        return std::nullopt;
    st.bind(1, static_cast<int>(type)).bind(2, key);
    if (!st.step())
        return std::nullopt;
    EntityRow r;
    r.id = st.int64(0);
    r.label = st.string(1);
    r.account = st.string(2);
    r.attrs = st.string(3);
    r.firstSeen = st.isNull(4) ? 0 : st.int64(4);
    r.lastSeen = st.isNull(5) ? 0 : st.int64(5);
    r.ipv4 = st.isNull(6) ? -1 : st.int64(6);
    return r;
}

int64_t CaseProbe::entityCount(EntityType type)
{
    return scalar("SELECT count(*) FROM entities WHERE type = " +
                  std::to_string(static_cast<int>(type)));
}

std::optional<EdgeRow> CaseProbe::edge(int64_t src, Relation relation, int64_t dst)
{
    Statement st(m_case.db(), "SELECT first_seen, last_seen, count FROM edges "
                              "WHERE src = ?1 AND relation = ?2 AND dst = ?3");
    if (!st.ok())
        return std::nullopt;
    st.bind(1, src).bind(2, static_cast<int>(relation)).bind(3, dst);
    if (!st.step())
        return std::nullopt;
    return EdgeRow{st.int64(0), st.int64(1), st.int64(2)};
}

std::vector<EventRow> CaseProbe::events(const std::string &where)
{
    std::vector<EventRow> out;
    std::string sql =
        "SELECT e.id, e.time, e.line, e.offset, e.kind, coalesce(n.s, ''), coalesce(sv.s, ''), "
        "coalesce(er.s, ''), coalesce(rg.s, ''), e.source_id, coalesce(e.principal, 0), "
        "coalesce(e.ip, 0), coalesce(e.ua, 0), coalesce(e.access_key, 0), "
        "coalesce(e.account, 0) FROM events e LEFT JOIN strings n ON n.id = e.name "
        "LEFT JOIN strings sv ON sv.id = e.service LEFT JOIN strings er ON er.id = e.error "
        "LEFT JOIN strings rg ON rg.id = e.region";
    if (!where.empty())
        sql += " WHERE " + where;
    sql += " ORDER BY e.time, e.id";
    Statement st(m_case.db(), sql);
    while (st.ok() && st.step()) {
        EventRow r;
        r.id = st.int64(0);
        r.time = st.int64(1);
        r.line = st.int64(2);
        r.offset = st.int64(3);
        r.kind = static_cast<int>(st.int64(4));
        r.name = st.string(5);
        r.service = st.string(6);
        r.error = st.string(7);
        r.region = st.string(8);
        r.sourceId = st.int64(9);
        r.principal = st.int64(10);
        r.ip = st.int64(11);
        r.ua = st.int64(12);
        r.accessKey = st.int64(13);
        r.account = st.int64(14);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<int64_t> CaseProbe::postings(int64_t entity)
{
    std::vector<int64_t> ids;
    Statement st(m_case.db(), "SELECT ids FROM entity_events WHERE entity = ?1 UNION ALL "
                              "SELECT ids FROM entity_events_by_run WHERE entity = ?1");
    if (!st.ok())
        return ids;
    st.bind(1, entity);
    while (st.step())
        decodeDeltaList(st.blob(0), ids);
    std::sort(ids.begin(), ids.end());
    return ids;
}

CaseSnapshot snapshot(CaseFile &c)
{
    CaseSnapshot out;
    std::vector<std::string> tables;
    {
        Statement st(c.db(), "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
        while (st.ok() && st.step())
            tables.push_back(st.string(0));
    }
    for (const std::string &t : tables) {
        Statement st(c.db(), "SELECT * FROM \"" + t + "\"");
        std::vector<QByteArray> rows;
        while (st.ok() && st.step()) {
            QByteArray row;
            for (int i = 0; i < st.columnCount(); ++i) {
                if (st.isNull(i)) {
                    row += "\x01N";
                } else {
                    const std::string_view v = st.blob(i);
                    row += QByteArray::number(static_cast<qsizetype>(v.size())) + ':';
                    row += QByteArray(v.data(), static_cast<qsizetype>(v.size()));
                }
                row += '\x1f';
            }
            rows.push_back(std::move(row));
        }
        std::sort(rows.begin(), rows.end());
        QCryptographicHash h(QCryptographicHash::Sha256);
        for (const QByteArray &r : rows)
            h.addData(r + '\x1e');
        out[t] = TableState{static_cast<int64_t>(rows.size()), h.result().toHex()};
    }
    return out;
}

QString describeDifference(const CaseSnapshot &before, const CaseSnapshot &after)
{
    QStringList diffs;
    std::map<std::string, int> names;
    for (const auto &kv : before)
        names[kv.first] = 0;
    for (const auto &kv : after)
        names[kv.first] = 0;
    for (const auto &kv : names) {
        const auto b = before.find(kv.first);
        const auto a = after.find(kv.first);
        const int64_t rb = b == before.end() ? -1 : b->second.rows;
        const int64_t ra = a == after.end() ? -1 : a->second.rows;
        if (b == before.end() || a == after.end() || !(b->second == a->second))
            diffs << QStringLiteral("%1: rows %2 -> %3")
                         .arg(QString::fromStdString(kv.first))
                         .arg(rb)
                         .arg(ra);
    }
    return diffs.join(QStringLiteral("; "));
}

std::optional<ImportSummary> runImport(CaseFile &c, const std::vector<std::string> &paths,
                                       ImportSink *sink, const ImportOptions &options)
{
    auto r = importPaths(c, paths, sink, options);
    if (!r) {
        qWarning("import failed: %s", r.error().detail.c_str());
        return std::nullopt;
    }
    return std::move(*r);
}

std::optional<ImportSummary> runImportWithin(std::shared_ptr<CaseFile> c,
                                             const std::vector<std::string> &paths,
                                             const ImportOptions &options, int seconds, bool &hung)
{
    struct State
    {
        std::shared_ptr<CaseFile> caseFile;
        std::vector<std::string> paths;
        ImportOptions options;
        std::optional<ImportSummary> summary;
    };
    auto state = std::make_shared<State>(State{std::move(c), paths, options, std::nullopt});
    std::packaged_task<void()> task([state] {
        state->summary = runImport(*state->caseFile, state->paths, nullptr, state->options);
    });
    std::future<void> done = task.get_future();
    std::thread worker(std::move(task));
    hung = done.wait_for(std::chrono::seconds(seconds)) != std::future_status::ready;
    if (hung) {
        worker.detach();
        return std::nullopt;
    }
    worker.join();
    return std::move(state->summary);
}

const ImportedFile *findResult(const ImportSummary &s, const std::string &path)
{
    for (const ImportedFile &f : s.fileResults) {
        if (f.path == path)
            return &f;
    }
    return nullptr;
}

bool contains(const std::string &haystack, const char *needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace sightline::test
