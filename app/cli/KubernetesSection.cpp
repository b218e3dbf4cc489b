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
                            {"firstSeen", jsonTime(c.seen.first)},
                            {"lastSeen", jsonTime(c.seen.last)},
                            {"seenPrecision", c.seenApproximate ? "day" : "exact"}});
        (*json)["kubernetes"] = {{"successes", d->successes},
                                 {"failures", d->failures},
                                 {"breakdownByDay", d->breakdownByDay},
                                 {"calls", {{"total", d->callTotal}, {"rows", std::move(rows)}}}};
        return;
    }
    using A = TextTable::Align;
    TextTable t({{"CALL", A::Left, 64},
                 {"SUCCESSES", A::Right},
                 {"FAILURES", A::Right},
                 {"FIRST SEEN"},
                 {"LAST SEEN"}});
    for (const KubernetesCall &c : d->calls) {
        auto when = [&](int64_t ms) {
            return c.seenApproximate ? formatTime(ms).substr(0, 10) : formatTime(ms);
        };
        t.addRow({displayText(c.name), formatCount(c.successes), formatCount(c.failures),
                  when(c.seen.first), when(c.seen.last)});
    }
    text += "\nKubernetes API calls: " + formatCount(d->successes + d->failures) + " (" +
            formatCount(d->successes) + " succeeded, " + formatCount(d->failures) + " failed)\n";
    if (d->failures > 0)
        text += "  (failed: 401 unauthorized, 403 forbidden and other error answers; the events "
                "list shows each one's status)\n";
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
