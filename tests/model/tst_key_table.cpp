// KeyTable: the interner's compact dictionary. Many keys across chunk boundaries and table
// growth, empty and very long keys, and the Interner on top of it against a case file.
#include "CaseFile.h"
#include "Interner.h"
#include "KeyTable.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

using namespace sightline;

class TestKeyTable : public QObject
{
    Q_OBJECT

private slots:
    void manyKeys();
    void emptyAndLongKeys();
    void internerRoundTrip();
    void internersKeepTheirOwnIds();
    void threadsAgreeOnIds();
};

void TestKeyTable::manyKeys()
{
    KeyTable table;
    std::unordered_map<std::string, int64_t> reference;
    // 300,000 keys (several 1 MiB chunks, many doublings), lengths 1 to 80.
    for (int64_t i = 0; i < 300000; ++i) {
        std::string key = std::to_string(i * 7919) + std::string(static_cast<size_t>(i % 80), 'k');
        bool inserted = false;
        int64_t &v = table.findOrAdd(key, inserted);
        QVERIFY(inserted);
        v = i * 3 + 1;
        reference.emplace(std::move(key), i * 3 + 1);
    }
    QCOMPARE(table.size(), reference.size());
    for (const auto &[key, value] : reference) {
        const int64_t *found = table.find(key);
        QVERIFY(found);
        QCOMPARE(*found, value);
        bool inserted = true;
        QCOMPARE(table.findOrAdd(key, inserted), value);
        QVERIFY(!inserted);
    }
    QCOMPARE(table.size(), reference.size());
    QVERIFY(!table.find("not-a-key"));
    QVERIFY(!table.find("0k"));
    // Entries keep the order they were added in.
    QCOMPARE(table.keyAt(0), std::string_view("0"));
    QCOMPARE(table.valueAt(0), int64_t(1));
    QCOMPARE(table.keyAt(2), std::string_view("15838kk"));
}

void TestKeyTable::emptyAndLongKeys()
{
    KeyTable table;
    QVERIFY(!table.find(""));
    bool inserted = false;
    table.findOrAdd("", inserted) = 5;
    QVERIFY(inserted);
    QCOMPARE(*table.find(""), int64_t(5));
    // A key longer than a chunk is cut to kMaxKey: keys that differ only past it are one.
    const std::string longKey(KeyTable::kMaxKey + 10, 'x');
    table.findOrAdd(longKey, inserted) = 7;
    QVERIFY(inserted);
    QCOMPARE(table.keyAt(1).size(), KeyTable::kMaxKey);
    std::string other = longKey;
    other.back() = 'y';
    QCOMPARE(*table.find(other), int64_t(7));
    // A short key after it goes to a new chunk and stays findable.
    table.findOrAdd("after", inserted) = 9;
    QCOMPARE(*table.find("after"), int64_t(9));
    QCOMPARE(*table.find(longKey), int64_t(7));
}

void TestKeyTable::internerRoundTrip()
{
    // Entities and strings written through the interner come back from the case file with
    // the same ids, and label / account gaps are filled once.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("t.sightline")).toStdString();
    auto c = CaseFile::openOrCreate(path);
    QVERIFY(c.ok());
    Interner first;
    QVERIFY(first.load(c->db()).ok());
    const int64_t ip = first.entity(EntityType::IpAddress, "203.0.113.9");
    const int64_t role = first.entity(EntityType::AwsRole, "AROAEXAMPLE");
    QCOMPARE(first.entity(EntityType::IpAddress, "203.0.113.9"), ip);
    QVERIFY(first.entity(EntityType::UserAgent, "203.0.113.9") != ip); // types are apart
    QCOMPARE(first.entity(EntityType::AwsRole, "AROAEXAMPLE", "deploy", "111122223333"), role);
    QCOMPARE(first.entity(EntityType::AwsRole, "AROAEXAMPLE", "other", "444455556666"), role);
    const int64_t api = first.string("s3:GetObject");
    QCOMPARE(first.string("s3:GetObject"), api);
    std::vector<NewEntity> entities;
    std::vector<std::pair<int64_t, std::string>> strings;
    std::vector<EntityUpdate> updates;
    first.drain(entities, strings, updates);
    QCOMPARE(entities.size(), size_t(3));
    QCOMPARE(strings.size(), size_t(1));
    QCOMPARE(updates.size(), size_t(1)); // label and account filled once
    QCOMPARE(updates[0].id, role);
    QCOMPARE(updates[0].label, std::string("deploy"));
    for (const NewEntity &e : entities) {
        QVERIFY(c->db()
                    .exec("INSERT INTO entities(id, type, key, label, account) VALUES(" +
                          std::to_string(e.id) + ", " + std::to_string(static_cast<int>(e.type)) +
                          ", '" + e.key + "', " +
                          (e.id == role ? "'deploy', '111122223333'" : "NULL, NULL") + ")")
                    .ok());
    }
    QVERIFY(
        c->db()
            .exec("INSERT INTO strings(id, s) VALUES(" + std::to_string(api) + ", 's3:GetObject')")
            .ok());
    Interner second;
    QVERIFY(second.load(c->db()).ok());
    QCOMPARE(second.entityCount(), size_t(3));
    QCOMPARE(second.entity(EntityType::IpAddress, "203.0.113.9"), ip);
    QCOMPARE(second.entity(EntityType::AwsRole, "AROAEXAMPLE", "x", "444455556666"), role);
    QCOMPARE(second.string("s3:GetObject"), api);
    const int64_t fresh = second.entity(EntityType::IpAddress, "198.51.100.1");
    QVERIFY(fresh > std::max({ip, role}));
    second.drain(entities, strings, updates);
    QCOMPARE(entities.size(), size_t(1));
    QVERIFY(updates.empty()); // the role had its label and account already
}

