// replace_budget: the budget's content in the plan format, everything else
// byte for byte; the budget's prefix, indentation and line ends followed.
#include <boost/test/unit_test.hpp>

#include "load/budget_xml.hpp"

using namespace esfdraft;

namespace {

model::Budget small_budget() {
    model::Budget budget;
    model::CostLine cost;
    cost.category = "staff";
    cost.year = 2010;
    cost.activity_id = "a1";
    cost.amount = 12'500'050;
    cost.tags = {"accessibility", "evaluation"};
    cost.label = "Lön & <arvode>\tdel 1";
    budget.costs.push_back(cost);
    model::FinancingSource source;
    source.kind = "public-cash";
    source.funder = "Kommun \"A\"\nrad två";
    source.amount = -500'000;
    budget.financing.push_back(source);
    model::Income income;
    income.amount = 75;
    income.label = "Avgifter";
    budget.income.push_back(income);
    return budget;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(budget_xml)

BOOST_AUTO_TEST_CASE(amounts_are_written_as_the_format_reads_them) {
    BOOST_TEST(load::plan_amount(13'500'000) == "135000");
    BOOST_TEST(load::plan_amount(125'000'050) == "1250000.50");
    BOOST_TEST(load::plan_amount(75) == "0.75");
    BOOST_TEST(load::plan_amount(-500'000) == "-5000");
    BOOST_TEST(load::plan_amount(0) == "0");
}

BOOST_AUTO_TEST_CASE(only_the_budgets_content_changes) {
    const std::string before =
        "<?xml version=\"1.0\"?>\n<!-- <budget> in a comment -->\n<application xmlns=\"urn:esfdraft:plan:1\">\n"
        "  <note a=\"<budget>\"/>\n  <budget currency=\"SEK\">\n    <costs/>\n    <financing/>\n  </budget>\n"
        "  <after/>\n</application>\n";
    const std::string after = load::replace_budget(before, small_budget());
    BOOST_TEST(after ==
               "<?xml version=\"1.0\"?>\n<!-- <budget> in a comment -->\n<application xmlns=\"urn:esfdraft:plan:1\">\n"
               "  <note a=\"<budget>\"/>\n  <budget currency=\"SEK\">\n"
               "    <costs>\n"
               "      <cost category=\"staff\" year=\"2010\" activity=\"a1\" amount=\"125000.50\" tags=\"accessibility "
               "evaluation\">"
               "Lön &amp; &lt;arvode&gt;\tdel 1</cost>\n"
               "    </costs>\n"
               "    <financing>\n"
               "      <source kind=\"public-cash\" funder=\"Kommun &quot;A&quot;&#10;rad två\" amount=\"-5000\"/>\n"
               "    </financing>\n"
               "    <income amount=\"0.75\">Avgifter</income>\n"
               "  </budget>\n  <after/>\n</application>\n");
}

BOOST_AUTO_TEST_CASE(sub_budgets_survive_the_round_trip) {
    // A workbook read back with its beneficiary column lost the beneficiaries
    // when the budget was written into the plan; the cost model on <budget> stays.
    model::Budget budget = small_budget();
    budget.costs.front().beneficiary = "umu";
    budget.financing.front().beneficiary = "owner";
    const std::string before =
        "<application xmlns=\"urn:esfdraft:plan:1\">\n  <budget currency=\"SEK\" costModel=\"indirect-flat-rate\">\n"
        "    <costs/>\n    <financing/>\n  </budget>\n</application>\n";
    const std::string after = load::replace_budget(before, budget);
    BOOST_TEST(after.find("tags=\"accessibility evaluation\" beneficiary=\"umu\">") != std::string::npos, after);
    BOOST_TEST(after.find("amount=\"-5000\" beneficiary=\"owner\"/>") != std::string::npos, after);
    BOOST_TEST(after.find("<budget currency=\"SEK\" costModel=\"indirect-flat-rate\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_prefix_tabs_and_crlf_are_followed) {
    const std::string before =
        "<p:application xmlns:p=\"urn:esfdraft:plan:1\">\r\n\t<p:budget>\r\n\t\t<p:costs>\r\n"
        "\t\t</p:costs>\r\n\t\t<p:financing/>\r\n\t</p:budget>\r\n</p:application>";
    const std::string after = load::replace_budget(before, model::Budget{});
    BOOST_TEST(after ==
               "<p:application xmlns:p=\"urn:esfdraft:plan:1\">\r\n\t<p:budget>\r\n\t\t<p:costs/>\r\n"
               "\t\t<p:financing/>\r\n\t</p:budget>\r\n</p:application>");
}

BOOST_AUTO_TEST_CASE(a_plan_without_a_budget_is_an_error) {
    BOOST_CHECK_THROW(load::replace_budget("<application><x/></application>", model::Budget{}), std::runtime_error);
    BOOST_CHECK_THROW(load::replace_budget("<application><budget>", model::Budget{}), std::runtime_error);
    BOOST_CHECK_THROW(load::replace_budget("<!DOCTYPE a><application><budget></budget></application>", model::Budget{}),
                      std::runtime_error);
    // A budget deeper down is not the plan's.
    BOOST_CHECK_THROW(load::replace_budget("<application><x><budget></budget></x></application>", model::Budget{}),
                      std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
