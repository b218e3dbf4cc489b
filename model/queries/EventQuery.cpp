#include "EventQuery.h"

#include "Prepared.h"
#include "ReadSnapshot.h"

#include <algorithm>
#include <limits>
#include <map>

namespace sightline {

struct EventQuery::Row
{
    int64_t id = 0, time = 0, kind = 0, source = 0, line = 0, offset = 0;
    int64_t name = 0, service = 0, error = 0, region = 0;
    int64_t principal = 0, ip = 0, ua = 0, key = 0, account = 0;
    int64_t rawBlock = 0, rawOff = 0, rawLen = 0;
};

namespace {

constexpr const char *kColumns =
    "SELECT id, time, kind, source_id, line, offset, coalesce(name, 0), coalesce(service, 0), "
    "coalesce(error, 0), coalesce(region, 0), coalesce(principal, 0), coalesce(ip, 0), "
    "coalesce(ua, 0), coalesce(access_key, 0), coalesce(account, 0), raw_block, raw_off, raw_len "
    "FROM events ";

void intersectInto(std::vector<int64_t> &acc, const std::vector<int64_t> &other)
{
    std::vector<int64_t> out;
    std::set_intersection(acc.begin(), acc.end(), other.begin(), other.end(),
                          std::back_inserter(out));
    acc.swap(out);
}

} // namespace

EventQuery::EventQuery(Database &db) : m_db(db), m_lookup(db), m_raw(db), m_activity(db)
{
    const std::string c = kColumns;
    m_status = detail::prepareAll(
        db,
        {
            {&m_byTime, c + "WHERE time >= ?1 AND time < ?2 ORDER BY time, id LIMIT ?3 OFFSET ?4"},
            // A table scan: for an API too rare to be met early in time order.
            {&m_byName, c + "NOT INDEXED WHERE time >= ?1 AND time < ?2 AND name = ?3 AND "
                            "(?4 = 0 OR service = ?4) ORDER BY time, id LIMIT ?5 OFFSET ?6"},
            {&m_byId, c + "WHERE id = ?1"},
            {&m_string, "SELECT s FROM strings WHERE id = ?1"},
            {&m_stringId, "SELECT id FROM strings WHERE s = ?1"},
        });
}

Result<std::string> EventQuery::string(int64_t id)
{
    if (id == 0)
        return std::string();
    if (auto it = m_strings.find(id); it != m_strings.end())
        return it->second;
    m_string.bind(1, id);
    std::string s;
    if (m_string.step())
        s = m_string.string(0);
    if (m_string.failed())
        return detail::stepError(m_string);
    m_string.reset();
    m_strings.emplace(id, s);
    return s;
}

Result<EventQuery::ApiFilter> EventQuery::parseApi(const std::string &api)
{
    ApiFilter f;
    if (api.empty())
        return f;
    f.any = false;
    std::string service, name = api;
    if (const size_t colon = api.find(':'); colon != std::string::npos) {
        service = api.substr(0, colon);
        name = api.substr(colon + 1);
        if (!service.empty() && service.find('.') == std::string::npos)
            service += ".amazonaws.com";
    }
    if (name.empty())
        return Error{ErrorCode::InvalidArgument, "empty API name in \"" + api + "\""};
    f.text = service + ":" + name;
    auto lookupId = [&](const std::string &s, int64_t &out) -> Status {
        m_stringId.bind(1, s);
        out = m_stringId.step() ? m_stringId.int64(0) : 0;
        if (m_stringId.failed())
            return detail::stepError(m_stringId);
        m_stringId.reset();
        return {};
    };
    if (auto s = lookupId(name, f.name); !s)
        return s.error();
    if (!service.empty()) {
        if (auto s = lookupId(service, f.service); !s)
            return s.error();
        f.impossible = f.service == 0;
    }
    f.impossible = f.impossible || f.name == 0;
    return f;
}

Status EventQuery::readRow(Statement &st, Row &r)
{
    r.id = st.int64(0);
    r.time = st.int64(1);
    r.kind = st.int64(2);
    r.source = st.int64(3);
    r.line = st.int64(4);
    r.offset = st.int64(5);
    r.name = st.int64(6);
    r.service = st.int64(7);
    r.error = st.int64(8);
    r.region = st.int64(9);
    r.principal = st.int64(10);
    r.ip = st.int64(11);
    r.ua = st.int64(12);
    r.key = st.int64(13);
    r.account = st.int64(14);
    r.rawBlock = st.int64(15);
    r.rawOff = st.int64(16);
    r.rawLen = st.int64(17);
    return {};
}

Result<EventRecord> EventQuery::materialise(const Row &r, bool withRaw)
{
    EventRecord e;
    e.id = r.id;
    e.time = r.time;
    e.kind = static_cast<EventKind>(r.kind);
    e.sourceId = r.source;
    e.line = r.line;
    e.offset = r.offset;
    const std::pair<int64_t, std::string *> strings[] = {
        {r.name, &e.name}, {r.service, &e.service}, {r.error, &e.error}, {r.region, &e.region}};
    for (const auto &[id, out] : strings) {
        auto s = string(id);
        if (!s)
            return s.error();
        *out = std::move(*s);
    }
    const std::pair<int64_t, EntityRef *> entities[] = {{r.principal, &e.principal},
                                                        {r.ip, &e.ip},
                                                        {r.ua, &e.userAgent},
                                                        {r.key, &e.accessKey},
                                                        {r.account, &e.account}};
    for (const auto &[id, out] : entities) {
        auto ref = m_lookup.byId(id);
        if (!ref)
            return ref.error();
        *out = std::move(*ref);
    }
    auto path = m_raw.sourcePath(r.source);
    if (!path)
        return path.error();
    e.sourcePath = std::move(*path);
    if (withRaw) {
        auto raw = m_raw.slice(r.rawBlock, r.rawOff, r.rawLen);
        if (!raw)
            return raw.error();
        e.raw = std::move(*raw);
    }
    return e;
}

Result<EventPage> EventQuery::byTime(const EventFilter &f, const ApiFilter &api)
{
    // There is no index by API name. Walk the time index over a window first: enough for
    // the page when the API is common or the range small. Otherwise one scan of the table
    // beats visiting it in time order (random reads), whatever the case size.
    const auto kWindow = static_cast<int64_t>(std::max<size_t>(f.timeWindow, 1));
    const auto want = static_cast<int64_t>(f.offset + f.limit) + 1; // + 1 tells "more"
    std::vector<Row> rows;
    m_byTime.bind(1, f.range.fromMs()).bind(2, f.range.toMs());
    m_byTime.bind(3,
                  api.any ? (f.limit == 0 ? -1 : want - static_cast<int64_t>(f.offset)) : kWindow);
    m_byTime.bind(4, api.any ? static_cast<int64_t>(f.offset) : 0);
    int64_t visited = 0, matched = 0;
    while (m_byTime.step()) {
        ++visited;
        Row r;
        readRow(m_byTime, r);
        if (!api.any && (r.name != api.name || (api.service && r.service != api.service)))
            continue;
        if (!api.any && matched++ < static_cast<int64_t>(f.offset))
            continue;
        rows.push_back(r);
        if (!api.any && f.limit > 0 && matched >= want)
            break;
    }
    if (m_byTime.failed())
        return detail::stepError(m_byTime);
    m_byTime.reset();

    const bool complete = api.any || visited < kWindow || (f.limit > 0 && matched >= want);
    if (!complete) {
        rows.clear();
        m_byName.bind(1, f.range.fromMs()).bind(2, f.range.toMs());
        m_byName.bind(3, api.name).bind(4, api.service);
        m_byName.bind(5, f.limit == 0 ? int64_t(-1) : static_cast<int64_t>(f.limit) + 1);
        m_byName.bind(6, static_cast<int64_t>(f.offset));
        while (m_byName.step()) {
            Row r;
            readRow(m_byName, r);
            rows.push_back(r);
        }
        if (m_byName.failed())
            return detail::stepError(m_byName);
        m_byName.reset();
    }

    EventPage page;
    if (f.limit > 0 && rows.size() > f.limit) {
        page.more = true;
        rows.resize(f.limit);
    }
    for (const Row &r : rows) {
        auto e = materialise(r, f.withRaw);
        if (!e)
            return e.error();
        page.events.push_back(std::move(*e));
    }
    return page;
}

Result<EventPage> EventQuery::byEntities(const EventFilter &f, const ApiFilter &api)
{
    EventPage page;
    std::vector<int64_t> entities = f.entities;
    std::sort(entities.begin(), entities.end());
    entities.erase(std::unique(entities.begin(), entities.end()), entities.end());

    // Hours where every entity (and the API, where aggregates tell) has activity.
    std::vector<int64_t> hours;
    bool first = true, placed = api.any;
    for (int64_t entity : entities) {
        std::vector<int64_t> h;
        bool usable = false;
        if (!api.any) {
            if (auto s = m_activity.apiHours(entity, api.text, f.range, h, usable); !s)
                return s.error();
        }
        placed = placed || usable;
        if (!usable) {
            h.clear();
            if (auto s = m_activity.hours(entity, f.range, h); !s)
                return s.error();
        }
        if (first)
            hours = std::move(h);
        else
            intersectInto(hours, h);
        first = false;
        if (hours.empty())
            return page;
    }

    size_t skipped = 0, visited = 0;
    std::vector<int64_t> ids, other;
    std::vector<Row> rows;
    for (int64_t hour : hours) {
        if (auto s = m_activity.hourIds(entities.front(), hour, ids); !s)
            return s.error();
        // Hub entities (an account in every event) and an API their aggregates cannot place:
        // the API's own events are fewer than theirs.
        visited += ids.size();
        if (!placed && visited > f.walkBudget &&
            (f.limit == 0 || skipped + page.events.size() < f.offset + f.limit))
            return byApiThenEntities(f, api, entities);
        for (size_t i = 1; i < entities.size() && !ids.empty(); ++i) {
            if (auto s = m_activity.hourIds(entities[i], hour, other); !s)
                return s.error();
            intersectInto(ids, other);
        }
        rows.clear();
        for (int64_t id : ids) {
            m_byId.bind(1, id);
            Row r;
            const bool found = m_byId.step();
            if (found)
                readRow(m_byId, r);
            if (m_byId.failed())
                return detail::stepError(m_byId);
            m_byId.reset();
            if (!found || !f.range.contains(r.time))
                continue;
            if (!api.any && (r.name != api.name || (api.service && r.service != api.service)))
                continue;
            rows.push_back(r);
        }
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            return a.time != b.time ? a.time < b.time : a.id < b.id;
        });
        for (const Row &r : rows) {
            if (skipped < f.offset) {
                ++skipped;
                continue;
            }
            if (f.limit > 0 && page.events.size() >= f.limit) {
                page.more = true;
                return page;
            }
            auto e = materialise(r, f.withRaw);
            if (!e)
                return e.error();
            page.events.push_back(std::move(*e));
        }
    }
    return page;
}

