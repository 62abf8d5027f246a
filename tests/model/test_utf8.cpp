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

BOOST_AUTO_TEST_SUITE_END()
