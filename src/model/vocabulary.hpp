// The programme's words, once: the names of the plan's sections, the cost
// categories, the financing kinds, the phases and the programmes, in Swedish
// and English. The report, the draft and the workbook all read these tables,
// so a section or a cost is called the same everywhere. Plain data, no I/O.
#pragma once

#include <span>
#include <string_view>

namespace esfdraft::model {

// A name in the two languages of the tool.
struct Words {
    std::string_view sv, en;
    std::string_view in(std::string_view lang) const { return lang == "en" ? en : sv; }
};

struct SectionWords {
    std::string_view key;  // the plan's element name: "genderEquality"
    Words name;            // "Jämställdhetsintegrering" / "Gender equality"
    bool rich_text;        // holds blocks (p, ul, ol) itself
};

struct CodeWords {
    std::string_view key;  // the plan's code: "premises", "public-in-kind"
    Words name;
};

// The plan's sections in application order (the order the draft follows):
// project, summary, background, …, evaluation, budget.
std::span<const SectionWords> sections();
// nullptr for a key that is not a section of the plan.
const SectionWords* section_words(std::string_view key);

// Cost categories in the order a budget lists them (staff … other).
std::span<const CodeWords> cost_categories();
const CodeWords* cost_category_words(std::string_view key);
// The same in the words of a programme period: ESF+ says "Personalkostnader"
// where 2007–2013 says "Lön personal"; other programmes get the table's words.
const CodeWords* cost_category_words(std::string_view key, std::string_view programme);

// Financing kinds in the plan format's order (esf … private-in-kind).
std::span<const CodeWords> financing_kinds();
const CodeWords* financing_kind_words(std::string_view key);

// A phase in the words of a programme period: 2007–2013 says
// "förprojektering" where ESF+ says "förstudie"; English says "pre-study"
// for both. Any programme other than "esf-plus-2021-2027" (also an unknown
// one) gets the 2007–2013 words, the plan format's first.
struct PhaseWords {
    std::string_view key;  // "prestudy" | "implementation"
    Words name;            // "Förprojektering" / "Pre-study" (a heading, a label)
    Words noun;            // "förprojektering" / "pre-study" (inside a sentence)
    Words indefinite;      // "en förprojektering" / "a pre-study"
    Words definite;        // "förprojekteringen" / "the pre-study"
    Words genitive;        // "förprojekteringens" / "the pre-study's"
};
// nullptr for a phase the plan format does not define.
const PhaseWords* phase_words(std::string_view key, std::string_view programme);

// A risk's likelihood and impact (plan-format §3: low, medium, high), as a
// table cell names them: "Låg" / "Low". nullptr for another code.
std::span<const CodeWords> risk_levels();
const CodeWords* risk_level_words(std::string_view key);

// The project logic's step kinds in the logic's order (problem … effects):
// "Problem och behov" / "Problem and needs". nullptr for another code.
std::span<const CodeWords> logic_step_kinds();
const CodeWords* logic_step_words(std::string_view key);

// The budget's cost models (budget/@costModel) as a sentence names them, in
// lower case: "schablon för indirekta kostnader" / "a flat rate for indirect
// costs" ("Budgeten bygger på …"). nullptr for another code.
std::span<const CodeWords> cost_models();
const CodeWords* cost_model_words(std::string_view key);

// A pre-study finding's theme (findings format: needs … other) and the kind
// of its evidence (survey … statistics), as a label names them: "Behov" /
// "Needs", "Intervjuer" / "Interviews". nullptr for another code.
std::span<const CodeWords> finding_themes();
const CodeWords* finding_theme_words(std::string_view key);
std::span<const CodeWords> evidence_kinds();
const CodeWords* evidence_kind_words(std::string_view key);

// The tags of a cost line or an activity (plan-format: @tags), in the plan
// format's order, in lower case as a list names them: "jämställdhet" /
// "gender equality". nullptr for another code.
std::span<const CodeWords> tags();
const CodeWords* tag_words(std::string_view key);

// "esf-2007-2013" -> "Europeiska socialfonden 2007–2013" / "European Social
// Fund 2007–2013"; nullptr for an unknown programme.
const Words* programme_words(std::string_view programme);

}  // namespace esfdraft::model
