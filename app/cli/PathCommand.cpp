// sightline-cli path CASE TYPE:KEY TYPE:KEY [--from T] [--to T] [--relation R]...
//                    [--max-depth N] [--max-paths N] [--hub-degree N] [--json]
#include "CliSupport.h"
#include "Commands.h"
#include "GraphValues.h"
#include "JsonValues.h"

#include "queries/PathQuery.h"

namespace sightline::cli {

using namespace Qt::StringLiterals;

namespace {

std::optional<EntityRef> resolvePair(EntityLookup &lookup, const QString &arg, int &code)
{
    const qsizetype colon = arg.indexOf(u':');
    if (colon <= 0 || colon + 1 >= arg.size()) {
        code = fail(ExitUsage, "an entity is TYPE:KEY, not '" + displayText(toUtf8(arg)) + "'");
        return std::nullopt;
    }
    return resolveEntity(lookup, arg.left(colon), arg.mid(colon + 1), code);
}

std::string linkText(const PathLink &link)
{
    // -[acted_on]-> along the path, <-[runs_as]- against it.
    std::string forward, backward;
    for (const NeighborEdge &e : link.edges) {
        std::string &side = e.outgoing ? forward : backward;
        side += (side.empty() ? "" : "|") + std::string(relationName(e.relation));
    }
    std::string s;
    if (!forward.empty())
        s += " -[" + forward + "]->";
    if (!backward.empty())
        s += " <-[" + backward + "]-";
    return s + " ";
}

} // namespace

int runPath(const QStringList &args)
{
    CommandLine cl(u"path"_s,
                   u"The shortest ways two entities are tied in the relationship graph (relations "
                   u"followed in either direction). Nodes with more than --hub-degree relations "
                   u"(an account, a shared NAT address) are not crossed, except the two "
                   u"entities themselves; they are listed. --from / --to keep the relations "
                   u"seen in the range. Exit status 3 when no path is found."_s);
    cl.addJson();
    cl.addRange();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addPositionalArgument(u"FROM"_s, u"TYPE:KEY, e.g. AwsUser:alice."_s);
    cl.parser().addPositionalArgument(u"TO"_s, u"TYPE:KEY, e.g. Ec2Instance:i-0abc."_s);
    cl.parser().addOption(QCommandLineOption(
        u"relation"_s, u"Relations to follow (repeatable or comma-separated)."_s, u"RELATION"_s));
    cl.parser().addOption(QCommandLineOption(
        u"max-depth"_s, u"Longest path searched, in relations (default 6)."_s, u"N"_s));
    cl.parser().addOption(
        QCommandLineOption(u"max-paths"_s, u"Paths printed at most (default 10)."_s, u"N"_s));
    cl.parser().addOption(QCommandLineOption(
        u"hub-degree"_s, u"Nodes with more relations are not crossed (default 1000)."_s, u"N"_s));
    if (auto code = cl.parse(args, 3, 3))
        return *code;
    const auto range = cl.range();
    const auto relations = parseRelations(cl.parser().values(u"relation"_s));
    const auto depth = cl.count(u"max-depth"_s, 6);
    const auto paths = cl.count(u"max-paths"_s, 10);
    const auto hub = cl.count(u"hub-degree"_s, 1000);
    if (!range || !relations || !depth || !paths || !hub)
        return ExitUsage;
    PathFilter filter;
    filter.range = *range;
    filter.relations = *relations;
    filter.maxDepth = *depth;
    filter.maxPaths = *paths;
    filter.hubDegree = *hub;

    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    EntityLookup lookup(caseFile->db());
    auto from = resolvePair(lookup, cl.positional().at(1), code);
    if (!from)
        return code;
    auto to = resolvePair(lookup, cl.positional().at(2), code);
    if (!to)
        return code;
    PathQuery query(caseFile->db());
    auto r = query.find(from->id, to->id, filter);
    if (!r)
        return fail(ExitFailure, caseFile->path() + ": " + displayText(r.error().detail));
    const int exit = r->paths.empty() ? ExitNotFound : ExitOk;

    if (cl.json()) {
        nlohmann::json list = nlohmann::json::array(), hubs = nlohmann::json::array();
        for (const GraphPath &p : r->paths) {
            nlohmann::json nodes = nlohmann::json::array(), links = nlohmann::json::array();
            for (const GraphNode &n : p.nodes)
                nodes.push_back(graphNodeJson(n));
            for (const PathLink &l : p.links) {
                nlohmann::json edges = nlohmann::json::array();
                for (const NeighborEdge &e : l.edges)
                    edges.push_back(neighborEdgeJson(e)); // "out": along the path
                links.push_back(std::move(edges));
            }
            list.push_back({{"nodes", std::move(nodes)}, {"links", std::move(links)}});
        }
        for (const PathHub &h : r->hubs)
            hubs.push_back(graphNodeJson(h.node));
        nlohmann::json relationNames = nlohmann::json::array();
        for (Relation rel : filter.relations)
            relationNames.push_back(std::string(relationName(rel)));
        out(jsonDump({{"from", entityJson(*from)},
                      {"to", entityJson(*to)},
                      {"filter",
                       {{"range", rangeJson(filter.range)},
                        {"relations", std::move(relationNames)},
                        {"maxDepth", filter.maxDepth},
                        {"maxPaths", filter.maxPaths},
                        {"hubDegree", filter.hubDegree}}},
                      {"length", r->length < 0 ? nlohmann::json() : nlohmann::json(r->length)},
                      {"more", r->more},
                      {"truncated", r->truncated},
                      {"visited", r->visited},
                      {"hubsNotCrossed", std::move(hubs)},
                      {"paths", std::move(list)}}));
        return exit;
    }

    std::string s = "Paths from " + std::string(entityTypeName(from->type)) + " " +
                    entityDisplay(*from) + " to " + std::string(entityTypeName(to->type)) + " " +
                    entityDisplay(*to) + "\n";
    if (r->paths.empty()) {
        s +=
            "  no path of at most " + std::to_string(filter.maxDepth) + " relations" +
            (r->truncated ? " found before the search limit (" +
                                formatCount(static_cast<int64_t>(r->visited)) + " entities reached)"
                          : "") +
            "\n";
    }
    for (size_t i = 0; i < r->paths.size(); ++i) {
        const GraphPath &p = r->paths[i];
        s += std::to_string(i + 1) + ". ";
        for (size_t k = 0; k < p.nodes.size(); ++k) {
            s += std::string(entityTypeName(p.nodes[k].entity.type)) + " " + nodeText(p.nodes[k]);
            if (k < p.links.size())
                s += linkText(p.links[k]);
        }
        s += "\n";
    }
    if (!r->paths.empty()) {
        s += "\n" + formatCount(static_cast<int64_t>(r->paths.size())) +
             (r->paths.size() == 1 ? " path of " : " paths of ") + std::to_string(r->length) +
             (r->length == 1 ? " relation" : " relations");
        if (r->more)
            s += " (more exist: --max-paths)";
        s += "\n";
    }
    if (!r->hubs.empty()) {
        s += "Not crossed (more than " + formatCount(static_cast<int64_t>(filter.hubDegree)) +
             " relations, see --hub-degree):";
        for (const PathHub &h : r->hubs)
            s += " " + std::string(entityTypeName(h.node.entity.type)) + ":" +
                 displayText(h.node.entity.key);
        s += "\n";
    }
    out(s);
    return exit;
}

} // namespace sightline::cli
