#pragma once
// Text and --json pieces shared by the graph commands (neighbors, path): nodes with their
// finding severity, relations with their direction, and the --type / --relation options.
#include "Relation.h"
#include "queries/Neighborhood.h"

#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sightline::cli {

// entityJson() plus "severity": the finding's label name, null for other entities.
nlohmann::json graphNodeJson(const GraphNode &n);
// {"relation", "direction": "out" | "in", "firstSeen", "lastSeen", "count"}.
nlohmann::json neighborEdgeJson(const NeighborEdge &e);
nlohmann::json neighborJson(const Neighbor &n); // node, weight, first / last seen, edges

// "-> acted_on, <- runs_as": '->' from the entity to the other one, '<-' the other way.
std::string relationsText(const std::vector<NeighborEdge> &edges);
// The key, with " [High]" after a finding's.
std::string nodeText(const GraphNode &n);

// Repeated or comma-separated --type / --relation values; nullopt after printing the error.
std::optional<std::vector<EntityType>> parseTypes(const QStringList &values);
std::optional<std::vector<Relation>> parseRelations(const QStringList &values);

} // namespace sightline::cli
