#pragma once
// The Kubernetes activity panel of `profile` (calls by verb and resource, from EKS /
// Kubernetes audit logs) for the entities that have it: subjects, clusters, pods, addresses
// and IAM identities behind subjects.
#include <nlohmann/json_fwd.hpp>

#include <string>

namespace sightline {
class Database;
struct EntityRef;
struct TimeRange;
} // namespace sightline

namespace sightline::cli {

// Appends to text, or sets json["kubernetes"] when json is not null; nothing when the entity
// made or saw no Kubernetes API calls.
void appendKubernetesSection(Database &db, const EntityRef &entity, const TimeRange &range,
                             size_t limit, std::string &text, nlohmann::json *json);

} // namespace sightline::cli
