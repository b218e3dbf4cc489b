#pragma once
// The case file's schema and its ordered migrations. The version lives in
// PRAGMA user_version; the file is marked with PRAGMA application_id.
#include "Result.h"

namespace sightline {

class Database;

namespace schema {

inline constexpr int kApplicationId = 0x53474C4E; // "SGLN"
inline constexpr int kCurrentVersion = 4;

// Brings a new or older case file up to kCurrentVersion, each migration in a transaction.
Status migrate(Database &db);

// Refuses files that are not Sightline cases, are newer than this program, or lack the
// tables this version needs. Leaves the file untouched.
Status check(Database &db);

} // namespace schema
} // namespace sightline
