#pragma once
// IPv4 / IPv6 address text: validation and the address ranges that never leave a private
// network. No allocation; used on the flow log hot path.
#include <string_view>

namespace sightline {

struct IpClass
{
    bool valid = false;
    bool v6 = false;
    // Not routed on the internet: RFC 1918 (10/8, 172.16/12, 192.168/16), RFC 6598 shared
    // space (100.64/10, used for VPC secondary ranges and EKS pods), link-local (169.254/16,
    // fe80::/10), loopback, and IPv6 unique local addresses (fc00::/7).
    bool privateUse = false;
};

// Dotted-quad IPv4 (no leading zeros beyond one digit per octet are required), or IPv6 in
// any RFC 4291 text form including "::" and a dotted IPv4 tail. No zone ids, no brackets.
IpClass classifyIp(std::string_view text);

} // namespace sightline
