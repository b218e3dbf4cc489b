#include "GuardDutyRecord.h"

#include "CloudTrailNormalizer.h"
#include "FindingActions.h"
#include "FindingJson.h"

#include <vector>

namespace sightline {
namespace {

using fjson::keyIs;
using fjson::text;
using fjson::value;
using fjson::Walk;

int imageParty(FindingRecord &r, const std::string &image)
{
    return r.party(EntityType::ContainerImage, image, image);
}

struct Resource
{
    AccessKeyInfo key;
    bool hasKey = false;
    int cluster = -1;
    std::vector<int> pods, images;
};

void readInstance(Walk &w, value &v, FindingRecord &r)
{
    std::string id, name, type, imageId;
    std::vector<std::string> ips;
    std::string enis; // JSON array elements
    std::vector<std::string> eniIds;
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "instanceid")) {
            id = text(c);
        } else if (keyIs(k, "instancetype")) {
            type = text(c);
        } else if (keyIs(k, "imageid")) {
            imageId = text(c);
        } else if (keyIs(k, "tags")) {
            w.elements(c, [&](value &tag) {
                std::string tk, tv;
                w.fields(tag, [&](std::string_view k2, value &c2) {
                    if (keyIs(k2, "key"))
                        tk = text(c2);
                    else if (keyIs(k2, "value"))
                        tv = text(c2);
                });
                if (tk == "Name" && name.empty())
                    name = tv;
            });
        } else if (keyIs(k, "networkinterfaces")) {
            w.elements(c, [&](value &eni) {
                std::string eniId, priv, pub;
                w.fields(eni, [&](std::string_view k2, value &c2) {
                    if (keyIs(k2, "networkinterfaceid"))
                        eniId = text(c2);
                    else if (keyIs(k2, "privateipaddress"))
                        priv = text(c2), ips.push_back(priv);
                    else if (keyIs(k2, "publicip"))
                        pub = text(c2), ips.push_back(pub);
                    else if (keyIs(k2, "privateipaddresses"))
                        w.elements(c2, [&](value &p) {
                            w.fields(p, [&](std::string_view k3, value &c3) {
                                if (keyIs(k3, "privateipaddress"))
                                    ips.push_back(text(c3));
                            });
                        });
                    else if (keyIs(k2, "ipv6addresses"))
                        w.elements(c2, [&](value &p) { ips.push_back(text(p)); });
                });
                if (isNetworkInterfaceId(eniId))
                    eniIds.push_back(eniId);
                JsonObjectText obj;
                obj.add("id", eniId);
                obj.add("privateIp", priv);
                obj.add("publicIp", pub);
                const std::string text = obj.take();
                if (!text.empty())
                    enis.append(enis.empty() ? "" : ",").append(text);
            });
        }
    });
    JsonObjectText attrs;
    attrs.add("instanceType", type);
    attrs.add("imageId", imageId);
    if (!enis.empty())
        attrs.addRaw("networkInterfaces", "[" + enis + "]");
    const int instance = r.party(EntityType::Ec2Instance, id, name, {}, attrs.take());
    if (instance >= 0) {
        for (std::string &eni : eniIds)
            r.interfaces.emplace_back(std::move(eni), instance);
    }
    for (const std::string &ip : ips) {
        if (!ip.empty() && r.ipParty(ip) < 0)
            r.attrAppend("unparsedIps", jsonString(ip));
    }
}

void readKubernetes(Walk &w, value &v, FindingRecord &r, Resource &res)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "kubernetesuserdetails")) {
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "username"))
                    r.party(EntityType::KubernetesSubject, text(c2), text(c2));
            });
        } else if (keyIs(k, "kubernetesworkloaddetails")) {
            std::string name, ns, type;
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "name"))
                    name = text(c2);
                else if (keyIs(k2, "namespace"))
                    ns = text(c2);
                else if (keyIs(k2, "type"))
                    type = text(c2);
                else if (keyIs(k2, "containers"))
                    w.elements(c2, [&](value &ct) {
                        w.fields(ct, [&](std::string_view k3, value &c3) {
                            if (keyIs(k3, "image"))
                                res.images.push_back(imageParty(r, text(c3)));
                        });
                    });
            });
            if (!name.empty()) {
                const std::string key = (ns.empty() ? "default" : ns) + "/" + name;
                JsonObjectText attrs;
                attrs.add("workloadType", type);
                res.pods.push_back(r.party(EntityType::ContainerPod, key, name, {}, attrs.take()));
            }
        }
    });
}

