#pragma once
// The fixture of the VPC flow log suites (tst_vpcflow_import: the samples in ../shared/data;
// tst_vpcflow_inputs: inputs written by the tests), on the golden-case fixture (a case per
// import in a QTemporaryDir): the flows table as sortable rows, files written into that
// folder, and flow aggregates by entity id. Thread affinity: the test thread.
#include "GoldenCaseFixture.h"
#include "Statement.h"

#include <QDir>

namespace sightline::test {

inline const QString kElastic = QStringLiteral("vpcflow/elastic-integrations/");
inline const QString kDocs = QStringLiteral("derived/aws-docs-extracted/vpcflow_");

// "local|remote|hour|localPort|remotePort|protocol|direction|bytes|packets|accepted|rejected|
// firstSeconds|lastSeconds", local and remote by entity key, sorted.
inline QStringList flowRows(CaseFile &c)
{
    QStringList rows;
    Statement st(c.db(), "SELECT l.key, r.key, f.hour, f.local_port, f.remote_port, f.protocol, "
                         "f.direction, f.bytes, f.packets, f.accepted, f.rejected, "
                         "f.first_seen / 1000, f.last_seen / 1000 FROM flows f "
                         "JOIN entities l ON l.id = f.local JOIN entities r ON r.id = f.remote");
    while (st.ok() && st.step()) {
        QStringList cells;
        for (int i = 0; i < 13; ++i)
            cells << QString::fromStdString(st.string(i));
        rows << cells.join(QLatin1Char('|'));
    }
    rows.sort();
    return rows;
}

inline QByteArray lines(std::initializer_list<const char *> text)
{
    QByteArray out;
    for (const char *l : text)
        out += QByteArray(l) + '\n';
    return out;
}

class VpcFlowTestCase : public GoldenCaseFixture
{
protected:
    using GoldenCaseFixture::total;

    bool importMore(const std::vector<std::string> &paths)
    {
        auto s = runImport(*m_case, paths);
        if (!s)
            return false;
        m_summary = std::move(*s);
        return true;
    }
    QString writeTemp(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        return writeFile(path, data) ? path : QString();
    }
    // agg_total (a, b) of an entity's flow metric; dim 0 = totals, else the peer's id.
    std::pair<int64_t, int64_t> total(int64_t entity, Metric metric, int64_t dim = 0)
    {
        Statement st(m_case->db(),
                     "SELECT a, b FROM agg_total WHERE entity = ?1 AND metric = ?2 AND dim = ?3");
        st.bind(1, entity).bind(2, static_cast<int>(metric)).bind(3, dim);
        if (!st.ok() || !st.step())
            return {-1, -1};
        return {st.int64(0), st.int64(1)};
    }
};

} // namespace sightline::test
