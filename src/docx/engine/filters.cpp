#include "docx/engine/filters.hpp"
#include "model/printable.hpp"

#include <array>
#include <cstdint>

#include "model/values.hpp"

namespace esfdraft::docx {

namespace {

constexpr std::string_view no_break_space = "\xC2\xA0";

struct FilterInfo {
    std::string_view name;
    std::string_view argument;  // required | optional | none
};

constexpr std::array<FilterInfo, 8> filter_table{{
    {"sek", "none"},
    {"date", "none"},
    {"percent", "none"},
    {"number", "none"},
    {"upper", "none"},
    {"lower", "none"},
    {"join", "optional"},
    {"default", "required"},
}};

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

// Formats a value for display in text: text as is, booleans as sv/en words.
std::optional<std::string> scalar_text(const TemplateValue& value) {
    if (value.kind() == TemplateValue::Kind::text) return value.as_text();
    return std::nullopt;
}

// Case mapping for one UTF-8 string, one direction, ASCII plus the Latin-1
// letters U+00C0–U+00DE / U+00E0–U+00FE (except × and ÷).
std::string map_case(std::string_view text, bool upper) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (upper && c >= 'a' && c <= 'z')
                out += static_cast<char>(c - 32);
            else if (!upper && c >= 'A' && c <= 'Z')
                out += static_cast<char>(c + 32);
            else
                out += static_cast<char>(c);
            continue;
        }
        if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            unsigned char mapped = next;
            // UTF-8 C3 80–9E are À–Þ, C3 A0–BE are à–þ; 0x97 is ×, 0xB7 is ÷.
            if (upper && next >= 0xA0 && next <= 0xBE && next != 0xB7) mapped = static_cast<unsigned char>(next - 0x20);
            if (!upper && next >= 0x80 && next <= 0x9E && next != 0x97)
                mapped = static_cast<unsigned char>(next + 0x20);
            out += static_cast<char>(c);
            out += static_cast<char>(mapped);
            ++i;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

constexpr std::array<std::string_view, 12> swedish_months{"januari",   "februari", "mars",     "april",
                                                          "maj",       "juni",     "juli",     "augusti",
                                                          "september", "oktober",  "november", "december"};
constexpr std::array<std::string_view, 12> english_months{"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};

}  // namespace

const std::vector<std::string_view>& known_filters() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const FilterInfo& info : filter_table) out.push_back(info.name);
        return out;
    }();
    return names;
}

bool is_known_filter(std::string_view name) { return filter_argument_rule(name) != ""; }

std::string_view filter_argument_rule(std::string_view name) {
    for (const FilterInfo& info : filter_table)
        if (info.name == name) return info.argument;
    return "";
}

std::optional<std::string> format_number(std::string_view decimal, std::string_view lang) {
    std::string_view body = decimal;
    const bool negative = !body.empty() && body.front() == '-';
    if (negative) body.remove_prefix(1);
    const std::size_t point = body.find('.');
    const std::string_view whole = body.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : body.substr(point + 1);
    if (!all_digits(whole) || (point != std::string_view::npos && !all_digits(fraction))) return std::nullopt;
    const bool swedish = lang != "en";
    std::string out = negative ? (swedish ? "\xE2\x88\x92" : "-") : "";  // sv: U+2212 minus sign
    out += model::group_digits(whole, swedish ? no_break_space : ",");
    if (!fraction.empty()) {
        out += swedish ? ',' : '.';
        out += fraction;
    }
    return out;
}

std::optional<std::string> format_percent(std::string_view fraction, std::string_view lang) {
    const std::optional<model::Decimal> value = model::parse_decimal(fraction);
    if (!value) return std::nullopt;
    // micros / 1000 = tenths of a percent; round half away from zero.
    const std::int64_t micros = value->micros;
    const std::int64_t tenths = micros >= 0 ? (micros + 500) / 1000 : -((-micros + 500) / 1000);
    const std::int64_t magnitude = tenths < 0 ? -tenths : tenths;
    std::string number = std::to_string(magnitude / 10);
    if (magnitude % 10 != 0) number += (lang == "en" ? "." : ",") + std::to_string(magnitude % 10);
    const bool swedish = lang != "en";
    std::string out = tenths < 0 ? (swedish ? "\xE2\x88\x92" : "-") : "";
    out += number;
    out += swedish ? std::string(no_break_space) + "%" : "%";
    return out;
}

