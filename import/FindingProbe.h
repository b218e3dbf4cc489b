#pragma once
// A quick look at a sniffed first record for the finding formats' detect(): the keys of the
// finding object (the record itself, the "detail" of an EventBridge event, or the first of
// "detail.findings"), lower-cased, and the few values that tell the formats apart.
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct FindingProbe
{
    bool object = false;   // the text is a JSON object
    bool envelope = false; // an EventBridge event ("detail-type" and "detail")
    bool pattern = false;  // an EventBridge rule pattern ("source": [...]), not an event
    std::string source, detailType;
    bool detailFindings = false;              // detail.findings is an array (Security Hub events)
    std::vector<std::string> keys;            // of the finding object, lower-case
    std::string arn, productArn, serviceName; // arn / productArn / service.serviceName

    bool has(std::string_view lowerKey) const;
};

FindingProbe probeFinding(std::string_view text);

} // namespace sightline
