#include "AttackTactics.h"

#include <array>
#include <cctype>

namespace sightline {
namespace {

struct TacticInfo
{
    std::string_view name, id;
};

constexpr std::array<TacticInfo, kAttackTacticCount> kTactics = {{
    {"Reconnaissance", "TA0043"},
    {"Resource Development", "TA0042"},
    {"Initial Access", "TA0001"},
    {"Execution", "TA0002"},
    {"Persistence", "TA0003"},
    {"Privilege Escalation", "TA0004"},
    {"Defense Evasion", "TA0005"},
    {"Credential Access", "TA0006"},
    {"Discovery", "TA0007"},
    {"Lateral Movement", "TA0008"},
    {"Collection", "TA0009"},
    {"Command and Control", "TA0011"},
    {"Exfiltration", "TA0010"},
    {"Impact", "TA0040"},
}};

// Letters only, lower case: "Command and Control" and "CommandAndControl" compare equal.
bool sameWords(std::string_view a, std::string_view b)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < a.size() && !std::isalpha(static_cast<unsigned char>(a[i])))
            ++i;
        while (j < b.size() && !std::isalpha(static_cast<unsigned char>(b[j])))
            ++j;
        if (i == a.size() || j == b.size())
            return i == a.size() && j == b.size();
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[j])))
            return false;
        ++i;
        ++j;
    }
}

std::optional<AttackTactic> tacticNamed(std::string_view name)
{
    for (int i = 0; i < kAttackTacticCount; ++i) {
        if (sameWords(name, kTactics[static_cast<size_t>(i)].name))
            return static_cast<AttackTactic>(i + 1);
    }
    return std::nullopt;
}

std::optional<AttackTactic> tacticOfPurpose(std::string_view purpose)
{
    if (auto t = tacticNamed(purpose))
        return t;
    struct Alias
    {
        std::string_view purpose;
        AttackTactic tactic;
    };
    static constexpr Alias kAliases[] = {
        {"Backdoor", AttackTactic::CommandAndControl},
        {"CryptoCurrency", AttackTactic::CommandAndControl},
        {"Trojan", AttackTactic::CommandAndControl},
        {"Recon", AttackTactic::Discovery},
        {"Stealth", AttackTactic::DefenseEvasion},
    };
    for (const Alias &a : kAliases) {
        if (sameWords(purpose, a.purpose))
            return a.tactic;
    }
    return std::nullopt;
}

} // namespace

std::string_view attackTacticName(AttackTactic tactic)
{
    const int i = static_cast<int>(tactic);
    return i >= 1 && i <= kAttackTacticCount ? kTactics[static_cast<size_t>(i - 1)].name
                                             : std::string_view("Unknown");
}

std::string_view attackTacticId(AttackTactic tactic)
{
    const int i = static_cast<int>(tactic);
    return i >= 1 && i <= kAttackTacticCount ? kTactics[static_cast<size_t>(i - 1)].id
                                             : std::string_view();
}

std::string_view findingTypeNamespace(std::string_view type)
{
    const size_t colon = type.find(':');
    const size_t slash = type.find('/');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash))
        return type.substr(0, colon);
    if (slash != std::string_view::npos)
        return type.substr(0, slash);
    return type;
}

std::optional<AttackTactic> attackTacticOfFindingType(std::string_view type)
{
    const size_t colon = type.find(':');
    const size_t slash = type.find('/');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash))
        return tacticOfPurpose(type.substr(0, colon)); // GuardDuty
    if (slash == std::string_view::npos || !sameWords(type.substr(0, slash), "TTPs"))
        return std::nullopt;
    std::string_view second = type.substr(slash + 1);
    second = second.substr(0, second.find('/'));
    if (const size_t c = second.find(':'); c != std::string_view::npos)
        return tacticOfPurpose(second.substr(0, c)); // "TTPs/Discovery:S3-TorIPCaller"
    return tacticNamed(second);
}

} // namespace sightline
