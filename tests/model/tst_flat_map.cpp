// FlatMap: the import's aggregation map. Updates checked against std::map through growth,
// sortInPlace() (every entry once, in key order, values intact) and reuse after clear(),
// with the slots kept (the writer's maps) or given back (an importer's per-batch maps).
#include "FlatMap.h"

#include <QTest>

#include <map>
#include <random>
#include <string>
#include <vector>

using namespace sightline;

class TestFlatMap : public QObject
{
    Q_OBJECT

private slots:
    void matchesReferenceOverRounds_data();
    void matchesReferenceOverRounds();
    void emptyMap();
};

void TestFlatMap::matchesReferenceOverRounds_data()
{
    QTest::addColumn<qsizetype>("keep");
    QTest::newRow("slots kept") << qsizetype(24);
    QTest::newRow("slots given back") << qsizetype(10);
}

void TestFlatMap::matchesReferenceOverRounds()
{
    QFETCH(qsizetype, keep);
    FlatMap<std::vector<int64_t>> map; // a value that owns memory, as posting lists do
    std::mt19937_64 rng(7);
    // Rounds of different sizes: the map grows past what was kept, then is reused smaller.
    for (const int updates : {50000, 300000, 2000, 120000}) {
        std::map<Key4, std::vector<int64_t>> reference;
        const int64_t spread = updates / 3 + 1; // keys repeat: about three updates each
        for (int i = 0; i < updates; ++i) {
            const Key4 key{1 + static_cast<int64_t>(rng() % spread),
                           static_cast<int64_t>(rng() % 3), -static_cast<int64_t>(rng() % 2),
                           static_cast<int64_t>(i % 5)};
            if (i + 8 < updates)
                map.prefetch(Key4{1, 0, 0, 0}); // a hint only: must not change anything
            map[key].push_back(i);
            reference[key].push_back(i);
        }
        QCOMPARE(map.size(), reference.size());
        const auto sorted = map.sortInPlace();
        QCOMPARE(sorted.size(), reference.size());
        auto it = reference.begin();
        for (const auto &slot : sorted) {
            QVERIFY(slot.key == it->first);
            QCOMPARE(slot.value, it->second);
            ++it;
        }
        map.clear(size_t(1) << keep);
        QCOMPARE(map.size(), size_t(0));
        QVERIFY(map.empty());
    }
}

void TestFlatMap::emptyMap()
{
    FlatMap<int64_t> map;
    QCOMPARE(map.sortInPlace().size(), size_t(0));
    map.clear();
    map[Key4{5, 0, 0, 0}] += 2;
    map[Key4{5, 0, 0, 0}] += 3;
    const auto sorted = map.sortInPlace();
    QCOMPARE(sorted.size(), size_t(1));
    QCOMPARE(sorted[0].value, int64_t(5));
}

QTEST_GUILESS_MAIN(TestFlatMap)
#include "tst_flat_map.moc"
