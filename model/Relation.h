#pragma once
// Edge relations materialised at import. Stored as integers in case files: only append.
#include <optional>
#include <string_view>

namespace sightline {

enum class Relation : int
{
    CalledFrom = 1,       // principal -> IpAddress
    UsedAgent = 2,        // principal -> UserAgent
    UsesKey = 3,          // principal -> AccessKey
    Assumed = 4,          // role session / principal -> AwsRole
    ActedOn = 5,          // principal -> resource (bucket, instance, user, role, key)
    SessionOf = 6,        // AwsRoleSession -> AwsRole (the session belongs to the role)
    InAccount = 7,        // entity -> AwsAccount
    Owns = 8,             // AwsUser -> AccessKey
    IssuedKey = 9,        // AwsRoleSession -> AccessKey (temporary credentials issued)
    TalkedTo = 10,        // Ec2Instance -> IpAddress (flow)
    Involves = 11,        // Finding -> entity
    Created = 12,         // principal -> resource it created
    QueriedBy = 13,       // Domain -> IpAddress / Ec2Instance
    RunsIn = 14,          // ContainerPod -> ContainerCluster
    UsesImage = 15,       // ContainerPod -> ContainerImage
    RunsAs = 16,          // Ec2Instance -> AwsRoleSession (the instance profile's credentials)
    AuthenticatedAs = 17, // KubernetesSubject -> AwsRoleSession / AwsUser (EKS IAM identity)
    ResolvesTo = 18,      // Domain -> IpAddress (an address in a DNS answer)
};

inline constexpr int kRelationCount = 18;

std::string_view relationName(Relation relation);
std::optional<Relation> relationFromName(std::string_view name);

} // namespace sightline
