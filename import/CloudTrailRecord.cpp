#include "CloudTrailRecord.h"

#include "JsonUtil.h"

#include <array>

namespace sightline {
namespace {

using simdjson::ondemand::object;

// Athena and Security Lake exports spell CloudTrail's keys in lower case; compare keys
// case-insensitively through a lower-cased copy.
struct LowerKey
{
    char buf[48];
    std::string_view view;
    explicit LowerKey(std::string_view key)
    {
        if (key.size() > sizeof buf)
            return;
        for (size_t i = 0; i < key.size(); ++i) {
            const char c = key[i];
            buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        }
        view = std::string_view(buf, key.size());
    }
};
using simdjson::ondemand::value;

constexpr std::array<std::string_view, 22> kInterestingKeys = {
    "bucketName",       "roleArn",      "roleSessionName",
    "userName",         "instanceId",   "accessKeyId",
    "assumedRoleId",    "arn",          "userId",
    "federatedUserId",  "roleName",     "networkInterfaceId",
    "privateIpAddress", "name",         "keyName",
    "secretId",         "functionName", "snapshotId",
    "imageId",          "groupId",      "trailName",
    "policyArn",
};

bool interesting(std::string_view key)
{
    for (std::string_view k : kInterestingKeys) {
        if (k == key)
            return true;
    }
    return false;
}

void walk(value v, std::string_view parent, std::vector<CloudTrailField> &out, int depth)
{
    if (depth > 6 || out.size() > 512)
        return;
    if (json::isObject(v)) {
        object o;
        if (v.get_object().get(o))
            return;
        for (auto field : o) {
            std::string_view key;
            if (field.unescaped_key().get(key))
                return;
            value child;
            if (field.value().get(child))
                return;
            if (json::isObject(child) || json::isArray(child)) {
                walk(child, key, out, depth + 1);
            } else {
                const std::string_view t = json::text(child);
                // Instance ids are kept wherever they appear (instanceIds, filters ...).
                if (!t.empty() && (interesting(key) || t.substr(0, 2) == "i-"))
                    out.push_back(CloudTrailField{parent, key, t});
            }
        }
    } else if (json::isArray(v)) {
        simdjson::ondemand::array a;
        if (v.get_array().get(a))
            return;
        int n = 0;
        for (auto element : a) {
            value child;
            if (element.get(child) || ++n > 1000)
                return;
            if (json::isObject(child) || json::isArray(child)) {
                walk(child, parent, out, depth + 1);
            } else {
                const std::string_view t = json::text(child);
                if (!t.empty() && (interesting(parent) || t.substr(0, 2) == "i-"))
                    out.push_back(CloudTrailField{parent, parent, t});
            }
        }
    }
}

void readIssuer(value v, CloudTrailIdentity &id)
{
    json::forEachField(v, [&](std::string_view key, value &child) {
        const LowerKey lower(key);
        const std::string_view k = lower.view;
        if (k == "type")
            id.issuerType = json::text(child);
        else if (k == "principalid")
            id.issuerPrincipalId = json::text(child);
        else if (k == "arn")
            id.issuerArn = json::text(child);
        else if (k == "accountid")
            id.issuerAccountId = json::text(child);
        else if (k == "username")
            id.issuerUserName = json::text(child);
    });
}

void readIdentity(value v, CloudTrailIdentity &id)
{
    object o;
    if (v.get_object().get(o))
        return;
    for (auto field : o) {
        std::string_view key;
        value child;
        if (field.unescaped_key().get(key) || field.value().get(child))
            return;
        const LowerKey lower2(key);
        key = lower2.view;
        if (key == "type")
            id.type = json::text(child);
        else if (key == "principalid")
            id.principalId = json::text(child);
        else if (key == "arn")
            id.arn = json::text(child);
        else if (key == "accountid")
            id.accountId = json::text(child);
        else if (key == "accesskeyid")
            id.accessKeyId = json::text(child);
        else if (key == "username")
            id.userName = json::text(child);
        else if (key == "invokedby")
            id.invokedBy = json::text(child);
        else if (key == "credentialid")
            id.credentialId = json::text(child);
        else if (key == "sessioncontext")
            json::forEachField(child, [&](std::string_view k, value &c) {
                if (LowerKey(k).view == "sessionissuer" && json::isObject(c))
                    readIssuer(c, id);
            });
        else if (key == "onbehalfof")
            json::forEachField(child, [&](std::string_view k, value &c) {
                if (LowerKey(k).view == "userid")
                    id.onBehalfOfUserId = json::text(c);
            });
    }
}

void readResources(value v, std::vector<CloudTrailResource> &out)
{
    simdjson::ondemand::array a;
    if (v.get_array().get(a))
        return;
    for (auto element : a) {
        value e;
        if (element.get(e) || out.size() > 1000)
            return;
        if (!json::isObject(e))
            continue;
        object o;
        if (e.get_object().get(o))
            continue;
        CloudTrailResource r;
        for (auto field : o) {
            std::string_view key;
            value child;
            if (field.unescaped_key().get(key) || field.value().get(child))
                break;
            const LowerKey lower3(key);
            const std::string_view k = lower3.view;
            if (k == "arn" || k == "resourcename")
                r.arn = json::text(child);
            else if (k == "type" || k == "resourcetype")
                r.type = json::text(child);
            else if (k == "accountid")
                r.accountId = json::text(child);
        }
        out.push_back(r);
    }
}

void readInsight(value v, CloudTrailRecord &r)
{
    json::forEachField(v, [&](std::string_view key, value &child) {
        if (key == "eventSource")
            r.insightSource = json::text(child);
        else if (key == "eventName")
            r.insightName = json::text(child);
        else if (key == "state")
            r.insightState = json::text(child);
    });
}

} // namespace

void CloudTrailRecord::clear()
{
    *this = CloudTrailRecord{};
}

bool extractCloudTrail(simdjson::ondemand::parser &parser, simdjson::padded_string_view text,
                       CloudTrailRecord &r, std::string &error)
{
    r.request.clear();
    r.response.clear();
    r.resources.clear();
    simdjson::ondemand::document doc;
    if (auto e = parser.iterate(text).get(doc); e) {
        error = simdjson::error_message(e);
        return false;
    }
    object o;
    if (auto e = doc.get_object().get(o); e) {
        error = "not a JSON object";
        return false;
    }
    for (auto field : o) {
        std::string_view key;
        value v;
        if (auto e = field.unescaped_key().get(key); e) {
            error = simdjson::error_message(e);
            return false;
        }
        if (auto e = field.value().get(v); e) {
            error = simdjson::error_message(e);
            return false;
        }
        if (key.empty())
            continue;
        const LowerKey lower4(key);
        const std::string_view k = lower4.view;
        if (k.empty())
            continue;
        switch (k[0]) {
        case 'e':
            if (k == "eventtime") {
                r.eventTime = json::text(v);
                r.sawCloudTrailKey = true;
            } else if (k == "eventsource") {
                r.eventSource = json::text(v);
                r.sawCloudTrailKey = true;
            } else if (k == "eventname") {
                r.eventName = json::text(v);
                r.sawCloudTrailKey = true;
            } else if (k == "eventid") {
                if (r.eventId.empty() || key == "eventID")
                    r.eventId = json::text(v);
            } else if (k == "eventtype") {
                r.eventType = json::text(v);
            } else if (k == "eventversion") {
                r.eventVersion = json::text(v);
                r.sawCloudTrailKey = true;
            } else if (k == "errorcode") {
                r.errorCode = json::text(v);
            }
            if (key == "EventTime") // lookup-events wrapper: local time with an offset
                r.altTime = json::text(v), r.eventTime = {};
            break;
        case 'u':
            if (k == "useridentity") {
                if (json::isObject(v))
                    readIdentity(v, r.identity);
                else
                    r.identityText = json::text(v); // JSON kept as text (Athena)
                r.sawCloudTrailKey = true;
            } else if (k == "useragent") {
                r.userAgent = json::text(v);
            }
            break;
        case 's':
            if (k == "sourceipaddress")
                r.sourceIp = json::text(v);
            break;
        case 'a':
            if (k == "awsregion")
                r.awsRegion = json::text(v);
            break;
        case 'r':
            if (k == "requestparameters") {
                if (json::isObject(v) || json::isArray(v))
                    walk(v, "requestParameters", r.request, 0);
                else
                    r.requestText = json::text(v);
            } else if (k == "responseelements") {
                if (json::isObject(v) || json::isArray(v))
                    walk(v, "responseElements", r.response, 0);
                else
                    r.responseText = json::text(v);
            } else if (k == "resources") {
                readResources(v, r.resources);
            } else if (k == "recipientaccountid") {
                r.recipientAccountId = json::text(v);
            }
            break;
        case 'i':
            if (k == "insightdetails" && json::isObject(v))
                readInsight(v, r);
            break;
        case '@':
            if (k == "@timestamp")
                r.altTime = json::text(v);
            break;
        case 'c':
            if (key == "CloudTrailEvent")
                r.nestedEvent = json::text(v);
            break;
        case '_':
            if (key == "_raw")
                r.nestedEvent = json::text(v);
            break;
        default:
            break;
        }
    }
    return true;
}

} // namespace sightline

namespace sightline {

void extractNestedText(simdjson::ondemand::parser &parser, simdjson::padded_string_view text,
                       std::string_view which, CloudTrailRecord &out)
{
    simdjson::ondemand::document doc;
    if (parser.iterate(text).get(doc))
        return;
    value v;
    if (doc.get_value().get(v))
        return;
    if (which == "userIdentity" && json::isObject(v))
        readIdentity(v, out.identity);
    else if (which == "requestParameters")
        walk(v, which, out.request, 0);
    else if (which == "responseElements")
        walk(v, which, out.response, 0);
}

} // namespace sightline
