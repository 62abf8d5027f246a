// Writes the sample workbooks that check_workbook.py opens with openpyxl,
// each with a JSON sidecar of what it must show. The expectations are worked
// out here from the model alone, not from the workbook layout.
//
// Usage: xlsx_write_samples FOLDER
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "xlsx/budget_workbook.hpp"
#include "xlsx/sample_budgets.hpp"

using namespace esfdraft;

namespace {

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[(c >> 4) & 0xF];
            out += hex[c & 0xF];
            continue;
        }
        out += c;
    }
    return out + "\"";
}

struct Words {
    std::vector<std::string> sheets;
    std::string table, within, above, below, balanced, not_balanced, title_prefix;
    std::map<std::string, std::string> names;  // figure -> defined name
};

Words words_for(const std::string& lang) {
    if (lang == "en")
        return {{"Summary", "Costs", "By year", "By activity", "Financing"},
                "CostLines",
                "✓ within the limit",
                "✗ above the limit",
                "✗ below the limit",
                "✓ balanced",
                "✗ not balanced",
                "Budget – ",
                {{"total", "Total_cost"},
                 {"income", "Total_income"},
                 {"eligible", "Eligible_cost"},
                 {"esf", "ESF_support"},
                 {"cofinancing", "Total_cofinancing"},
                 {"financing", "Total_financing"},
                 {"difference", "Budget_difference"},
                 {"esf_share", "ESF_share"},
                 {"cofinancing_share", "Cofinancing_share"},
                 {"staff", "Staff_costs"},
                 {"indirect", "Indirect_costs"},
                 {"indirect_share", "Indirect_share_of_staff"}}};
    return {{"Sammanställning", "Kostnader", "Per år", "Per aktivitet", "Finansiering"},
            "Kostnadsrader",
            "✓ inom gränsen",
            "✗ över gränsen",
            "✗ under gränsen",
            "✓ i balans",
            "✗ ej i balans",
            "Budget – ",
            {{"total", "Kostnad_totalt"},
             {"income", "Intakter_totalt"},
             {"eligible", "Stodberattigande_kostnad"},
             {"esf", "ESF_stod"},
             {"cofinancing", "Medfinansiering_totalt"},
             {"financing", "Finansiering_totalt"},
             {"difference", "Budgetdifferens"},
             {"esf_share", "ESF_andel"},
             {"cofinancing_share", "Medfinansieringsandel"},
             {"staff", "Personalkostnader"},
             {"indirect", "Indirekta_kostnader"},
             {"indirect_share", "Indirekt_andel_av_personal"}}};
}

std::string amount(model::Money ore) { return "{\"ore\": " + std::to_string(ore) + "}"; }

std::string share(model::Money part, model::Money whole) {
    if (whole <= 0) return "{\"text\": \"–\"}";
    return "{\"share\": [" + std::to_string(part) + ", " + std::to_string(whole) + "]}";
}

