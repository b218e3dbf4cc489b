#include "Relation.h"

#include <array>

namespace sightline {
namespace {
constexpr std::array<std::string_view, kRelationCount + 1> kNames = {
    "",           "called_from", "used_agent",       "uses_key",    "assumed",
    "acted_on",   "session_of",  "in_account",       "owns",        "issued_key",
    "talked_to",  "involves",    "created",          "queried_by",  "runs_in",
    "uses_image", "runs_as",     "authenticated_as", "resolves_to",
};
} // namespace

std::string_view relationName(Relation relation)
{
    const int i = static_cast<int>(relation);
    if (i < 1 || i > kRelationCount)
        return "unknown";
    return kNames[i];
}

std::optional<Relation> relationFromName(std::string_view name)
{
    for (int i = 1; i <= kRelationCount; ++i) {
        if (kNames[i] == name)
            return static_cast<Relation>(i);
    }
    return std::nullopt;
}

} // namespace sightline
