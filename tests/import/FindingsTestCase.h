#pragma once
// The fixture of the findings suites (tst_findings_import, tst_securityhub_import): paths of
// the finding samples, a case per test in a QTemporaryDir, and SQL probes of the findings,
// versions and involved entities a case holds. Thread affinity: the test thread.
#include "ImportTestSupport.h"
#include "Statement.h"

#include <QDateTime>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sightline::test {

inline qint64 ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

inline constexpr int kImported = static_cast<int>(SourceStatus::Imported);
inline constexpr int kSkipped = static_cast<int>(SourceStatus::Skipped);

inline const QString kElastic = QStringLiteral("guardduty/elastic-integrations/test-guardduty.log");
inline const QString kEventBridge =
    QStringLiteral("guardduty/steveyttt-sam-eventbridge/guardduty.json");
inline const QString kPanther = QStringLiteral("derived/panther-tests/guardduty.jsonl");
inline const QString kCli =
    QStringLiteral("derived/aws-docs-extracted/awscli__guardduty-get-findings__block00.json");
inline const QString kDocs = QStringLiteral("derived/aws-docs-extracted/");
inline const QString kOcsf = QStringLiteral("ocsf/ocsf-examples/markdown/AWS/");

struct Stored
{
    int64_t entity = 0;
    std::string key, product, type, title, account, region;
    double severity = 0;
    int label = -1;
    int64_t firstSeen = 0, lastSeen = 0, updatedAt = 0, count = 0;
    bool archived = false;
    int64_t versions = 0;
};

using Set = std::set<std::string>;

inline Set split(const std::string &joined, char sep)
{
    Set out;
    size_t pos = 0;
    while (pos <= joined.size() && !joined.empty()) {
        const size_t end = joined.find(sep, pos);
        out.insert(joined.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
        if (end == std::string::npos)
            break;
        pos = end + 1;
    }
    return out;
}

// What differs between two sets, for failure messages.
inline QByteArray difference(const Set &have, const Set &want)
{
    std::string out;
    for (const std::string &x : have) {
        if (!want.count(x))
            out += "unexpected " + x + "; ";
    }
    for (const std::string &x : want) {
        if (!have.count(x))
            out += "missing " + x + "; ";
    }
    return QByteArray::fromStdString(out);
}

class FindingsTestCase : public QObject
{
protected:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_case;
    ImportSummary m_summary;
    int m_cases = 0;
    bool importFresh(const std::vector<std::string> &paths)
    {
        m_case.reset();
        auto c = CaseFile::openOrCreate(
            toStd(m_dir.filePath(QStringLiteral("case%1.sightline").arg(++m_cases))));
        if (!c)
            return false;
        m_case.emplace(std::move(*c));
        return importMore(paths);
    }

    bool importMore(const std::vector<std::string> &paths)
    {
        auto s = runImport(*m_case, paths);
        if (!s)
            return false;
        m_summary = std::move(*s);
        return true;
    }

    std::string write(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        return writeFile(path, data) ? toStd(path) : std::string();
    }

    std::vector<Stored> findings()
    {
        std::vector<Stored> out;
        Statement st(m_case->db(),
                     "SELECT f.entity, e.key, f.product, f.type, f.title, f.account, f.region, "
                     "f.severity, f.severity_label, coalesce(f.first_seen, 0), "
                     "coalesce(f.last_seen, 0), f.updated_at, f.count, f.archived, "
                     "(SELECT count(*) FROM finding_versions v WHERE v.entity = f.entity) "
                     "FROM findings f JOIN entities e ON e.id = f.entity ORDER BY e.key");
        while (st.step()) {
            Stored s;
            s.entity = st.int64(0);
            s.key = st.string(1);
            s.product = st.string(2);
            s.type = st.string(3);
            s.title = st.string(4);
            s.account = st.string(5);
            s.region = st.string(6);
            s.severity = st.real(7);
            s.label = static_cast<int>(st.int64(8));
            s.firstSeen = st.int64(9);
            s.lastSeen = st.int64(10);
            s.updatedAt = st.int64(11);
            s.count = st.int64(12);
            s.archived = st.int64(13) != 0;
            s.versions = st.int64(14);
            out.push_back(std::move(s));
        }
        return out;
    }

    std::optional<Stored> finding(const std::string &key)
    {
        for (Stored &s : findings()) {
            if (s.key == key)
                return s;
        }
        return std::nullopt;
    }

    // "Type:key" of the entities a finding involves.
    Set involved(int64_t finding)
    {
        Set out;
        Statement st(m_case->db(), "SELECT e.type, e.key FROM edges g JOIN entities e ON e.id = "
                                   "g.dst WHERE g.src = ?1 AND g.relation = ?2");
        st.bind(1, finding).bind(2, static_cast<int>(Relation::Involves));
        while (st.step())
            out.insert(std::string(entityTypeName(static_cast<EntityType>(st.int64(0)))) + ":" +
                       st.string(1));
        return out;
    }

    Set involvedByAll()
    {
        Set out;
        for (const Stored &s : findings()) {
            const Set one = involved(s.entity);
            out.insert(one.begin(), one.end());
        }
        return out;
    }

    std::string attrs(int64_t entity)
    {
        Statement st(m_case->db(), "SELECT coalesce(attrs, '') FROM entities WHERE id = ?1");
        st.bind(1, entity);
        return st.step() ? st.string(0) : std::string();
    }

    void checkSource(const std::string &path, const char *format, int records, int events,
                     int duplicates, int errors)
    {
        CaseProbe probe(*m_case);
        const auto src = probe.source(path);
        QVERIFY2(src, path.c_str());
        QCOMPARE(src->status, kImported);
        QCOMPARE(src->format, std::string(format));
        QCOMPARE(src->records, records);
        QCOMPARE(src->newEvents, events);
        QCOMPARE(src->duplicates, duplicates);
        QCOMPARE(src->errors, errors);
    }
};

} // namespace sightline::test
