#pragma once
// Turns one VPC / transit gateway flow log record (already split into values) into flow
// aggregates, entities, edges and first/last seen. Flow records never become events rows:
// they are summed per hour and tuple (see ImportBatch.h, FlowRow).
// Thread affinity: one importer thread (one instance per source file).
#include "BatchBuilder.h"
#include "VpcFlowFields.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sightline {

class VpcFlowNormalizer
{
public:
    struct Counts
    {
        int64_t flows = 0;         // records aggregated
        int64_t noData = 0;        // log-status NODATA
        int64_t skipData = 0;      // log-status SKIPDATA
        int64_t untimed = 0;       // no start / end: entities only
        int64_t badStart = 0;      // start after end or a day before it: end used
        int64_t undirected = 0;    // local side unknown: stored source -> destination
        int64_t unattributed = 0;  // of those, records whose instance could not be credited
        int64_t alreadyInCase = 0; // not added again: see skipFlowRecords()
    };

    // Adds the record; false (with reason) when it is unusable.
    bool add(const vpcflow::Layout &layout, const vpcflow::Values &values, BatchBuilder &out,
             std::string &reason);
    const Counts &counts() const { return m_counts; }
    // The first n records that would add a flow add nothing: an interrupted import of the
    // same file committed them (flow records have no key that would tell them apart).
    void skipFlowRecords(int64_t n) { m_skip = n; }

private:
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Cache = std::unordered_map<std::string, int64_t, Hash, std::equal_to<>>;

    int64_t ipEntity(Interner &in, std::string_view address, std::string_view interface);
    int64_t instanceEntity(Interner &in, std::string_view id, std::string_view account,
                           std::string_view interface, std::string_view vpc,
                           std::string_view subnet);
    int interfaceSide(std::string_view interface, std::string_view src, std::string_view dst);
    void learn(std::string_view interface, std::string_view address);

    Counts m_counts;
    int64_t m_skip = 0;
    Cache m_ips, m_instances;
    Cache m_interfaceInstances; // interface -> instance learnt from other sources (0: none)
    // The addresses of each network interface, learnt from records whose local side was
    // decided by flow-direction or by a private / public pair (see the rule in add()).
    std::unordered_map<std::string, std::vector<std::string>, Hash, std::equal_to<>> m_interfaces;
    std::string m_attrs;
};

} // namespace sightline
