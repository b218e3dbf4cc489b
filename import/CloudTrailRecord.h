#pragma once
// The fields of one CloudTrail record that Sightline reads, as views into the parser's
// buffers (valid until the parser parses again). Extraction tolerates any shape: missing
// fields, nulls, wrong types and unknown fields read as empty.
#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct CloudTrailIdentity
{
    std::string_view type, principalId, arn, accountId, accessKeyId, userName, invokedBy;
    std::string_view issuerType, issuerPrincipalId, issuerArn, issuerAccountId, issuerUserName;
    std::string_view onBehalfOfUserId, credentialId;
};

struct CloudTrailField
{
    std::string_view parent; // key of the enclosing object (or array's key)
    std::string_view key;
    std::string_view value;
};

struct CloudTrailResource
{
    std::string_view arn, type, accountId;
};

struct CloudTrailRecord
{
    std::string_view eventVersion, eventTime, eventSource, eventName, awsRegion, sourceIp,
        userAgent, errorCode, eventId, eventType, recipientAccountId;
    std::string_view altTime; // @timestamp or an outer EventTime
    CloudTrailIdentity identity;
    std::vector<CloudTrailField> request;  // interesting fields of requestParameters
    std::vector<CloudTrailField> response; // ... of responseElements
    std::vector<CloudTrailResource> resources;
    std::string_view insightSource, insightName, insightState;
    std::string_view nestedEvent; // CloudTrailEvent / _raw string holding the real record
    // Nested objects exported as JSON text (Athena): parsed by the caller when present.
    std::string_view identityText, requestText, responseText;
    bool sawCloudTrailKey = false;

    void clear();
};

// Reads one record object. Returns false if the text is not a JSON object.
bool extractCloudTrail(simdjson::ondemand::parser &parser, simdjson::padded_string_view text,
                       CloudTrailRecord &out, std::string &error);

// Reads a userIdentity / requestParameters / responseElements object kept as JSON text.
void extractNestedText(simdjson::ondemand::parser &parser, simdjson::padded_string_view text,
                       std::string_view which, CloudTrailRecord &out);

} // namespace sightline
