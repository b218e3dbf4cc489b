// How the import pipeline stores what it reads, whatever its settings: transactions of any
// size, a queue between parsers and writer of any bound, raw blocks holding only their
// compressed bytes, WAL checkpoints beside the writer. Real samples from ../shared/data.
#include "FreshCaseFixture.h"
#include "ImportMessage.h"
#include "ImportTestSupport.h"
#include "RawCodec.h"
#include "Statement.h"
#include "Varint.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

using namespace sightline;
using namespace sightline::test;

namespace {

const QString kStratus = QStringLiteral("cloudtrail/stratus-red-team");

// Every row of the tables the writer upserts (aggregates, edges, flows) and of entities,
// in key order, as text.
QStringList upsertedRows(CaseFile &c)
{
    QStringList out;
    const char *const queries[] = {
        "SELECT 'entity', id, type, key, label, account, first_seen, last_seen FROM entities "
        "ORDER BY id",
        "SELECT 'total', * FROM agg_total ORDER BY entity, metric, dim",
        "SELECT 'hour', * FROM agg_hour ORDER BY entity, metric, dim, hour",
        "SELECT 'edge', * FROM edges ORDER BY src, relation, dst",
        "SELECT 'flow', * FROM flows ORDER BY local, remote, hour, local_port, remote_port, "
        "protocol, direction",
    };
    for (const char *sql : queries) {
        Statement st(c.db(), sql);
        if (!st.ok())
            return {QString::fromStdString(st.errorText())};
        while (st.step()) {
            QStringList row;
            for (int i = 0; i < st.columnCount(); ++i)
                row << (st.isNull(i)
                            ? QStringLiteral("NULL")
                            : QString::fromUtf8(st.text(i).data(),
                                                static_cast<qsizetype>(st.text(i).size())));
            out << row.join(QLatin1Char('|'));
        }
    }
    // Posting lists, however many rows (one per transaction) hold them: the events of each
    // entity and hour.
    Statement st(c.db(), "SELECT entity, hour, ids FROM (SELECT entity, hour, ids FROM "
                         "entity_events UNION ALL SELECT entity, hour, ids FROM "
                         "entity_events_by_run) ORDER BY entity, hour");
    std::vector<int64_t> ids;
    int64_t entity = -1, hour = -1;
    auto addRow = [&] {
        if (ids.empty())
            return;
        std::sort(ids.begin(), ids.end());
        QStringList row = {QStringLiteral("posting"), QString::number(entity),
                           QString::number(hour)};
        for (int64_t id : ids)
            row << QString::number(id);
        out << row.join(QLatin1Char('|'));
        ids.clear();
    };
    while (st.step()) {
        if (st.int64(0) != entity || st.int64(1) != hour)
            addRow();
        entity = st.int64(0);
        hour = st.int64(1);
        decodeDeltaList(st.blob(2), ids);
    }
    addRow();
    return out;
}

} // namespace

