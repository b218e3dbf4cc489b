#pragma once
// Cases for the graph suites: the real Stratus Red Team "ec2-steal-instance-credentials"
// detonation imported with the importer, and hand-made graphs written straight into the
// entities / edges / findings tables of a new case (exactly known shapes: hubs, stars,
// findings that share entities). Thread affinity: the test thread.
#include "CaseFile.h"
#include "EntityType.h"
#include "Importer.h"
#include "Relation.h"
#include "Statement.h"
#include "TimeUtil.h"

#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <string>

namespace sightline::test {

inline const char *kStealFile = "/cloudtrail/stratus-red-team/"
                                "aws.credential-access.ec2-steal-instance-credentials.json";
inline const char *kStealUser = "AIDASSXYG8SJ3JDII10C"; // christophe
inline const char *kStealSession = "AROALHCCSKSM395EGX3XN:i-786a3A8B5C0d92eF4";
inline const char *kStealInstance = "i-786a3A8B5C0d92eF4";
inline const char *kStealIp = "18.236.253.47";

inline int64_t at(const char *iso)
{
    return *parseIso8601(iso);
}

// Imports one shared sample file into dir/name; nullopt (with a warning) on failure.
inline std::optional<std::string> importSample(const QTemporaryDir &dir, const char *relative,
                                               const char *name)
{
    const std::string path = dir.filePath(QString::fromLatin1(name)).toStdString();
    auto c = CaseFile::openOrCreate(path);
    if (!c)
        return std::nullopt;
    auto summary = importPaths(*c, {std::string(SIGHTLINE_SHARED_DATA) + relative});
    if (!summary || summary->newEvents == 0) {
        qWarning("import of %s failed", relative);
        return std::nullopt;
    }
    return path;
}

// Writes a hand-made graph with SQL. Entity ids are chosen by the caller.
class GraphWriter
{
public:
    explicit GraphWriter(CaseFile &c)
        : m_db(c.db()),
          m_entity(m_db, "INSERT INTO entities(id, type, key, label) VALUES(?1, ?2, ?3, ?4)"),
          m_edge(m_db, "INSERT INTO edges(src, relation, dst, first_seen, last_seen, count) "
                       "VALUES(?1, ?2, ?3, ?4, ?5, ?6)"),
          m_finding(m_db, "INSERT INTO findings(entity, product, type, title, severity, "
                          "severity_label, first_seen, last_seen, updated_at) "
                          "VALUES(?1, 'GuardDuty', ?2, ?3, ?4, ?5, ?6, ?7, ?7)")
    {
        m_db.exec("BEGIN");
    }
    ~GraphWriter() { m_db.exec("COMMIT"); }

    bool entity(int64_t id, EntityType type, const std::string &key)
    {
        m_entity.bind(1, id).bind(2, static_cast<int>(type)).bind(3, key).bind(4, key);
        return m_entity.run().ok();
    }
    bool edge(int64_t src, Relation r, int64_t dst, int64_t first, int64_t last, int64_t count = 1)
    {
        m_edge.bind(1, src).bind(2, static_cast<int>(r)).bind(3, dst).bind(4, first);
        m_edge.bind(5, last).bind(6, count);
        return m_edge.run().ok();
    }
    // A Finding entity, its findings row and its involves edges.
    bool finding(int64_t id, const std::string &type, int label, double severity, int64_t first,
                 int64_t last, std::initializer_list<int64_t> involved)
    {
        if (!entity(id, EntityType::Finding, "finding-" + std::to_string(id)))
            return false;
        m_finding.bind(1, id).bind(2, type).bind(3, "title " + std::to_string(id));
        m_finding.bind(4, severity).bind(5, label).bind(6, first).bind(7, last);
        if (!m_finding.run().ok())
            return false;
        for (int64_t e : involved) {
            if (!edge(id, Relation::Involves, e, first, last))
                return false;
        }
        return true;
    }

private:
    Database &m_db;
    Statement m_entity, m_edge, m_finding;
};

} // namespace sightline::test
