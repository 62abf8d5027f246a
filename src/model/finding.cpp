#include "model/finding.hpp"

namespace esfdraft::model {

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

MessageArg MessageArg::of_text(std::string value) {
    MessageArg arg;
    arg.kind = Kind::text;
    arg.text = std::move(value);
    return arg;
}

MessageArg MessageArg::of_money(Money ore) {
    MessageArg arg;
    arg.kind = Kind::money;
    arg.number = ore;
    return arg;
}

MessageArg MessageArg::of_number(std::int64_t value) {
    MessageArg arg;
    arg.kind = Kind::number;
    arg.number = value;
    return arg;
}

MessageArg MessageArg::of_date(const Date& date) {
    MessageArg arg;
    arg.kind = Kind::date;
    arg.text = date.iso();
    return arg;
}

MessageArg MessageArg::of_percent_hundredths(std::int64_t hundredths) {
    MessageArg arg;
    arg.kind = Kind::percent;
    arg.number = hundredths;
    return arg;
}

const MessageArg* Finding::find_arg(std::string_view name) const {
    for (const auto& [key, value] : args)
        if (key == name) return &value;
    return nullptr;
}

}  // namespace esfdraft::model