void readEcsCluster(Walk &w, value &v, FindingRecord &r, Resource &res)
{
    std::string name, arn;
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "name")) {
            name = text(c);
        } else if (keyIs(k, "arn")) {
            arn = text(c);
        } else if (keyIs(k, "taskdetails")) {
            std::string taskArn;
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "arn"))
                    taskArn = text(c2);
                else if (keyIs(k2, "containers"))
                    w.elements(c2, [&](value &ct) {
                        w.fields(ct, [&](std::string_view k3, value &c3) {
                            if (keyIs(k3, "image"))
                                res.images.push_back(imageParty(r, text(c3)));
                        });
                    });
            });
            if (!taskArn.empty())
                res.pods.push_back(
                    r.party(EntityType::ContainerPod, taskArn, lastPathPart(taskArn)));
        }
    });
    if (name.empty())
        name = lastPathPart(arn);
    JsonObjectText attrs;
    attrs.add("arn", arn);
    res.cluster = r.party(EntityType::ContainerCluster, name, name, {}, attrs.take());
}

void readResource(Walk &w, value &v, FindingRecord &r, Resource &res)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "resourcetype")) {
            r.attr("resourceType", text(c));
        } else if (keyIs(k, "instancedetails")) {
            readInstance(w, c, r);
        } else if (keyIs(k, "accesskeydetails")) {
            res.hasKey = true;
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "accesskeyid"))
                    res.key.keyId = text(c2);
                else if (keyIs(k2, "principalid"))
                    res.key.principalId = text(c2);
                else if (keyIs(k2, "username"))
                    res.key.userName = text(c2);
                else if (keyIs(k2, "usertype"))
                    res.key.userType = text(c2);
            });
        } else if (keyIs(k, "s3bucketdetails")) {
            w.elements(c, [&](value &b) {
                std::string name, arn;
                w.fields(b, [&](std::string_view k2, value &c2) {
                    if (keyIs(k2, "name"))
                        name = text(c2);
                    else if (keyIs(k2, "arn"))
                        arn = text(c2);
                });
                if (name.empty())
                    name = arnResource(arn);
                r.party(EntityType::S3Bucket, name, name);
            });
        } else if (keyIs(k, "eksclusterdetails")) {
            std::string name, arn;
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "name"))
                    name = text(c2);
                else if (keyIs(k2, "arn"))
                    arn = text(c2);
            });
            JsonObjectText attrs;
            attrs.add("arn", arn);
            res.cluster = r.party(EntityType::ContainerCluster, name.empty() ? arn : name, name, {},
                                  attrs.take());
        } else if (keyIs(k, "kubernetesdetails")) {
            readKubernetes(w, c, r, res);
        } else if (keyIs(k, "containerdetails")) {
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "image"))
                    res.images.push_back(imageParty(r, text(c2)));
            });
        } else if (keyIs(k, "ecsclusterdetails")) {
            readEcsCluster(w, c, r, res);
        } else if (keyIs(k, "rdsdbinstancedetails")) {
            std::string id, arn;
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "dbinstanceidentifier"))
                    id = text(c2);
                else if (keyIs(k2, "dbinstancearn"))
                    arn = text(c2);
            });
            otherResource(r, "RDSDBInstance", arn.empty() ? id : arn);
        } else if (keyIs(k, "rdsdbuserdetails")) {
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "user"))
                    r.attrAppend("dbUsers", jsonString(json::text(c2)));
                else if (keyIs(k2, "database"))
                    r.attr("database", text(c2));
            });
        } else if (keyIs(k, "lambdadetails")) {
            std::string name, arn;
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "functionname"))
                    name = text(c2);
                else if (keyIs(k2, "functionarn"))
                    arn = text(c2);
            });
            otherResource(r, "Lambda", arn.empty() ? name : arn);
        } else if (keyIs(k, "ebsvolumedetails")) {
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "scannedvolumedetails") || keyIs(k2, "skippedvolumedetails"))
                    w.elements(c2, [&](value &vol) {
                        w.fields(vol, [&](std::string_view k3, value &c3) {
                            if (keyIs(k3, "volumearn"))
                                otherResource(r, "EBSVolume", json::text(c3));
                        });
                    });
            });
        }
    });
}

