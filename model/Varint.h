#pragma once
// Small encoding helpers shared by the writer and the queries.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// v as a LEB128 varint.
void appendVarint(uint64_t v, std::string &out);

// Ascending ids as LEB128 varints of their differences (the first relative to 0).
void encodeDeltaList(const std::vector<int64_t> &ascending, std::string &out);
// Appends the decoded ids to out; stops quietly at a malformed byte sequence.
void decodeDeltaList(std::string_view data, std::vector<int64_t> &out);

// Dotted-quad IPv4 (decimal octets, leading zeros allowed) to a number; -1 if not IPv4.
int64_t parseIpv4(std::string_view text);

} // namespace sightline
