#include <boost/test/unit_test.hpp>

#include <limits>
#include <stdexcept>

#include "model/values.hpp"

using namespace esfdraft::model;

BOOST_AUTO_TEST_SUITE(money)

BOOST_AUTO_TEST_CASE(parses_plain_amounts_exactly) {
    BOOST_TEST(*parse_money("1250000") == 125000000);
    BOOST_TEST(*parse_money("1250000.50") == 125000050);
    BOOST_TEST(*parse_money("1250000.5") == 125000050);
    BOOST_TEST(*parse_money("0.01") == 1);
    BOOST_TEST(*parse_money("0") == 0);
    BOOST_TEST(*parse_money("427460") == 42746000);
}

BOOST_AUTO_TEST_CASE(rejects_everything_else) {
    for (const char* bad :
         {"1,5", "1e6", "-3", "12.345", "", " 1", "1 000", "1.", ".5", "+5", "12kr", "1.2.3", "99999999999999999999"})
        BOOST_TEST(!parse_money(bad).has_value(), "accepted " << bad);
}

BOOST_AUTO_TEST_CASE(fixed_point_writes_every_int64) {
    BOOST_TEST(fixed_point(-1234, 2) == "-12.34");
    BOOST_TEST(fixed_point(5, 1, ",") == "0,5");
    BOOST_TEST(fixed_point(400, 1) == "40.0");
    BOOST_TEST(fixed_point(7, 0) == "7");
    BOOST_TEST(fixed_point(-3, 1, ",", "−") == "−0,3");
    BOOST_TEST(fixed_point(std::numeric_limits<std::int64_t>::min(), 2) == "-92233720368547758.08");
}

BOOST_AUTO_TEST_CASE(checked_add_refuses_overflow) {
    BOOST_TEST(checked_add(1, 2) == 3);
    BOOST_CHECK_THROW(checked_add(std::numeric_limits<Money>::max(), 1), std::overflow_error);
}

BOOST_AUTO_TEST_CASE(groups_digits_in_threes) {
    BOOST_TEST(group_digits("1234567", " ") == "1 234 567");
    BOOST_TEST(group_digits("123", " ") == "123");
    BOOST_TEST(group_digits("", " ") == "");
    BOOST_TEST(group_digits(std::int64_t{40000}, "\xC2\xA0") ==
               "40\xC2\xA0"
               "000");
    BOOST_TEST(group_digits(std::int64_t{-1234567}, ",") == "-1,234,567");
    BOOST_TEST(group_digits(std::int64_t{0}, ",") == "0");
    BOOST_TEST(group_digits(std::numeric_limits<std::int64_t>::min(), ",") == "-9,223,372,036,854,775,808");
}

BOOST_AUTO_TEST_CASE(formats_swedish_and_english) {
    BOOST_TEST(format_sek(163800000) ==
               "1\xC2\xA0"
               "638\xC2\xA0"
               "000\xC2\xA0kr");
    BOOST_TEST(format_sek(125000050) ==
               "1\xC2\xA0"
               "250\xC2\xA0"
               "000,50\xC2\xA0kr");
    BOOST_TEST(format_sek(0) == "0\xC2\xA0kr");
    BOOST_TEST(format_sek(99900) == "999\xC2\xA0kr");
    BOOST_TEST(format_sek(-6000000) ==
               "\xE2\x88\x92"
               "60\xC2\xA0"
               "000\xC2\xA0kr");
    BOOST_TEST(format_sek_en(125000050) == "SEK 1,250,000.50");
    BOOST_TEST(format_sek_en(42746000) == "SEK 427,460");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(dates)

BOOST_AUTO_TEST_CASE(parses_iso_dates_without_judging_the_calendar) {
    const auto date = parse_date("2009-10-01");
    BOOST_REQUIRE(date);
    BOOST_TEST(date->year == 2009);
    BOOST_TEST(date->month == 10);
    BOOST_TEST(date->day == 1);
    BOOST_TEST(date->valid());
    const auto impossible = parse_date("2009-02-30");
    BOOST_REQUIRE(impossible);
    BOOST_TEST(!impossible->valid());
    BOOST_TEST(parse_date("2008-02-29")->valid());
    BOOST_TEST(!parse_date("1900-02-29")->valid());
    BOOST_TEST(parse_date("2000-02-29")->valid());
    for (const char* bad : {"2009-1-01", "09-10-01", "2009/10/01", "2009-10-01T00", "", "abcd-ef-gh"})
        BOOST_TEST(!parse_date(bad).has_value(), "accepted " << bad);
}

BOOST_AUTO_TEST_CASE(day_numbers_round_trip) {
    BOOST_TEST(parse_date("1970-01-01")->days_since_epoch() == 0);
    BOOST_TEST(parse_date("2009-07-07")->days_since_epoch() - parse_date("2009-01-07")->days_since_epoch() == 181);
    for (std::int64_t day = -1000; day < 40000; day += 37)
        BOOST_TEST(Date::from_days_since_epoch(day).days_since_epoch() == day);
    BOOST_TEST(Date::from_days_since_epoch(parse_date("2011-09-30")->days_since_epoch()).iso() == "2011-09-30");
}

BOOST_AUTO_TEST_CASE(months_count_started_months) {
    const Date start = *parse_date("2009-01-07");
    BOOST_TEST(start.months_until(*parse_date("2009-07-07")) == 6);
    BOOST_TEST(start.months_until(*parse_date("2009-07-08")) == 7);
    BOOST_TEST(parse_date("2009-10-01")->months_until(*parse_date("2011-09-30")) == 24);
    BOOST_TEST(parse_date("2009-01-31")->add_months(1).iso() == "2009-02-28");
}

BOOST_AUTO_TEST_CASE(months_and_days_count_exactly) {
    const Date start = *parse_date("2009-01-07");
    const auto span = [&start](const char* later) { return start.months_and_days_until(*parse_date(later)); };
    BOOST_TEST(span("2009-07-07").months == 6);
    BOOST_TEST(span("2009-07-07").days == 0);
    BOOST_TEST(!span("2009-07-07").longer_than(6));
    BOOST_TEST(span("2009-07-08").months == 6);
    BOOST_TEST(span("2009-07-08").days == 1);
    BOOST_TEST(span("2009-07-08").longer_than(6));
    BOOST_TEST(span("2009-07-06").months == 5);
    BOOST_TEST(span("2009-07-06").days == 29);
    BOOST_TEST(span("2009-01-07").months == 0);
    BOOST_TEST(span("2008-01-07").days == 0);  // not after: nothing
    const auto from_january_31 = parse_date("2009-01-31")->months_and_days_until(*parse_date("2009-03-01"));
    BOOST_TEST(from_january_31.months == 1);  // to 2009-02-28, as add_months counts
    BOOST_TEST(from_january_31.days == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(decimals)

BOOST_AUTO_TEST_CASE(parses_exactly) {
    BOOST_TEST(parse_decimal("120")->micros == 120'000'000);
    BOOST_TEST(parse_decimal("0.64")->micros == 640'000);
    BOOST_TEST(parse_decimal("-2.5")->micros == -2'500'000);
    BOOST_TEST(parse_decimal("75.5")->text() == "75.5");
    BOOST_TEST(parse_decimal("120")->is_whole());
    BOOST_TEST(!parse_decimal("0.5")->is_whole());
    for (const char* bad : {"", "1e3", "1,5", "0.1234567", "-", ".", "1 0"})
        BOOST_TEST(!parse_decimal(bad).has_value(), "accepted " << bad);
}

BOOST_AUTO_TEST_SUITE_END()
