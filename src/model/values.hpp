// Small exact value types the whole model is built from: source locations,
// money in öre, calendar dates and decimals, and the few text helpers every
// module writes them with (grouping digits, joining). No I/O, no clock, no locale.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esfdraft::model {

// Where an element came from. `line` and `column` are 1-based; 0 means unknown
// (an element built in code rather than read from a file). `path` is the
// element path, e.g. "/application/budget/costs/cost[3]".
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    std::string path;
};

// A value together with where it was written.
template <typename T>
struct Located {
    T value{};
    SourceLocation where;
};

// Money is whole öre (1 kr = 100 öre) in a signed 64-bit integer.
using Money = std::int64_t;

// Parses a plan amount: digits, optionally '.' and one or two decimals
// ("1250000", "1250000.5", "1250000.50"). Anything else ("1,5", "1e6", "-3",
// "12.345", " 1", "", a value above 9e16 kr) gives nullopt.
std::optional<Money> parse_money(std::string_view text);

// Adds two amounts; throws std::overflow_error when the sum leaves int64_t.
Money checked_add(Money a, Money b);

// The one digit grouper: `digits` (decimal digits only) in groups of three
// from the right with `separator` between them: ("1234567", " ") -> "1 234 567".
std::string group_digits(std::string_view digits, std::string_view separator);
// The same for an integer, a negative one with a leading ASCII "-":
// (-1234567, ",") -> "-1,234,567". A caller wanting another sign (U+2212)
// groups the magnitude and writes its own.
std::string group_digits(std::int64_t value, std::string_view separator);

// The one join: the items with `separator` between each two ({"PO1", "PO2"}
// -> "PO1, PO2"; nothing for no items).
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// `value` in units of 10^-decimals written with that many decimals after
// `point`, and `minus` before a negative one: (-1234, 2) -> "-12.34",
// (5, 1, ",") -> "0,5". Exact for every int64.
std::string fixed_point(std::int64_t value, int decimals, std::string_view point = ".", std::string_view minus = "-");

// Swedish grouping with U+00A0 no-break spaces and the decimal comma only when
// there are öre: 125000000 -> "1 250 000 kr", 125000050 -> "1 250 000,50 kr".
std::string format_sek(Money amount);

// English style: 125000000 -> "SEK 1,250,000", 125000050 -> "SEK 1,250,000.50".
std::string format_sek_en(Money amount);

// A calendar date as written in the file. It may be an impossible date
// (2009-02-30): `valid()` says so; rules report it (D001) instead of the loader.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    bool valid() const;
    // Days since 1970-01-01 (proleptic Gregorian); only meaningful when valid().
    std::int64_t days_since_epoch() const;
    static Date from_days_since_epoch(std::int64_t days);
    // "YYYY-MM-DD".
    std::string iso() const;
    // Whole months from this date to `later` (2009-01-07 -> 2009-07-07 is 6).
    // A partial month counts as one started month (2009-01-07 -> 2009-07-08 is 7).
    int months_until(const Date& later) const;
    // The same span exactly: the whole months from this date and the days
    // over them (2009-01-07 -> 2009-07-08 is 6 months and 1 day; 2009-01-31 ->
    // 2009-02-28 is 1 month, as add_months counts). {0, 0} when `later` is not
    // after this date; both dates must be valid().
    struct MonthsAndDays {
        int months = 0;
        int days = 0;
        // Longer than `limit` whole months (what months_until(later) > limit says).
        bool longer_than(int limit) const { return months > limit || (months == limit && days > 0); }
    };
    MonthsAndDays months_and_days_until(const Date& later) const;
    Date add_months(int months) const;

    auto operator<=>(const Date&) const = default;
};

// Parses "YYYY-MM-DD" (exactly four, two, two digits). It does not check the
// calendar: "2009-02-30" parses and is not valid(). Other text gives nullopt.
std::optional<Date> parse_date(std::string_view text);

// Days in a month of a year (Gregorian leap years); 0 for a month outside 1–12.
int days_in_month(int year, int month);

// A non-money decimal (indicator targets, shares, women/men counts) held
// exactly in millionths. Parses "120", "75.5", "0.64"; a leading '-' is allowed.
// More than six decimals, exponents or grouping give nullopt.
struct Decimal {
    std::int64_t micros = 0;

    static constexpr std::int64_t scale = 1'000'000;
    bool is_whole() const { return micros % scale == 0; }
    std::int64_t whole() const { return micros / scale; }
    // Shortest exact text: 75500000 micros -> "75.5".
    std::string text() const;
    auto operator<=>(const Decimal&) const = default;
};

std::optional<Decimal> parse_decimal(std::string_view text);

}  // namespace esfdraft::model
