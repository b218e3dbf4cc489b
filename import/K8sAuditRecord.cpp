#include "K8sAuditRecord.h"

#include "JsonUtil.h"

#include <algorithm>

namespace sightline {
namespace {

using simdjson::ondemand::array;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

constexpr size_t kMaxList = 64; // groups, source IPs and images kept per event

// The first string of a list ("extra" values are lists), or the value itself.
std::string_view firstText(value v)
{
    if (!json::isArray(v))
        return json::text(v);
    array a;
    if (v.get_array().get(a))
        return {};
    for (auto element : a) {
        value child;
        if (element.get(child))
            return {};
        return json::text(child);
    }
    return {};
}

void readList(value v, std::vector<std::string_view> &out)
{
    array a;
    if (v.get_array().get(a))
        return;
    for (auto element : a) {
        value child;
        if (element.get(child) || out.size() >= kMaxList)
            return;
        const std::string_view t = json::text(child);
        if (!t.empty())
            out.push_back(t);
    }
}

void readUser(value v, K8sAuditRecord &r)
{
    object o;
    if (v.get_object().get(o))
        return;
    for (auto field : o) {
        std::string_view key;
        value child;
        if (field.unescaped_key().get(key) || field.value().get(child))
            return;
        if (key == "username")
            r.username = json::text(child);
        else if (key == "uid")
            r.userUid = json::text(child);
        else if (key == "groups")
            readList(child, r.groups);
        else if (key == "extra" && json::isObject(child)) {
            object extra;
            if (child.get_object().get(extra))
                continue;
            for (auto f : extra) {
                std::string_view k;
                value c;
                if (f.unescaped_key().get(k) || f.value().get(c))
                    break;
                if (k == "arn")
                    r.iamArn = firstText(c);
                else if (k == "canonicalArn")
                    r.iamCanonicalArn = firstText(c);
                else if (k == "sessionName")
                    r.iamSessionName = firstText(c);
                else if (k == "accessKeyId")
                    r.iamAccessKeyId = firstText(c);
                else if (k == "principalId" || k == "sigs.k8s.io/aws-iam-authenticator/principalId")
                    r.iamPrincipalId = firstText(c);
            }
        }
    }
}

std::string_view memberText(value v, std::string_view name)
{
    object o;
    if (v.get_object().get(o))
        return {};
    for (auto field : o) {
        std::string_view key;
        value child;
        if (field.unescaped_key().get(key) || field.value().get(child))
            return {};
        if (key == name)
            return json::text(child);
    }
    return {};
}

void addImage(std::vector<std::string_view> &images, std::string_view image)
{
    if (!image.empty() && images.size() < kMaxList &&
        std::find(images.begin(), images.end(), image) == images.end())
        images.push_back(image);
}

// Images of containers anywhere in a pod spec or a workload's pod template.
void collectImages(value v, std::vector<std::string_view> &images, int depth)
{
    if (depth > 10)
        return;
    if (json::isArray(v)) {
        array a;
        if (v.get_array().get(a))
            return;
        for (auto element : a) {
            value child;
            if (element.get(child))
                return;
            if (json::isObject(child) || json::isArray(child))
                collectImages(child, images, depth + 1);
        }
        return;
    }
    object o;
    if (v.get_object().get(o))
        return;
    for (auto field : o) {
        std::string_view key;
        value child;
        if (field.unescaped_key().get(key) || field.value().get(child))
            return;
        if ((key == "containers" || key == "initContainers" || key == "ephemeralContainers") &&
            json::isArray(child)) {
            array a;
            if (child.get_array().get(a))
                continue;
            for (auto element : a) {
                value c;
                if (element.get(c))
                    break;
                if (json::isObject(c))
                    addImage(images, memberText(c, "image"));
            }
        } else if (key == "metadata" || key == "status" || key == "managedFields") {
            continue; // no pod specs there (status lists images already pulled elsewhere)
        } else if (json::isObject(child) || json::isArray(child)) {
            collectImages(child, images, depth + 1);
        }
    }
}

void readObject(value v, std::string_view &kind, std::string_view &name, std::string_view &ns,
                std::vector<std::string_view> &images)
{
    object o;
    if (v.get_object().get(o))
        return;
    for (auto field : o) {
        std::string_view key;
        value child;
        if (field.unescaped_key().get(key) || field.value().get(child))
            return;
        if (key == "kind") {
            kind = json::text(child);
        } else if (key == "metadata" && json::isObject(child)) {
            object m;
            if (child.get_object().get(m))
                continue;
            for (auto f : m) {
                std::string_view k;
                value c;
                if (f.unescaped_key().get(k) || f.value().get(c))
                    break;
                if (k == "name")
                    name = json::text(c);
                else if (k == "namespace")
                    ns = json::text(c);
            }
        } else if (key == "spec" && (json::isObject(child) || json::isArray(child))) {
            collectImages(child, images, 0);
        } else if (key == "items" && json::isArray(child)) { // a List of pods
            collectImages(child, images, 0);
        }
    }
}

void readObjectRef(value v, K8sAuditRecord &r)
{
    object o;
    if (v.get_object().get(o))
        return;
    for (auto field : o) {
        std::string_view key;
        value child;
        if (field.unescaped_key().get(key) || field.value().get(child))
            return;
        if (key == "resource")
            r.resource = json::text(child);
        else if (key == "subresource")
            r.subresource = json::text(child);
        else if (key == "namespace")
            r.objectNamespace = json::text(child);
        else if (key == "name")
            r.objectName = json::text(child);
        else if (key == "apiGroup")
            r.apiGroup = json::text(child);
    }
}

void readStatus(value v, K8sAuditRecord &r)
{
    object o;
    if (v.get_object().get(o))
        return;
    for (auto field : o) {
        std::string_view key;
        value child;
        if (field.unescaped_key().get(key) || field.value().get(child))
            return;
        if (key == "code") {
            int64_t code = 0;
            if (!child.get_int64().get(code) && code > 0 && code < 1000)
                r.code = static_cast<int>(code);
            else if (const std::string_view t = json::text(child); t.size() == 3)
                r.code = (t[0] - '0') * 100 + (t[1] - '0') * 10 + (t[2] - '0');
            if (r.code < 100 || r.code > 999)
                r.code = 0;
        } else if (key == "reason") {
            r.statusReason = json::text(child);
        }
    }
}

} // namespace

void K8sAuditRecord::clear()
{
    auto keep = [](std::vector<std::string_view> &v) { v.clear(); };
    std::vector<std::string_view> g = std::move(groups), s = std::move(sourceIps),
                                  i = std::move(images);
    keep(g);
    keep(s);
    keep(i);
    *this = K8sAuditRecord{};
    groups = std::move(g);
    sourceIps = std::move(s);
    images = std::move(i);
}

bool extractK8sAudit(simdjson::ondemand::parser &parser, simdjson::padded_string_view text,
                     K8sAuditRecord &r, CloudWatchEnvelope *envelope, std::string &error)
{
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
        ++r.auditKeys; // undone below for members that are not the audit Event's
        if (key == "kind") {
            simdjson::ondemand::json_type t;
            if (!v.type().get(t) && t != simdjson::ondemand::json_type::string) {
                r.kindIsString = false;
                r.kindText = v.raw_json_token();
                while (!r.kindText.empty() &&
                       (r.kindText.back() == ' ' || r.kindText.back() == '\n' ||
                        r.kindText.back() == ',' || r.kindText.back() == '}'))
                    r.kindText.remove_suffix(1);
            } else {
                r.kind = json::text(v);
            }
        } else if (key == "apiVersion") {
            r.apiVersion = json::text(v);
        } else if (key == "auditID") {
            r.auditId = json::text(v);
        } else if (key == "stage") {
            r.stage = json::text(v);
        } else if (key == "requestURI") {
            r.requestUri = json::text(v);
        } else if (key == "verb") {
            r.verb = json::text(v);
        } else if (key == "userAgent") {
            r.userAgent = json::text(v);
        } else if (key == "user") {
            readUser(v, r);
        } else if (key == "impersonatedUser") {
            r.impersonatedUser = memberText(v, "username");
        } else if (key == "sourceIPs") {
            readList(v, r.sourceIps);
        } else if (key == "objectRef") {
            readObjectRef(v, r);
        } else if (key == "responseStatus") {
            readStatus(v, r);
        } else if (key == "requestObject") {
            readObject(v, r.requestKind, r.requestName, r.requestNamespace, r.images);
        } else if (key == "responseObject") {
            readObject(v, r.responseKind, r.responseName, r.responseNamespace, r.images);
        } else if (key == "requestReceivedTimestamp") {
            r.requestReceived = json::text(v);
        } else if (key == "stageTimestamp") {
            r.stageTime = json::text(v);
        } else if (key == "timestamp") {
            const std::string_view t = json::text(v);
            if (t.find_first_of("-:") != std::string_view::npos) {
                r.timestamp = t; // v1beta1
            } else {             // CloudWatch's epoch milliseconds
                --r.auditKeys;
                if (!envelope || !envelope->absorb(key, v))
                    ++r.otherKeys;
            }
        } else if (key == "metadata") {
            r.creationTime = memberText(v, "creationTimestamp"); // v1beta1
        } else if (key == "annotations") {
            r.decision = memberText(v, "authorization.k8s.io/decision");
        } else if (key == "level") {
        } else {
            --r.auditKeys;
            if (key == "p_event_time") {
                r.altTime = json::text(v); // Panther's parsed time
            } else if (key == "clusterName" || key == "cluster_name") {
                r.cluster = json::text(v);
            } else if (!envelope || !envelope->absorb(key, v)) {
                ++r.otherKeys;
            }
        }
    }
    if (!doc.is_alive()) { // a nested value was damaged: its readers stopped quietly
        error = simdjson::error_message(simdjson::TAPE_ERROR);
        return false;
    }
    return true;
}

} // namespace sightline
