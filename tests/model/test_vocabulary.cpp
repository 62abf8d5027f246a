// The one vocabulary: every code the plan format defines has a name in
// both languages, and the programme period picks the phase's words.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "model/vocabulary.hpp"

using namespace esfdraft::model;

BOOST_AUTO_TEST_SUITE(vocabulary)

BOOST_AUTO_TEST_CASE(every_entry_has_both_names_and_a_unique_key) {
    std::set<std::string_view> keys;
    for (const SectionWords& section : sections()) {
        BOOST_TEST(keys.insert(section.key).second, section.key);
        BOOST_TEST(!section.name.sv.empty());
        BOOST_TEST(!section.name.en.empty());
        BOOST_TEST(section_words(section.key) == &section);
    }
    BOOST_TEST(sections().front().key == "project");   // application order
    BOOST_TEST(sections().back().key == "attachments");
    // plan-format §3: the logic and the risks after the activities, the other
    // horizontal principles after non-discrimination.
    const auto at = [](std::string_view key) {
        for (std::size_t i = 0; i < sections().size(); ++i)
            if (sections()[i].key == key) return i;
        return sections().size();
    };
    BOOST_TEST(at("activities") + 1 == at("projectLogic"));
    BOOST_TEST(at("projectLogic") + 1 == at("riskAnalysis"));
    BOOST_TEST(at("nonDiscrimination") + 1 == at("sustainableDevelopment"));
    BOOST_TEST(at("sustainableDevelopment") + 1 == at("fundamentalRights"));
    BOOST_TEST(at("budget") + 1 == at("attachments"));
    BOOST_TEST(section_words("riskAnalysis")->name.sv == "Riskanalys");
    BOOST_TEST(section_words("projectLogic")->name.en == "Project logic");
    BOOST_TEST(section_words("sustainableDevelopment")->name.sv == "Hållbar utveckling");
    BOOST_TEST(section_words("fundamentalRights")->name.sv == "Grundläggande rättigheter");
    BOOST_TEST(section_words("attachments")->name.sv == "Bilagor");
    BOOST_TEST(section_words("fundamentalRights")->rich_text);
    BOOST_TEST(!section_words("riskAnalysis")->rich_text);
    BOOST_TEST(section_words("genderEquality")->rich_text);
    BOOST_TEST(!section_words("goals")->rich_text);
    BOOST_TEST(section_words("nope") == nullptr);
    BOOST_TEST(cost_categories().size() == 8u);
    BOOST_TEST(financing_kinds().size() == 6u);
    BOOST_TEST(cost_category_words("premises")->name.sv == "Lokal");
    BOOST_TEST(financing_kind_words("public-in-kind")->name.sv == "Offentligt bidrag i annat än pengar");
    BOOST_TEST(cost_category_words("nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(the_programme_period_names_the_phase) {
    BOOST_TEST(phase_words("prestudy", "esf-2007-2013")->name.sv == "Förprojektering");
    BOOST_TEST(phase_words("prestudy", "esf-plus-2021-2027")->name.sv == "Förstudie");
    BOOST_TEST(phase_words("prestudy", "esf-plus-2021-2027")->definite.sv == "förstudien");
    BOOST_TEST(phase_words("implementation", "esf-plus-2021-2027")->indefinite.en == "an implementation project");
    BOOST_TEST(phase_words("nope", "esf-2007-2013") == nullptr);
    BOOST_TEST(programme_words("esf-plus-2021-2027")->en == "European Social Fund Plus 2021–2027");
    BOOST_TEST(programme_words("esf-2007-2013")->sv == "Europeiska socialfonden 2007–2013");
    BOOST_TEST(programme_words("nope") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
