#include "pipeline/workbook_budget.hpp"

#include "docx/engine/zip_package.hpp"
#include "load/budget_xml.hpp"
#include "pipeline/workbook_options.hpp"
#include "report/catalogue.hpp"
#include "xlsx/budget_reader.hpp"

namespace esfdraft::pipeline {
namespace {

bool same_budget(const model::Budget& a, const model::Budget& b) {
    if (a.costs.size() != b.costs.size() || a.financing.size() != b.financing.size() ||
        a.income.size() != b.income.size())
        return false;
    for (std::size_t i = 0; i < a.costs.size(); ++i) {
        const auto &x = a.costs[i], &y = b.costs[i];
        if (x.category != y.category || x.year != y.year || x.activity_id != y.activity_id || x.amount != y.amount ||
            x.tags != y.tags || x.label != y.label)
            return false;
    }
    for (std::size_t i = 0; i < a.financing.size(); ++i) {
        const auto &x = a.financing[i], &y = b.financing[i];
        if (x.kind != y.kind || x.funder != y.funder || x.org_number != y.org_number || x.amount != y.amount)
            return false;
    }
    for (std::size_t i = 0; i < a.income.size(); ++i)
        if (a.income[i].amount != b.income[i].amount || a.income[i].label != b.income[i].label) return false;
    return true;
}

// The first problem that keeps a plan from loading, in both languages.
std::pair<std::string, std::string> first_load_problem(const CheckedPlan& checked) {
    for (const model::Finding& finding : checked.report.findings) {
        if (finding.rule != "X001" && finding.rule != "X002") continue;
        const std::string where = finding.where.line > 0 ? "line " + std::to_string(finding.where.line) + ": " : "";
        const std::string rad = finding.where.line > 0 ? "rad " + std::to_string(finding.where.line) + ": " : "";
        return {where + report::message_text(finding, report::Language::en),
                rad + report::message_text(finding, report::Language::sv)};
    }
    return {"the plan does not load", "planen går inte att läsa in"};
}

// The format problems (X001/X002) of a checked plan, those of its budget only when asked.
bool format_problem(const CheckedPlan& checked, bool budget_only) {
    for (const model::Finding& finding : checked.report.findings)
        if ((finding.rule == "X001" || finding.rule == "X002") &&
            (!budget_only || finding.where.path.rfind("/application/budget", 0) == 0 || finding.where.path.empty()))
            return true;
    return false;
}

}  // namespace

std::string plan_with_workbook_budget(const NamedBytes& plan, const NamedBytes& workbook, CheckSession& session,
                                      const std::optional<WorkbookStamp>& latest_version) {
    const CheckedPlan latest = session.check_bytes(plan, std::nullopt);
    if (!latest.application)
        throw WorkbookRejected(
            "the latest version's plan does not load (see its report), so its budget cannot be replaced; upload a "
            "corrected plan instead",
            "den senaste versionens plan går inte att läsa in (se dess rapport), så dess budget kan inte bytas; ladda "
            "upp en rättad plan i stället");

    docx::Package package;
    try {
        package = docx::read_package(workbook.bytes, "workbook '" + workbook.name + "'");
    } catch (const std::exception& error) {
        throw WorkbookRejected(std::string(error.what()) + "; upload the budget workbook (.xlsx) esfdraft wrote",
                               "arbetsboken '" + workbook.name + "' är ingen läsbar xlsx-fil (" + error.what() +
                                   "); ladda upp den budgetarbetsbok (.xlsx) som esfdraft skrev");
    }
    std::vector<xlsx::WorkbookPart> parts;
    parts.reserve(package.entries().size());
    for (const docx::PackageEntry& entry : package.entries()) parts.push_back({entry.name, entry.bytes});
    package = {};

    xlsx::WorkbookBudget read;
    try {
        // The costs sheet names the latest plan's activities as the workbook
        // made from it did (a stamp of another version is refused below).
        read = xlsx::read_budget_workbook(
            parts, latest.pack ? workbook_categories(*latest.pack) : std::vector<xlsx::CategoryChoice>{},
            xlsx::cost_activity_names(*latest.application).ids);
    } catch (const xlsx::WorkbookReadError& error) {
        throw WorkbookRejected(error.what(), error.swedish());
    }
    if (latest_version && read.source) {
        if (read.source->application != latest_version->application)
            throw WorkbookRejected(
                "this workbook was made for another application (" + read.source->application +
                    "); upload it to that application, or download this application's budget workbook",
                "arbetsboken gjordes för en annan ansökan (" + read.source->application +
                    "); ladda upp den där, eller ladda ner den här ansökans budgetarbetsbok");
        if (read.source->version != latest_version->version) {
            const std::string made = std::to_string(read.source->version),
                              now = std::to_string(latest_version->version);
            throw WorkbookStale("this workbook was made from version " + made + ", and version " + now +
                                    " is the latest; nothing was stored. Download version " + now +
                                    "'s budget workbook and make your edits again",
                                "arbetsboken gjordes från version " + made + ", och version " + now +
                                    " är den senaste; inget sparades. Ladda ner budgetarbetsboken för version " + now +
                                    " och gör dina ändringar igen",
                                read.source->version);
        }
    }

    std::string revised;
    try {
        revised = load::replace_budget(plan.bytes, read.budget);
    } catch (const std::exception& error) {
        const model::Said why = model::said_of(error);
        throw ToolError(model::Said("den senaste planens budget kan inte ersättas: " + why.sv,
                                    "the latest plan's budget cannot be replaced: " + why.en));
    }
    const CheckedPlan checked = session.check_bytes({plan.name, revised}, std::nullopt);
    if (!checked.application || format_problem(checked, true)) {
        const auto [english, swedish] = first_load_problem(checked);
        throw WorkbookRejected("the budget in the workbook makes a plan the format refuses: " + english +
                                   "; correct the workbook and upload it again",
                               "budgeten i arbetsboken ger en plan som formatet inte godtar: " + swedish +
                                   "; rätta arbetsboken och ladda upp den igen");
    }
    if (!same_budget(checked.application->budget, read.budget))
        throw ToolError(model::Said("planen som skrevs med arbetsbokens budget läses inte tillbaka som den budgeten",
                                    "the plan written with the workbook's budget does not read back as that budget"));
    return revised;
}

}  // namespace esfdraft::pipeline
