#include "EventBreakdown.h"

#include <algorithm>
#include <map>

namespace sightline {
namespace {

FacetValue facetOf(const EventRecord &e, Facet f)
{
    FacetValue v;
    switch (f) {
    case Facet::Api:
        v.api = e.service + ":" + e.name;
        break;
    case Facet::Principal:
        v.entity = e.principal;
        break;
    case Facet::Ip:
        v.entity = e.ip;
        break;
    case Facet::AccessKey:
        v.entity = e.accessKey;
        break;
    case Facet::UserAgent:
        v.entity = e.userAgent;
        break;
    }
    return v;
}

} // namespace

EventBreakdown::EventBreakdown(Database &db) : m_recent(db), m_events(db) {}

Result<BreakdownData> EventBreakdown::load(const BreakdownFilter &f)
{
    BreakdownData out;
    if (f.entity == 0 || f.cap == 0)
        return out;
    EventPage page;
    if (f.api.empty()) {
        RecentFilter r;
        r.entities = {f.entity};
        for (int64_t also : {f.other, f.account})
            if (also)
                r.entities.push_back(also);
        r.range = f.range;
        r.limit = f.cap;
        auto got = m_recent.run(r);
        if (!got)
            return got.error();
        page = std::move(*got);
    } else {
        EventFilter q;
        q.entities = {f.entity};
        for (int64_t also : {f.other, f.account})
            if (also)
                q.entities.push_back(also);
        q.api = f.api;
        q.range = f.range;
        q.limit = f.cap;
        auto got = m_events.run(q);
        if (!got)
            return got.error();
        page = std::move(*got);
    }
    out.events = page.events.size();
    out.partial = page.more;

    std::map<std::pair<FacetValue, FacetValue>, BreakdownRow> rows;
    std::map<FacetValue, int64_t> firstTotals;
    for (const EventRecord &e : page.events) {
        FacetValue a = facetOf(e, f.first), b = facetOf(e, f.second);
        BreakdownRow &row = rows[{a, b}];
        if (row.successes + row.failures == 0) {
            row.first = std::move(a);
            row.second = std::move(b);
            row.seen = {e.time, e.time};
        }
        (e.error.empty() ? row.successes : row.failures) += 1;
        row.seen.first = std::min(row.seen.first, e.time);
        row.seen.last = std::max(row.seen.last, e.time);
        firstTotals[row.first] += 1;
    }
    out.rows.reserve(rows.size());
    for (auto &[key, row] : rows)
        out.rows.push_back(std::move(row));
    std::sort(out.rows.begin(), out.rows.end(), [&](const BreakdownRow &x, const BreakdownRow &y) {
        const int64_t tx = firstTotals[x.first], ty = firstTotals[y.first];
        if (tx != ty)
            return tx > ty;
        if (x.first < y.first || y.first < x.first)
            return x.first < y.first;
        const int64_t cx = x.successes + x.failures, cy = y.successes + y.failures;
        return cx != cy ? cx > cy : x.second < y.second;
    });
    return out;
}

} // namespace sightline
