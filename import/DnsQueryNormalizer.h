#pragma once
// One DNS query as Route 53 Resolver logs it (natively, or mapped to OCSF DNS Activity), and
// its normalisation: a DnsQuery event naming the query type and domain, a Domain entity
// (the query name lower-cased, without the trailing dot) queried_by the instance and the
// source address, resolves_to the addresses in the answers. The response code (when not
// NOERROR) and a DNS Firewall BLOCK / ALERT are the event's error.
// Thread affinity: one importer thread.
#include "BatchBuilder.h"

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct DnsQueryRecord
{
    int64_t timeMs = 0;
    std::string_view queryName, queryType, queryClass, rcode;
    std::string_view srcAddr, srcPort, transport, instanceId, resolverEndpoint, vpcId;
    std::string_view account, region;
    std::string_view firewallAction, firewallRuleGroup, firewallDomainList;
    std::vector<std::string_view> answers; // rdata of each answer

    void clear();
};

class DnsQueryNormalizer
{
public:
    // Adds the event; returns false with reason when the record is unusable.
    bool add(const DnsQueryRecord &record, std::string_view raw, int64_t line, int64_t offset,
             BatchBuilder &out, std::string &reason);

    // "example.com" from "Example.COM." (empty when nothing is left).
    static std::string domainName(std::string_view queryName);

private:
    std::string m_domain, m_scratch, m_error;
};

} // namespace sightline
