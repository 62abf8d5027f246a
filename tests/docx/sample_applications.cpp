#include "sample_applications.hpp"

#include <sstream>

namespace esfdraft::docx::testing {

namespace {

model::Date day(int y, int m, int d) { return {y, m, d}; }

model::Money kronor(std::int64_t amount) { return amount * 100; }

model::Decimal whole(std::int64_t value) { return {value * model::Decimal::scale}; }

model::Located<std::string> located(std::string value) { return {std::move(value), {}}; }

std::vector<std::string> split_ids(const std::string& ids) {
    std::vector<std::string> out;
    std::istringstream in(ids);
    for (std::string id; in >> id;) out.push_back(id);
    return out;
}

void add_goal(model::Application& a, std::string id, std::string kind, std::string statement,
              std::vector<model::Indicator> indicators, std::string basis) {
    model::Goal goal;
    goal.id = std::move(id);
    goal.kind = std::move(kind);
    goal.statement = std::move(statement);
    goal.indicators = std::move(indicators);
    for (const std::string& finding : split_ids(basis)) goal.basis.push_back({finding, {}});
    a.goals.push_back(std::move(goal));
}

model::Indicator indicator(std::string unit, std::int64_t baseline, std::int64_t target, model::Date due,
                           std::string text, std::optional<std::int64_t> women = std::nullopt,
                           std::optional<std::int64_t> men = std::nullopt) {
    model::Indicator i;
    i.unit = std::move(unit);
    i.baseline = whole(baseline);
    i.target = whole(target);
    i.due = due;
    i.text = std::move(text);
    if (women) i.women = whole(*women);
    if (men) i.men = whole(*men);
    return i;
}

void add_activity(model::Application& a, std::string id, model::Date start, model::Date end, const std::string& goals,
                  const std::string& tags, std::string title, std::string description) {
    model::Activity activity;
    activity.id = std::move(id);
    activity.start = start;
    activity.end = end;
    activity.goal_ids = split_ids(goals);
    activity.tags = split_ids(tags);
    activity.title = std::move(title);
    activity.description = rich_text({description});
    a.activities.push_back(std::move(activity));
}

void add_cost(model::Application& a, std::string category, int year, std::string activity, std::int64_t amount,
              std::string label, std::string tags = "") {
    model::CostLine cost;
    cost.category = std::move(category);
    cost.year = year;
    if (!activity.empty()) cost.activity_id = std::move(activity);
    cost.amount = kronor(amount);
    cost.tags = split_ids(tags);
    cost.label = std::move(label);
    a.budget.costs.push_back(std::move(cost));
}

void add_source(model::Application& a, std::string kind, std::string funder, std::string org_number,
                std::int64_t amount) {
    model::FinancingSource source;
    source.kind = std::move(kind);
    if (!funder.empty()) source.funder = std::move(funder);
    if (!org_number.empty()) source.org_number = std::move(org_number);
    source.amount = kronor(amount);
    a.budget.financing.push_back(std::move(source));
}

model::StudyFinding finding(std::string id, std::string question, std::string theme, std::string priority,
                            std::string statement, std::vector<model::Evidence> evidence, std::string recommendation,
                            bool out_of_scope = false) {
    model::StudyFinding f;
    f.id = std::move(id);
    f.question_id = std::move(question);
    f.theme = std::move(theme);
    f.priority = std::move(priority);
    f.statement = std::move(statement);
    f.evidence = std::move(evidence);
    f.recommendation = std::move(recommendation);
    f.out_of_scope = out_of_scope;
    return f;
}

model::Evidence survey(std::int64_t respondents, std::int64_t share_percent, std::string text) {
    return {"survey", respondents, model::Decimal{share_percent * 10000}, {}, std::move(text), {}};
}

model::Evidence evidence(std::string kind, std::string actors, std::string text) {
    return {std::move(kind), std::nullopt, std::nullopt, split_ids(actors), std::move(text), {}};
}

model::PreStudyFindings framsyn_findings() {
    model::PreStudyFindings f;
    f.file = "findings.xml";
    f.study_title = "FRAMSYN ESF";
    f.study_period = {day(2009, 1, 7), day(2009, 7, 7), {}};
    f.method = rich_text(
        {"Förprojekteringen genomfördes av Regionförbundet Västerbottens län med stöd från Europeiska socialfonden. "
         "Underlaget samlades in i fyra steg:",
         "* en inventering av pågående och avslutade socialfondsprojekt, regionala strategier och kommunala analyser "
         "inom kompetensförsörjning;",
         "* en webbenkät till 140 lokala och regionala aktörer i länets 15 kommuner, besvarad av 97 (69 procent);",
         "* 22 intervjuer med nyckelpersoner hos kommuner, myndigheter, utbildningsanordnare och arbetsmarknadens "
         "parter;",
         "* tre workshoppar, i Umeå, Skellefteå och Lycksele, med sammanlagt 71 deltagare."});
    model::Block closing;
    closing.inlines = {{"Resultaten analyserades och återkopplades till "},
                       {"Partnerskapet för kompetensförsörjning i Västerbottens län", true, false},
                       {" i juni 2009."}};
    f.method->blocks.push_back(closing);
    f.questions = {
        {"q-shared-picture",
         "Hur skapar vi en gemensam bild av behoven av och skälen för samverkan inom ramen för sociala fondens "
         "programområden?",
         {}},
        {"q-coordination",
         "Hur samordnar vi lokala aktörer för framtida ESF-insatser som verkar för att lösa regionens behov och som "
         "bygger på efterfrågan?",
         {}},
        {"q-competence",
         "Vilken kompetens och vilka stödstrukturer önskas bland berörda aktörer för att kunna bidra till och "
         "administrera nya och efterfrågade socialfondsprojekt?",
         {}},
    };
    f.actors = {
        {"act-af", "employment-service", "2480", "Arbetsförmedlingen Västerbotten", {}},
        {"act-lst", "county-board", "2480", "Länsstyrelsen i Västerbottens län", {}},
        {"act-umea", "municipality", "2480", "Umeå kommun", {}},
        {"act-lycksele", "municipality", "2481", "Lycksele kommun", {}},
        {"act-sorsele", "municipality", "2422", "Sorsele kommun", {}},
        {"act-kfn", "other", "2580", "Kommunförbundet Norrbotten, projekt SAMSYN", {}},
    };
    f.findings = {
        finding(
            "f-shared-1", "q-shared-picture", "needs", "high",
            "Länets aktörer saknar en gemensam bild av behoven inom kompetensförsörjning. Kommuner, Arbetsförmedlingen "
            "och "
            "utbildningsanordnare gör egna analyser, men de sammanställs inte på länsnivå.",
            {survey(97, 71,
                    "71 procent av de svarande saknar en gemensam, länsövergripande behovsbild som stöd för att "
                    "prioritera socialfondsinsatser."),
             evidence("interview", "act-af act-lst act-umea",
                      "Underlagen finns men är spridda mellan organisationerna och delas sällan mellan kommunerna."),
             evidence("document", "",
                      "Inventeringen fann kompetensförsörjningsanalyser i sex av femton kommuner, med olika "
                      "indelningar som inte går att jämföra.")},
            "Ta fram en gemensam regional behovsbild av statistik och lokala behovsdialoger, förankrad i Partnerskapet "
            "och i samtliga kommuner."),
        finding("f-shared-2", "q-shared-picture", "needs", "high",
                "Behoven skiljer sig tydligt mellan kust och inland: generationsväxling och små företags "
                "kompetensförsörjning i inlandet, "
                "matchning, validering och omställning vid kusten.",
                {evidence("workshop", "",
                          "I Lycksele rangordnades generationsväxling och rekrytering till vård och omsorg högst; i "
                          "Umeå och Skellefteå matchning och validering."),
                 evidence("statistics", "",
                          "Andelen invånare över 65 år är betydligt högre i inlandskommunerna, och befolkningen i "
                          "inlandet minskar.")},
                "Dela behovsbilden i delregionala prioriteringar så att både kustens och inlandets behov syns och kan "
                "bli projekt."),
        finding("f-coord-1", "q-coordination", "cooperation", "high",
                "De flesta kommuner saknar en utsedd person för socialfondsfrågor, och lokala initiativ når sällan "
                "varandra.",
                {survey(58, 24,
                        "24 procent av de kommunala svarandena uppger att kommunen har en utsedd samordnare för "
                        "Socialfonden."),
                 evidence("interview", "act-lycksele act-sorsele",
                          "Frågorna hamnar hos enskilda eldsjälar och försvinner när dessa byter arbete.")},
                "Bygg ett nätverk av lokala processledare med en kontaktperson i varje kommun och delregionala noder."),
        finding(
            "f-coord-2", "q-coordination", "cooperation", "medium",
            "Partnerskapet för kompetensförsörjning ses som rätt forum men saknar en operativ samordningsfunktion.",
            {evidence(
                "interview", "act-kfn",
                "Erfarenheterna från SAMSYN visar att en regional nod behöver ett tydligt mandat från kommunerna.")},
            "Knyt en regional samordningsfunktion till Partnerskapet, med målet att Partnerskapet tar över "
            "samordningen efter projekttiden."),
        finding(
            "f-comp-1", "q-competence", "competence", "high",
            "Kunskapen om Socialfondens programområden, krav och ansökningsprocess är låg utanför ett fåtal "
            "organisationer.",
            {survey(97, 22, "22 procent anser att den egna organisationen kan skriva en ansökan till Socialfonden."),
             survey(
                 97, 64,
                 "64 procent vill delta i en utbildning om programmet, projektplanering och ekonomisk redovisning.")},
            "Erbjud en sammanhållen utbildning om programlogik, projektplanering, budget och medfinansiering, "
            "uppföljning och redovisning."),
        finding(
            "f-comp-2", "q-competence", "support", "high",
            "De mindre kommunerna saknar administrativ kapacitet och efterfrågar konkret stöd från idé till ansökan.",
            {survey(97, 58,
                    "58 procent anger stöd i projektutveckling, budget och medfinansiering som sitt viktigaste "
                    "stödbehov.")},
            "Inrätta en projektverkstad som ger stöd från idé till ansökan, med särskild tyngd på inlandet."),
        finding(
            "f-comp-3", "q-competence", "competence", "medium",
            "Kraven på jämställdhetsintegrering och tillgänglighet är kända, men inte hur de omsätts i ett projekt.",
            {survey(97, 31, "31 procent vet hur jämställdhetsintegrering kan genomföras i ett projekt.")},
            "Ge jämställdhetsintegrering och tillgänglighet en egen del i utbildningen och i projektverkstadens stöd."),
        finding("f-umbrella", "q-coordination", "other", "low",
                "Några aktörer föreslog att Regionförbundet självt ska äga ett länsövergripande paraplyprojekt.",
                {evidence("interview", "act-lycksele",
                          "Förslaget motiverades med att de mindre kommunerna då slipper administrationen.")},
                "Genomförandeprojektet avstår: projekten bör ägas där behoven finns.", true),
    };
    return f;
}

}  // namespace

model::RichText rich_text(std::initializer_list<std::string> lines) {
    model::RichText text;
    for (const std::string& line : lines) {
        const bool bullet = line.rfind("* ", 0) == 0;
        const bool number = line.rfind("# ", 0) == 0;
        if (!bullet && !number) {
            model::Block block;
            block.inlines.push_back({line});
            text.blocks.push_back(std::move(block));
            continue;
        }
        const auto kind = bullet ? model::Block::Kind::bullet_list : model::Block::Kind::numbered_list;
        if (text.blocks.empty() || text.blocks.back().kind != kind) {
            model::Block block;
            block.kind = kind;
            text.blocks.push_back(std::move(block));
        }
        text.blocks.back().items.push_back({{line.substr(2)}});
    }
    return text;
}

model::Application framsyn_application() {
    model::Application a;
    a.file = "framsyn/plan.xml";
    a.programme = "esf-2007-2013";
    a.call = "ovre-norrland-2009";
    a.lang = "sv";
    model::Project& p = a.project;
    p.title = located("FRAMSYN – kompetens för efterfrågade socialfondsprojekt i Västerbotten");
    p.acronym = located("FRAMSYN");
    p.programme_area = located("PO1");
    p.phase = located("implementation");
    p.region = located("SE33");
    p.owner = {"Regionförbundet Västerbottens län", "222000-1412", {}};
    p.contact = {"Helena Brännström", "helena.brannstrom@regionvasterbotten.se", std::nullopt, {}, {}};
    p.period = {day(2009, 10, 1), day(2011, 9, 30), {}};
    for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{{"2401", "Nordmaling"},
                                                                                     {"2403", "Bjurholm"},
                                                                                     {"2404", "Vindeln"},
                                                                                     {"2409", "Robertsfors"},
                                                                                     {"2417", "Norsjö"},
                                                                                     {"2418", "Malå"},
                                                                                     {"2421", "Storuman"},
                                                                                     {"2422", "Sorsele"},
                                                                                     {"2425", "Dorotea"},
                                                                                     {"2460", "Vännäs"},
                                                                                     {"2462", "Vilhelmina"},
                                                                                     {"2463", "Åsele"},
                                                                                     {"2480", "Umeå"},
                                                                                     {"2481", "Lycksele"},
                                                                                     {"2482", ""}})
        p.municipalities.push_back({code, name.empty() ? std::nullopt : std::optional<std::string>(name), false, {}});
    p.pre_study = model::PreStudyRef{"FRAMSYN ESF", {day(2009, 1, 7), day(2009, 7, 7), {}}, "findings.xml", {}};

