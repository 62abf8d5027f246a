// The report's key figures, pack and call as CheckSession fills them: the
// budget's sums beside the limits the workbook shows (applied_limits).
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "pipeline/pipeline.hpp"
#include "pipeline/report_figures.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;

namespace {

const model::Date day{2009, 9, 1};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, "no \"" << from << "\"");
    return text.replace(at, from.size(), to);
}

report::ApplicationReport checked(const std::string& name, const std::string& bytes) {
    pipeline::CheckSession session(day);
    return session.check_bytes({name, bytes}, std::nullopt).report;
}

const std::string framsyn = "samples/framsyn/plan.xml";
const std::string esf_plus = "tests/rules/fixtures/clean-plan-esf-plus.xml";

}  // namespace

BOOST_AUTO_TEST_SUITE(report_figures)

BOOST_AUTO_TEST_CASE(the_sample_has_its_sums_beside_the_calls_limits) {
    const report::ApplicationReport report = checked("plan.xml", read_file(source_path(framsyn)));
    BOOST_REQUIRE(report.key_figures.has_value());
    const report::KeyFigures& figures = *report.key_figures;
    BOOST_TEST(figures.total_costs == 201'000'000);  // öre
    BOOST_TEST(figures.income == 0);
    BOOST_TEST(figures.eligible_costs == 201'000'000);
    BOOST_TEST(figures.esf == 100'500'000);
    BOOST_TEST(figures.cofinancing == 100'500'000);
    BOOST_TEST(figures.esf_share.hundredths == 5000);
    BOOST_REQUIRE(figures.esf_share.limit.has_value());
    BOOST_TEST(figures.esf_share.limit->value == 6000);  // the call's, not the pack's 100 %
    BOOST_TEST(figures.esf_share.limit->maximum);
    BOOST_TEST(figures.esf_share.limit->set_by == "ovre-norrland-2009");
    BOOST_TEST(figures.esf_share.limit->within);
    BOOST_REQUIRE(figures.cofinancing_share.limit.has_value());
    BOOST_TEST(figures.cofinancing_share.limit->value == 4000);
    BOOST_TEST(!figures.cofinancing_share.limit->maximum);
    BOOST_TEST(figures.cofinancing_share.limit->within);
    // 2007–2013 sets no flat rate for indirect costs: the share without a limit.
    BOOST_REQUIRE(figures.indirect_share.has_value());
    BOOST_TEST(figures.indirect_share->part == 7'200'000);
    BOOST_TEST(!figures.indirect_share->limit.has_value());

    BOOST_REQUIRE(report.pack.has_value());
    BOOST_TEST(report.pack->id == "esf-2007-2013");
    BOOST_TEST(!report.pack->name.sv.empty());
    BOOST_REQUIRE(report.call.has_value());
    BOOST_TEST(report.call->id == "ovre-norrland-2009");
    BOOST_TEST(report.call->name.en.find("Övre Norrland 2009") != std::string::npos, report.call->name.en);
}

// The same limits as the rules: 100 kr over the ESF maximum and under the
// co-financing minimum is outside both, though the shares round to them.
BOOST_AUTO_TEST_CASE(a_share_just_across_its_limit_is_outside_it) {
    std::string plan = read_file(source_path(framsyn));
    plan = replaced(plan, "<source kind=\"esf\" amount=\"1005000\"/>", "<source kind=\"esf\" amount=\"1206100\"/>");
    plan = replaced(plan, "orgNumber=\"202100-2346\" amount=\"300000\"", "orgNumber=\"202100-2346\" amount=\"98900\"");
    const report::ApplicationReport report = checked("over.xml", plan);
    BOOST_REQUIRE(report.key_figures.has_value());
    BOOST_TEST(report.key_figures->esf_share.hundredths == 6000);  // 60,005 % rounded
    BOOST_TEST(!report.key_figures->esf_share.limit->within);
    BOOST_TEST(!report.key_figures->cofinancing_share.limit->within);
    const auto has = [&](const char* rule) {
        return std::any_of(report.findings.begin(), report.findings.end(),
                           [&](const model::Finding& f) { return f.rule == rule; });
    };
    BOOST_TEST((has("B006") && has("B007")));  // the rules agree
    report::ReportOptions options;
    options.date = "2009-09-01";
    const std::string text = report::render_text({report}, options);
    BOOST_TEST(
        text.find(
            "60,005\xC2\xA0% av stödberättigande kostnad (högst 60\xC2\xA0%, ovre-norrland-2009): över gränsen") !=
            std::string::npos,
        text);
    BOOST_TEST(
        text.find(
            "39,995\xC2\xA0% av stödberättigande kostnad (minst 40\xC2\xA0%, ovre-norrland-2009): under gränsen") !=
            std::string::npos,
        text);
}

