#pragma once
// MITRE ATT&CK tactics of finding types, for finding groups. No Qt.
//
// Sources: the GuardDuty finding type format (ThreatPurpose:ResourceTypeAffected/
// ThreatFamilyName...) and the table in the GuardDuty user guide "Types of findings that
// GuardDuty sends to Security Hub" (aws-docs/guardduty-user-guide/securityhub-integration.md),
// which gives each GuardDuty type its ASFF type "TTPs/<tactic>/..." and so its tactic.
//  - GuardDuty threat purposes named after a tactic (InitialAccess, Execution, Persistence,
//    PrivilegeEscalation, DefenseEvasion, CredentialAccess, Discovery, Exfiltration, Impact,
//    ...) map to that tactic.
//  - Backdoor, CryptoCurrency and Trojan map to Command and Control, Recon to Discovery and
//    Stealth to Defense Evasion: the table does so for every Backdoor, CryptoCurrency, Recon
//    and Stealth type and for most Trojan types.
//  - UnauthorizedAccess (mapped to several tactics by the table), Behavior, PenTest, Policy
//    and ResourceConsumption map to none.
//  - ASFF types "TTPs/<tactic>/..." map to the tactic named (spaces and case ignored); an ASFF
//    "TTPs/<GuardDuty purpose>:..." type as its GuardDuty purpose. Other ASFF namespaces
//    (Software and Configuration Checks, Effects, Unusual Behaviors, Sensitive Data
//    Identifications) map to none.
#include <optional>
#include <string_view>

namespace sightline {

// In the order of the ATT&CK Enterprise matrix (kill chain order).
enum class AttackTactic : int
{
    Reconnaissance = 1,
    ResourceDevelopment,
    InitialAccess,
    Execution,
    Persistence,
    PrivilegeEscalation,
    DefenseEvasion,
    CredentialAccess,
    Discovery,
    LateralMovement,
    Collection,
    CommandAndControl,
    Exfiltration,
    Impact,
};

inline constexpr int kAttackTacticCount = 14;

std::string_view attackTacticName(AttackTactic tactic); // "Command and Control"
std::string_view attackTacticId(AttackTactic tactic);   // "TA0011"

// The tactic of a finding type (GuardDuty or ASFF), as described above.
std::optional<AttackTactic> attackTacticOfFindingType(std::string_view type);

// The namespace of a finding type: a GuardDuty type's threat purpose (the part before ':',
// "UnauthorizedAccess" for "UnauthorizedAccess:EC2/TorIPCaller"), an ASFF type's first
// segment (the part before '/', "TTPs" for "TTPs/Initial Access/..."); the type itself when
// it has neither; "" for "".
std::string_view findingTypeNamespace(std::string_view type);

} // namespace sightline
