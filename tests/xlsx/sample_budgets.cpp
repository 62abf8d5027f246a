#include "xlsx/sample_budgets.hpp"

#include <utility>

namespace esfdraft::testing {
namespace {

constexpr model::Money kr = 100;  // öre per krona

model::SourceLocation at(int line, const std::string& path) { return {"framsyn.xml", line, 7, path}; }

model::Activity activity(std::string id, std::string title, std::vector<std::string> goals, int start_year,
                         int end_year) {
    model::Activity result;
    result.id = std::move(id);
    result.title = std::move(title);
    result.goal_ids = std::move(goals);
    result.start = {start_year, 1, 1};
    result.end = {end_year, 12, 31};
    return result;
}

model::Goal goal(std::string id, std::string kind, std::string statement) {
    model::Goal result;
    result.id = std::move(id);
    result.kind = std::move(kind);
    result.statement = std::move(statement);
    return result;
}

model::FinancingSource source(std::string kind, std::optional<std::string> funder,
                              std::optional<std::string> org_number, model::Money ore) {
    model::FinancingSource result;
    result.kind = std::move(kind);
    result.funder = std::move(funder);
    result.org_number = std::move(org_number);
    result.amount = ore;
    return result;
}

model::Application project_facts() {
    model::Application application;
    application.file = "framsyn.xml";
    application.programme = "esf-2007-2013";
    application.call = "ovre-norrland-2009";
    application.lang = "sv";
    model::Project& project = application.project;
    project.title = {"FRAMSYN – kompetens för efterfrågade socialfondsprojekt i Västerbotten",
                     at(10, "/application/project/title")};
    project.acronym = model::Located<std::string>{"FRAMSYN", at(11, "/application/project/acronym")};
    project.programme_area = {"PO1", at(12, "")};
    project.phase = {"implementation", at(13, "")};
    project.region = {"SE33", at(14, "")};
    project.owner.name = "Regionförbundet Västerbottens län";
    project.owner.org_number = "222000-1412";
    project.contact.name = "Helena Brännström";
    project.contact.email = "helena.brannstrom@example.se";
    project.period = {{2009, 10, 1}, {2011, 9, 30}, {}};
    return application;
}

}  // namespace

model::CostLine cost(std::string category, int year, std::string activity_id, model::Money ore, std::string label,
                     std::vector<std::string> tags) {
    model::CostLine line;
    line.category = std::move(category);
    line.year = year;
    if (!activity_id.empty()) line.activity_id = std::move(activity_id);
    line.amount = ore;
    line.label = std::move(label);
    line.tags = std::move(tags);
    return line;
}

model::Application framsyn_application(const std::string& lang) {
    model::Application application = project_facts();
    application.lang = lang;
    application.goals = {
        goal("g1", "project",
             "En gemensam behovsbild för socialfondsinsatser i Västerbotten är framtagen och antagen."),
        goal("g2", "project", "Ett nätverk av lokala processledare samordnar det lokala socialfondsarbetet."),
        goal("g3", "project", "120 personer, 70 kvinnor och 50 män, har genomgått ESF-skolan."),
        goal("g4", "project", "En projektverkstad har stött aktörer från projektidé till färdig ansökan."),
        goal("g5", "effect", "Socialfondsarbetet har efter projekttiden en varaktig regional stödstruktur."),
        goal("g6", "effect", "Fler socialfondsprojekt i Västerbotten bygger på regionens behov."),
    };
    application.activities = {
        activity("a1", "Uppstart och förankring", {"g1", "g2"}, 2009, 2009),
        activity("a2", "Gemensam behovsbild för kust och inland", {"g1", "g6"}, 2010, 2010),
        activity("a3", "Nätverk av lokala processledare och regional samordning", {"g2", "g5"}, 2009, 2011),
        activity("a4", "ESF-skolan: kompetensutveckling för lokala och regionala aktörer", {"g3"}, 2010, 2011),
        activity("a5", "Projektverkstad: från idé till ansökan", {"g4", "g6"}, 2010, 2011),
        activity("a6", "Erfarenhetsutbyte med Österbotten och med SAMSYN i Norrbotten", {"g2", "g3"}, 2010, 2011),
        activity("a7", "Lärande utvärdering och spridning", {"g5", "g6"}, 2009, 2011),
    };
    auto& costs = application.budget.costs;
    const auto add = [&](std::string category, int year, std::string activity_id, model::Money amount_kr,
                         std::string label, std::vector<std::string> tags = {}) {
        costs.push_back(
            cost(std::move(category), year, std::move(activity_id), amount_kr * kr, std::move(label), std::move(tags)));
        costs.back().where = at(245 + static_cast<int>(costs.size()) - 1,
                                "/application/budget/costs/cost[" + std::to_string(costs.size()) + "]");
    };
    add("staff", 2009, "", 126000, "Projektledare 100 %, oktober–december");
    add("staff", 2010, "", 504000, "Projektledare 100 %");
    add("staff", 2011, "", 378000, "Projektledare 100 %, januari–september");
    add("staff", 2010, "a3", 80000, "Processledare 15 %, Umeå kommun (offentligt bidrag i annat än pengar)");
    add("staff", 2011, "a3", 60000, "Processledare 15 %, Umeå kommun (offentligt bidrag i annat än pengar)");
    add("staff", 2010, "a3", 72000, "Processledare 15 %, Skellefteå kommun (offentligt bidrag i annat än pengar)");
    add("staff", 2011, "a3", 53000, "Processledare 15 %, Skellefteå kommun (offentligt bidrag i annat än pengar)");
    add("staff", 2010, "a3", 70000, "Processledare 15 %, Lycksele kommun (offentligt bidrag i annat än pengar)");
    add("staff", 2011, "a3", 50000, "Processledare 15 %, Lycksele kommun (offentligt bidrag i annat än pengar)");
    add("staff", 2010, "a3", 70000, "Processledare 15 %, Storumans kommun (offentligt bidrag i annat än pengar)");
    add("staff", 2011, "a3", 50000, "Processledare 15 %, Storumans kommun (offentligt bidrag i annat än pengar)");
    add("services", 2009, "a7", 10000, "Extern lärande utvärdering", {"evaluation"});
    add("services", 2010, "a7", 45000, "Extern lärande utvärdering", {"evaluation"});
    add("services", 2011, "a7", 55000, "Extern lärande utvärdering, slutrapport", {"evaluation", "dissemination"});
    add("services", 2010, "a2", 20000, "Statistikbearbetning för den regionala behovsbilden");
    add("services", 2010, "a4", 60000, "Föreläsare och kursledare, ESF-skolan");
    add("services", 2011, "a4", 30000, "Föreläsare och kursledare, ESF-skolan");
    add("services", 2010, "a4", 15000,
        "Teckenspråks- och skrivtolk, lättläst material och tillgänglighetsgranskning av webben", {"accessibility"});
    add("services", 2011, "a4", 10000, "Teckenspråks- och skrivtolk och lättläst material", {"accessibility"});
    add("premises", 2009, "", 6000, "Arbetsplats för projektledaren");
    add("premises", 2010, "", 24000, "Arbetsplats för projektledaren");
    add("premises", 2011, "", 18000, "Arbetsplats för projektledaren");
    add("premises", 2010, "a4", 20000, "Tillgängliga konferenslokaler, ESF-skolan och behovsdialoger",
        {"accessibility"});
    add("premises", 2011, "a4", 12000, "Tillgängliga konferenslokaler, ESF-skolan", {"accessibility"});
    add("travel", 2009, "a1", 8000, "Resor i länet, förankring i kommunerna");
    add("travel", 2010, "", 30000, "Resor i länet, behovsdialoger, noder och projektverkstad");
    add("travel", 2011, "a5", 20000, "Resor i länet, noder och projektverkstad");
    add("travel", 2010, "a6", 22000, "Studiebesök i Vasa, Österbotten", {"transnational"});
    add("materials", 2009, "", 8000, "Kontorsmateriel och informationsmaterial vid uppstarten");
    add("materials", 2010, "a4", 6000, "Kursmaterial och trycksaker");
    add("materials", 2011, "a7", 6000, "Kursmaterial och konferensdokumentation", {"dissemination"});
    add("indirect", 2009, "", 9000, "Indirekta kostnader: ekonomiadministration och IT");
    add("indirect", 2010, "", 36000, "Indirekta kostnader: ekonomiadministration och IT");
    add("indirect", 2011, "", 27000, "Indirekta kostnader: ekonomiadministration och IT");

    auto& financing = application.budget.financing;
    financing.push_back(source("esf", std::nullopt, std::nullopt, 1005000 * kr));
    financing.push_back(source("public-cash", "Länsstyrelsen i Västerbottens län", "202100-2346", 300000 * kr));
    financing.push_back(source("public-cash", "Västerbottens läns landsting", "232100-0222", 200000 * kr));
    financing.push_back(source("public-in-kind", "Umeå kommun", "212000-2742", 140000 * kr));
    financing.push_back(source("public-in-kind", "Skellefteå kommun", "212000-2783", 125000 * kr));
    financing.push_back(source("public-in-kind", "Lycksele kommun", std::nullopt, 120000 * kr));
    financing.push_back(source("public-in-kind", "Storumans kommun", std::nullopt, 100000 * kr));

    model::Income income;
    income.amount = 20000 * kr;
    income.label = "Deltagaravgifter, ESF-skolans avslutande konferens";
    application.budget.income.push_back(income);
    return application;
}

xlsx::BudgetLimits framsyn_limits() {
    xlsx::BudgetLimits limits;
    limits.max_esf_share_hundredths = 6000;
    limits.min_cofinancing_share_hundredths = 4000;
    limits.max_indirect_share_of_staff_hundredths = 1500;
    limits.esf_ceiling = 10'000'000 * kr;
    limits.source_note = "ESF 2007–2013, utlysning ovre-norrland-2009";
    return limits;
}

xlsx::WorkbookOptions framsyn_options(const std::string& lang) {
    xlsx::WorkbookOptions options;
    options.lang = lang;
    options.date = {2009, 8, 15};
    options.limits = framsyn_limits();
    return options;
}

model::Application application_without_budget() {
    model::Application application = framsyn_application();
    application.budget = model::Budget{};
    return application;
}

model::Application application_with_one_cost() {
    model::Application application = framsyn_application();
    application.budget = model::Budget{};
    application.budget.costs.push_back(cost("staff", 2010, "a1", 427460 * kr, "Projektledare"));
    application.budget.financing.push_back(source("esf", std::nullopt, std::nullopt, 427460 * kr));
    return application;
}

model::Application application_with_partners_and_flat_rate() {
    model::Application application = framsyn_application();
    model::Partner umea;
    umea.id = "umea";
    umea.name = "Umeå kommun";
    umea.role = "beneficiary";
    application.partners.push_back(umea);
    application.budget = model::Budget{};
    application.budget.cost_models = {"indirect-flat-rate"};
    auto& costs = application.budget.costs;
    const auto line = [&](std::string category, int year, model::Money ore, std::string label,
                          std::optional<std::string> beneficiary) {
        costs.push_back(cost(std::move(category), year, "", ore, std::move(label)));
        costs.back().beneficiary = std::move(beneficiary);
    };
    line("staff", 2010, 10'000'010, "Projektledare", "owner");          // 100 000,10 kr
    line("staff", 2010, 50'000 * kr, "Handledare", "umea");             // 50 000 kr
    line("indirect", 2010, 1'500'002, "Indirekta kostnader", "owner");  // 15 % of 100 000,10 = 15 000,015 -> ,02
    line("indirect", 2010, 750'000, "Indirekta kostnader", "umea");
    line("staff", 2011, 300'000 * kr, "Projektledare", "owner");
    line("indirect", 2011, 45'000 * kr, "Indirekta kostnader", "owner");
    line("travel", 2011, 12'345 * kr, "Resor", std::nullopt);
    application.budget.financing.push_back(source("esf", std::nullopt, std::nullopt, 300'000 * kr));
    application.budget.financing.back().beneficiary = "owner";
    application.budget.financing.push_back(source("public-cash", "Umeå kommun", std::nullopt, 57'500 * kr));
    application.budget.financing.back().beneficiary = "umea";
    const model::Money rest = application.budget.total_costs() - application.budget.total_financing();
    application.budget.financing.push_back(source("public-cash", "Region Västerbotten", std::nullopt, rest));
    return application;
}

model::Application application_with_financing_over_three_years() {
    model::Application application = framsyn_application();
    application.budget = model::Budget{};
    for (const int year : {2009, 2010, 2011})
        application.budget.costs.push_back(cost("staff", year, "", 1000 * kr, "Projektledare"));
    application.budget.financing.push_back(source("esf", std::nullopt, std::nullopt, 1000 * kr));
    application.budget.financing.push_back(source("public-cash", "Umeå kommun", std::nullopt, 1001 * kr));
    application.budget.financing.push_back(source("public-cash", "Region Västerbotten", std::nullopt, 750));
    return application;
}

std::vector<xlsx::CategoryChoice> esf_plus_categories() {
    return {{"staff", "Personalkostnader", "Staff"},
            {"services", "Köp av tjänst", "Purchased services"},
            {"premises", "Lokal", "Premises"},
            {"travel", "Resa", "Travel"},
            {"materials", "Materiel", "Materials"},
            {"indirect", "Indirekta kostnader", "Indirect costs"},
            {"participants", "Deltagarkostnader", "Participant costs"},
            {"other", "Övriga kostnader", "Other costs"}};
}

model::Application application_with_ore() {
    model::Application application = framsyn_application();
    application.budget = model::Budget{};
    application.budget.costs.push_back(cost("staff", 2010, "a1", 125000050, "Projektledare"));
    application.budget.costs.push_back(cost("materials", 2011, "", 25, "Frimärke"));
    application.budget.financing.push_back(source("esf", std::nullopt, std::nullopt, 62500000));
    application.budget.financing.push_back(source("public-cash", "Umeå kommun", std::nullopt, 62500000));
    model::Income income;
    income.amount = 75;
    income.label = "Pant";
    application.budget.income.push_back(income);
    return application;
}

model::Application application_with_odd_keys() {
    model::Application application = framsyn_application();
    application.goals.push_back(goal("g-7", "effect", "Ett mål med bindestreck i sitt id."));
    application.activities.push_back(activity("act-8", "En aktivitet med bindestreck", {"g-7", "g1"}, 2010, 2011));
    auto& costs = application.budget.costs;
    costs.push_back(cost("con*sult?", 2010, "A1", 5000 * kr, "Konsult ~1, okänd kategori"));
    costs.push_back(cost("staff", 2011, "act-8", 1, "Ett öre"));
    costs.push_back(cost("travel", 2011, "act-8", 2500 * kr, "Resa"));
    application.budget.financing.push_back(source("public-grant?", "Okänd finansiär", std::nullopt, 7500 * kr + 1));
    return application;
}

model::Application application_with_many_costs(std::size_t lines) {
    model::Application application = framsyn_application();
    application.budget = model::Budget{};
    static const char* const categories[] = {"staff",     "services", "premises",     "travel",
                                             "materials", "indirect", "participants", "other"};
    static const char* const activities[] = {"a1", "a2", "a3", "a4", "a5", "a6", "a7", ""};
    model::Money total = 0;
    for (std::size_t i = 0; i < lines; ++i) {
        // Amounts from 100,01 kr upwards with every öre digit in use.
        const model::Money ore = 10001 + static_cast<model::Money>((i * 7919) % 5000000);
        application.budget.costs.push_back(cost(categories[i % 8], 2009 + static_cast<int>(i % 3),
                                                activities[(i / 3) % 8], ore, "Kostnadsrad " + std::to_string(i + 1)));
        total += ore;
    }
    application.budget.financing.push_back(source("esf", std::nullopt, std::nullopt, total / 2));
    application.budget.financing.push_back(
        source("public-cash", "Region Västerbotten", "232100-0222", total - total / 2));
    return application;
}

}  // namespace esfdraft::testing
