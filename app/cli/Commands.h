#pragma once
// One function per sightline-cli command. args are the arguments after the command name;
// each returns the process exit status (see CliSupport.h).
#include <QStringList>

namespace sightline::cli {

int runImport(const QStringList &args);
int runInfo(const QStringList &args);
int runSearch(const QStringList &args);
int runProfile(const QStringList &args);
int runEvents(const QStringList &args);
int runTimeline(const QStringList &args);
int runFindings(const QString &command, const QStringList &args); // findings, finding

} // namespace sightline::cli
