// A finding: one problem a check found in an application (docs/rules.md).
// Findings are values, collected all together; they are never thrown.
// The message is a catalogue id plus typed arguments so the report can say it
// in Swedish or English and format numbers and dates for that language.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/values.hpp"

namespace esfdraft::model {

enum class Severity { info, warning, error };

std::string_view to_string(Severity severity);  // "info" | "warning" | "error"

struct MessageArg {
    enum class Kind { text, money, number, date, percent };
    Kind kind = Kind::text;
    std::string text;         // Kind::text, and Kind::date as "YYYY-MM-DD"
    std::int64_t number = 0;  // money in öre; a plain integer; percent in hundredths of a per cent

    static MessageArg of_text(std::string value);
    static MessageArg of_money(Money ore);
    static MessageArg of_number(std::int64_t value);
    static MessageArg of_date(const Date& date);
    // 1234 -> 12.34 %
    static MessageArg of_percent_hundredths(std::int64_t hundredths);
};

struct Finding {
    std::string rule;  // "B005"
    Severity severity = Severity::error;
    std::string section;     // the application section it belongs to: "budget", "goals", ...
    std::string message_id;  // catalogue key, e.g. "B005.unbalanced"
    std::vector<std::pair<std::string, MessageArg>> args;
    SourceLocation where;

    Finding& arg(std::string name, MessageArg value) {
        args.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    const MessageArg* find_arg(std::string_view name) const;
};

using Findings = std::vector<Finding>;

}  // namespace esfdraft::model
