#pragma once
// One function per sightline-cli command. args are the arguments after the command name;
// each returns the process exit status (see CliSupport.h).
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace sightline {
class Database;
struct EntityRef;
struct TimeRange;
} // namespace sightline

namespace sightline::cli {

int runImport(const QStringList &args);
int runInfo(const QStringList &args);
int runSearch(const QStringList &args);
int runProfile(const QStringList &args);
int runEvents(const QStringList &args);
int runTimeline(const QStringList &args);
int runFindings(const QString &command, const QStringList &args); // findings, finding
int runFlows(const QStringList &args);
int runNeighbors(const QStringList &args);
int runPath(const QStringList &args);
int runGroups(const QStringList &args);

// The network flow panel of `profile` for instances and IP addresses (FlowsCommand.cpp):
// appends to text, or sets json["flows"] when json is not null; nothing without flows.
void appendFlowSection(Database &db, const EntityRef &entity, const TimeRange &range, size_t limit,
                       std::string &text, nlohmann::json *json);

} // namespace sightline::cli
