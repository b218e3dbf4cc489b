#pragma once
// Entity types follow Amazon Detective's namespaces (see DESIGN.md). The numeric values are
// stored in case files: never renumber, only append.
#include <optional>
#include <string_view>

namespace sightline {

enum class EntityType : int
{
    AwsAccount = 1,
    AwsUser = 2,
    AwsRole = 3,
    AwsRoleSession = 4,
    FederatedUser = 5,
    AccessKey = 6,
    Ec2Instance = 7,
    IpAddress = 8,
    UserAgent = 9,
    S3Bucket = 10,
    ContainerCluster = 11,
    KubernetesSubject = 12,
    ContainerPod = 13,
    ContainerImage = 14,
    Finding = 15,
    FindingGroup = 16,
    Domain = 17,
};

inline constexpr int kEntityTypeCount = 17;

std::string_view entityTypeName(EntityType type);
std::optional<EntityType> entityTypeFromName(std::string_view name); // case-insensitive

// True for the types that act (make API calls): users, roles, sessions, federated users.
bool isPrincipalType(EntityType type);

} // namespace sightline
