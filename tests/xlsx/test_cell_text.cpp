#include <boost/test/unit_test.hpp>

#include <string>

#include "xlsx/cell_reference.hpp"
#include "xlsx/cell_text.hpp"

using namespace esfdraft::xlsx;

BOOST_AUTO_TEST_SUITE(cell_text)

BOOST_AUTO_TEST_CASE(accepts_swedish_text_tabs_and_line_breaks) {
    BOOST_TEST(!cell_text_problem("Lön personal, Österbotten\tå\nä\r").has_value());
    BOOST_TEST(!cell_text_problem("").has_value());
    BOOST_TEST(!cell_text_problem("😀").has_value());
}

BOOST_AUTO_TEST_CASE(refuses_what_a_cell_cannot_hold) {
    BOOST_TEST(*cell_text_problem("ab\xC3") == "is not valid UTF-8 (byte 3)");
    BOOST_TEST(*cell_text_problem("\xC0\xAF") == "is not valid UTF-8 (byte 1)");      // overlong '/'
    BOOST_TEST(*cell_text_problem("\xED\xA0\x80") == "is not valid UTF-8 (byte 1)");  // a surrogate
    BOOST_TEST(*cell_text_problem("a\x01") ==
               "holds the character U+0001, which a spreadsheet cannot store (character 2)");
    BOOST_TEST(*cell_text_problem("\xEF\xBF\xBF") ==
               "holds the character U+FFFF, which a spreadsheet cannot store (character 1)");
    BOOST_TEST(*cell_text_problem(std::string(40000, 'x')) ==
               "is 40 000 characters long; a spreadsheet cell holds at most 32 767");
    BOOST_TEST(!cell_text_problem(std::string(32767, 'x')).has_value());
    // Excel counts UTF-16 units: an emoji is two.
    std::string emoji;
    for (int i = 0; i < 16384; ++i) emoji += "😀";
    BOOST_TEST(*cell_text_problem(emoji) == "is 32 768 characters long; a spreadsheet cell holds at most 32 767");
}

BOOST_AUTO_TEST_CASE(counts_and_shortens_whole_characters) {
    BOOST_TEST(utf16_length("Lön😀") == 5u);
    BOOST_TEST(code_points("Lön😀") == 4u);
    BOOST_TEST(shorten_utf8("Västerbotten", 100) == "Västerbotten");
    BOOST_TEST(shorten_utf8("Västerbotten", 5) == "V\xE2\x80\xA6");  // never cuts inside 'ä'
    BOOST_TEST(shorten_utf8("Västerbotten", 6) == "Vä\xE2\x80\xA6");
}

BOOST_AUTO_TEST_CASE(keeps_ooxml_escapes_literal) {
    BOOST_TEST(escape_ooxml_escapes("a_x0041_b") == "a_x005F_x0041_b");
    BOOST_TEST(escape_ooxml_escapes("_x00_ and _xZZZZ_") == "_x00_ and _xZZZZ_");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cell_reference)

BOOST_AUTO_TEST_CASE(writes_a1_references) {
    BOOST_TEST(column_letters(0) == "A");
    BOOST_TEST(column_letters(25) == "Z");
    BOOST_TEST(column_letters(26) == "AA");
    BOOST_TEST(column_letters(16383) == "XFD");
    BOOST_TEST(cell_ref(4, 1) == "B5");
    BOOST_TEST(cell_ref(4, 1, Anchor::both) == "$B$5");
    BOOST_TEST(cell_ref(0, 3, Anchor::row) == "D$1");
    BOOST_TEST(cell_ref(7, 0, Anchor::column) == "$A8");
    BOOST_TEST(range_ref(1, 4, 34, 4, Anchor::both) == "$E$2:$E$35");
    BOOST_TEST(sheet_prefix("Per år") == "'Per år'!");
    BOOST_TEST(sheet_prefix("Bob's") == "'Bob''s'!");
    BOOST_TEST(string_literal("a \"b\"") == "\"a \"\"b\"\"\"");
}

BOOST_AUTO_TEST_SUITE_END()