    a.summaries.push_back(
        {std::nullopt,
         rich_text({"FRAMSYN bygger vidare på förprojekteringen FRAMSYN ESF som Regionförbundet Västerbottens län "
                    "genomförde första halvåret 2009. "
                    "Förprojekteringen visade att länets aktörer saknar en gemensam bild av behoven, att samordningen "
                    "mellan lokala och regionala "
                    "aktörer är svag och att kunskapen om Socialfonden är låg utanför ett fåtal organisationer.",
                    "Under två år ska projektet ta fram en gemensam behovsbild för länets 15 kommuner, bygga ett "
                    "nätverk av lokala processledare med "
                    "fyra delregionala noder, ge 120 personer kompetens att planera, genomföra och redovisa "
                    "socialfondsprojekt och erbjuda en "
                    "projektverkstad som stöder idéer från behov till ansökan."})});
    a.summaries.push_back({"en", rich_text({"FRAMSYN builds on the pre-study FRAMSYN ESF, carried out by the Regional "
                                            "Council of Västerbotten in the first half of 2009. "
                                            "Over two years the project will produce a shared picture of needs, build "
                                            "a network of local process leaders, train 120 people "
                                            "to plan, run and report Social Fund projects, and offer a project "
                                            "workshop from idea to application."})});
    a.background =
        rich_text({"Det nationella strukturfondsprogrammet för regional konkurrenskraft och sysselsättning 2007–2013 "
                   "och den regionala planen för "
                   "Socialfonden i Övre Norrland ställer höga förväntningar på resultat och effekter. Som många andra "
                   "län står Västerbotten inför en "
                   "befolkningsutveckling där färre ska försörja allt fler.",
                   "Den 3 april 2008 bildades Partnerskapet för kompetensförsörjning i Västerbottens län, som leds av "
                   "Regionförbundet.",
                   "Med stöd från Socialfonden genomförde Regionförbundet förprojekteringen FRAMSYN ESF mellan 7 "
                   "januari och 7 juli 2009. Resultaten i korthet:",
                   "* 71 procent av de svarande saknar en gemensam, länsövergripande bild av behoven.",
                   "* Behoven skiljer sig tydligt mellan kust och inland.",
                   "* Endast 24 procent av de kommunala svarandena har en utsedd samordnare för socialfondsfrågorna.",
                   "* 22 procent anser att den egna organisationen kan skriva en ansökan till Socialfonden, och 64 "
                   "procent vill delta i en utbildning.",
                   "Kommunförbundet Norrbotten driver det motsvarande projektet SAMSYN; tillsammans omfattar projekten "
                   "hela Övre Norrland."});
    a.problem =
        rich_text({"Alla aktörer är överens om att länet behöver samarbeta kring kompetensförsörjningen, men behoven "
                   "varierar kraftigt mellan kust och "
                   "inland och det finns ingen gemensam bild av behoven. Problemet har tre delar:",
                   "# det saknas en gemensam och förankrad behovsbild för kust och inland;",
                   "# det saknas en struktur som samordnar lokala aktörer med varandra och med Partnerskapet;",
                   "# aktörerna saknar kunskap och stöd för att utveckla, driva och redovisa socialfondsprojekt.",
                   "Arbetsmarknaden i Västerbotten är starkt könsuppdelad, och personer med funktionsnedsättning har "
                   "svårare att få och behålla arbete."});
    a.purpose =
        rich_text({"Syftet med projektet är att stärka lokala och regionala aktörers förmåga att tillsammans "
                   "identifiera behov och att "
                   "initiera, genomföra och redovisa socialfondsprojekt som bygger på efterfrågan."});

