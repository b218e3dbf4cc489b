// Internal: construction of the principals of one account (Principals.cpp).
#pragma once

#include "Population.h"
#include "Rng.h"

namespace sightline::bench::detail {

// Adds roles, people, programs, instances, functions, CI sessions, AWS services and root to a,
// whose regions and buckets already exist, and gives them Zipf-like activity weights.
void addPrincipals(Account &a, int accountIndex, int regionsPerAccount, Rng &rng);

} // namespace sightline::bench::detail