void readService(Walk &w, value &v, FindingRecord &r)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (keyIs(k, "action")) {
            readFindingAction(w, c, r);
        } else if (keyIs(k, "eventfirstseen")) {
            r.firstSeen = text(c);
        } else if (keyIs(k, "eventlastseen")) {
            r.lastSeen = text(c);
        } else if (keyIs(k, "count")) {
            double d = 0;
            if (parseNumber(json::text(c), d) && d >= 0 && d < 9.0e15)
                r.count = static_cast<int64_t>(d);
        } else if (keyIs(k, "archived")) {
            r.archived = fjson::isTrue(c);
        } else if (keyIs(k, "resourcerole")) {
            r.attr("resourceRole", text(c));
        } else if (keyIs(k, "featurename")) {
            r.attr("featureName", text(c));
        } else if (keyIs(k, "detectorid")) {
            r.attr("detectorId", text(c));
        } else if (keyIs(k, "additionalinfo")) {
            w.fields(c, [&](std::string_view k2, value &c2) {
                if (keyIs(k2, "sample") && fjson::isTrue(c2))
                    r.attrBool("sample", true);
            });
        }
    });
}

struct Envelope
{
    bool found = false; // the finding was under "detail"
    std::string id, region, account, time, detailType, source;
};

void readFinding(Walk &w, value &v, FindingRecord &r, Resource &res, Envelope &env, int depth,
                 std::string &arn)
{
    w.fields(v, [&](std::string_view k, value &c) {
        if (depth == 0 && k == "detail" && json::isObject(c)) {
            env.found = true;
            readFinding(w, c, r, res, env, 1, arn);
        } else if (keyIs(k, "id")) {
            (depth == 0 ? env.id : r.id) = text(c);
        } else if (keyIs(k, "region")) {
            (depth == 0 ? env.region : r.region) = text(c);
        } else if (depth == 0 && k == "detail-type") {
            env.detailType = text(c);
        } else if (depth == 0 && k == "source") {
            env.source = text(c);
        } else if (depth == 0 && k == "time") {
            env.time = text(c);
        } else if (depth == 0 && k == "account") {
            env.account = text(c);
        } else if (keyIs(k, "accountid")) {
            r.account = text(c);
        } else if (keyIs(k, "arn")) {
            arn = text(c);
        } else if (keyIs(k, "type")) {
            r.type = text(c);
        } else if (keyIs(k, "title")) {
            r.title = text(c);
        } else if (keyIs(k, "description")) {
            r.attr("description", text(c));
        } else if (keyIs(k, "severity")) {
            r.hasSeverity = parseNumber(json::text(c), r.severity);
        } else if (keyIs(k, "createdat")) {
            r.createdAt = text(c);
        } else if (keyIs(k, "updatedat")) {
            r.updatedAt = text(c);
        } else if (keyIs(k, "resource")) {
            readResource(w, c, r, res);
        } else if (keyIs(k, "service")) {
            readService(w, c, r);
        }
    });
}

} // namespace

bool extractGuardDuty(simdjson::ondemand::parser &parser, simdjson::padded_string_view text,
                      FindingRecord &r, std::string &error)
{
    r.clear();
    simdjson::ondemand::document doc;
    if (auto e = parser.iterate(text).get(doc); e) {
        error = simdjson::error_message(e);
        return false;
    }
    value root;
    if (auto e = doc.get_value().get(root); e || !json::isObject(root)) {
        error = e ? simdjson::error_message(e) : "not a JSON object";
        return false;
    }
    Walk w;
    Resource res;
    Envelope env;
    std::string arn;
    readFinding(w, root, r, res, env, 0, arn);
    if (w.failed()) {
        error = w.error();
        return false;
    }
    if (!env.found) {
        r.id = env.id;
        r.region = env.region;
    } else {
        if (r.region.empty())
            r.region = env.region;
        if (r.account.empty())
            r.account = env.account;
        r.fallbackTime = env.time;
    }
    if (res.hasKey)
        addAccessKey(res.key, r);
    int instance = -1;
    for (size_t i = 0; i < r.parties.size() && instance < 0; ++i) {
        if (r.parties[i].type == EntityType::Ec2Instance)
            instance = static_cast<int>(i);
    }
    for (size_t i = 0; i < r.parties.size(); ++i) {
        if (r.parties[i].type == EntityType::Domain) // DNS_REQUEST: the instance asked
            r.link(static_cast<int>(i), Relation::QueriedBy, instance);
    }
    for (int pod : res.pods) {
        r.link(pod, Relation::RunsIn, res.cluster);
        for (int image : res.images)
            r.link(pod, Relation::UsesImage, image);
    }
    r.product = "GuardDuty";
    std::string canonical = guardDutyFindingArn(arn);
    r.key = !canonical.empty() ? canonical : !arn.empty() ? arn : r.id;
    if (!arn.empty() && arn != r.key)
        r.attr("arn", arn); // as written, when the key folds it
    r.attr("id", r.id);
    if (r.hasSeverity)
        r.label = static_cast<int>(guardDutySeverityLabel(r.severity));
    return true;
}

} // namespace sightline