    a.target_groups.push_back(
        {"tg-local",
         "Lokala aktörer i länets 15 kommuner",
         rich_text(
             {"Anställda vid kommunernas näringslivskontor, arbetsmarknadsenheter, lärcentra, vuxenutbildning och "
              "personalavdelningar, samt lokala företrädare för Arbetsförmedlingen och företagarorganisationer."}),
         whole(55),
         whole(35),
         {}});
    a.target_groups.push_back({"tg-regional",
                               "Regionala aktörer i Partnerskapet för kompetensförsörjning",
                               rich_text({"Handläggare och chefer hos de regionala organisationerna i partnerskapet."}),
                               whole(15),
                               whole(15),
                               {}});

    add_goal(a, "g1", "project",
             "En gemensam behovsbild för socialfondsinsatser i Västerbotten, med delregionala prioriteringar för kust "
             "och inland, är framtagen och antagen.",
             {indicator("organisations", 0, 15, day(2010, 12, 31),
                        "Kommuner som har genomfört en lokal behovsdialog och ställt sig bakom behovsbilden"),
              indicator("count", 0, 1, day(2010, 12, 31),
                        "Regional behovsbild, uppdelad på kvinnor och män, antagen av Partnerskapet")},
             "f-shared-1 f-shared-2");
    add_goal(
        a, "g2", "project",
        "Ett nätverk av lokala processledare, med en kontaktperson i varje kommun och fyra delregionala noder, "
        "samordnar det lokala socialfondsarbetet.",
        {indicator("persons", 0, 15, day(2010, 6, 30), "Utsedda kommunala kontaktpersoner för socialfondsfrågor", 9, 6),
         indicator("count", 0, 8, day(2011, 9, 30),
                   "Nätverksträffar för processledarna tillsammans med Partnerskapet")},
        "f-coord-1 f-coord-2");
    add_goal(a, "g3", "project",
             "120 personer, 70 kvinnor och 50 män, har genomgått ESF-skolan och kan planera, genomföra och redovisa "
             "socialfondsprojekt.",
             {indicator("persons", 0, 120, day(2011, 6, 30), "Deltagare som har fullföljt ESF-skolan", 70, 50),
              indicator("percent", 22, 70, day(2011, 9, 30),
                        "Andel deltagare som anger att den egna organisationen kan skriva en ansökan")},
             "f-comp-1 f-comp-3");
    add_goal(
        a, "g4", "project",
        "En projektverkstad har stött aktörer från projektidé till färdig ansökan, med tyngd på inlandskommunerna.",
        {indicator("count", 0, 25, day(2011, 9, 30), "Projektidéer som har fått stöd i projektverkstaden"),
         indicator("count", 0, 10, day(2011, 9, 30), "Inlämnade ansökningar med stöd från projektverkstaden")},
        "f-comp-2");
    add_goal(a, "g5", "effect",
             "Socialfondsarbetet i Västerbotten har efter projekttiden en varaktig regional stödstruktur.",
             {indicator("organisations", 4, 15, day(2012, 9, 30),
                        "Kommuner med en kontaktperson för socialfondsfrågor i ordinarie verksamhet")},
             "f-coord-1 f-coord-2");
    add_goal(a, "g6", "effect",
             "Fler socialfondsprojekt i Västerbotten bygger på regionens behov och kommer från hela länet.",
             {indicator("percent", 0, 75, day(2013, 12, 31),
                        "Andel nya ansökningar från länet som hänvisar till behovsbilden")},
             "f-shared-2 f-comp-2");

