#pragma once
// Turns one CloudTrailRecord into an event with its entities, edges and aggregate
// contributions (see DESIGN.md "Entities and relations").
#include "BatchBuilder.h"
#include "CloudTrailRecord.h"
#include "RecordReader.h"

#include <string>

namespace sightline {

class CloudTrailNormalizer
{
public:
    // Adds the event to out; returns false (with reason) when the record is unusable.
    bool add(const CloudTrailRecord &record, const RecordSpan &raw, BatchBuilder &out,
             std::string &reason);

private:
    struct Refs;
    void principal(const CloudTrailRecord &r, BatchBuilder &out, Refs &refs);
    void targets(const CloudTrailRecord &r, BatchBuilder &out, Refs &refs, bool success);
    std::string m_scratch;
};

// Helpers shared with other formats.
bool isIpAddress(std::string_view text);
std::string_view arnAccount(std::string_view arn);
std::string_view arnResource(std::string_view arn); // the part after the 5th ':'
std::string_view lastPathPart(std::string_view s);
std::string arnAttrs(std::string_view arn); // {"arn": ...} or empty
bool isEc2InstanceId(std::string_view s);   // i- and 8 to 17 hex digits
// An AWS resource id such as "eni-0a1b2c" or "i-0axxxxxx1ad77" (redacted ids keep letters).
bool isResourceId(std::string_view s, std::string_view prefix);
inline bool isNetworkInterfaceId(std::string_view s)
{
    return isResourceId(s, "eni-");
}

} // namespace sightline
