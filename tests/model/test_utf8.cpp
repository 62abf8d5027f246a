// The one UTF-8 decoder (model/utf8.hpp) that printable(), the draft's XML
// escaping and the rules' whole-word matching share.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string_view>

#include "model/printable.hpp"
#include "model/utf8.hpp"

using namespace esfdraft::model;

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(decodes_one_to_four_byte_sequences) {
    const std::string_view text = "a\xC3\xA5\xE2\x80\x93\xF0\x9F\x98\x80";  // a å – 😀
    BOOST_TEST(static_cast<std::uint32_t>(decode_utf8(text, 0).code) == 0x61u);
    BOOST_TEST(decode_utf8(text, 0).length == 1u);
    BOOST_TEST(static_cast<std::uint32_t>(decode_utf8(text, 1).code) == 0xE5u);
    BOOST_TEST(decode_utf8(text, 1).length == 2u);
    BOOST_TEST(static_cast<std::uint32_t>(decode_utf8(text, 3).code) == 0x2013u);
    BOOST_TEST(decode_utf8(text, 3).length == 3u);
    BOOST_TEST(static_cast<std::uint32_t>(decode_utf8(text, 6).code) == 0x1F600u);
    BOOST_TEST(decode_utf8(text, 6).length == 4u);
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_utf8) {
    for (const std::string_view bad : {
             std::string_view("\x80"),              // a lone continuation byte
             std::string_view("\xC3"),              // cut short by the end
             std::string_view("\xC3(", 2),          // cut short by a byte that does not continue it
             std::string_view("\xC0\xAF"),          // overlong '/'
             std::string_view("\xE0\x80\xAF"),      // overlong '/' in three bytes
             std::string_view("\xF0\x80\x80\xAF"),  // and in four
             std::string_view("\xED\xA0\x80"),      // a surrogate, U+D800
             std::string_view("\xF4\x90\x80\x80"),  // past U+10FFFF
             std::string_view("\xFF"),
         }) {
        const Utf8Sequence sequence = decode_utf8(bad, 0);
        BOOST_TEST(sequence.length == 0u);
        BOOST_TEST(static_cast<std::uint32_t>(sequence.code) == 0xFFFDu);
    }
}

BOOST_AUTO_TEST_CASE(printable_and_valid_utf8_agree_with_it) {
    BOOST_TEST(valid_utf8("a\xED\xA0\x80z") == "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");
    BOOST_TEST(printable("a\xED\xA0\x80z") == "a\\xed\\xa0\\x80z");
    BOOST_TEST(printable("\xF4\x8F\xBF\xBF") == "\xF4\x8F\xBF\xBF");  // U+10FFFF is valid
}

BOOST_AUTO_TEST_CASE(counts_characters_and_places_an_offset_by_line_and_column) {
    BOOST_TEST(character_count("") == 0u);
    BOOST_TEST(character_count("abc") == 3u);
    BOOST_TEST(character_count("\xC3\xA5r") == 2u);          // "år"
    BOOST_TEST(character_count("\xF0\x9F\x98\x80") == 1u);   // U+1F600, four bytes
    BOOST_TEST(character_count("\x80\x80") == 0u);           // stray continuation bytes
    const std::string_view text = "<a>\n  <\xC3\xA5>\r\nx";  // "<a>", "  <å>" then "x"
    BOOST_TEST((line_and_column(text, 0) == std::pair{1, 1}));
    BOOST_TEST((line_and_column(text, 3) == std::pair{1, 4}));  // the line end itself
    BOOST_TEST((line_and_column(text, 4) == std::pair{2, 1}));
    BOOST_TEST((line_and_column(text, 7) == std::pair{2, 4}));   // å
    BOOST_TEST((line_and_column(text, 9) == std::pair{2, 5}));   // ">": å's two bytes are one column
    BOOST_TEST((line_and_column(text, 12) == std::pair{3, 1}));  // "x", after CR LF
    BOOST_TEST((line_and_column(text, 99) == std::pair{3, 2}));  // past the end: the end
}

BOOST_AUTO_TEST_CASE(compares_ignoring_the_case_of_latin_letters) {
    BOOST_TEST(equal_ignoring_case("L\xC3\x96N PERSONAL", "L\xC3\xB6n personal"));  // LÖN / Lön
    BOOST_TEST(equal_ignoring_case("\xC3\x85R", "\xC3\xA5r"));                      // ÅR / år
    BOOST_TEST(equal_ignoring_case("", ""));
    BOOST_TEST(!equal_ignoring_case("l\xC3\xB6n", "lon"));     // ö is not o
    BOOST_TEST(!equal_ignoring_case("\xC3\x97", "\xC3\xB7"));  // × is not ÷
    BOOST_TEST(!equal_ignoring_case("abc", "ab"));
    BOOST_TEST(
        equal_ignoring_case("a\xFF"
                            "b",
                            "A\xFF"
                            "B"));  // invalid bytes compare as they are
    BOOST_TEST(!equal_ignoring_case("a\xFF", "a\xFE"));
}

BOOST_AUTO_TEST_SUITE_END()