    add_activity(a, "a1", day(2009, 10, 1), day(2009, 12, 31), "g1 g2", "", "Uppstart och förankring",
                 "Styrgruppen bildas och projektplanen förankras. Kommunerna utser kontaktpersoner och noderna sina "
                 "processledare.");
    add_activity(a, "a2", day(2010, 1, 1), day(2010, 12, 31), "g1 g6", "", "Gemensam behovsbild för kust och inland",
                 "En regional analys med statistik uppdelad på kvinnor och män kombineras med en lokal behovsdialog i "
                 "varje kommun.");
    add_activity(a, "a3", day(2009, 11, 1), day(2011, 9, 30), "g2 g5", "",
                 "Nätverk av lokala processledare och regional samordning",
                 "Processledare i fyra noder, Umeå, Skellefteå, Lycksele och Storuman, samordnar kontaktpersonerna. "
                 "Nätverket träffas minst åtta gånger.");
    add_activity(a, "a4", day(2010, 2, 1), day(2011, 6, 30), "g3", "accessibility gender-equality",
                 "ESF-skolan: kompetensutveckling för lokala och regionala aktörer",
                 "Sex utbildningsdagar i tre omgångar: programmets logik, behovsanalys, budget och medfinansiering, "
                 "jämställdhetsintegrering, "
                 "tillgänglighet samt uppföljning och ekonomisk redovisning.");
    add_activity(a, "a5", day(2010, 3, 1), day(2011, 9, 30), "g4 g6", "", "Projektverkstad: från idé till ansökan",
                 "Projektledaren och processledarna prövar idéer mot behovsbilden och programmet och ger stöd i "
                 "projektplan och budget.");
    add_activity(a, "a6", day(2010, 4, 1), day(2011, 5, 31), "g2 g3", "transnational",
                 "Erfarenhetsutbyte med Österbotten och SAMSYN",
                 "Ett studiebesök i Vasa och gemensamma träffar med projektet SAMSYN om regionala stödstrukturer.");
    add_activity(a, "a7", day(2009, 10, 1), day(2011, 9, 30), "g5 g6", "evaluation dissemination",
                 "Lärande utvärdering och spridning",
                 "En extern utvärderare följer projektet och återför resultat till styrgruppen varje halvår.");

