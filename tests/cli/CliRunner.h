#pragma once
// Runs the built sightline-cli (SIGHTLINE_CLI is its path) and captures what it printed.
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStringList>
#include <QTest>

#include <string_view>

namespace sightline::test {

struct CliRun
{
    int code = -1;
    QByteArray out, err;
    QJsonDocument json() const
    {
        QJsonParseError e;
        QJsonDocument d = QJsonDocument::fromJson(out, &e);
        if (e.error != QJsonParseError::NoError)
            qWarning("invalid JSON (%s): %s", qPrintable(e.errorString()),
                     out.left(400).constData());
        return d;
    }
};

inline void writeFile(const QString &file, std::string_view text)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.data(), static_cast<qint64>(text.size()));
}

inline CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(SIGHTLINE_CLI), args);
    CliRun r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        qWarning("sightline-cli did not finish: %s", qPrintable(args.join(QLatin1Char(' '))));
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

} // namespace sightline::test
