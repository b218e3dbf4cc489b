#pragma once
// The --json documents of the query commands, built from the model's query values.
// Field names are camelCase; times are ISO 8601 UTC strings (null when unknown).
#include "queries/CaseInfo.h"
#include "queries/EntityProfile.h"
#include "queries/EntitySearch.h"
#include "queries/EventQuery.h"
#include "queries/Timeline.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sightline::cli {

nlohmann::json caseJson(const std::string &path, const CaseOverview &o);
nlohmann::json searchJson(const std::string &query, const SearchResult &r);
nlohmann::json profileJson(const ProfileData &p);
nlohmann::json eventJson(const EventRecord &e, bool withRaw);
nlohmann::json timelineJson(const EntityRef &entity, const TimelineData &t);
nlohmann::json rangeJson(const TimeRange &r);

} // namespace sightline::cli