void TestKeyTable::internersKeepTheirOwnIds()
{
    // One thread, two interners numbering the same keys in opposite orders: what the thread
    // remembers of one is never the other's answer.
    Interner a, b;
    const int64_t ax = a.entity(EntityType::IpAddress, "192.0.2.1");
    const int64_t ay = a.entity(EntityType::IpAddress, "192.0.2.2");
    const int64_t by = b.entity(EntityType::IpAddress, "192.0.2.2");
    const int64_t bx = b.entity(EntityType::IpAddress, "192.0.2.1");
    QCOMPARE(ax, by);
    QCOMPARE(ay, bx);
    QVERIFY(ax != ay);
    QCOMPARE(a.entity(EntityType::IpAddress, "192.0.2.1"), ax);
    QCOMPARE(b.entity(EntityType::IpAddress, "192.0.2.1"), bx);
    const int64_t as = a.string("ec2:RunInstances");
    QCOMPARE(b.string("iam:CreateUser"), as);
    QVERIFY(b.string("ec2:RunInstances") != as);
    QCOMPARE(a.string("ec2:RunInstances"), as);
    // A string and an entity with the same text are apart too (ids of their own).
    const int64_t text = a.string("192.0.2.1");
    QCOMPARE(text, as + 1);
    QCOMPARE(a.string("192.0.2.1"), text);
    QCOMPARE(a.entity(EntityType::IpAddress, "192.0.2.1"), ax);
    QCOMPARE(a.entity(EntityType::UserAgent, "192.0.2.1"), ay + 1);
}

void TestKeyTable::threadsAgreeOnIds()
{
    // Two threads intern the same 20,000 keys (and strings) in opposite orders, each several
    // times: every key has one id, which both threads get, and the interner has 20,000 new
    // entities to hand over.
    Interner in;
    constexpr int n = 20000;
    std::vector<int64_t> ids[2], strs[2];
    auto work = [&](int t) {
        ids[t].assign(n, 0);
        strs[t].assign(n, 0);
        for (int round = 0; round < 3; ++round) {
            for (int j = 0; j < n; ++j) {
                const int i = t == 0 ? j : n - 1 - j;
                const std::string key =
                    "10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256);
                const int64_t id = in.entity(EntityType::IpAddress, key);
                const int64_t s = in.string("api" + std::to_string(i));
                if (round > 0 && (id != ids[t][i] || s != strs[t][i]))
                    return;
                ids[t][i] = id;
                strs[t][i] = s;
            }
        }
    };
    std::thread one(work, 0), two(work, 1);
    one.join();
    two.join();
    QCOMPARE(ids[0], ids[1]);
    QCOMPARE(strs[0], strs[1]);
    std::vector<int64_t> sorted = ids[0];
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(sorted.front() > 0);
    QVERIFY(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    std::vector<NewEntity> entities;
    std::vector<std::pair<int64_t, std::string>> strings;
    std::vector<EntityUpdate> updates;
    in.drain(entities, strings, updates);
    QCOMPARE(entities.size(), size_t(n));
    QCOMPARE(strings.size(), size_t(n));
}

QTEST_APPLESS_MAIN(TestKeyTable)
#include "tst_key_table.moc"
