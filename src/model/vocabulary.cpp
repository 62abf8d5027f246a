#include "model/vocabulary.hpp"

#include <array>

namespace esfdraft::model {

namespace {

// Where the current programme documents (ESF-rådet's handbooks, the
// project bank's fields, the source notes of docs/rules.md) name a term, their word is used:
// "Jämställdhetsintegrering", "Lokal", "Resa", "Offentligt bidrag i annat än
// pengar".
constexpr std::array<SectionWords, 22> section_table{{
    {"project", {"Projektuppgifter", "Project facts"}, false},
    {"summary", {"Sammanfattning", "Summary"}, true},
    {"background", {"Bakgrund", "Background"}, true},
    {"problem", {"Problemformulering", "Problem"}, true},
    {"purpose", {"Syfte", "Purpose"}, true},
    {"targetGroups", {"Målgrupper", "Target groups"}, false},
    {"goals", {"Mål", "Goals"}, false},
    {"activities", {"Aktiviteter", "Activities"}, false},
    // plan-format §3: the logic right after what it connects (goals and
    // activities), the risks to carrying it out before the organisation
    // that does; its own blocks are only an introduction to the steps/risks.
    {"projectLogic", {"Projektlogik", "Project logic"}, false},
    {"riskAnalysis", {"Riskanalys", "Risk analysis"}, false},
    {"organisation", {"Organisation", "Organisation"}, true},
    {"partners", {"Samverkanspartner", "Partners"}, false},
    {"genderEquality", {"Jämställdhetsintegrering", "Gender equality"}, true},
    // Not rich text itself: its three parts (physical, information, participation) are.
    {"accessibility", {"Tillgänglighet", "Accessibility"}, false},
    {"nonDiscrimination", {"Icke-diskriminering", "Non-discrimination"}, true},
    // The other horizontal principles of ESF+, next to the first three.
    {"sustainableDevelopment", {"Hållbar utveckling", "Sustainable development"}, true},
    {"fundamentalRights", {"Grundläggande rättigheter", "Fundamental rights"}, true},
    {"transnational", {"Transnationellt samarbete", "Transnational cooperation"}, true},
    {"dissemination", {"Spridning", "Dissemination"}, true},
    {"evaluation", {"Utvärdering", "Evaluation"}, true},
    {"budget", {"Budget", "Budget"}, false},
    {"attachments", {"Bilagor", "Attachments"}, false},
}};

constexpr std::array<CodeWords, 8> cost_category_table{{
    {"staff", {"Lön personal", "Staff"}},
    {"services", {"Köp av tjänst", "Purchased services"}},
    {"premises", {"Lokal", "Premises"}},
    {"travel", {"Resa", "Travel"}},
    {"materials", {"Materiel", "Materials"}},
    {"indirect", {"Indirekta kostnader", "Indirect costs"}},
    {"participants", {"Deltagarkostnader", "Participant costs"}},
    {"other", {"Övriga kostnader", "Other costs"}},
}};

constexpr std::array<CodeWords, 6> financing_kind_table{{
    {"esf", {"ESF-stöd", "ESF support"}},
    {"public-cash", {"Offentlig kontant medfinansiering", "Public cash co-financing"}},
    {"public-in-kind", {"Offentligt bidrag i annat än pengar", "Public in-kind co-financing"}},
    {"public-allowance", {"Offentligt finansierad ersättning till deltagare", "Public allowances to participants"}},
    {"private-cash", {"Privat kontant medfinansiering", "Private cash co-financing"}},
    {"private-in-kind", {"Privat bidrag i annat än pengar", "Private in-kind co-financing"}},
}};

constexpr std::array<CodeWords, 3> risk_level_table{{
    {"low", {"Låg", "Low"}},
    {"medium", {"Medel", "Medium"}},
    {"high", {"Hög", "High"}},
}};

constexpr std::array<CodeWords, 5> logic_step_table{{
    {"problem", {"Problem och behov", "Problem and needs"}},
    {"activities", {"Aktiviteter", "Activities"}},
    {"outputs", {"Prestationer", "Outputs"}},
    {"results", {"Resultat", "Results"}},
    {"effects", {"Effekter", "Effects"}},
}};

// Inside a sentence, so in lower case (and with the English article).
constexpr std::array<CodeWords, 5> cost_model_table{{
    {"real-costs", {"verkliga kostnader", "real costs"}},
    {"indirect-flat-rate", {"schablon för indirekta kostnader", "a flat rate for indirect costs"}},
    {"remaining-flat-rate", {"schablon för övriga kostnader", "a flat rate for the remaining costs"}},
    {"lump-sum", {"klumpsumma", "a lump sum"}},
    {"unit-costs", {"enhetskostnader", "unit costs"}},
}};

constexpr std::array<CodeWords, 5> finding_theme_table{{
    {"needs", {"Behov", "Needs"}},
    {"cooperation", {"Samverkan", "Cooperation"}},
    {"competence", {"Kompetens", "Competence"}},
    {"support", {"Stöd", "Support"}},
    {"other", {"Övrigt", "Other"}},
}};

constexpr std::array<CodeWords, 5> evidence_kind_table{{
    {"survey", {"Enkät", "Survey"}},
    {"interview", {"Intervjuer", "Interviews"}},
    {"workshop", {"Workshop", "Workshop"}},
    {"document", {"Dokumentstudie", "Document study"}},
    {"statistics", {"Statistik", "Statistics"}},
}};

constexpr std::array<CodeWords, 5> tag_table{{
    {"accessibility", {"tillgänglighet", "accessibility"}},
    {"gender-equality", {"jämställdhet", "gender equality"}},
    {"transnational", {"transnationellt", "transnational"}},
    {"dissemination", {"spridning", "dissemination"}},
    {"evaluation", {"utvärdering", "evaluation"}},
}};

constexpr PhaseWords prestudy_2007{"prestudy",
                                   {"Förprojektering", "Pre-study"},
                                   {"förprojektering", "pre-study"},
                                   {"en förprojektering", "a pre-study"},
                                   {"förprojekteringen", "the pre-study"},
                                   {"förprojekteringens", "the pre-study's"}};
constexpr PhaseWords prestudy_plus{"prestudy",
                                   {"Förstudie", "Pre-study"},
                                   {"förstudie", "pre-study"},
                                   {"en förstudie", "a pre-study"},
                                   {"förstudien", "the pre-study"},
                                   {"förstudiens", "the pre-study's"}};
constexpr PhaseWords implementation{"implementation",
                                    {"Genomförande", "Implementation"},
                                    {"genomförande", "implementation"},
                                    {"ett genomförandeprojekt", "an implementation project"},
                                    {"genomförandet", "the implementation"},
                                    {"genomförandets", "the implementation's"}};

constexpr std::array<CodeWords, 2> programme_table{{
    {"esf-2007-2013", {"Europeiska socialfonden 2007–2013", "European Social Fund 2007–2013"}},
    {"esf-plus-2021-2027", {"Europeiska socialfonden+ 2021–2027", "European Social Fund Plus 2021–2027"}},
}};

template <typename Row, std::size_t N>
const Row* find(const std::array<Row, N>& table, std::string_view key) {
    for (const Row& row : table)
        if (row.key == key) return &row;
    return nullptr;
}

}  // namespace

std::span<const SectionWords> sections() { return section_table; }
const SectionWords* section_words(std::string_view key) { return find(section_table, key); }

std::span<const CodeWords> cost_categories() { return cost_category_table; }
const CodeWords* cost_category_words(std::string_view key) { return find(cost_category_table, key); }

// ESF+ speaks of "personalkostnader", the base of its flat rates (Reg. (EU)
// 2021/1060 art. 54–56); 2007–2013's cost type was "lön personal".
constexpr CodeWords staff_plus{"staff", {"Personalkostnader", "Staff costs"}};

const CodeWords* cost_category_words(std::string_view key, std::string_view programme) {
    if (key == "staff" && programme == "esf-plus-2021-2027") return &staff_plus;
    return cost_category_words(key);
}

std::span<const CodeWords> financing_kinds() { return financing_kind_table; }
const CodeWords* financing_kind_words(std::string_view key) { return find(financing_kind_table, key); }

std::span<const CodeWords> risk_levels() { return risk_level_table; }
const CodeWords* risk_level_words(std::string_view key) { return find(risk_level_table, key); }

std::span<const CodeWords> logic_step_kinds() { return logic_step_table; }
const CodeWords* logic_step_words(std::string_view key) { return find(logic_step_table, key); }

std::span<const CodeWords> cost_models() { return cost_model_table; }
const CodeWords* cost_model_words(std::string_view key) { return find(cost_model_table, key); }
std::span<const CodeWords> finding_themes() { return finding_theme_table; }
const CodeWords* finding_theme_words(std::string_view key) { return find(finding_theme_table, key); }
std::span<const CodeWords> evidence_kinds() { return evidence_kind_table; }
const CodeWords* evidence_kind_words(std::string_view key) { return find(evidence_kind_table, key); }
std::span<const CodeWords> tags() { return tag_table; }
const CodeWords* tag_words(std::string_view key) { return find(tag_table, key); }

const PhaseWords* phase_words(std::string_view key, std::string_view programme) {
    if (key == "prestudy") return programme == "esf-plus-2021-2027" ? &prestudy_plus : &prestudy_2007;
    if (key == "implementation") return &implementation;
    return nullptr;
}

const Words* programme_words(std::string_view programme) {
    const CodeWords* row = find(programme_table, programme);
    return row ? &row->name : nullptr;
}

}  // namespace esfdraft::model
