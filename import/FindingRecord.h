#pragma once
// One security finding (GuardDuty, Security Hub ASFF) as the finding formats extract it:
// scalar fields as text, the entities it involves ("parties") and the relations between
// them. FindingNormalizer turns it into an event, a Finding entity, involves edges and a
// FindingRow. Owned strings: a record outlives the parser buffers it was read from.
#include "EntityType.h"
#include "Relation.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline {

// Severity labels as stored in findings.severity_label and used as the Metric::Findings dim.
enum class SeverityLabel : int
{
    Informational = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
};

// GuardDuty's levels for its 1.0-10.0 number (guardduty_findings-severity): Low 1.0-3.9,
// Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0. Values below 1.0 (reserved) count as Low.
SeverityLabel guardDutySeverityLabel(double severity);
// ASFF Severity.Label text (INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL; any case); -1 when
// the text is none of them.
int asffSeverityLabel(std::string_view label);
// ASFF Severity.Normalized 0-100 as Security Hub maps it: 0 informational, 1-39 low,
// 40-69 medium, 70-89 high, 90-100 critical.
SeverityLabel normalizedSeverityLabel(double normalized);
std::string_view severityLabelName(int label); // "Informational" .. "Critical"

// The Finding entity key of a GuardDuty finding, shared by both ways it arrives: its ARN as
// GuardDuty writes it ("arn:aws:guardduty:<region>:<account>:detector/<d>/finding/<id>").
// Security Hub carries the same ARN in its Id (the AWS docs print it "arn:aws::guardduty:",
// with an empty field, which is folded). Returns "" when text is not a GuardDuty finding ARN.
std::string guardDutyFindingArn(std::string_view text);
// ASFF type "TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort" -> GuardDuty type
// "Recon:EC2/PortProbeUnprotectedPort" (see the GuardDuty user guide's mapping table).
std::string guardDutyTypeFromAsff(std::string_view asffType);

// A number in JSON text ("7.5", "7", "\"2\""): false when it is not one.
bool parseNumber(std::string_view text, double &out);

struct FindingParty
{
    EntityType type = EntityType::IpAddress;
    std::string key, label, account, attrs;
    bool principal = false; // a user or role that may be known by another key (ARN / id)
};

struct FindingLink
{
    int from = -1; // indexes into FindingRecord::parties
    Relation relation = Relation::Involves;
    int to = -1;
};

struct FindingRecord
{
    std::string product; // "GuardDuty", "Security Hub", or an ASFF ProductName
    std::string id;      // the finding's own id (GuardDuty id, ASFF Id)
    std::string key;     // Finding entity key (ARN or id)
    std::string type, title, account, region;
    std::string updatedAt, createdAt, firstSeen, lastSeen, fallbackTime; // as in the record
    double severity = 0;
    bool hasSeverity = false;
    int label = -1; // SeverityLabel, -1 until known
    int64_t count = 1;
    bool archived = false;

    std::vector<FindingParty> parties;
    std::vector<FindingLink> links;
    // Network interfaces of instance parties: (eni id, index into parties).
    std::vector<std::pair<std::string, int>> interfaces;
    // Preferred event columns (indexes into parties, -1 = none).
    int principal = -1, ip = -1, accessKey = -1, userAgent = -1;

    void clear();

    // Adds (or finds) a party; returns its index, -1 for an empty key.
    int party(EntityType type, std::string_view key, std::string_view label = {},
              std::string_view account = {}, std::string_view attrs = {}, bool principal = false);
    // An IpAddress party when text is an address (redacted values such as "00000000000000"
    // are not); -1 otherwise.
    int ipParty(std::string_view text, std::string_view attrs = {});
    // A Domain party keyed as the DNS formats key domains: lower case, no trailing dot.
    int domainParty(std::string_view name);
    void link(int from, Relation relation, int to);

    // Attributes of the Finding entity, written as one JSON object. Values are JSON text.
    void attr(std::string_view name, std::string_view text); // a string
    void attrNumber(std::string_view name, std::string_view number);
    void attrBool(std::string_view name, bool value);
    void attrAppend(std::string_view name, std::string_view jsonValue); // to an array
    std::string attrsJson() const;

private:
    struct Attr
    {
        std::string name;
        std::string json; // value, or the elements of an array without brackets
        bool array = false;
    };
    std::vector<Attr> m_attrs;
    Attr *findAttr(std::string_view name);
};

// A small JSON object of string members being built; take() is "" when none was added.
class JsonObjectText
{
public:
    void add(std::string_view name, std::string_view value);   // skipped when value is ""
    void addRaw(std::string_view name, std::string_view json); // skipped when json is ""
    std::string take();

private:
    std::string m_text;
};

// JSON string literal of s (quotes included), control characters escaped.
void appendJsonQuoted(std::string &out, std::string_view s);
std::string jsonString(std::string_view s);

} // namespace sightline