std::optional<std::string> format_long_date(std::string_view iso, std::string_view lang) {
    const bool swedish = lang != "en";
    if (iso.size() == 7 && iso[4] == '-' && all_digits(iso.substr(0, 4)) && all_digits(iso.substr(5, 2))) {
        const int month = (iso[5] - '0') * 10 + (iso[6] - '0');
        if (month < 1 || month > 12) return std::nullopt;
        const std::string_view name = swedish ? swedish_months[static_cast<std::size_t>(month - 1)]
                                              : english_months[static_cast<std::size_t>(month - 1)];
        return std::string(name) + " " + std::string(iso.substr(0, 4));
    }
    const std::optional<model::Date> date = model::parse_date(iso);
    if (!date || !date->valid()) return std::nullopt;
    const auto month = static_cast<std::size_t>(date->month - 1);
    return std::to_string(date->day) + " " + std::string(swedish ? swedish_months[month] : english_months[month]) +
           " " + std::to_string(date->year);
}

std::string to_upper(std::string_view text) { return map_case(text, true); }
std::string to_lower(std::string_view text) { return map_case(text, false); }

std::optional<TemplateValue> apply_filter(const FilterCall& filter, const TemplateValue& input, std::string_view lang,
                                          std::string& problem) {
    const std::string& name = filter.name;
    const bool sv = lang != "en";  // the problem in the document's language
    if (name == "default") {
        if (input.is_null() || (input.kind() == TemplateValue::Kind::text && input.as_text().empty()))
            return TemplateValue::text(filter.argument.value_or(""));
        return input;
    }
    if (name == "join") {
        if (input.kind() != TemplateValue::Kind::list) {
            problem = sv ? "join: värdet är ingen lista" : "join: the value is not a list";
            return std::nullopt;
        }
        const std::string separator = filter.argument.value_or(", ");
        std::string out;
        bool first = true;
        for (const TemplateValue& item : input.as_list()) {
            const std::optional<std::string> text = scalar_text(item);
            if (!text) {
                problem = sv ? "join: listan innehåller något annat än text"
                             : "join: the list holds something other than text";
                return std::nullopt;
            }
            if (!first) out += separator;
            out += *text;
            first = false;
        }
        return TemplateValue::text(std::move(out));
    }
    const std::optional<std::string> text = scalar_text(input);
    if (!text) {
        problem = name + (sv ? ": värdet är ingen text" : ": the value is not text");
        return std::nullopt;
    }
    auto refuse = [&](std::string_view expected_sv, std::string_view expected_en) -> std::optional<TemplateValue> {
        problem = name + ": \"" + model::printable(*text) + (sv ? "\" är inte " : "\" is not ") +
                  std::string(sv ? expected_sv : expected_en);
        return std::nullopt;
    };
    if (name == "sek") {
        std::string_view body = *text;
        const bool negative = !body.empty() && body.front() == '-';
        if (negative) body.remove_prefix(1);
        const std::optional<model::Money> amount = model::parse_money(body);
        if (!amount)
            return refuse("ett belopp (som 1638000 eller 1638000.50)", "an amount (like 1638000 or 1638000.50)");
        const model::Money signed_amount = negative ? -*amount : *amount;
        return TemplateValue::text(lang == "en" ? model::format_sek_en(signed_amount)
                                                : model::format_sek(signed_amount));
    }
    if (name == "date") {
        std::optional<std::string> out = format_long_date(*text, lang);
        if (!out) return refuse("ett datum (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM)", "a date (YYYY-MM-DD or YYYY-MM)");
        return TemplateValue::text(std::move(*out));
    }
    if (name == "percent") {
        std::optional<std::string> out = format_percent(*text, lang);
        if (!out) return refuse("en andel (som 0.64)", "a fraction (like 0.64)");
        return TemplateValue::text(std::move(*out));
    }
    if (name == "number") {
        std::optional<std::string> out = format_number(*text, lang);
        if (!out) return refuse("ett tal", "a number");
        return TemplateValue::text(std::move(*out));
    }
    if (name == "upper") return TemplateValue::text(to_upper(*text));
    if (name == "lower") return TemplateValue::text(to_lower(*text));
    problem = (sv ? "okänt filter \"" : "unknown filter \"") + model::printable(name) + "\"";
    return std::nullopt;
}

}  // namespace esfdraft::docx