Result<EventPage> EventQuery::byApiThenEntities(const EventFilter &f, const ApiFilter &api,
                                                const std::vector<int64_t> &entities)
{
    EventPage page;
    std::map<std::pair<int64_t, int64_t>, std::vector<int64_t>> postings; // (entity, hour)
    auto involved = [&](int64_t entity, const Row &r) -> Result<bool> {
        auto [it, fresh] = postings.try_emplace({entity, hourOfMs(r.time)});
        if (fresh) {
            if (auto s = m_activity.hourIds(entity, it->first.second, it->second); !s)
                return s.error();
        }
        return std::binary_search(it->second.begin(), it->second.end(), r.id);
    };
    m_byName.bind(1, f.range.fromMs()).bind(2, f.range.toMs());
    m_byName.bind(3, api.name).bind(4, api.service).bind(5, int64_t(-1)).bind(6, int64_t(0));
    // Streamed: the checks and materialise() use other statements meanwhile.
    size_t skipped = 0;
    while (m_byName.step()) {
        Row r;
        readRow(m_byName, r);
        bool all = true;
        for (size_t i = 0; i < entities.size() && all; ++i) {
            auto in = involved(entities[i], r);
            if (!in) {
                m_byName.reset();
                return in.error();
            }
            all = *in;
        }
        if (!all)
            continue;
        if (skipped < f.offset) {
            ++skipped;
            continue;
        }
        if (f.limit > 0 && page.events.size() >= f.limit) {
            page.more = true;
            break;
        }
        auto e = materialise(r, f.withRaw);
        if (!e) {
            m_byName.reset();
            return e.error();
        }
        page.events.push_back(std::move(*e));
    }
    if (m_byName.failed())
        return detail::stepError(m_byName);
    m_byName.reset();
    return page;
}

Result<EventPage> EventQuery::run(const EventFilter &filter)
{
    if (!m_status)
        return m_status.error();
    detail::ReadSnapshot snapshot(m_db);
    if (filter.range.empty())
        return EventPage{};
    auto api = parseApi(filter.api);
    if (!api)
        return api.error();
    if (api->impossible)
        return EventPage{};
    if (filter.entities.empty())
        return byTime(filter, *api);
    return byEntities(filter, *api);
}

} // namespace sightline
