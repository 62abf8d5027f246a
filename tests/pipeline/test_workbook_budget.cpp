// plan_with_workbook_budget: the FRAMSYN sample's own workbook gives back its
// plan with the same budget and every byte outside <budget> unchanged; an
// edited workbook changes only the budget; what the user must correct is a
// WorkbookRejected in both languages.
#include <boost/test/unit_test.hpp>

#include "pipeline/artefacts.hpp"
#include "pipeline/workbook_budget.hpp"
#include "support/temp_files.hpp"

using namespace esfdraft;
using namespace esfdraft::testing;

namespace {

const model::Date day{2009, 9, 1};

std::string sample_workbook(pipeline::CheckSession& session, const std::string& plan) {
    pipeline::ArtefactRequest request;
    request.plan = {"plan.xml", plan};
    request.today = day;
    request.draft = false;
    request.report_html = false;
    return *pipeline::build_artefacts(request, session).workbook_xlsx;
}

// Everything before <budget …> and from </budget> on.
std::pair<std::string, std::string> outside_budget(const std::string& plan) {
    const auto open = plan.find('>', plan.find("<budget")) + 1;
    const auto close = plan.find("</budget>");
    return {plan.substr(0, open), plan.substr(close)};
}

std::string rejection(const std::function<void()>& run, const std::string& lang) {
    try {
        run();
    } catch (const pipeline::WorkbookRejected& rejected) {
        return rejected.message(lang);
    }
    return "(not rejected)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workbook_budget)

BOOST_AUTO_TEST_CASE(the_samples_own_workbook_gives_back_its_budget) {
    pipeline::CheckSession session(day);
    for (const char* sample : {"samples/framsyn/plan.xml", "samples/framsyn-prestudy/plan.xml"}) {
        BOOST_TEST_CONTEXT(sample) {
            const std::string plan = read_file(source_path(sample));
            const std::string revised = pipeline::plan_with_workbook_budget(
                {"plan.xml", plan}, {"budget.xlsx", sample_workbook(session, plan)}, session);
            BOOST_TEST((outside_budget(revised) == outside_budget(plan)));
            const auto before = session.check_bytes({"plan.xml", plan}, std::nullopt);
            const auto after = session.check_bytes({"plan.xml", revised}, std::nullopt);
            BOOST_TEST_REQUIRE(after.application.has_value());
            BOOST_TEST(after.application->budget.costs.size() == before.application->budget.costs.size());
            BOOST_TEST(after.application->budget.total_costs() == before.application->budget.total_costs());
            BOOST_TEST(after.application->budget.total_financing() == before.application->budget.total_financing());
            BOOST_TEST(after.report.findings.size() == before.report.findings.size());
            // Written the same way twice: the budget the workbook gives is the budget it was written from.
            const std::string again = pipeline::plan_with_workbook_budget(
                {"plan.xml", revised}, {"budget.xlsx", sample_workbook(session, revised)}, session);
            BOOST_TEST(again == revised);
        }
    }
}

BOOST_AUTO_TEST_CASE(what_the_user_must_correct_is_rejected_in_both_languages) {
    pipeline::CheckSession session(day);
    const std::string plan = read_file(source_path("samples/framsyn/plan.xml"));
    const auto with = [&](const std::string& workbook) {
        return [&, workbook] {
            pipeline::plan_with_workbook_budget({"plan.xml", plan}, {"budget.xlsx", workbook}, session);
        };
    };
    BOOST_TEST(rejection(with("not a zip at all"), "en").find("workbook 'budget.xlsx'") != std::string::npos);
    BOOST_TEST(
        rejection(with("not a zip at all"), "sv").starts_with("arbetsboken 'budget.xlsx' är ingen läsbar xlsx-fil"));
    BOOST_TEST(rejection(
                   [&] {
                       pipeline::plan_with_workbook_budget({"plan.xml", "<plan/>"},
                                                           {"budget.xlsx", sample_workbook(session, plan)}, session);
                   },
                   "en")
                   .starts_with("the latest version's plan does not load"));
}

BOOST_AUTO_TEST_SUITE_END()
