// The block scanner that splits JSON streams into records (scanJsonValue) ends every value
// where a byte-by-byte scan does: on every JSON sample in ../shared/data, fed whole and in
// pieces as a stream window grows, and on strings whose escapes fall at every offset of the
// scanner's 64-byte blocks.
#include "ImportTestSupport.h"
#include "JsonScan.h"

#include <QDirIterator>
#include <QTest>

#include <string>

using namespace sightline;
using namespace sightline::test;

namespace {

struct Outcome
{
    bool ended = false;
    size_t end = 0;
    JsonScanState st;
};

// Scans text from start, handing the scanner at most `piece` more bytes per call (as the
// record reader does while its window grows). padded: the text is followed by 64 zero bytes.
Outcome scan(const std::string &padded, size_t size, size_t start, size_t piece, bool fast)
{
    Outcome o;
    size_t i = start;
    size_t n = start;
    while (n < size) {
        n = std::min(size, n + piece);
        if (i >= n)
            continue; // an escape reached past the bytes handed so far
        o.ended = fast ? scanJsonValue(padded.data(), i, n, o.st, true)
                       : scanJsonValueBytewise(padded.data(), i, n, o.st);
        if (o.ended)
            break;
    }
    o.end = i;
    return o;
}

QString describe(const Outcome &o)
{
    return QStringLiteral("ended %1 at %2, depth %3, in string %4")
        .arg(o.ended)
        .arg(o.end)
        .arg(o.st.depth)
        .arg(o.st.inString);
}

} // namespace

class TestJsonScan : public QObject
{
    Q_OBJECT

private slots:
    void everySampleSplitsAsBytewise();
    void escapesAtEveryBlockOffset();
    void unpaddedTailIsReadBytewise();
};

// Every value start ('{', '[', '"') of every JSON sample, up to a budget of starts per file,
// scanned whole and in pieces of 1, 63, 64, 65 and 4096 bytes: the same end, or the same state
// when the sample ends inside the value (truncated samples).
void TestJsonScan::everySampleSplitsAsBytewise()
{
    SIGHTLINE_REQUIRE_SHARED_DATA();
    int files = 0;
    int64_t values = 0;
    QDirIterator it(sharedData(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.endsWith(QLatin1String(".json")) && !path.endsWith(QLatin1String(".jsonl")) &&
            !path.endsWith(QLatin1String(".json.gz")))
            continue;
        QByteArray bytes = readFile(path);
        if (path.endsWith(QLatin1String(".gz")))
            bytes = gunzipPrefix(bytes);
        bytes.truncate(1 << 20);
        const std::string text = bytes.toStdString();
        const std::string padded = text + std::string(64, '\0');
        ++files;
        // At most 300 starts a file, spread over it.
        size_t starts = 0;
        for (char c : text)
            starts += c == '{' || c == '[' || c == '"';
        const size_t every = std::max<size_t>(1, starts / 300);
        size_t seen = 0;
        for (size_t s = 0; s < text.size(); ++s) {
            const char c = text[s];
            if (c != '{' && c != '[' && c != '"')
                continue;
            if (seen++ % every != 0)
                continue;
            ++values;
            const Outcome ref = scan(padded, text.size(), s, text.size(), false);
            for (size_t piece :
                 {size_t(1) << 30, size_t(4096), size_t(65), size_t(64), size_t(63), size_t(1)}) {
                if (piece == 1 && ref.end - s > 20000)
                    continue; // a byte per call over a whole file: slow, and 63 covers it
                const Outcome fast = scan(padded, text.size(), s, piece, true);
                if (fast.ended != ref.ended || fast.end != ref.end ||
                    (!ref.ended &&
                     (fast.st.depth != ref.st.depth || fast.st.inString != ref.st.inString)))
                    QFAIL(qPrintable(QStringLiteral("%1, value at byte %2, pieces of %3: %4, "
                                                    "bytewise %5")
                                         .arg(path)
                                         .arg(s)
                                         .arg(piece)
                                         .arg(describe(fast), describe(ref))));
            }
        }
    }
    QVERIFY2(files >= 50, qPrintable(QString::number(files)));
    QVERIFY(values > 10000);
}

// Runs of 1 to 5 backslashes before a quote, a bracket or a letter, at every offset of two
// 64-byte blocks, inside one member of an object with brackets in its strings: the value
// ends at its last byte, as built.
void TestJsonScan::escapesAtEveryBlockOffset()
{
    for (int offset = 0; offset < 130; ++offset) {
        for (int run = 1; run <= 5; ++run) {
            for (char after : {'"', '}', ']', 'n', '\\'}) {
                std::string inner(static_cast<size_t>(offset), 'x');
                inner += std::string(static_cast<size_t>(run), '\\');
                if (run % 2 == 1)
                    inner += after; // escaped by the run's last backslash
                else if (after != '"' && after != '\\')
                    inner += after; // the run escapes itself: a plain byte follows
                const std::string value =
                    "{\"a\":[\"{[\",\"" + inner + "\"],\"b\":{\"c\":\"]}\\\"\"}}";
                const std::string padded = value + "  ,{\"next\":1}" + std::string(64, '\0');
                const size_t size = padded.size() - 64;
                for (size_t piece : {size_t(1) << 30, size_t(64), size_t(17), size_t(1)}) {
                    const Outcome ref = scan(padded, size, 0, piece, false);
                    const Outcome fast = scan(padded, size, 0, piece, true);
                    QVERIFY2(ref.ended && ref.end == value.size(), qPrintable(describe(ref)));
                    QVERIFY2(fast.ended && fast.end == value.size(),
                             qPrintable(QString::fromStdString(value) + ": " + describe(fast)));
                }
                // The same bytes as a string value at depth 0.
                const std::string str = "\"" + inner + "\"";
                const std::string paddedStr = str + ",\"x\"" + std::string(64, '\0');
                const Outcome s = scan(paddedStr, paddedStr.size() - 64, 0, 1 << 30, true);
                QVERIFY2(s.ended && s.end == str.size(),
                         qPrintable(QString::fromStdString(str) + ": " + describe(s)));
            }
        }
    }
}

// Without padding (a sniffed head), the last bytes short of a block go byte by byte: a value
// ending in them is found, one that does not is reported open with its state.
void TestJsonScan::unpaddedTailIsReadBytewise()
{
    const std::string open = "{\"Records\":[{\"eventName\":\"GetObject\"},{\"a\":\"x\\\"";
    for (size_t cut = 1; cut <= open.size(); ++cut) {
        JsonScanState st;
        size_t i = 0;
        const bool ended = scanJsonValue(open.data(), i, cut, st, false);
        JsonScanState ref;
        size_t j = 0;
        const bool refEnded = scanJsonValueBytewise(open.data(), j, cut, ref);
        QCOMPARE(ended, refEnded);
        QCOMPARE(i, j);
        QCOMPARE(st.depth, ref.depth);
        QCOMPARE(st.inString, ref.inString);
        QVERIFY(!ended);
    }
    const std::string whole = open + "\"}]}";
    JsonScanState st;
    size_t i = 0;
    QVERIFY(scanJsonValue(whole.data(), i, whole.size(), st, false));
    QCOMPARE(i, whole.size());
}

QTEST_GUILESS_MAIN(TestJsonScan)
#include "tst_json_scan.moc"