BOOST_AUTO_TEST_CASE(the_esf_plus_limit_on_indirect_costs_is_the_packs) {
    const std::string plan = read_file(source_path(esf_plus));
    const std::string line =
        "<cost category=\"premises\" year=\"2025\" activity=\"a3\" amount=\"200000\">Lokaler för mötesplatser</cost>";
    // Staff costs are 1 400 000 kr; the pack allows 15 % of them, 210 000 kr.
    for (const auto& [amount, within] : {std::pair{"210000", true}, std::pair{"210100", false}}) {
        const std::string with_indirect =
            replaced(plan, line,
                     line + "\n      <cost category=\"indirect\" year=\"2025\" amount=\"" + amount +
                         "\">Indirekta kostnader</cost>");
        const report::ApplicationReport report = checked("plus.xml", with_indirect);
        BOOST_REQUIRE(report.key_figures.has_value());
        BOOST_REQUIRE(report.key_figures->indirect_share.has_value());
        const report::KeyShare& indirect = *report.key_figures->indirect_share;
        BOOST_TEST(indirect.whole == 140'000'000);
        BOOST_REQUIRE(indirect.limit.has_value());
        BOOST_TEST(indirect.limit->value == 1500);
        BOOST_TEST(indirect.limit->set_by == "esf-plus-2021-2027");
        BOOST_TEST(indirect.limit->within == within, amount);
    }
    // Without indirect costs there is no indirect share.
    BOOST_TEST(!checked("plus.xml", plan).key_figures->indirect_share.has_value());
}

BOOST_AUTO_TEST_CASE(a_call_the_pack_lacks_is_named_and_the_limits_are_the_packs) {
    const std::string plan =
        replaced(read_file(source_path(framsyn)), "call=\"ovre-norrland-2009\"", "call=\"no-such-call\"");
    const report::ApplicationReport report = checked("plan.xml", plan);
    BOOST_REQUIRE(report.call.has_value());
    BOOST_TEST(report.call->id == "no-such-call");
    BOOST_TEST((report.call->name.sv.empty() && report.call->name.en.empty()));
    BOOST_REQUIRE(report.key_figures && report.key_figures->esf_share.limit);
    BOOST_TEST(report.key_figures->esf_share.limit->set_by == "esf-2007-2013");
    const std::string text = report::render_text({report}, report::ReportOptions{});
    BOOST_TEST(text.find("  Utlysning: no-such-call (finns inte i regelpaketet)\n") != std::string::npos, text);
    // No call at all: no call line.
    const report::ApplicationReport without =
        checked("plan.xml", replaced(read_file(source_path(framsyn)), " call=\"ovre-norrland-2009\"", ""));
    BOOST_TEST(!without.call.has_value());
    BOOST_TEST(without.pack.has_value());
}

BOOST_AUTO_TEST_CASE(a_plan_that_did_not_load_or_has_no_budget_has_no_figures) {
    const report::ApplicationReport broken = checked("broken.xml", "<application xmlns=\"urn:esfdraft:plan:1\">");
    BOOST_TEST(!broken.key_figures.has_value());
    BOOST_TEST(!broken.pack.has_value());
    for (const report::Language language : {report::Language::sv, report::Language::en}) {
        report::ReportOptions options;
        options.language = language;
        for (const std::string& text : {report::render_text({broken}, options), report::render_html({broken}, options),
                                        report::render_json({broken}, options)}) {
            BOOST_TEST(text.find("Nyckeltal") == std::string::npos);
            BOOST_TEST(text.find("Key figures") == std::string::npos);
            BOOST_TEST(text.find("keyFigures") == std::string::npos);
        }
    }
    // A budget with no lines at all.
    model::Application empty;
    BOOST_TEST(!pipeline::key_figures(empty, {}).has_value());
    // An amount the schema refused counts as 0: the sums mean nothing, as for the rules.
    const std::string unreadable =
        replaced(read_file(source_path(framsyn)), "<source kind=\"esf\" amount=\"1005000\"/>",
                 "<source kind=\"esf\" amount=\"lots\"/>");
    const report::ApplicationReport refused = checked("plan.xml", unreadable);
    BOOST_TEST(!refused.title.empty());
    BOOST_TEST(!refused.key_figures.has_value());
    // Nor do the rules over the sums (over_sums in the rule registry) report:
    // the ESF read as 0 would be B005's shortfall and B006's and B007's
    // shares, all the same mistake as the X002 that names it.
    std::vector<std::string> rules;
    for (const model::Finding& finding : refused.findings) rules.push_back(finding.rule);
    BOOST_TEST(std::count(rules.begin(), rules.end(), "X002") == 1);
    for (const model::RuleDefinition& rule : model::rule_definitions())
        if (rule.over_sums) BOOST_TEST(std::count(rules.begin(), rules.end(), std::string(rule.id)) == 0, rule.id);
}

BOOST_AUTO_TEST_SUITE_END()
