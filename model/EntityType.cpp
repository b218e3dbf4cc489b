#include "EntityType.h"

#include <array>
#include <cctype>

namespace sightline {
namespace {
constexpr std::array<std::string_view, kEntityTypeCount + 1> kNames = {
    "",
    "AwsAccount",
    "AwsUser",
    "AwsRole",
    "AwsRoleSession",
    "FederatedUser",
    "AccessKey",
    "Ec2Instance",
    "IpAddress",
    "UserAgent",
    "S3Bucket",
    "ContainerCluster",
    "KubernetesSubject",
    "ContainerPod",
    "ContainerImage",
    "Finding",
    "FindingGroup",
    "Domain",
};

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}
} // namespace

std::string_view entityTypeName(EntityType type)
{
    const int i = static_cast<int>(type);
    if (i < 1 || i > kEntityTypeCount)
        return "Unknown";
    return kNames[i];
}

std::optional<EntityType> entityTypeFromName(std::string_view name)
{
    for (int i = 1; i <= kEntityTypeCount; ++i) {
        if (equalsNoCase(kNames[i], name))
            return static_cast<EntityType>(i);
    }
    return std::nullopt;
}

bool isPrincipalType(EntityType type)
{
    switch (type) {
    case EntityType::AwsUser:
    case EntityType::AwsRole:
    case EntityType::AwsRoleSession:
    case EntityType::FederatedUser:
    case EntityType::AwsAccount:
    case EntityType::KubernetesSubject:
        return true;
    default:
        return false;
    }
}

} // namespace sightline
