#pragma once
// The fixture of the Kubernetes audit, Route 53 Resolver and OCSF golden suites
// (tst_k8s_import, tst_dns_import, tst_ocsf_import): a fresh case per import and probes of
// its entities, edges and totals. Every expected number in those suites was counted with
// python3 from the files in ../shared/data.
#include "EventKind.h"
#include "ImportTestSupport.h"
#include "Metric.h"

#include <QDateTime>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace sightline::test {

inline qint64 ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

inline constexpr int kImported = static_cast<int>(SourceStatus::Imported);
inline constexpr int kSkipped = static_cast<int>(SourceStatus::Skipped);
inline constexpr int kK8s = static_cast<int>(EventKind::KubernetesAudit);
inline constexpr int kDns = static_cast<int>(EventKind::DnsQuery);
inline constexpr int kApi = static_cast<int>(EventKind::ApiCall);
inline constexpr int kSignIn = static_cast<int>(EventKind::ConsoleSignIn);
inline constexpr int kFinding = static_cast<int>(EventKind::Finding);

inline const QString kFalco = QStringLiteral("k8s-audit/falco/");
inline const QString kExamples = QStringLiteral("ocsf/ocsf-examples/");
inline const QString kMd11 = QStringLiteral("ocsf/ocsf-examples/markdown/AWS/v1.1.0/");

// Escapes a JSON document as a JSON string (CloudWatch Logs wrap records in "message").
inline QByteArray quoted(const char *json)
{
    QByteArray out = "\"";
    for (const char *p = json; *p; ++p) {
        if (*p == '"' || *p == '\\')
            out += '\\';
        out += *p;
    }
    return out + "\"";
}

class GoldenCaseFixture : public QObject
{
protected:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_case;
    ImportSummary m_summary;
    int m_caseCounter = 0;

    // A new empty case in m_case.
    bool newCase()
    {
        m_case.reset();
        auto c = CaseFile::openOrCreate(
            toStd(m_dir.filePath(QStringLiteral("case%1.sightline").arg(++m_caseCounter))));
        if (!c)
            return false;
        m_case.emplace(std::move(*c));
        return true;
    }

    bool importFresh(const std::vector<std::string> &paths)
    {
        if (!newCase())
            return false;
        auto s = runImport(*m_case, paths);
        if (!s)
            return false;
        m_summary = std::move(*s);
        return true;
    }

    // Imports the files one after the other (so that which one holds the new event and which
    // the duplicates does not depend on thread timing).
    bool importInTurn(const std::vector<std::string> &paths)
    {
        if (!importFresh({paths.front()}))
            return false;
        for (size_t i = 1; i < paths.size(); ++i) {
            if (!runImport(*m_case, {paths[i]}))
                return false;
        }
        return true;
    }

    int64_t entityId(EntityType type, const std::string &key)
    {
        CaseProbe probe(*m_case);
        const auto e = probe.entity(type, key);
        return e ? e->id : 0;
    }

    int64_t edgeCount(EntityType fromType, const std::string &from, Relation r, EntityType toType,
                      const std::string &to)
    {
        CaseProbe probe(*m_case);
        const auto e = probe.edge(entityId(fromType, from), r, entityId(toType, to));
        return e ? e->count : 0;
    }

    // (a, b) of an agg_total row; (-1, -1) when missing.
    std::pair<int64_t, int64_t> total(EntityType type, const std::string &key, Metric m)
    {
        CaseProbe probe(*m_case);
        const int64_t id = entityId(type, key);
        const std::string where = "FROM agg_total WHERE entity = " + std::to_string(id) +
                                  " AND metric = " + std::to_string(static_cast<int>(m)) +
                                  " AND dim = 0";
        if (probe.scalar("SELECT count(*) " + where) != 1)
            return {-1, -1};
        return {probe.scalar("SELECT a " + where), probe.scalar("SELECT b " + where)};
    }
};

} // namespace sightline::test
