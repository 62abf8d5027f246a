// Internal to store: the schema, as forward-only migrations.
#pragma once

#include "store/database.hpp"

#include <string>
#include <vector>

namespace esfdraft::store::detail {

struct Migration {
    int version = 0;
    std::string description;
    std::vector<std::string> statements;  // one statement each, for this dialect
};

// Every migration this esfdraft knows, in order, written for `dialect`.
// Migrations are never edited once released: a change is a new one.
std::vector<Migration> migrations(Dialect dialect);

}  // namespace esfdraft::store::detail