    a.organisation = rich_text(
        {"Regionförbundet Västerbottens län är projektägare och ansvarar för ekonomi, redovisning och rapportering. "
         "En projektledare anställs på heltid under hela projekttiden.",
         "Styrgruppen utgörs av arbetsutskottet i Partnerskapet för kompetensförsörjning och har en jämn "
         "könsfördelning."});
    a.partners = {{std::nullopt, "Länsstyrelsen i Västerbottens län", "cofinancier", "202100-2346", {}},
                  {std::nullopt, "Västerbottens läns landsting", "cofinancier", "232100-0222", {}},
                  {std::nullopt, "Umeå kommun", "cofinancier", "212000-2742", {}},
                  {std::nullopt, "Skellefteå kommun", "cofinancier", "212000-2783", {}},
                  {std::nullopt, "Lycksele kommun", "cofinancier", std::nullopt, {}},
                  {std::nullopt, "Storumans kommun", "cofinancier", std::nullopt, {}},
                  {std::nullopt, "Arbetsförmedlingen", "cooperation", "202100-2114", {}},
                  {std::nullopt, "Kommunförbundet Norrbotten, projekt SAMSYN", "cooperation", std::nullopt, {}}};
    a.gender_equality =
        rich_text({"Projektet arbetar med jämställdhetsintegrering i varje del.",
                   "* ESF-skolan har en egen utbildningsdag om jämställdhetsintegrering, med metoder som 4R.",
                   "* Projektverkstaden gör en jämställdhetsanalys av varje projektidé.",
                   "* Alla deltagare och indikatorer redovisas uppdelade på kvinnor och män."});
    a.accessibility = model::Accessibility{
        rich_text({"Alla utbildningar och möten hålls i lokaler som är tillgängliga för personer med rörelse-, syn- "
                   "eller hörselnedsättning."}),
        rich_text({"Utbildningsmaterial finns i tillgängliga digitala format och som lättläst sammanfattning."}),
        rich_text(
            {"Vid anmälan frågar vi efter behov av anpassning, och teckenspråks- eller skrivtolk bokas av projektet."}),
        {}};
    a.non_discrimination = rich_text(
        {"Projektet ska motverka diskriminering på grund av kön, könsöverskridande identitet eller uttryck, etnisk "
         "tillhörighet, religion eller annan trosuppfattning, funktionsnedsättning, sexuell läggning och ålder."});
    a.transnational =
        rich_text({"Ett studiebesök över Kvarken hos regionala aktörer i Österbotten, Finland, som samordnar "
                   "strukturfondsarbetet där."});
    a.dissemination =
        rich_text({"Behovsbilden publiceras och presenteras för kommunerna och Partnerskapet. Projektet avslutas med "
                   "en konferens i september 2011."});
    a.evaluation =
        rich_text({"Projektet följs av en extern utvärderare med inriktning på lärande utvärdering, som lämnar en "
                   "slutrapport i september 2011."});

