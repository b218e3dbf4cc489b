#include "GraphValues.h"

#include "CliSupport.h"
#include "queries/FindingQuery.h"

namespace sightline::cli {

nlohmann::json graphNodeJson(const GraphNode &n)
{
    nlohmann::json j = entityJson(n.entity);
    if (j.is_object())
        j["severity"] = n.severity >= 0
                            ? nlohmann::json(std::string(findingSeverityName(n.severity)))
                            : nlohmann::json();
    return j;
}

nlohmann::json neighborEdgeJson(const NeighborEdge &e)
{
    return {{"relation", std::string(relationName(e.relation))},
            {"direction", e.outgoing ? "out" : "in"},
            {"firstSeen", jsonTime(e.seen.first)},
            {"lastSeen", jsonTime(e.seen.last)},
            {"count", e.count}};
}

nlohmann::json neighborJson(const Neighbor &n)
{
    nlohmann::json j = graphNodeJson(n.node);
    j["weight"] = n.weight;
    j["firstSeen"] = jsonTime(n.seen.first);
    j["lastSeen"] = jsonTime(n.seen.last);
    nlohmann::json edges = nlohmann::json::array();
    for (const NeighborEdge &e : n.edges)
        edges.push_back(neighborEdgeJson(e));
    j["edges"] = std::move(edges);
    return j;
}

std::string relationsText(const std::vector<NeighborEdge> &edges)
{
    std::string s;
    for (const NeighborEdge &e : edges)
        s += (s.empty() ? "" : ", ") + std::string(e.outgoing ? "-> " : "<- ") +
             std::string(relationName(e.relation));
    return s;
}

std::string nodeText(const GraphNode &n)
{
    std::string s = displayText(n.entity.key);
    if (n.severity >= 0)
        s += " [" + std::string(findingSeverityName(n.severity)) + "]";
    return s;
}

std::optional<std::vector<EntityType>> parseTypes(const QStringList &values)
{
    std::vector<EntityType> out;
    for (const QString &value : values) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const auto t = parseType(part.trimmed());
            if (!t)
                return std::nullopt;
            out.push_back(*t);
        }
    }
    return out;
}

std::optional<std::vector<Relation>> parseRelations(const QStringList &values)
{
    std::vector<Relation> out;
    for (const QString &value : values) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const auto r = relationFromName(toUtf8(part.trimmed().toLower()));
            if (!r) {
                std::string valid;
                for (int i = 1; i <= kRelationCount; ++i)
                    valid +=
                        (i > 1 ? ", " : "") + std::string(relationName(static_cast<Relation>(i)));
                fail(ExitUsage,
                     "unknown relation '" + displayText(toUtf8(part)) + "'; one of: " + valid);
                return std::nullopt;
            }
            out.push_back(*r);
        }
    }
    return out;
}

} // namespace sightline::cli
