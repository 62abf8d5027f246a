// The rule packs as data: what the shipped packs hold, broken packs, the
// municipality register and the pack's severity overrides.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "load/rule_pack_reader.hpp"
#include "rules/rule_test_support.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;
using model::Severity;

namespace {

// A data folder with the real XSDs and one pack folder holding `pack_xml` and `calls`.
struct ScratchData {
    ScratchFolder folder;
    std::string schemas() const { return folder.path("schemas"); }

    ScratchData() {
        for (const char* xsd : {"pack-1.xsd", "call-1.xsd"})
            folder.write(std::string("schemas/") + xsd, read_file(source_path(std::string("schemas/") + xsd)));
    }
    void write(const std::string& relative, const std::string& content) const {
        folder.write("schemas/" + relative, content);
    }
};

std::string real_pack() { return read_file(source_path("schemas/esf-2007-2013/pack.xml")); }
std::string real_call() { return read_file(source_path("schemas/esf-2007-2013/calls/ovre-norrland-2009.xml")); }

std::string load_error(const ScratchData& data, const std::string& name) {
    load::RulePackLibrary library(data.schemas());
    try {
        library.find(name);
    } catch (const load::LoadError& error) {
        return error.what();
    }
    return "(no error)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(packs)

BOOST_AUTO_TEST_CASE(the_2007_2013_pack) {
    const model::RulePack& pack = *pack_library().find("esf-2007-2013");
    BOOST_TEST(pack.name == "esf-2007-2013");
    BOOST_TEST(pack.areas.size() == 2u);
    BOOST_TEST(pack.find_area("PO1")->name.sv == "Kompetensförsörjning");
    const model::PhaseRules* prestudy = pack.find_phase("prestudy");
    BOOST_TEST_REQUIRE(prestudy != nullptr);
    BOOST_TEST(prestudy->warn_above_months->value == 6);
    BOOST_TEST(prestudy->error_above_months->value == 9);
    BOOST_TEST(prestudy->max_esf_share.value == 10000);
    BOOST_TEST(pack.find_phase("implementation")->warn_above_months->value == 36);
    BOOST_TEST(!pack.find_phase("implementation")->error_above_months.has_value());
    BOOST_TEST(pack.required_sections.size() == 11u);
    BOOST_TEST(!pack.requires_section("nonDiscrimination"));
    BOOST_TEST(pack.min_words_for("summary") == 25);
    BOOST_TEST(pack.min_words_for("background") == 40);
    BOOST_TEST(pack.summary_max_characters.value == 2000);
    BOOST_TEST(!pack.indirect_max_share_of_staff.has_value());
    BOOST_TEST(pack.eligibility_start.value.iso() == "2007-01-01");
    BOOST_TEST(pack.eligibility_end.value.iso() == "2015-12-31");
    BOOST_TEST(pack.allows_cost_category("indirect"));
    BOOST_TEST(!pack.allows_cost_category("participants"));
    const model::Call* call = pack.find_call("ovre-norrland-2009");
    BOOST_TEST_REQUIRE(call != nullptr);
    BOOST_TEST(call->min_cofinancing->value == 4000);
    BOOST_TEST(call->esf_ceiling->value == 1'000'000'000);
    BOOST_TEST(call->earliest_start->value.iso() == "2009-07-01");
    BOOST_TEST(call->allows_region("SE33"));
    BOOST_TEST(!call->allows_region("SE32"));
}

BOOST_AUTO_TEST_CASE(the_esf_plus_pack) {
    const model::RulePack& pack = *pack_library().find("esf-plus-2021-2027");
    BOOST_TEST(pack.areas.size() == 6u);
    BOOST_TEST(pack.requires_section("nonDiscrimination"));
    BOOST_TEST(pack.indirect_max_share_of_staff->value == 1500);
    BOOST_TEST(pack.find_phase("prestudy")->esf_ceiling->value == 40'000'000);
    BOOST_TEST(pack.find_phase("implementation")->min_cofinancing.value == 4600);
    BOOST_TEST(pack.find_area("D")->regions == (std::vector<std::string>{"SE32", "SE33"}));
    BOOST_TEST(pack.calls.size() >= 1u);
}

BOOST_AUTO_TEST_CASE(every_value_names_its_source) {
    for (const char* name : {"esf-2007-2013", "esf-plus-2021-2027"}) {
        const model::RulePack& pack = *pack_library().find(name);
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(!pack.source.empty());
            for (const auto& area : pack.areas) BOOST_TEST(!area.source.empty());
            for (const auto& phase : pack.phases) {
                BOOST_TEST(!phase.max_esf_share.source.empty());
                BOOST_TEST(!phase.min_cofinancing.source.empty());
            }
            for (const auto& section : pack.required_sections) BOOST_TEST(!section.source.empty());
            for (const auto& category : pack.cost_categories) BOOST_TEST(!category.source.empty());
            BOOST_TEST(!pack.eligibility_start.source.empty());
            BOOST_TEST(!pack.placeholders.source.empty());
            for (const auto& category : pack.gender_categories) BOOST_TEST(!category.source.empty());
            for (const auto& indicator : pack.common_indicators) BOOST_TEST(!indicator.source.empty());
            for (const auto& model : pack.cost_models) BOOST_TEST(!model.source.empty());
            if (pack.simplified_costs_threshold_eur) BOOST_TEST(!pack.simplified_costs_threshold_eur->source.empty());
            if (!pack.discrimination_grounds.empty()) BOOST_TEST(!pack.discrimination_grounds_source.empty());
            for (const auto& criterion : pack.assessment_criteria) BOOST_TEST(!criterion.source.empty());
            for (const auto& rule : pack.added_rules) BOOST_TEST(!rule.source.empty());
            for (const auto& call : pack.calls) {
                BOOST_TEST(!call.source.empty());
                if (call.min_cofinancing) BOOST_TEST(!call.min_cofinancing->source.empty());
                if (call.allowed_cost_models) BOOST_TEST(!call.allowed_cost_models->source.empty());
                if (call.sek_per_eur) BOOST_TEST(!call.sek_per_eur->source.empty());
                if (call.state_aid) BOOST_TEST(!call.state_aid->source.empty());
                if (!call.attachments.empty()) BOOST_TEST(!call.attachments_source.empty());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_parameters_of_the_added_rules) {
    const model::RulePack& plus = *pack_library().find("esf-plus-2021-2027");
    BOOST_TEST(plus.gender_categories.size() == 3u);
    BOOST_TEST(plus.gender_categories[2].code == "nonBinary");
    BOOST_TEST(plus.gender_categories[2].optional);
    BOOST_TEST(plus.common_indicators.size() == 15u);
    BOOST_TEST(plus.find_common_indicator("EECO11")->unit == "persons");
    BOOST_TEST(plus.find_common_indicator("EECR04") != nullptr);
    const model::CostModelRule* remaining = plus.find_cost_model("remaining-flat-rate");
    BOOST_TEST_REQUIRE(remaining != nullptr);
    BOOST_TEST(remaining->simplified);
    BOOST_TEST(*remaining->rate == 4000);
    BOOST_TEST(remaining->categories == (std::vector<std::string>{"staff", "participants", "other"}));
    BOOST_TEST(remaining->excludes == (std::vector<std::string>{"indirect-flat-rate"}));
    BOOST_TEST(*plus.find_cost_model("indirect-flat-rate")->rate == 1500);
    BOOST_TEST(plus.simplified_costs_threshold_eur->value == 20'000'000);  // EUR 200 000 in cents
    BOOST_TEST(plus.discrimination_grounds.size() == 7u);
    BOOST_TEST(plus.assessment_criteria.size() == 5u);
    BOOST_TEST(plus.score_scale.has_value());
    const model::Call* call = plus.find_call("livslangt-larande-ovre-norrland-2023");
    BOOST_TEST_REQUIRE(call != nullptr);
    BOOST_TEST(call->sek_per_eur->value.text() == "11.47");
    BOOST_TEST(!call->state_aid->value);
    BOOST_TEST(call->attachments.size() == 3u);
    BOOST_TEST(call->attachments[0].required);
    BOOST_TEST(!call->attachments[2].required);

    const model::RulePack& old = *pack_library().find("esf-2007-2013");
    BOOST_TEST(old.gender_categories.size() == 2u);
    BOOST_TEST(old.common_indicators.empty());
    BOOST_TEST(old.cost_models.empty());
    BOOST_TEST(!old.simplified_costs_threshold_eur.has_value());
    BOOST_TEST(old.assessment_criteria.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_pack_and_a_call_without_the_new_parameters_stay_valid) {
    // The 2007–2013 pack as it was before the added rules: women and men by default, no added rule on.
    std::string pack = real_pack();
    const std::size_t from = pack.find("\n  <genderCategories>");
    const std::size_t to = pack.find("</addedRules>\n") + 14;
    BOOST_TEST_REQUIRE(from != std::string::npos);
    pack.erase(from, to - from);
    ScratchData data;
    data.write("esf-2007-2013/pack.xml", pack);
    data.write("esf-2007-2013/calls/ovre-norrland-2009.xml", real_call());
    load::RulePackLibrary library(data.schemas());
    const model::RulePack* loaded = library.find("esf-2007-2013");
    BOOST_TEST_REQUIRE(loaded != nullptr);
    BOOST_TEST(loaded->gender_categories.size() == 2u);
    BOOST_TEST(loaded->gender_categories[0].code == "women");
    BOOST_TEST(!loaded->gender_categories[0].source.empty());
    BOOST_TEST(loaded->added_rules.empty());
    BOOST_TEST(!loaded->turns_on("M008"));
    BOOST_TEST(loaded->calls.size() == 1u);
    BOOST_TEST(!loaded->calls[0].sek_per_eur.has_value());
    BOOST_TEST(loaded->calls[0].attachments.empty());
}

BOOST_AUTO_TEST_CASE(broken_added_rule_parameters_name_file_and_line) {
    // Only an added rule can be turned on; the others are always on.
    std::string pack = real_pack();
    pack.replace(pack.find("<rule id=\"M009\""), 15, "<rule id=\"B005\"");
    ScratchData data;
    data.write("esf-2007-2013/pack.xml", pack);
    std::string error = load_error(data, "esf-2007-2013");
    BOOST_TEST(error.find("pack.xml:" + std::to_string(line_of(pack, "<rule id=\"B005\""))) != std::string::npos,
               error);
    BOOST_TEST(error.find("B005 is not an added rule") != std::string::npos, error);

    // A call cannot allow a cost model its pack does not have.
    ScratchData second;
    std::string plus = read_file(source_path("schemas/esf-plus-2021-2027/pack.xml"));
    const std::size_t from = plus.find("    <model code=\"unit-costs\"");
    plus.erase(from, plus.find("</model>\n", from) + 9 - from);
    second.write("esf-plus-2021-2027/pack.xml", plus);
    const std::string call = read_file(source_path("schemas/esf-plus-2021-2027/calls/glesa-geografin-2024.xml"));
    second.write("esf-plus-2021-2027/calls/glesa-geografin-2024.xml", call);
    error = load_error(second, "esf-plus-2021-2027");
    BOOST_TEST(
        error.find("glesa-geografin-2024.xml:" + std::to_string(line_of(call, "<costModels"))) != std::string::npos,
        error);
    BOOST_TEST(error.find("unit-costs is not one of the pack's cost models") != std::string::npos, error);

    // An exchange rate of zero converts nothing.
    ScratchData third;
    third.write("esf-plus-2021-2027/pack.xml", read_file(source_path("schemas/esf-plus-2021-2027/pack.xml")));
    std::string zero = call;
    zero.replace(zero.find("sekPerEur=\"11.40\""), 17, "sekPerEur=\"0.00\"");
    third.write("esf-plus-2021-2027/calls/glesa-geografin-2024.xml", zero);
    error = load_error(third, "esf-plus-2021-2027");
    BOOST_TEST(
        error.find("glesa-geografin-2024.xml:" + std::to_string(line_of(zero, "<exchangeRate"))) != std::string::npos,
        error);
}

BOOST_AUTO_TEST_CASE(an_unknown_pack_is_null_not_an_error) {
    BOOST_TEST(pack_library().find("esf-1994-1999") == nullptr);
    BOOST_TEST(pack_library().find("../schemas") == nullptr);
    BOOST_TEST(pack_library().find("") == nullptr);
    BOOST_TEST(pack_library().find("regions") == nullptr);
    const std::vector<std::string> names = pack_library().pack_names();
    BOOST_TEST(names == (std::vector<std::string>{"esf-2007-2013", "esf-plus-2021-2027"}));
}

BOOST_AUTO_TEST_CASE(a_broken_pack_names_file_and_line) {
    ScratchData data;
    std::string pack = real_pack();
    pack.replace(pack.find("<esfShare max=\"100\""), 19, "<esfShare max=\"120\"");
    data.write("esf-2007-2013/pack.xml", pack);
    const std::string error = load_error(data, "esf-2007-2013");
    const std::string expected =
        data.schemas() + "/esf-2007-2013/pack.xml:" + std::to_string(line_of(pack, "max=\"120\"")) + ":";
    BOOST_TEST(error.find(expected) == 0u, error);
    BOOST_TEST(error.find("broken rule pack") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(a_malformed_pack_and_a_broken_call) {
    ScratchData data;
    std::string pack = real_pack();
    pack.replace(pack.find("</areas>"), 8, "</area>");
    data.write("esf-2007-2013/pack.xml", pack);
    std::string error = load_error(data, "esf-2007-2013");
    BOOST_TEST(error.find(data.schemas() +
                          "/esf-2007-2013/pack.xml:" + std::to_string(line_of(pack, "</area>\n\n  <phases>"))) == 0u,
               error);

    ScratchData second;
    second.write("esf-2007-2013/pack.xml", real_pack());
    std::string call = real_call();
    call.replace(call.find("<item code=\"PO2\"/>"), 18, "<item code=\"PO9\"/>");
    second.write("esf-2007-2013/calls/ovre-norrland-2009.xml", call);
    error = load_error(second, "esf-2007-2013");
    BOOST_TEST(error.find("calls/ovre-norrland-2009.xml:" + std::to_string(line_of(call, "PO9"))) != std::string::npos,
               error);
    BOOST_TEST(error.find("PO9") != std::string::npos, error);

    ScratchData third;
    std::string renamed = real_pack();
    renamed.replace(renamed.find("name=\"esf-2007-2013\""), 20, "name=\"esf-2007-2014\"");
    third.write("esf-2007-2013/pack.xml", renamed);
    error = load_error(third, "esf-2007-2013");
    BOOST_TEST(error.find("lies in the folder") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(the_municipality_register) {
    const model::MunicipalityRegister& regions = pack_library().municipalities();
    BOOST_TEST(regions.municipalities.size() == 290u);
    BOOST_TEST(regions.regions.size() == 8u);
    int upper_norrland = 0;
    for (const model::Municipality& municipality : regions.municipalities)
        upper_norrland += municipality.nuts2 == "SE33";
    BOOST_TEST(upper_norrland == 29);
    BOOST_TEST(regions.find("2480")->name == "Umeå");
    BOOST_TEST(regions.find("2480")->county_code == "24");
    BOOST_TEST(regions.find("0180")->nuts2 == "SE11");
    BOOST_TEST(regions.find_region("SE33")->name == "Övre Norrland");
    BOOST_TEST(regions.find("9999") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_broken_register_names_file_and_line) {
    ScratchFolder folder;
    folder.write("regions/regions.tsv", read_file(source_path("schemas/regions/regions.tsv")));
    folder.write(
        "regions/municipalities.tsv",
        "code\tname\tcounty_code\tcounty\tnuts2\n2480\tUmeå\t24\tVästerbottens län\tSE33\n248\tX\t24\tY\tSE33\n");
    try {
        load::read_municipality_register(folder.path("regions"));
        BOOST_FAIL("a broken register loaded");
    } catch (const load::LoadError& error) {
        BOOST_TEST(std::string(error.what()).find("municipalities.tsv:3:") != std::string::npos, error.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(overrides)

BOOST_AUTO_TEST_CASE(a_pack_turns_a_rule_off_or_changes_its_severity) {
    const std::string plan = replaced(clean_plan(), "kim.exempel@example.se", "kim");
    model::RulePack pack = pack_copy("esf-2007-2013");
    pack.overrides.push_back(model::RuleOverride{"M006", true, Severity::error, "test"});
    CheckedPlan checked = check_plan(plan, with_pack(pack));
    expect_one(checked, "M006", Severity::error, line_of(plan, "<email>"), "/application/project/contact/email");

    pack.overrides.back() = model::RuleOverride{"M006", false, std::nullopt, "test"};
    checked = check_plan(plan, with_pack(pack));
    expect_none(checked, "M006");
}

BOOST_AUTO_TEST_CASE(the_shipped_packs_read_overrides) {
    ScratchData data;
    std::string pack = real_pack();
    pack.replace(pack.find("</pack>"), 7,
                 "  <severities>\n    <rule id=\"D007\" severity=\"info\" source=\"[I] test\"/>\n"
                 "    <rule id=\"S005\" enabled=\"false\" source=\"[I] test\"/>\n  </severities>\n</pack>");
    data.write("esf-2007-2013/pack.xml", pack);
    load::RulePackLibrary library(data.schemas());
    const model::RulePack* loaded = library.find("esf-2007-2013");
    BOOST_TEST_REQUIRE(loaded != nullptr);
    BOOST_TEST((loaded->override_for("D007")->severity == Severity::info));
    BOOST_TEST(!loaded->override_for("S005")->enabled);
    BOOST_TEST(loaded->calls.empty());

    std::string unknown = real_pack();
    unknown.replace(unknown.find("</pack>"), 7,
                    "  <severities><rule id=\"Z001\" enabled=\"false\" source=\"[I] test\"/></severities>\n</pack>");
    ScratchData second;
    second.write("esf-2007-2013/pack.xml", unknown);
    BOOST_TEST(load_error(second, "esf-2007-2013").find("broken rule pack") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