    add_cost(a, "staff", 2009, "", 126000, "Projektledare 100 %, oktober–december");
    add_cost(a, "staff", 2010, "", 504000, "Projektledare 100 %");
    add_cost(a, "staff", 2011, "", 378000, "Projektledare 100 %, januari–september");
    add_cost(a, "staff", 2010, "a3", 292000, "Processledare 15 %, fyra kommuner (i annat än pengar)");
    add_cost(a, "staff", 2011, "a3", 213000, "Processledare 15 %, fyra kommuner (i annat än pengar)");
    add_cost(a, "services", 2009, "a7", 10000, "Extern lärande utvärdering");
    add_cost(a, "services", 2010, "a7", 45000, "Extern lärande utvärdering");
    add_cost(a, "services", 2011, "a7", 55000, "Extern lärande utvärdering, slutrapport");
    add_cost(a, "services", 2010, "a2", 20000, "Statistikbearbetning för den regionala behovsbilden");
    add_cost(a, "services", 2010, "a4", 75000, "Föreläsare, kursledare och tolk, ESF-skolan", "accessibility");
    add_cost(a, "services", 2011, "a4", 40000, "Föreläsare, kursledare och tolk, ESF-skolan", "accessibility");
    add_cost(a, "premises", 2009, "", 6000, "Arbetsplats för projektledaren");
    add_cost(a, "premises", 2010, "", 24000, "Arbetsplats för projektledaren");
    add_cost(a, "premises", 2011, "", 18000, "Arbetsplats för projektledaren");
    add_cost(a, "premises", 2010, "a4", 20000, "Tillgängliga konferenslokaler");
    add_cost(a, "premises", 2011, "a4", 12000, "Tillgängliga konferenslokaler");
    add_cost(a, "travel", 2009, "a1", 8000, "Resor i länet, förankring");
    add_cost(a, "travel", 2010, "", 30000, "Resor i länet");
    add_cost(a, "travel", 2011, "", 20000, "Resor i länet");
    add_cost(a, "travel", 2010, "a6", 22000, "Studiebesök i Vasa, Österbotten", "transnational");
    add_cost(a, "materials", 2009, "", 8000, "Kontorsmateriel och informationsmaterial");
    add_cost(a, "materials", 2010, "", 6000, "Kursmaterial och trycksaker");
    add_cost(a, "materials", 2011, "", 6000, "Kursmaterial och konferensdokumentation");
    add_cost(a, "indirect", 2009, "", 9000, "Indirekta kostnader");
    add_cost(a, "indirect", 2010, "", 36000, "Indirekta kostnader");
    add_cost(a, "indirect", 2011, "", 27000, "Indirekta kostnader");
    add_source(a, "esf", "", "", 1005000);
    add_source(a, "public-cash", "Länsstyrelsen i Västerbottens län", "202100-2346", 300000);
    add_source(a, "public-cash", "Västerbottens läns landsting", "232100-0222", 200000);
    add_source(a, "public-in-kind", "Umeå kommun", "212000-2742", 140000);
    add_source(a, "public-in-kind", "Skellefteå kommun", "212000-2783", 125000);
    add_source(a, "public-in-kind", "Lycksele kommun", "", 120000);
    add_source(a, "public-in-kind", "Storumans kommun", "", 120000);
    a.findings = framsyn_findings();
    return a;
}