class TestImportPipeline : public FreshCaseFixture
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(freshDir()); }
    void cleanup() { dropDir(); }

    // A transaction per event gives the same case as one transaction: the rows the writer
    // upserts at each commit (aggregates, edges, flows, entities' first and last seen) add up
    // in SQLite exactly as they do in the writer's memory. The flow log is imported twice
    // (a copy with one more line end), so that its flow rows meet again across commits.
    void smallTransactionsGiveTheSameCase()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QString flows = QString::fromStdString(
            samplePath(QStringLiteral("vpcflow/elastic-integrations/test-tgw-samples.log")));
        const QString copy = m_dir->filePath(QStringLiteral("again.log"));
        QFile out(copy);
        QVERIFY(out.open(QIODevice::WriteOnly));
        const QByteArray lines = readFile(flows);
        QVERIFY(lines.count('\n') >= 10);
        QVERIFY(out.write(lines + '\n') == lines.size() + 1);
        out.close();
        const std::vector<std::string> paths = {
            samplePath(kStratus), samplePath(QStringLiteral("vpcflow")), toStd(copy),
            samplePath(QStringLiteral("guardduty")), samplePath(QStringLiteral("k8s-audit"))};
        // The third import hands batches over one at a time (a queue of one message and one
        // byte: each batch waits until the writer has taken the one before).
        QStringList cases[3];
        for (int i = 0; i < 3; ++i) {
            QVERIFY(newCase());
            ImportOptions options;
            options.threads = 1; // the same order, so the same ids
            options.commitEveryEvents = i == 1 ? 1 : 1000000;
            if (i == 2) {
                options.queueMessages = 1;
                options.queueBytes = 1;
            }
            const auto s = runImport(*m_case, paths, nullptr, options);
            QVERIFY(s);
            QVERIFY(s->newEvents > 300);
            cases[i] = upsertedRows(*m_case);
        }
        QVERIFY(cases[0].size() > 1000);
        QVERIFY(cases[0].filter(QStringLiteral("flow|")).size() >= 18);
        QVERIFY(cases[0].filter(QStringLiteral("posting|")).size() > 100);
        for (int i = 1; i < 3; ++i) {
            QCOMPARE(cases[i].size(), cases[0].size());
            for (qsizetype r = 0; r < cases[0].size(); ++r)
                QCOMPARE(cases[i][r], cases[0][r]);
        }
    }

    // The WAL is checkpointed on a thread of its own, after every commit (WalCheckpointer),
    // and stays bounded: once it holds checkpointPages, a commit waits until its pages are
    // copied, and the next transaction writes the WAL from its beginning again. Without
    // checkpoints (checkpointPages 0) the WAL holds every page written; the case reads the
    // same either way.
    void checkpointsBesideTheWriter()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::vector<std::string> paths = {
            samplePath(kStratus), samplePath(QStringLiteral("vpcflow")),
            samplePath(QStringLiteral("guardduty")), samplePath(QStringLiteral("k8s-audit"))};
        constexpr int64_t kPages = 16; // of 16 KB
        QStringList cases[2];
        int64_t events[2] = {};
        qint64 walBytes[2] = {}, caseBytes[2] = {};
        for (int i = 0; i < 2; ++i) {
            QVERIFY(newCase());
            ImportOptions options;
            options.threads = 1;
            options.commitEveryEvents = 20;
            options.checkpointPages = i == 0 ? kPages : 0;
            const auto s = runImport(*m_case, paths, nullptr, options);
            QVERIFY(s);
            QVERIFY(s->newEvents > 300);
            if (i == 0) {
                QVERIFY2(s->writer.checkpoints >= 5,
                         qPrintable(QString::number(s->writer.checkpoints)));
                QVERIFY(s->writer.checkpointWaits >= 1);
            } else {
                QCOMPARE(s->writer.checkpoints, int64_t(0));
            }
            // With the case still open: the WAL file is as long as the WAL ever was.
            const QString path = QString::fromStdString(m_case->path());
            walBytes[i] = QFileInfo(path + QStringLiteral("-wal")).size();
            caseBytes[i] = QFileInfo(path).size();
            cases[i] = upsertedRows(*m_case);
            events[i] = CaseProbe(*m_case).scalar("SELECT count(*) FROM events");
        }
        qInfo("WAL %lld bytes with checkpoints every %lld pages, %lld without; case %lld bytes",
              static_cast<long long>(walBytes[0]), static_cast<long long>(kPages),
              static_cast<long long>(walBytes[1]), static_cast<long long>(caseBytes[1]));
        QVERIFY(walBytes[1] > caseBytes[1] / 2); // without checkpoints: every page written
        QVERIFY2(walBytes[0] * 4 < walBytes[1],
                 qPrintable(QStringLiteral("%1 vs %2").arg(walBytes[0]).arg(walBytes[1])));
        QCOMPARE(events[0], events[1]);
        QVERIFY(cases[0].size() > 1000);
        QCOMPARE(cases[0], cases[1]);
    }

    // An interner that keeps 8 entity keys in memory (and looks the others up in the case
    // file) builds the same case as one that keeps them all: in one import, and in a second
    // import into the case the first one made (its entities loaded past the capacity, then
    // looked up). Twice: with the importer thread asking the interner for every key, and
    // with it remembering its recent keys (the default), which spares most lookups.
    void boundedInternerGivesTheSameCase()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const std::vector<std::string> first = {samplePath(kStratus),
                                                samplePath(QStringLiteral("guardduty"))};
        const std::vector<std::string> second = {samplePath(QStringLiteral("cloudtrail")),
                                                 samplePath(QStringLiteral("vpcflow")),
                                                 samplePath(QStringLiteral("k8s-audit")),
                                                 samplePath(QStringLiteral("securityhub-asff"))};
        QStringList cases[3];
        for (int i = 0; i < 3; ++i) {
            QVERIFY(newCase());
            ImportOptions options;
            options.threads = 1; // the same order, so the same ids
            options.commitEveryEvents = 5;
            options.cachedEntities = i == 0 ? 0 : 8;
            options.rememberKeysPerThread = i != 1;
            int64_t lookups = 0;
            for (const auto &paths : {first, second}) {
                const auto s = runImport(*m_case, paths, nullptr, options);
                QVERIFY(s);
                QVERIFY(s->newEvents > 100);
                if (i == 0)
                    QCOMPARE(s->writer.entitySpills, int64_t(0));
                else
                    QVERIFY(s->writer.entitySpills >= 3);
                lookups += s->writer.entityLookups;
            }
            // How many depends on when the writer commits while the parser interns (45 to 76
            // seen in 15 runs asking for every key, 7 to 10 in 10 runs remembering keys);
            // every one of them had to find the committed entity.
            if (i > 0)
                QVERIFY2(lookups >= (i == 1 ? 10 : 3), qPrintable(QString::number(lookups)));
            cases[i] = upsertedRows(*m_case);
            Statement st(m_case->db(), "SELECT id, principal, ip, ua, access_key, account FROM "
                                       "events ORDER BY id");
            while (st.step()) {
                QStringList row = {QStringLiteral("event")};
                for (int c = 0; c < 6; ++c)
                    row << QString::number(st.int64(c));
                cases[i] << row.join(QLatin1Char('|'));
            }
        }
        QVERIFY(cases[0].filter(QStringLiteral("entity|")).size() > 400); // 486
        QVERIFY(cases[0].filter(QStringLiteral("event|")).size() > 500);  // 558
        for (int i = 1; i < 3; ++i) {
            QCOMPARE(cases[i].size(), cases[0].size());
            for (qsizetype r = 0; r < cases[0].size(); ++r)
                QCOMPARE(cases[i][r], cases[0][r]);
        }
    }

    // The queue between parsers and the writer holds batches up to its byte bound: a
    // producer waits there until the writer takes one, and gets every batch through in order.
    void queueHoldsAtMostItsBytes()
    {
        constexpr size_t kMB = size_t(1) << 20;
        ImportQueue queue(100, 3 * kMB);
        queue.addProducer();
        std::atomic<int> pushed{0};
        std::thread producer([&] {
            for (int i = 0; i < 6; ++i) {
                ImportMessage m;
                m.kind = ImportMessage::Kind::Batch;
                m.token = i;
                m.batch.rawBlocks.emplace_back().data.assign(kMB, 'x');
                if (!queue.push(std::move(m)))
                    break;
                ++pushed;
            }
            queue.producerDone();
        });
        auto settle = [&](int expected) {
            for (int w = 0; w < 200 && pushed.load() < expected; ++w)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            std::this_thread::sleep_for(std::chrono::milliseconds(100)); // no further push
        };
        settle(3);
        QCOMPARE(pushed.load(), 3); // 3 MB held: the fourth waits
        auto first = queue.pop();
        QVERIFY(first && first->token == 0);
        settle(4);
        QCOMPARE(pushed.load(), 4);
        std::vector<int64_t> tokens{first->token};
        while (auto m = queue.pop())
            tokens.push_back(m->token);
        producer.join();
        QCOMPARE(tokens, (std::vector<int64_t>{0, 1, 2, 3, 4, 5}));
    }

    // A raw block holds its zstd frame and no more: blocks wait in the writer's queue, which
    // counts their capacity, and a block sized for the worst case held up to 7x its frame.
    void rawBlockHoldsOnlyItsFrame()
    {
        SIGHTLINE_REQUIRE_SHARED_DATA();
        const QByteArray text =
            readFile(sharedData() + "/cloudtrail/cribl-pack-sample/BeVTW2.json");
        QVERIFY(text.size() > 50000);
        const std::string_view whole(text.constData(), static_cast<size_t>(text.size()));
        RawCompressor compressor;
        std::string frame;
        for (const std::string_view part : {whole, whole.substr(0, 4000), whole}) {
            QVERIFY(compressor.compress(part, frame));
            QVERIFY2(frame.size() < part.size() / 3, qPrintable(QString::number(frame.size())));
            QVERIFY2(frame.capacity() <= frame.size() + 32,
                     qPrintable(QStringLiteral("%1 bytes held for a %2-byte frame")
                                    .arg(frame.capacity())
                                    .arg(frame.size())));
            std::string back;
            QVERIFY(decompressRawBlock(1, frame, part.size(), back));
            QVERIFY(back == part);
        }
    }
};

QTEST_GUILESS_MAIN(TestImportPipeline)
#include "tst_import_pipeline.moc"
