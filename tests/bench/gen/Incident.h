// Plans the incident's records (see CloudTrailGenerator.h) into an ordinary population.
#pragma once

#include "CloudTrailGenerator.h"
#include "Population.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline::bench {

struct PlannedEvent
{
    int account = 0;
    int region = 0;
    std::int64_t t = 0;
    std::string json;
};

struct IncidentPlan
{
    std::vector<PlannedEvent> events; // sorted by (account, region, t)
    PlantedIncident info;
    // Ordinary events of this account are not recorded in [gapStart, gapEnd).
    int gapAccount = -1;
    std::int64_t gapStart = 0, gapEnd = 0;
};

// Adds the regions the incident touches, patches the affected principals (session key of the
// stolen instance credentials, rotated ci-deploy key) and returns the planned records.
// Call before finalizePopulation().
IncidentPlan planIncident(Population &population, std::int64_t dayStart, int exfilObjects,
                          std::uint64_t seed);

} // namespace sightline::bench
