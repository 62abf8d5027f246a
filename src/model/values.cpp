#include "model/values.hpp"

#include <cstdio>
#include <limits>
#include <stdexcept>

namespace esfdraft::model {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::string_view no_break_space = "\xC2\xA0";

}  // namespace

std::string group_digits(std::string_view digits, std::string_view separator) {
    std::string out;
    out.reserve(digits.size() + digits.size() / 3 * separator.size());
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

std::string group_digits(std::int64_t value, std::string_view separator) {
    // The magnitude unsigned, so that the lowest int64_t has one too.
    const std::uint64_t magnitude =
        value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    return (value < 0 ? "-" : "") + group_digits(std::to_string(magnitude), separator);
}

std::string fixed_point(std::int64_t value, int decimals, std::string_view point, std::string_view minus) {
    const std::uint64_t magnitude =
        value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::uint64_t unit = 1;
    for (int i = 0; i < decimals; ++i) unit *= 10;
    std::string out = std::string(value < 0 ? minus : "") + std::to_string(magnitude / unit);
    if (decimals <= 0) return out;
    std::string fraction = std::to_string(magnitude % unit);
    fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    return out + std::string(point) + fraction;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

std::optional<Money> parse_money(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::size_t i = 0;
    std::int64_t kronor = 0;
    constexpr std::int64_t max_kronor = std::numeric_limits<std::int64_t>::max() / 100 - 1;
    while (i < text.size() && is_digit(text[i])) {
        kronor = kronor * 10 + (text[i] - '0');
        if (kronor > max_kronor) return std::nullopt;
        ++i;
    }
    if (i == 0) return std::nullopt;
    std::int64_t ore = 0;
    if (i < text.size()) {
        if (text[i] != '.') return std::nullopt;
        ++i;
        const std::size_t decimals = text.size() - i;
        if (decimals < 1 || decimals > 2) return std::nullopt;
        for (std::size_t k = i; k < text.size(); ++k)
            if (!is_digit(text[k])) return std::nullopt;
        ore = (text[i] - '0') * 10 + (decimals == 2 ? text[i + 1] - '0' : 0);
    }
    return kronor * 100 + ore;
}

Money checked_add(Money a, Money b) {
    Money sum = 0;
    if (__builtin_add_overflow(a, b, &sum)) throw std::overflow_error("amount overflow: sum exceeds 64-bit öre");
    return sum;
}

std::string format_sek(Money amount) {
    std::string out;
    std::uint64_t magnitude = amount < 0 ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    if (amount < 0) out += "\xE2\x88\x92";  // U+2212 minus sign
    out += group_digits(static_cast<std::int64_t>(magnitude / 100), no_break_space);
    const auto ore = static_cast<int>(magnitude % 100);
    if (ore != 0) {
        out += ',';
        out += static_cast<char>('0' + ore / 10);
        out += static_cast<char>('0' + ore % 10);
    }
    out += no_break_space;
    out += "kr";
    return out;
}

std::string format_sek_en(Money amount) {
    std::string out = amount < 0 ? "-SEK " : "SEK ";
    std::uint64_t magnitude = amount < 0 ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    out += group_digits(static_cast<std::int64_t>(magnitude / 100), ",");
    const auto ore = static_cast<int>(magnitude % 100);
    if (ore != 0) {
        out += '.';
        out += static_cast<char>('0' + ore / 10);
        out += static_cast<char>('0' + ore % 10);
    }
    return out;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool Date::valid() const {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// Howard Hinnant's days_from_civil algorithm (public domain description).
std::int64_t Date::days_since_epoch() const {
    const std::int64_t y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date Date::from_days_since_epoch(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    return Date{y, m, d};
}

std::string Date::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

Date Date::add_months(int months) const {
    int total = year * 12 + (month - 1) + months;
    Date result{total / 12, total % 12 + 1, day};
    const int last = days_in_month(result.year, result.month);
    if (result.day > last) result.day = last;
    return result;
}

int Date::months_until(const Date& later) const {
    int months = (later.year - year) * 12 + (later.month - month);
    if (later.day < day) --months;
    if (months < 0) return 0;
    // A started month beyond the whole ones counts.
    if (add_months(months) < later) ++months;
    return months;
}

Date::MonthsAndDays Date::months_and_days_until(const Date& later) const {
    if (!(*this < later)) return {};
    int months = (later.year - year) * 12 + (later.month - month);
    while (months > 0 && later < add_months(months)) --months;
    const Date whole = add_months(months);
    return {months, static_cast<int>(later.days_since_epoch() - whole.days_since_epoch())};
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!is_digit(text[i])) return std::nullopt;
    auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    return Date{number(0, 4), number(5, 2), number(8, 2)};
}

std::optional<Decimal> parse_decimal(std::string_view text) {
    bool negative = false;
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
        negative = text[i] == '-';
        ++i;
    }
    std::int64_t whole = 0;
    std::size_t digits = 0;
    constexpr std::int64_t max_whole = std::numeric_limits<std::int64_t>::max() / Decimal::scale - 1;
    while (i < text.size() && is_digit(text[i])) {
        whole = whole * 10 + (text[i] - '0');
        if (whole > max_whole) return std::nullopt;
        ++i;
        ++digits;
    }
    std::int64_t fraction = 0;
    std::size_t fraction_digits = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && is_digit(text[i])) {
            if (++fraction_digits > 6) return std::nullopt;
            fraction = fraction * 10 + (text[i] - '0');
            ++i;
        }
    }
    if (i != text.size() || digits + fraction_digits == 0) return std::nullopt;
    for (std::size_t k = fraction_digits; k < 6; ++k) fraction *= 10;
    const std::int64_t micros = whole * Decimal::scale + fraction;
    return Decimal{negative ? -micros : micros};
}

std::string Decimal::text() const {
    const bool negative = micros < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(micros) : static_cast<std::uint64_t>(micros);
    std::string out = negative ? "-" : "";
    out += std::to_string(magnitude / scale);
    std::uint64_t fraction = magnitude % scale;
    if (fraction != 0) {
        std::string digits = std::to_string(fraction);
        digits.insert(0, 6 - digits.size(), '0');
        while (!digits.empty() && digits.back() == '0') digits.pop_back();
        out += '.';
        out += digits;
    }
    return out;
}

}  // namespace esfdraft::model
