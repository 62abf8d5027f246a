// The one "did you mean" helper the loader and the CLI share.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "model/nearest_name.hpp"

using namespace esfdraft::model;

BOOST_AUTO_TEST_SUITE(nearest_names)

BOOST_AUTO_TEST_CASE(distance_counts_a_swap_of_neighbours_as_one_edit) {
    BOOST_TEST(name_distance("titel", "title") == 1u);
    BOOST_TEST(name_distance("ab", "ba") == 1u);
    BOOST_TEST(name_distance("abc", "ca") == 3u);  // optimal string alignment: no part is edited twice
    BOOST_TEST(name_distance("organization", "organisation") == 1u);
    BOOST_TEST(name_distance("", "abc") == 3u);
    BOOST_TEST(name_distance("abc", "") == 3u);
    BOOST_TEST(name_distance("", "") == 0u);
    BOOST_TEST(name_distance("Title", "tITLE") == 0u);  // ASCII case ignored
    BOOST_TEST(name_distance("kitten", "sitting") == 3u);
}

BOOST_AUTO_TEST_CASE(nearest_name_respects_the_limit_and_takes_the_first_on_a_tie) {
    const std::vector<std::string> known{"title", "period", "goals", "goal"};
    BOOST_TEST(nearest_name("titel", known, slip_limit("titel")).value_or("-") == "title");
    BOOST_TEST(!nearest_name("xyzzy", known, slip_limit("xyzzy")).has_value());
    BOOST_TEST(nearest_name("xyzzy", known).has_value());               // no limit: always an answer
    BOOST_TEST(nearest_name("goalz", known).value_or("-") == "goals");  // goals and goal both 1: the first
    BOOST_TEST(!nearest_name("abc", std::vector<std::string>{}).has_value());
    BOOST_TEST(slip_limit("ab") == 2u);  // one letter may always differ
    BOOST_TEST(slip_limit("organization") == 5u);
}

BOOST_AUTO_TEST_SUITE_END()
