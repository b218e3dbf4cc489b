// sightline-cli: the investigator's questions, headless and scriptable.
#include "CliSupport.h"
#include "Commands.h"

#include <QCoreApplication>

#include <string_view>

using namespace sightline::cli;

namespace {

constexpr std::string_view kHelp = R"(Usage: sightline-cli COMMAND [options] ARGS...

Sightline reads exported AWS logs into a case file and answers questions about them.

Commands:
  import CASE PATH...        Import evidence files, folders and archives into CASE
                             (created when missing). Progress on a terminal.
  info CASE                  Sources with SHA-256 and counts, entities by type, time range.
  search CASE QUERY          Find entities by IP, CIDR, ARN, principal ID, name, access key,
                             instance, bucket or user agent; * and ? are wildcards.
  profile CASE TYPE KEY      An entity's activity: API calls by service and name, IPs, user
                             agents, access keys, related entities and relations.
  events CASE                Events in time order, filtered by --entity TYPE:KEY (repeatable:
                             all must be involved), --name API, --from, --to; --raw adds the
                             raw record and its source file and line.
  timeline CASE TYPE KEY     Successful and failed calls per hour or day (--bucket).
  flows CASE TYPE KEY        Network flows (VPC flow logs) of an IpAddress or Ec2Instance:
                             which instances / addresses it talked to, ports, bytes each way.
  findings CASE              Findings (GuardDuty, Security Hub, OCSF), most severe first;
                             --entity TYPE:KEY lists those that involve an entity.
  finding CASE FINDING       One finding: severity, times, every entity it involves, versions.
  neighbors CASE TYPE KEY    The entities related to an entity and the relations between them
                             (--type, --relation, --from, --to); busy types form groups.
  path CASE TYPE:KEY TYPE:KEY
                             The shortest ways two entities are tied in the relationship graph.
  groups CASE                Finding groups: findings that share entities within 24 hours, with
                             severity, ATT&CK tactics, time span and the entities that tie them.

Run "sightline-cli COMMAND --help" for a command's options. Every query command takes
--json to print one JSON document on stdout.

Entity types: AwsAccount, AwsUser, AwsRole, AwsRoleSession, FederatedUser, AccessKey,
  Ec2Instance, IpAddress, UserAgent, S3Bucket (and the other DESIGN.md types). KEY is the
  entity's key (principal ID, "<role principal ID>:<session>", key ID, IP, 12-digit account,
  bucket, instance ID, user agent); for principals an ARN or a name works too.
Times are ISO 8601 UTC, e.g. 2026-10-14T12:00:00Z, 2026-10-14T12:00Z or 2026-10-14;
  ranges are [--from, --to). Output times are UTC.

Exit status:
  0    success
  1    usage error: unknown command or option, bad argument, bad time
  2    the case file cannot be opened, is not a Sightline case, or is from a newer version
  3    the entity was not found (or the name fits several entities); search found nothing;
       path found no path
  4    import finished, but some records were unusable or files damaged or unreadable
       (skipped files, such as CloudTrail digests, are listed but do not count)
  5    any other failure (I/O or database error)
  130  cancelled with Ctrl-C (the case keeps every batch committed before)
)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sightline-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty())
        return fail(ExitUsage, "missing command (see: sightline-cli --help)");
    const QString command = args.takeFirst();
    if (command == u"--help" || command == u"-h" || command == u"help") {
        out(kHelp);
        return ExitOk;
    }
    if (command == u"--version") {
        out("sightline-cli 0.1.0\n");
        return ExitOk;
    }
    if (command == u"import")
        return runImport(args);
    if (command == u"info")
        return runInfo(args);
    if (command == u"search")
        return runSearch(args);
    if (command == u"profile")
        return runProfile(args);
    if (command == u"events")
        return runEvents(args);
    if (command == u"timeline")
        return runTimeline(args);
    if (command == u"findings" || command == u"finding")
        return runFindings(command, args);
    if (command == u"flows")
        return runFlows(args);
    if (command == u"neighbors" || command == u"neighbours")
        return runNeighbors(args);
    if (command == u"path")
        return runPath(args);
    if (command == u"groups")
        return runGroups(args);
    return fail(ExitUsage, "unknown command '" + displayText(toUtf8(command)) +
                               "' (see: sightline-cli --help)");
}
