#include "KubernetesSection.h"

#include "CliSupport.h"
#include "TextTable.h"

#include "queries/KubernetesActivity.h"

#include <nlohmann/json.hpp>

namespace sightline::cli {

void appendKubernetesSection(Database &db, const EntityRef &entity, const TimeRange &range,
                             size_t limit, std::string &text, nlohmann::json *json)
{
    KubernetesActivity query(db);
    auto d = query.load(entity.id, range, limit);
    if (!d || d->empty())
        return;
    if (json) {
        nlohmann::json rows = nlohmann::json::array();
        for (const KubernetesCall &c : d->calls)
            rows.push_back({{"call", c.name},
                            {"successes", c.successes},
                            {"failures", c.failures},
                            {"unauthorized", c.unauthorized},
                            {"forbidden", c.forbidden},
                            {"firstSeen", jsonTime(c.seen.first)},
                            {"lastSeen", jsonTime(c.seen.last)},
                            {"seenPrecision", c.seenApproximate ? "day" : "exact"}});
        (*json)["kubernetes"] = {{"successes", d->successes},
                                 {"failures", d->failures},
                                 {"unauthorized", d->unauthorized},
                                 {"forbidden", d->forbidden},
                                 {"breakdownByDay", d->breakdownByDay},
                                 {"calls", {{"total", d->callTotal}, {"rows", std::move(rows)}}}};
        return;
    }
    using A = TextTable::Align;
    // 401 / 403 columns only when some call was denied.
    const bool denied = d->unauthorized + d->forbidden > 0;
    std::vector<TextTable::Column> columns = {
        {"CALL", A::Left, 64}, {"SUCCESSES", A::Right}, {"FAILURES", A::Right}};
    if (denied) {
        columns.push_back({"UNAUTHORIZED", A::Right});
        columns.push_back({"FORBIDDEN", A::Right});
    }
    columns.push_back({"FIRST SEEN"});
    columns.push_back({"LAST SEEN"});
    TextTable t(std::move(columns));
    for (const KubernetesCall &c : d->calls) {
        auto when = [&](int64_t ms) {
            return c.seenApproximate ? formatTime(ms).substr(0, 10) : formatTime(ms);
        };
        std::vector<std::string> row = {displayText(c.name), formatCount(c.successes),
                                        formatCount(c.failures)};
        if (denied) {
            row.push_back(formatCount(c.unauthorized));
            row.push_back(formatCount(c.forbidden));
        }
        row.push_back(when(c.seen.first));
        row.push_back(when(c.seen.last));
        t.addRow(std::move(row));
    }
    text += "\nKubernetes API calls: " + formatCount(d->successes + d->failures) + " (" +
            formatCount(d->successes) + " succeeded, " + formatCount(d->failures) + " failed";
    if (d->failures > 0)
        text += ": " + formatCount(d->unauthorized) + " unauthorized (401), " +
                formatCount(d->forbidden) + " forbidden (403), " +
                formatCount(d->failures - d->unauthorized - d->forbidden) + " other errors";
    text += ")\n";
    if (d->callTotal > 0) {
        text += "By verb and resource (" + formatCount(d->callTotal) + ")\n" + t.render();
        if (static_cast<int64_t>(d->calls.size()) < d->callTotal)
            text += "  ... " + formatCount(d->callTotal - static_cast<int64_t>(d->calls.size())) +
                    " more (--limit)\n";
    }
    if (d->breakdownByDay)
        text += "  (per-call counts are kept per UTC day: at the edges of the range they include "
                "the whole day)\n";
}

} // namespace sightline::cli
