// The one vocabulary: every code the plan format defines has a name in
// both languages, and the programme period picks the phase's words.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <iterator>
#include <regex>
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
    BOOST_TEST(sections().front().key == "project");  // application order
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

namespace {

// The enumeration values of one simple type of schemas/plan-1.xsd (or another schema), read as
// text (the model suite has no XML parser): what a table must name.
std::set<std::string> xsd_values(const std::string& type, const std::string& schema = "plan-1.xsd") {
    std::ifstream in(std::string(ESFDRAFT_SOURCE_DIR) + "/schemas/" + schema);
    const std::string xsd((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t start = xsd.find("<xs:simpleType name=\"" + type + "\"");
    const std::size_t end = xsd.find("</xs:simpleType>", start);
    std::set<std::string> values;
    if (start == std::string::npos || end == std::string::npos) return values;
    const std::string body = xsd.substr(start, end - start);
    const std::regex value("<xs:enumeration value=\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), value); it != std::sregex_iterator(); ++it)
        values.insert((*it)[1].str());
    return values;
}

std::set<std::string> keys_of(std::span<const CodeWords> table) {
    std::set<std::string> keys;
    for (const CodeWords& row : table) {
        BOOST_TEST(!row.name.sv.empty(), row.key);
        BOOST_TEST(!row.name.en.empty(), row.key);
        keys.insert(std::string(row.key));
    }
    return keys;
}

}  // namespace

// Issue 11: risk levels, logic steps and cost models had their words inside
// the draft's view only; each is one table, naming every code the format has.
BOOST_AUTO_TEST_CASE(risk_levels_logic_steps_cost_models_and_tags_have_one_table_each) {
    const std::set<std::string> levels = xsd_values("Level"), steps = xsd_values("LogicStepKind"),
                                models = xsd_values("CostModel");
    BOOST_TEST_REQUIRE(levels.size() == 3u);
    BOOST_TEST_REQUIRE(steps.size() == 5u);
    BOOST_TEST_REQUIRE(models.size() == 5u);
    BOOST_TEST((keys_of(risk_levels()) == levels));
    BOOST_TEST((keys_of(logic_step_kinds()) == steps));
    BOOST_TEST((keys_of(cost_models()) == models));
    BOOST_TEST(risk_level_words("high")->name.sv == "Hög");
    BOOST_TEST(risk_level_words("low")->name.en == "Low");
    BOOST_TEST(logic_step_kinds().front().key == "problem");  // the logic's order
    BOOST_TEST(logic_step_kinds().back().key == "effects");
    BOOST_TEST(logic_step_words("problem")->name.sv == "Problem och behov");
    BOOST_TEST(cost_model_words("indirect-flat-rate")->name.sv == "schablon för indirekta kostnader");
    BOOST_TEST(cost_model_words("lump-sum")->name.en == "a lump sum");
    BOOST_TEST(risk_level_words("nope") == nullptr);
    BOOST_TEST(logic_step_words("nope") == nullptr);
    BOOST_TEST(cost_model_words("nope") == nullptr);
    // The tags of cost lines and activities: one table for the draft, the
    // workbook and its reader.
    const std::set<std::string> tag_codes = xsd_values("Tag");
    BOOST_TEST_REQUIRE(tag_codes.size() == 5u);
    BOOST_TEST((keys_of(tags()) == tag_codes));
    BOOST_TEST(tag_words("gender-equality")->name.sv == "jämställdhet");
    BOOST_TEST(tag_words("gender-equality")->name.en == "gender equality");
    BOOST_TEST(tag_words("nope") == nullptr);
    // The findings format's themes and evidence kinds: one table for the draft and the editor.
    BOOST_TEST((keys_of(finding_themes()) == xsd_values("Theme", "findings-1.xsd")));
    BOOST_TEST((keys_of(evidence_kinds()) == xsd_values("EvidenceKind", "findings-1.xsd")));
    BOOST_TEST(finding_theme_words("needs")->name.sv == "Behov");
    BOOST_TEST(evidence_kind_words("document")->name.en == "Document study");
    BOOST_TEST(evidence_kind_words("nope") == nullptr);
}

// A section, a cost category or a financing kind is added in the table and
// in the schemas; this says when the two disagree, before a reader or a
// writer meets a code one of them lacks.
BOOST_AUTO_TEST_CASE(sections_categories_and_kinds_are_the_schemas_codes) {
    const std::set<std::string> categories = xsd_values("CostCategory");
    BOOST_TEST_REQUIRE(!categories.empty());
    BOOST_TEST((keys_of(cost_categories()) == categories));
    BOOST_TEST((xsd_values("CostCategory", "pack-1.xsd") == categories));
    const std::set<std::string> kinds = xsd_values("SourceKind");
    BOOST_TEST_REQUIRE(!kinds.empty());
    BOOST_TEST((keys_of(financing_kinds()) == kinds));
    std::set<std::string> sections;
    for (const SectionWords& section : esfdraft::model::sections())
        if (section.key != "project")
            sections.insert(std::string(section.key));  // the facts, not a section a pack names
    BOOST_TEST_REQUIRE(!sections.empty());
    BOOST_TEST((xsd_values("Section", "pack-1.xsd") == sections));
}

BOOST_AUTO_TEST_SUITE_END()