void write_sample(const std::filesystem::path& folder, const std::string& name, const model::Application& application,
                  const xlsx::WorkbookOptions& options) {
    const std::string lang = options.lang.empty() ? application.lang : options.lang;
    Words words = words_for(lang);
    if (application.has_beneficiary_partners()) words.sheets.push_back(lang == "en" ? "Sub-budgets" : "Delbudgetar");
    xlsx::write_budget_workbook(application, options, (folder / (name + ".xlsx")).string());

    const model::Budget& budget = application.budget;
    const model::Money costs = budget.total_costs();
    const model::Money income = budget.total_income();
    const model::Money eligible = costs - income;
    const model::Money financing = budget.total_financing();
    const model::Money esf = budget.financing_of_kind("esf");
    const model::Money cofinancing = financing - esf;
    model::Money staff = 0, indirect = 0;
    for (const auto& line : budget.costs) {
        if (line.category == "staff") staff += line.amount;
        if (line.category == "indirect") indirect += line.amount;
    }

    std::map<std::string, std::string> names{
        {"total", amount(costs)},
        {"income", amount(income)},
        {"eligible", amount(eligible)},
        {"esf", amount(esf)},
        {"cofinancing", amount(cofinancing)},
        {"financing", amount(financing)},
        {"difference", amount(eligible - financing)},
        {"esf_share", share(esf, eligible)},
        {"cofinancing_share", share(cofinancing, eligible)},
        {"staff", amount(staff)},
        {"indirect", amount(indirect)},
        {"indirect_share", share(indirect, staff)},
    };
    std::map<std::string, std::string> statuses{
        {"difference", eligible == financing ? words.balanced : words.not_balanced}};
    const auto& limits = options.limits;
    // Integers only: part × 10000 against limit × whole.
    if (limits.max_esf_share_hundredths)
        statuses["esf_share"] = esf * 10000 > *limits.max_esf_share_hundredths * eligible ? words.above : words.within;
    if (limits.min_cofinancing_share_hundredths)
        statuses["cofinancing_share"] =
            cofinancing * 10000 < *limits.min_cofinancing_share_hundredths * eligible ? words.below : words.within;
    if (limits.max_indirect_share_of_staff_hundredths)
        statuses["indirect_share"] =
            indirect * 10000 > *limits.max_indirect_share_of_staff_hundredths * staff ? words.above : words.within;
    if (limits.esf_ceiling) statuses["esf"] = esf > *limits.esf_ceiling ? words.above : words.within;

    std::set<std::string> categories;
    for (const auto& line : budget.costs) categories.insert(line.category);

    std::ostringstream json;
    json << "{\n  \"sheets\": [";
    for (std::size_t i = 0; i < words.sheets.size(); ++i) json << (i ? ", " : "") << json_string(words.sheets[i]);
    json << "],\n  \"table\": " << json_string(words.table) << ",\n  \"cost_lines\": " << budget.costs.size()
         << ",\n  \"total_cost_ore\": " << costs << ",\n  \"chart\": " << (categories.size() >= 2 ? "true" : "false")
         << ",\n  \"created\": " << json_string(options.date.iso() + "T00:00:00")
         << ",\n  \"title\": " << json_string(words.title_prefix + application.project.title.value)
         << ",\n  \"names\": {";
    bool first = true;
    for (const auto& [figure, value] : names) {
        json << (first ? "\n" : ",\n") << "    " << json_string(words.names.at(figure)) << ": " << value;
        first = false;
    }
    json << "\n  },\n  \"statuses\": {";
    first = true;
    for (const auto& [figure, status] : statuses) {
        json << (first ? "\n" : ",\n") << "    " << json_string(words.names.at(figure)) << ": " << json_string(status);
        first = false;
    }
    json << "\n  }\n}\n";
    std::ofstream(folder / (name + ".json"), std::ios::binary) << json.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: xlsx_write_samples FOLDER\n";
        return 2;
    }
    try {
        const std::filesystem::path folder = argv[1];
        std::filesystem::create_directories(folder);
        write_sample(folder, "framsyn-sv", testing::framsyn_application(), testing::framsyn_options());
        write_sample(folder, "framsyn-en", testing::framsyn_application("en"), testing::framsyn_options("en"));

        model::Application broken = testing::framsyn_application();
        broken.budget.costs.push_back(testing::cost("other", 2011, "", 1, "Ett öre för mycket"));
        xlsx::WorkbookOptions strict = testing::framsyn_options();
        strict.limits.max_esf_share_hundredths = 5000;
        strict.limits.min_cofinancing_share_hundredths = 5000;
        strict.limits.max_indirect_share_of_staff_hundredths = 400;
        strict.limits.esf_ceiling = 1'000'000'00;
        write_sample(folder, "broken-limits", broken, strict);

        write_sample(folder, "empty", testing::application_without_budget(), testing::framsyn_options());
        write_sample(folder, "one-cost", testing::application_with_one_cost(), testing::framsyn_options());
        write_sample(folder, "ore", testing::application_with_ore(), testing::framsyn_options());
        xlsx::WorkbookOptions partners = testing::framsyn_options();
        partners.categories = testing::esf_plus_categories();
        write_sample(folder, "partners-flat-rate", testing::application_with_partners_and_flat_rate(), partners);
        write_sample(folder, "financing-years", testing::application_with_financing_over_three_years(),
                     testing::framsyn_options());
        write_sample(folder, "odd-keys", testing::application_with_odd_keys(), testing::framsyn_options());
        write_sample(folder, "large", testing::application_with_many_costs(10000), testing::framsyn_options());
    } catch (const std::exception& error) {
        std::cerr << "xlsx_write_samples: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
