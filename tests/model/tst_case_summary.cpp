// The window's overview queries (CaseSummary, CaseAccounts, FindingTable) on real samples
// imported with the importer: the bundled sample incident (CloudTrail), GuardDuty and
// Security Hub findings and a VPC flow log with instances. Expected values are checked
// against the other queries (FindingQuery, Timeline, FlowQuery, CaseInfo).
#include "CaseFile.h"
#include "Importer.h"
#include "queries/CaseAccounts.h"
#include "queries/CaseInfo.h"
#include "queries/CaseSummary.h"
#include "queries/EntityLookup.h"
#include "queries/FindingQuery.h"
#include "queries/FindingTable.h"
#include "queries/FlowQuery.h"
#include "queries/Timeline.h"

#include <QTemporaryDir>
#include <QTest>

#include <numeric>
#include <optional>

using namespace sightline;

namespace {

const char *kAccount = "111122223333";

std::string shared(const char *relative)
{
    return std::string(SIGHTLINE_SHARED_DATA) + "/" + relative;
}

int64_t sum(const std::vector<int64_t> &v)
{
    return std::accumulate(v.begin(), v.end(), int64_t(0));
}

} // namespace

class TestCaseSummary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_case;
    TimeRange m_whole;

    int64_t findingTotal(TimeRange range, bool archived, unsigned severities = 0)
    {
        FindingQuery q(m_case->db());
        FindingFilter f;
        f.range = range;
        f.archived = archived;
        f.severities = severities;
        f.limit = 1;
        auto page = q.list(f);
        return page ? page->total : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string path = m_dir.filePath(QStringLiteral("c.sightline")).toStdString();
        auto c = CaseFile::openOrCreate(path);
        QVERIFY(c.ok());
        auto summary =
            importPaths(*c, {std::string(SIGHTLINE_SOURCE_DIR) + "/resources/sample-incident",
                             shared("guardduty"), shared("securityhub-asff/asr-simdata"),
                             shared("vpcflow/elastic-integrations/test-tcp-flag-sequence.log"),
                             shared("vpcflow/elastic-integrations/test-v5-all-fields.log")});
        QVERIFY2(summary.ok(), summary ? "" : summary.error().detail.c_str());
        m_case.emplace(std::move(*c));
        auto info = CaseInfo(m_case->db()).read(0);
        QVERIFY(info.ok());
        m_whole.from = info->firstTime;
        m_whole.to = info->lastTime + 1;
    }

    void findingsBySeverityMatchFindingQuery()
    {
        CaseSummary q(m_case->db());
        SummaryFilter f;
        f.range = m_whole;
        auto d = q.load(f);
        QVERIFY2(d.ok(), d ? "" : d.error().detail.c_str());
        QVERIFY(d->findings > 0);
        QCOMPARE(d->findings, findingTotal(m_whole, false));
        QCOMPARE(d->findings + d->archivedFindings, findingTotal(m_whole, true));
        for (int label = 0; label < 5; ++label)
            QCOMPARE(d->findingsBySeverity[size_t(label)],
                     findingTotal(m_whole, false, 1u << label));
        QCOMPARE(sum({d->findingsBySeverity.begin(), d->findingsBySeverity.end()}), d->findings);
    }

    void topPrincipalsAreSortedAndMatchTheirTimelines()
    {
        CaseSummary q(m_case->db());
        SummaryFilter f;
        f.range = m_whole;
        f.topPrincipals = 5;
        f.seriesBuckets = 24;
        auto d = q.load(f);
        QVERIFY(d.ok());
        QCOMPARE(d->principals.size(), size_t(5));
        Timeline timeline(m_case->db());
        for (size_t i = 0; i < d->principals.size(); ++i) {
            const SummaryEntity &p = d->principals[i];
            QVERIFY(isPrincipalType(p.entity.type));
            QVERIFY(p.entity.type != EntityType::AwsAccount);
            if (i > 0)
                QVERIFY(d->principals[i - 1].a + d->principals[i - 1].b >= p.a + p.b);
            QCOMPARE(p.series.size(), size_t(24));
            QCOMPARE(sum(p.series), p.a + p.b);
            auto t = timeline.load(p.entity.id, TimelineBucket::Hour, m_whole);
            QVERIFY(t.ok());
            QCOMPARE(t->successes, p.a);
            QCOMPARE(t->failures, p.b);
        }
    }

    void scopeAndAccountNarrow()
    {
        CaseSummary q(m_case->db());
        SummaryFilter whole;
        whole.range = m_whole;
        auto all = q.load(whole);
        QVERIFY(all.ok());

        // The attacker's reconnaissance hour only (2026-10-14 02:00 UTC).
        SummaryFilter hour = whole;
        hour.range.from = 1791943200000; // 2026-10-14T02:00:00Z
        hour.range.to = *hour.range.from + kHourMs;
        auto narrow = q.load(hour);
        QVERIFY(narrow.ok());
        QVERIFY(!narrow->principals.empty());
        QVERIFY(narrow->principals.front().a + narrow->principals.front().b <
                all->principals.front().a + all->principals.front().b);
        QCOMPARE(narrow->findings, findingTotal(hour.range, false));

        SummaryFilter account = whole;
        account.account = kAccount;
        auto mine = q.load(account);
        QVERIFY(mine.ok());
        QVERIFY(!mine->principals.empty());
        for (const SummaryEntity &p : mine->principals)
            QCOMPARE(p.entity.account, std::string(kAccount));
        // Some Security Hub samples use the same documentation account.
        FindingTableFilter ff;
        ff.range = whole.range;
        ff.account = kAccount;
        ff.archived = false;
        auto accountFindings = FindingTable(m_case->db()).load(ff);
        QVERIFY(accountFindings.ok());
        QCOMPARE(mine->findings, accountFindings->total);
        QVERIFY(mine->findings < all->findings);
        QVERIFY(mine->instances.empty());
        int64_t mineEntities = 0, allEntities = 0;
        for (const auto &[type, n] : mine->entityCounts)
            mineEntities += n;
        for (const auto &[type, n] : all->entityCounts)
            allEntities += n;
        QVERIFY(mineEntities > 0 && mineEntities < allEntities);

        auto info = CaseInfo(m_case->db()).read(0);
        QVERIFY(info.ok());
        QVERIFY(all->entityCounts == info->entityCounts);
    }

    void topInstancesMatchFlowQuery()
    {
        CaseSummary q(m_case->db());
        SummaryFilter f;
        f.range = {}; // the flow samples are years away from the incident: the whole case
        auto d = q.load(f);
        QVERIFY(d.ok());
        QVERIFY(!d->instances.empty());
        FlowQuery flows(m_case->db());
        for (const SummaryEntity &i : d->instances) {
            QCOMPARE(i.entity.type, EntityType::Ec2Instance);
            QVERIFY(i.series.empty()); // no series without a bounded range
            auto hours = flows.hourly(i.entity.id);
            QVERIFY(hours.ok());
            int64_t in = 0, out = 0;
            for (const FlowHour &h : *hours) {
                in += h.bytesReceived;
                out += h.bytesSent;
            }
            QCOMPARE(i.a + i.b, in + out);
        }
    }

    void accountsHaveRegionsSourcesAndCalls()
    {
        CaseAccounts q(m_case->db());
        auto accounts = q.load(m_whole, 100000);
        QVERIFY2(accounts.ok(), accounts ? "" : accounts.error().detail.c_str());
        const AccountOverview *acme = nullptr;
        for (const AccountOverview &a : *accounts) {
            QCOMPARE(a.account.type, EntityType::AwsAccount);
            if (a.account.key == kAccount)
                acme = &a;
        }
        QVERIFY(acme);
        QVERIFY(!acme->sampled);
        // us-east-1 and us-west-2, plus the seven regions only the attacker touched.
        QCOMPARE(acme->regions.size(), size_t(9));
        QVERIFY(std::count(acme->regions.begin(), acme->regions.end(), "us-west-2") == 1);
        // The sample incident's 141 CloudTrail files, and Security Hub samples of the same
        // (documentation) account.
        size_t cloudTrail = 0;
        for (const AccountSource &s : acme->sources) {
            if (s.path.find("111122223333_CloudTrail_") != std::string::npos)
                ++cloudTrail;
            else
                QVERIFY2(s.path.find("securityhub-asff") != std::string::npos, s.path.c_str());
        }
        QCOMPARE(cloudTrail, size_t(141));
        QVERIFY(acme->principals > 50);
        QVERIFY(acme->failedCalls > 0 && acme->failedCalls < acme->apiCalls);
        auto t = Timeline(m_case->db()).load(acme->account.id, TimelineBucket::Hour, m_whole);
        QVERIFY(t.ok());
        QCOMPARE(acme->apiCalls, t->successes + t->failures);

        auto sampled = q.load(m_whole, 16);
        QVERIFY(sampled.ok());
        for (const AccountOverview &a : *sampled) {
            if (a.account.key == kAccount) {
                QVERIFY(a.sampled);
                QVERIFY(!a.regions.empty() && a.regions.size() <= 9);
                QCOMPARE(a.apiCalls, acme->apiCalls);
            }
        }
    }

    void findingTableMatchesFindingQuery()
    {
        FindingTable q(m_case->db());
        FindingTableFilter f;
        f.range = m_whole;
        auto all = q.load(f);
        QVERIFY2(all.ok(), all ? "" : all.error().detail.c_str());
        QCOMPARE(all->total, findingTotal(m_whole, true));
        QCOMPARE(int64_t(all->rows.size()), all->total);
        for (size_t i = 1; i < all->rows.size(); ++i)
            QVERIFY(all->rows[i - 1].summary.severityLabel >= all->rows[i].summary.severityLabel);
        bool someResources = false;
        for (const FindingTableRow &r : all->rows) {
            QVERIFY(int64_t(r.resources.size()) <= r.involved);
            QVERIFY(r.resources.size() <= 3);
            for (const EntityRef &e : r.resources)
                QVERIFY(e.type != EntityType::AwsAccount);
            someResources = someResources || !r.resources.empty();
        }
        QVERIFY(someResources);

        f.archived = false;
        auto active = q.load(f);
        QVERIFY(active.ok());
        QCOMPARE(active->total, findingTotal(m_whole, false));

        // One account's findings only.
        f.archived = true;
        f.account = all->rows.front().summary.account;
        auto one = q.load(f);
        QVERIFY(one.ok());
        QVERIFY(one->total > 0 && one->total < all->total);
        for (const FindingTableRow &r : one->rows)
            QCOMPARE(r.summary.account, f.account);

        f.account.clear();
        f.limit = 2;
        auto limited = q.load(f);
        QVERIFY(limited.ok());
        QCOMPARE(limited->rows.size(), size_t(2));
        QCOMPARE(limited->total, all->total);
    }
};

QTEST_GUILESS_MAIN(TestCaseSummary)
#include "tst_case_summary.moc"
