#include "store/records.hpp"

#include "model/values.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace esfdraft::store {

std::string format_timestamp(Timestamp at) {
    constexpr Timestamp day = 86400;
    Timestamp days = at / day;
    Timestamp seconds = at % day;
    if (seconds < 0) {  // floor division: 1969-12-31T23:59:59Z is -1
        seconds += day;
        days -= 1;
    }
    const auto date = model::Date::from_days_since_epoch(days);
    std::array<char, 16> clock{};
    std::snprintf(clock.data(), clock.size(), "T%02d:%02d:%02dZ", static_cast<int>(seconds / 3600),
                  static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
    return date.iso() + clock.data();
}

namespace {

constexpr std::array<std::pair<Role, std::string_view>, 3> role_names{{
    {Role::owner, "owner"},
    {Role::reviewer, "reviewer"},
    {Role::admin, "admin"},
}};

constexpr std::array<std::pair<Status, std::string_view>, 6> status_names{{
    {Status::draft, "draft"},
    {Status::submitted, "submitted"},
    {Status::in_review, "in-review"},
    {Status::changes_requested, "changes-requested"},
    {Status::approved, "approved"},
    {Status::rejected, "rejected"},
}};

}  // namespace

std::string_view to_string(Role role) {
    for (const auto& [value, name] : role_names) {
        if (value == role) return name;
    }
    return "owner";
}

std::optional<Role> parse_role(std::string_view text) {
    for (const auto& [value, name] : role_names) {
        if (name == text) return value;
    }
    return std::nullopt;
}

std::string_view to_string(Status status) {
    for (const auto& [value, name] : status_names) {
        if (value == status) return name;
    }
    return "draft";
}

std::optional<Status> parse_status(std::string_view text) {
    for (const auto& [value, name] : status_names) {
        if (name == text) return value;
    }
    return std::nullopt;
}

}  // namespace esfdraft::store
