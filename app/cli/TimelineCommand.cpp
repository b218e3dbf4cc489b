// sightline-cli timeline CASE TYPE KEY [--bucket hour|day] [--from T] [--to T]
#include "CliSupport.h"
#include "Commands.h"
#include "JsonValues.h"
#include "TextTable.h"

#include "queries/Timeline.h"

#include <algorithm>

namespace sightline::cli {

using namespace Qt::StringLiterals;

int runTimeline(const QStringList &args)
{
    CommandLine cl(u"timeline"_s,
                   u"An entity's successful and failed API calls per hour or per day (UTC). "
                   u"Entities without call counts (access keys, for example) show events per "
                   u"bucket. Only buckets with activity are listed."_s);
    cl.addJson();
    cl.addRange();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addPositionalArgument(u"TYPE"_s, u"Entity type, e.g. AwsUser or IpAddress."_s);
    cl.parser().addPositionalArgument(u"KEY"_s,
                                      u"Entity key; for principals an ARN or name works too."_s);
    cl.parser().addOption(
        QCommandLineOption(u"bucket"_s, u"hour (default) or day."_s, u"SIZE"_s, u"hour"_s));
    if (auto code = cl.parse(args, 3, 3))
        return *code;
    const auto range = cl.range();
    if (!range)
        return ExitUsage;
    const QString bucketName = cl.value(u"bucket"_s);
    if (bucketName != u"hour" && bucketName != u"day")
        return fail(ExitUsage,
                    "--bucket is hour or day, not '" + displayText(toUtf8(bucketName)) + "'");
    const TimelineBucket bucket = bucketName == u"day" ? TimelineBucket::Day : TimelineBucket::Hour;
    if (!parseType(cl.positional().at(1)))
        return ExitUsage;

    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    EntityLookup lookup(caseFile->db());
    auto entity = resolveEntity(lookup, cl.positional().at(1), cl.positional().at(2), code);
    if (!entity)
        return code;
    Timeline timeline(caseFile->db());
    auto t = timeline.load(entity->id, bucket, *range);
    if (!t)
        return fail(ExitFailure, caseFile->path() + ": " + t.error().detail);

    if (cl.json()) {
        out(jsonDump(timelineJson(*entity, *t)));
        return ExitOk;
    }
    std::string s = std::string(entityTypeName(entity->type)) + "  " + entityDisplay(*entity) +
                    "  (per " + toUtf8(bucketName) + ", UTC)\n\n";
    using A = TextTable::Align;
    std::vector<TextTable::Column> cols = {{"START"}};
    if (!t->fromPostings)
        cols.insert(cols.end(), {{"SUCCESSES", A::Right}, {"FAILURES", A::Right}});
    cols.insert(cols.end(), {{t->fromPostings ? "EVENTS" : "CALLS", A::Right}, {""}});
    TextTable table(cols);
    int64_t peak = 1;
    for (const TimelinePoint &p : t->points)
        peak = std::max(peak, p.events);
    for (const TimelinePoint &p : t->points) {
        std::vector<std::string> row = {formatTime(p.start)};
        if (!t->fromPostings)
            row.insert(row.end(), {formatCount(p.successes), formatCount(p.failures)});
        const auto bar = static_cast<size_t>((p.events * 40 + peak - 1) / peak);
        const auto failed =
            t->fromPostings ? 0 : static_cast<size_t>((p.failures * 40 + peak - 1) / peak);
        std::string chart(bar - std::min(bar, failed), '#');
        chart.append(std::min(bar, failed), '!');
        row.insert(row.end(), {formatCount(p.events), chart});
        table.addRow(std::move(row));
    }
    if (!t->points.empty())
        s += table.render() + "\n";
    s += "Total " + formatCount(t->events) + (t->fromPostings ? " events" : " calls");
    if (!t->fromPostings)
        s += " (" + formatCount(t->successes) + " succeeded, " + formatCount(t->failures) +
             " failed; '!' marks failures)";
    s += " in " + formatCount(static_cast<int64_t>(t->points.size())) + " " + toUtf8(bucketName) +
         (t->points.size() == 1 ? "" : "s") + "\n";
    out(s);
    return ExitOk;
}

} // namespace sightline::cli
