#pragma once
// OCSF Network Activity (4001, VPC Flow Logs in Security Lake) and DNS Activity (4003,
// Route 53 Resolver query logs). Network Activity records become flow aggregates exactly as
// VPC Flow Logs do (no events rows: FlowRow per hour and tuple, FlowBytes / FlowPackets /
// FlowRecords aggregates, talked_to edges); DNS Activity becomes what DnsQueryNormalizer
// makes of a native resolver record, with the same event key.
// Thread affinity: one importer thread.
#include "BatchBuilder.h"
#include "DnsQueryNormalizer.h"
#include "OcsfRecord.h"
#include "RecordReader.h"

#include <string>

namespace sightline {

class OcsfNetworkMapper
{
public:
    // Each returns false (with reason) when the record is unusable.
    bool addFlow(const ocsf::Record &r, const RecordSpan &raw, BatchBuilder &out,
                 std::string &reason);
    bool addDns(const ocsf::Record &r, const RecordSpan &raw, BatchBuilder &out,
                std::string &reason);

    int64_t flows() const { return m_flows; }

private:
    DnsQueryRecord m_dns;
    DnsQueryNormalizer m_dnsNormalizer;
    int64_t m_flows = 0;
};

} // namespace sightline