model::Application esf_plus_application() {
    model::Application a;
    a.file = "inlandslyftet/plan.xml";
    a.programme = "esf-plus-2021-2027";
    a.call = "2024-aktiv-inkludering-ovre-norrland";
    a.lang = "sv";
    model::Project& p = a.project;
    p.title = located("Inlandslyftet – vägar till arbete för unga i Västerbottens inland");
    p.acronym = located("INLANDSLYFTET");
    p.programme_area = located("A2");
    p.phase = located("implementation");
    p.region = located("SE33");
    p.owner = {"Region Västerbotten", "232100-0222", {}};
    p.contact = {"Anna Lindqvist", "anna.lindqvist@regionvasterbotten.se", "090-785 00 00", {}, {}};
    p.period = {day(2024, 9, 1), day(2026, 8, 31), {}};
    for (const char* code : {"2421", "2462", "2481"}) p.municipalities.push_back({code, std::nullopt, true, {}});
    p.case_number = located("2024-00123");
    model::Applicant applicant;
    applicant.kind = located("region");
    applicant.vat = located("deductible");
    applicant.address = model::PostalAddress{"Köksvägen 11", "901 89", "Umeå", {}};
    applicant.signatory = model::Signatory{"Anna Andersson", "Regiondirektör", {}};
    applicant.finance_contact =
        model::Contact{"Per Persson", "per.persson@regionvasterbotten.se", "090-785 00 10", {}, {}};
    applicant.account = model::PaymentAccount{"bankgiro", "5050-1055", {}};
    p.applicant = applicant;

    a.summaries.push_back({std::nullopt, rich_text({"Inlandslyftet ger 60 unga mellan 16 och 29 år i Storuman, "
                                                    "Vilhelmina och Lycksele, som varken arbetar eller studerar, "
                                                    "ett individuellt stöd mot arbete eller studier under två år."})});
    a.summaries.push_back({"en", rich_text({"Inlandslyftet gives 60 young people who neither work nor study individual "
                                            "support towards work or studies."})});
    a.background =
        rich_text({"I de tre kommunerna står var tionde ung person mellan 16 och 29 år utanför arbete och studier."});
    a.problem = rich_text({"De unga möter ett splittrat stöd:", "* kommunens aktivitetsansvar slutar vid 20 år,",
                           "* Arbetsförmedlingen har inget lokalkontor i två av kommunerna,",
                           "* långa resor gör praktik svår att ordna."});
    a.purpose = rich_text({"Att fler unga i inlandet går vidare till arbete eller studier."});
    a.target_groups.push_back({"tg1",
                               "Unga 16–29 år som varken arbetar eller studerar",
                               rich_text({"Unga som är folkbokförda i de tre kommunerna."}),
                               whole(30),
                               whole(30),
                               {}});
    model::Indicator participants = indicator("persons", 0, 60, day(2026, 8, 31), "Deltagare", 30, 28);
    participants.non_binary = whole(2);
    participants.code = "EECO11";
    model::Indicator in_work = indicator("persons", 0, 24, day(2026, 8, 31),
                                         "Deltagare i arbete eller studier efter avslutat deltagande", 12, 12);
    in_work.code = "EECR03";
    add_goal(
        a, "g1", "project",
        "Sextio unga har fått individuellt stöd och minst 24 av dem arbetar eller studerar när de lämnar projektet.",
        {participants, in_work,
         indicator("count", 0, 3, day(2026, 6, 30), "Lokala samverkansgrupper som arbetar vidare")},
        "");
    add_goal(a, "e1", "effect",
             "Andelen unga utanför arbete och studier i de tre kommunerna har minskat två år efter projektet.", {}, "");
    add_activity(a, "a1", day(2024, 9, 1), day(2024, 12, 31), "g1", "", "Uppsökande och kartläggning",
                 "Coacher söker upp unga genom kommunernas aktivitetsansvar och gör en kartläggning med var och en.");
    add_activity(a, "a2", day(2025, 1, 1), day(2026, 6, 30), "g1", "gender-equality", "Individuellt stöd och praktik",
                 "Varje deltagare får en coach, en plan och praktik hos en arbetsgivare i hemkommunen.");
    add_activity(a, "a3", day(2025, 1, 1), day(2026, 8, 31), "g1 e1", "evaluation",
                 "Lokal samverkan och lärande utvärdering",
                 "En samverkansgrupp i varje kommun; en extern utvärderare följer projektet.");
    a.organisation =
        rich_text({"Region Västerbotten äger projektet; de tre kommunerna är stödmottagare med egna delbudgetar."});
    a.partners.push_back({"storuman", "Storumans kommun", "beneficiary", "212000-2411", {}});
    a.partners.push_back({"vilhelmina", "Vilhelmina kommun", "beneficiary", "212000-2429", {}});
    a.partners.push_back({std::nullopt, "Arbetsförmedlingen", "cooperation", "202100-2114", {}});
    a.gender_equality =
        rich_text({"Unga kvinnor och unga män söker olika stöd; coacherna följer upp fördelningen varje kvartal."});
    model::Accessibility accessibility;
    accessibility.physical = rich_text({"Alla träffpunkter är tillgängliga för rullstol."});
    accessibility.information = rich_text({"Information finns på lätt svenska och uppläst."});
    accessibility.participation = rich_text({"Deltagarna är med i samverkansgrupperna."});
    a.accessibility = accessibility;
    a.non_discrimination = rich_text({"Projektet analyserar deltagandet över diskrimineringslagens sju grunder."});
    a.fundamental_rights =
        rich_text({"Projektet följer EU:s stadga om de grundläggande rättigheterna, särskilt rätten till skydd av "
                   "personuppgifter."});
    a.sustainable_development =
        rich_text({"Möten hålls digitalt där det går, och praktik ordnas nära hemmet för att korta resorna."});
    a.evaluation = rich_text({"En extern lärande utvärdering med halvtidsrapport och slutrapport."});
    model::RiskAnalysis risks;
    risks.introduction = rich_text({"Riskerna har bedömts tillsammans med kommunerna."});
    risks.risks.push_back({"r1",
                           "medium",
                           "high",
                           "Deltagare avbryter innan de gått vidare.",
                           "Individuell uppföljning varje månad.",
                           {}});
    risks.risks.push_back({"r2",
                           "low",
                           "medium",
                           "Arbetsgivare tar inte emot praktikanter.",
                           "Avsiktsförklaringar med tolv arbetsgivare före start.",
                           {}});
    risks.risks.push_back({"r3",
                           "high",
                           "low",
                           "Coacher slutar under projekttiden.",
                           "Två coacher per kommun som kan ersätta varandra.",
                           {}});
    a.risk_analysis = risks;
    model::ProjectLogic logic;
    logic.introduction = rich_text({"Projektlogiken visar hur aktiviteterna leder till målen."});
    logic.steps.push_back({"problem",
                           {},
                           rich_text({"Unga i inlandet står utanför arbete och studier och möter ett splittrat stöd."}),
                           {}});
    logic.steps.push_back(
        {"activities", {"g1"}, rich_text({"Uppsökande, individuellt stöd, praktik och lokal samverkan."}), {}});
    logic.steps.push_back({"outputs", {"g1"}, rich_text({"60 deltagare med en egen plan; 3 samverkansgrupper."}), {}});
    logic.steps.push_back({"results", {"g1"}, rich_text({"Minst 24 deltagare i arbete eller studier."}), {}});
    logic.steps.push_back({"effects", {"e1"}, rich_text({"Färre unga utanför arbete och studier i inlandet."}), {}});
    a.project_logic = logic;
    a.attachments = std::vector<model::Attachment>{
        {"co-financing-letter", "Intyg om medfinansiering från Region Västerbotten", {}},
        {"partner-letter", "Avsiktsförklaringar från Storumans och Vilhelmina kommuner", {}}};
    a.budget.cost_models = {"real-costs", "indirect-flat-rate"};
    const auto cost = [&a](std::string category, int year, std::string activity, std::int64_t amount, std::string label,
                           std::string beneficiary) {
        add_cost(a, std::move(category), year, std::move(activity), amount, std::move(label));
        a.budget.costs.back().beneficiary = std::move(beneficiary);
    };
    cost("staff", 2025, "", 500000, "Projektledare", "owner");
    cost("indirect", 2025, "", 75000, "Indirekta kostnader, 15 % av personalkostnaderna", "owner");
    cost("services", 2025, "a3", 120000, "Extern utvärdering", "owner");
    cost("staff", 2025, "a2", 400000, "Coacher", "storuman");
    cost("participants", 2025, "a2", 60000, "Resor för deltagare", "storuman");
    cost("staff", 2026, "a2", 300000, "Coacher", "vilhelmina");
    const auto source = [&a](std::string kind, std::string funder, std::int64_t amount, std::string beneficiary) {
        add_source(a, std::move(kind), std::move(funder), "", amount);
        a.budget.financing.back().beneficiary = std::move(beneficiary);
    };
    source("esf", "", 375000, "owner");
    source("public-cash", "Region Västerbotten", 320000, "owner");
    source("esf", "", 250000, "storuman");
    source("public-cash", "Storumans kommun", 210000, "storuman");
    source("esf", "", 160000, "vilhelmina");
    source("public-cash", "Vilhelmina kommun", 140000, "vilhelmina");
    return a;
}

