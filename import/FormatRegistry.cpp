#include "AwsWafFormat.h"
#include "CloudTrailCsvFormat.h"
#include "CloudTrailFormat.h"
#include "Format.h"
#include "GuardDutyFormat.h"
#include "K8sAuditFormat.h"
#include "OcsfFormat.h"
#include "Route53ResolverFormat.h"
#include "SecurityHubFormat.h"
#include "VpcFlowFormat.h"

#include <algorithm>

namespace sightline {

const std::vector<std::unique_ptr<Format>> &formats()
{
    static const std::vector<std::unique_ptr<Format>> all = [] {
        std::vector<std::unique_ptr<Format>> v;
        v.push_back(std::make_unique<CloudTrailFormat>());
        v.push_back(std::make_unique<CloudTrailCsvFormat>());
        v.push_back(std::make_unique<VpcFlowFormat>());
        v.push_back(std::make_unique<K8sAuditFormat>());
        v.push_back(std::make_unique<Route53ResolverFormat>());
        v.push_back(std::make_unique<OcsfFormat>());
        v.push_back(std::make_unique<AwsWafFormat>());
        v.push_back(std::make_unique<GuardDutyFormat>());
        v.push_back(std::make_unique<SecurityHubFormat>());
        return v;
    }();
    return all;
}

const std::vector<std::string> &allContainerKeys()
{
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const auto &f : formats()) {
            const auto more = f->jsonContainerKeys();
            k.insert(k.end(), more.begin(), more.end());
        }
        std::sort(k.begin(), k.end());
        k.erase(std::unique(k.begin(), k.end()), k.end());
        return k;
    }();
    return keys;
}

} // namespace sightline
