// sightline-cli neighbors CASE TYPE KEY [--from T] [--to T] [--type T]... [--relation R]...
//                         [--threshold N] [--top N] [--members TYPE [--sort S] [--limit N]
//                         [--offset N]] [--json]
#include "CliSupport.h"
#include "Commands.h"
#include "GraphValues.h"
#include "JsonValues.h"
#include "TextTable.h"

#include "queries/Neighborhood.h"

namespace sightline::cli {

using namespace Qt::StringLiterals;

namespace {

using A = TextTable::Align;

std::string neighborTable(const std::vector<Neighbor> &rows, bool showType)
{
    std::vector<TextTable::Column> cols;
    if (showType)
        cols.push_back({"TYPE"});
    cols.insert(cols.end(), {{"KEY", A::Left, 64},
                             {"LABEL", A::Left, 32},
                             {"RELATIONS", A::Left, 48},
                             {"COUNT", A::Right},
                             {"FIRST SEEN"},
                             {"LAST SEEN"}});
    TextTable t(cols);
    for (const Neighbor &n : rows) {
        std::vector<std::string> row;
        if (showType)
            row.emplace_back(entityTypeName(n.node.entity.type));
        row.insert(row.end(),
                   {nodeText(n.node),
                    n.node.entity.label == n.node.entity.key ? std::string()
                                                             : displayText(n.node.entity.label),
                    relationsText(n.edges), formatCount(n.weight), formatTime(n.seen.first),
                    formatTime(n.seen.last)});
        t.addRow(std::move(row));
    }
    return t.render();
}

nlohmann::json filterJson(const NeighborhoodFilter &f)
{
    nlohmann::json types = nlohmann::json::array(), relations = nlohmann::json::array();
    for (EntityType t : f.types)
        types.push_back(std::string(entityTypeName(t)));
    for (Relation r : f.relations)
        relations.push_back(std::string(relationName(r)));
    return {{"range", rangeJson(f.range)},
            {"types", std::move(types)},
            {"relations", std::move(relations)},
            {"threshold", f.groupThreshold},
            {"top", f.groupTop}};
}

std::optional<NeighborSort> parseSort(const QString &s)
{
    if (s.isEmpty() || s == u"weight")
        return NeighborSort::Weight;
    if (s == u"last")
        return NeighborSort::LastSeen;
    if (s == u"first")
        return NeighborSort::FirstSeen;
    if (s == u"key")
        return NeighborSort::Key;
    fail(ExitUsage, "unknown --sort '" + displayText(toUtf8(s)) + "' (weight, last, first, key)");
    return std::nullopt;
}

} // namespace

int runNeighbors(const QStringList &args)
{
    CommandLine cl(u"neighbors"_s,
                   u"The entities related to one entity in the relationship graph, with every "
                   u"relation between them (-> from the entity, <- towards it), its count and "
                   u"first / last seen. Types with more neighbours than --threshold collapse "
                   u"into a group showing the busiest --top; --members TYPE lists one group "
                   u"page by page. --from / --to keep the relations seen in the range."_s);
    cl.addJson();
    cl.addRange();
    cl.parser().addPositionalArgument(u"CASE"_s, u"The case file."_s);
    cl.parser().addPositionalArgument(u"TYPE"_s, u"Entity type, e.g. AwsUser."_s);
    cl.parser().addPositionalArgument(u"KEY"_s, u"Entity key, ARN or name."_s);
    cl.parser().addOption(QCommandLineOption(
        u"type"_s, u"Neighbour types to keep (repeatable or comma-separated)."_s, u"TYPE"_s));
    cl.parser().addOption(QCommandLineOption(
        u"relation"_s,
        u"Relations to follow, e.g. called_from, acted_on, runs_as (repeatable or "_s
        u"comma-separated)."_s,
        u"RELATION"_s));
    cl.parser().addOption(QCommandLineOption(
        u"threshold"_s, u"More neighbours of one type than N form a group (default 25)."_s,
        u"N"_s));
    cl.parser().addOption(
        QCommandLineOption(u"top"_s, u"Members shown with each group (default 10)."_s, u"N"_s));
    cl.parser().addOption(QCommandLineOption(
        u"members"_s, u"List the neighbours of this type only, paged (no grouping)."_s, u"TYPE"_s));
    cl.parser().addOption(QCommandLineOption(
        u"sort"_s, u"With --members: weight (default), last, first or key."_s, u"ORDER"_s));
    cl.parser().addOption(QCommandLineOption(
        u"limit"_s, u"With --members: neighbours per page (default 100, 0 = all)."_s, u"N"_s));
    cl.parser().addOption(
        QCommandLineOption(u"offset"_s, u"With --members: neighbours to skip."_s, u"N"_s));
    if (auto code = cl.parse(args, 3, 3))
        return *code;
    const auto range = cl.range();
    const auto threshold = cl.count(u"threshold"_s, 25);
    const auto top = cl.count(u"top"_s, 10);
    const auto limit = cl.count(u"limit"_s, 100);
    const auto offset = cl.count(u"offset"_s, 0);
    const auto types = parseTypes(cl.parser().values(u"type"_s));
    const auto relations = parseRelations(cl.parser().values(u"relation"_s));
    const auto sort = parseSort(cl.value(u"sort"_s));
    if (!range || !threshold || !top || !limit || !offset || !types || !relations || !sort)
        return ExitUsage;
    std::optional<EntityType> members;
    if (cl.isSet(u"members"_s)) {
        members = parseType(cl.value(u"members"_s));
        if (!members)
            return ExitUsage;
    }
    NeighborhoodFilter filter;
    filter.range = *range;
    filter.types = *types;
    filter.relations = *relations;
    filter.groupThreshold = *threshold;
    filter.groupTop = *top;

    int code = ExitOk;
    auto caseFile = openCase(cl.positional().at(0), code);
    if (!caseFile)
        return code;
    NeighborhoodQuery query(caseFile->db());
    auto entity = resolveEntity(query.lookup(), cl.positional().at(1), cl.positional().at(2), code);
    if (!entity)
        return code;
    auto center = query.node(entity->id);
    if (!center)
        return fail(ExitFailure, caseFile->path() + ": " + displayText(center.error().detail));
    const std::string title =
        "Neighbours of " + std::string(entityTypeName(entity->type)) + " " + entityDisplay(*entity);

    if (members) {
        auto page = query.members(entity->id, *members, filter, *sort, *offset, *limit);
        if (!page)
            return fail(ExitFailure, caseFile->path() + ": " + displayText(page.error().detail));
        if (cl.json()) {
            nlohmann::json rows = nlohmann::json::array();
            for (const Neighbor &n : page->rows)
                rows.push_back(neighborJson(n));
            nlohmann::json f = filterJson(filter);
            f["members"] = std::string(entityTypeName(*members));
            f["offset"] = *offset;
            f["limit"] = *limit;
            out(jsonDump({{"entity", graphNodeJson(*center)},
                          {"filter", std::move(f)},
                          {"total", page->total},
                          {"more", page->more},
                          {"partial", page->partial},
                          {"neighbors", std::move(rows)}}));
            return ExitOk;
        }
        std::string s = title + ": " + std::string(entityTypeName(*members)) + "\n";
        if (!page->rows.empty())
            s += neighborTable(page->rows, false);
        s += "\n" + formatCount(static_cast<int64_t>(page->rows.size())) + " of " +
             formatCount(page->total) + (page->partial ? "+" : "") + " neighbours";
        if (page->more)
            s += " (more: use --offset " + std::to_string(*offset + page->rows.size()) + ")";
        s += "\n";
        out(s);
        return ExitOk;
    }

    auto hood = query.load(entity->id, filter);
    if (!hood)
        return fail(ExitFailure, caseFile->path() + ": " + displayText(hood.error().detail));
    if (cl.json()) {
        nlohmann::json neighbors = nlohmann::json::array(), groups = nlohmann::json::array();
        for (const Neighbor &n : hood->neighbors)
            neighbors.push_back(neighborJson(n));
        for (const NeighborGroup &g : hood->groups) {
            nlohmann::json topRows = nlohmann::json::array();
            for (const Neighbor &n : g.top)
                topRows.push_back(neighborJson(n));
            groups.push_back({{"type", std::string(entityTypeName(g.type))},
                              {"total", g.total},
                              {"partial", g.partial},
                              {"top", std::move(topRows)}});
        }
        out(jsonDump({{"entity", graphNodeJson(hood->center)},
                      {"filter", filterJson(filter)},
                      {"partial", hood->partial},
                      {"neighbors", std::move(neighbors)},
                      {"groups", std::move(groups)}}));
        return ExitOk;
    }
    std::string s = title + "\n";
    if (!hood->neighbors.empty())
        s += neighborTable(hood->neighbors, true);
    for (const NeighborGroup &g : hood->groups) {
        s += "\n" + std::string(entityTypeName(g.type)) + ": " + formatCount(g.total) +
             (g.partial ? "+" : "") + " neighbours, the busiest " + std::to_string(g.top.size()) +
             " (all: --members " + std::string(entityTypeName(g.type)) + ")\n";
        s += neighborTable(g.top, false);
    }
    size_t shown = hood->neighbors.size();
    int64_t total = static_cast<int64_t>(shown);
    for (const NeighborGroup &g : hood->groups) {
        shown += g.top.size();
        total += g.total;
    }
    s += "\n" + formatCount(total) + (total == 1 ? " neighbour" : " neighbours");
    if (static_cast<int64_t>(shown) != total)
        s += ", " + formatCount(static_cast<int64_t>(shown)) + " shown";
    if (hood->partial)
        s += " (an entity this busy is read in part: counts are lower bounds)";
    s += "\n";
    out(s);
    return ExitOk;
}

} // namespace sightline::cli