model::Application incomplete_application() {
    model::Application a;
    a.file = "incomplete/plan.xml";
    a.programme = "esf-plus-2021-2027";
    a.lang = "sv";
    a.project.title = located("Kompetenslyft i inlandet");
    a.project.programme_area = located("A1");
    a.project.phase = located("implementation");
    a.project.region = located("SE33");
    a.project.owner = {"Storumans kommun", std::nullopt, {}};
    a.project.contact = {"Kim Nilsson", "kim.nilsson@example.se", "0951-140 00", {}, {}};
    a.project.period = {day(2024, 3, 1), day(2025, 2, 28), {}};
    a.project.municipalities.push_back({"2421", std::nullopt, false, {}});
    add_goal(a, "g1", "project", "Fyrtio anställda i vård och omsorg har validerat sin kompetens.",
             {indicator("persons", 0, 40, day(2025, 2, 28), "Validerade deltagare")}, "");
    add_activity(a, "a1", day(2024, 3, 1), day(2025, 2, 28), "g1", "", "Validering",
                 "Validering hos en utbildningsanordnare.");
    add_cost(a, "staff", 2024, "a1", 250000, "Projektledare");
    add_cost(a, "services", 2025, "a1", 50000, "Validering");
    add_source(a, "esf", "", "", 162000);
    add_source(a, "public-cash", "Storumans kommun", "", 100000);
    return a;
}

}  // namespace esfdraft::docx::testing
