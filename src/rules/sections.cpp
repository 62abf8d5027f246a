// Sections S001–S007 (docs/rules.md, "Sections" and "Added rules").
#include "model/utf8.hpp"
#include "model/vocabulary.hpp"
#include "rules/check.hpp"
#include "rules/rule_finding.hpp"
#include "rules/section_view.hpp"
#include "rules/text_match.hpp"

namespace esfdraft::rules {

namespace {

using model::MessageArg;
using model::Severity;

bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = lower_ascii(c);
    return out;
}

// Finds `placeholder` in `text`, ignoring ASCII case: both are given lowered
// (lowered_ascii). A placeholder that begins or ends with a letter or digit
// must stand as a word there, so that "XXX" is not found in "XXXL" and "TODO"
// not in "TODOS".
bool contains_placeholder(std::string_view text, std::string_view placeholder) {
    if (placeholder.empty() || placeholder.size() > text.size()) return false;
    const bool word_start = is_word_byte(static_cast<unsigned char>(placeholder.front()));
    const bool word_end = is_word_byte(static_cast<unsigned char>(placeholder.back()));
    for (std::size_t at = text.find(placeholder); at != std::string_view::npos; at = text.find(placeholder, at + 1)) {
        if (word_start && at > 0 && is_word_byte(static_cast<unsigned char>(text[at - 1]))) continue;
        const std::size_t after = at + placeholder.size();
        if (word_end && after < text.size() && is_word_byte(static_cast<unsigned char>(text[after]))) continue;
        return true;
    }
    return false;
}

class PlaceholderScan {
public:
    PlaceholderScan(const model::RulePack& pack, model::Findings& out) : pack_(pack), out_(out) {
        for (const std::string& placeholder : pack_.placeholders.value)
            lowered_placeholders_.push_back(lowered_ascii(placeholder));
    }

    // One finding per piece of text (a paragraph, a list, a label) that holds
    // a placeholder; it names the first of the pack's placeholders found.
    void text(std::string_view section, std::string_view content, const model::SourceLocation& where) {
        lowered_.assign(content);
        for (char& c : lowered_) c = lower_ascii(c);
        for (std::size_t i = 0; i < lowered_placeholders_.size(); ++i) {
            if (!contains_placeholder(lowered_, lowered_placeholders_[i])) continue;
            out_.push_back(rule_finding("S003", section, "S003.placeholder", where)
                               .arg("section", MessageArg::of_text(std::string(section)))
                               .arg("placeholder", MessageArg::of_text(pack_.placeholders.value[i])));
            return;
        }
    }

    void rich(std::string_view section, const model::RichText& text) {
        for (const model::Block& block : text.blocks) {
            model::RichText single;
            single.blocks.push_back(block);
            this->text(section, single.plain_text(), located_or(block.where, text.where));
        }
    }

    void rich(std::string_view section, const std::optional<model::RichText>& text) {
        if (text) rich(section, *text);
    }

private:
    const model::RulePack& pack_;
    model::Findings& out_;
    std::vector<std::string> lowered_placeholders_;
    std::string lowered_;  // the text being scanned, lowered; reused
};

// The text of a section with structure (lists, steps, risks, lines): each
// piece the plan writes. Sections of rich text are scanned by their key
// (model::rich_section), so a new one is scanned without a line here.
void scan_structured(PlaceholderScan& scan, const model::Application& application, std::string_view key) {
    if (key == "summary") {
        for (const model::Summary& summary : application.summaries) scan.rich(key, summary.text);
    } else if (key == "targetGroups") {
        for (const model::TargetGroup& group : application.target_groups) {
            scan.text(key, group.name, group.where);
            scan.rich(key, group.description);
        }
    } else if (key == "goals") {
        for (const model::Goal& goal : application.goals) {
            scan.text(key, goal.statement, goal.where);
            for (const model::Indicator& indicator : goal.indicators) scan.text(key, indicator.text, indicator.where);
        }
    } else if (key == "activities") {
        for (const model::Activity& activity : application.activities) {
            scan.text(key, activity.title, activity.where);
            scan.rich(key, activity.description);
        }
    } else if (key == "projectLogic") {
        if (const auto& logic = application.project_logic) {
            scan.rich(key, logic->introduction);
            for (const model::LogicStep& step : logic->steps) scan.rich(key, step.text);
        }
    } else if (key == "riskAnalysis") {
        if (const auto& analysis = application.risk_analysis) {
            scan.rich(key, analysis->introduction);
            for (const model::Risk& risk : analysis->risks) {
                scan.text(key, risk.description, risk.where);
                scan.text(key, risk.measure, risk.where);
            }
        }
    } else if (key == "accessibility") {
        if (const auto& accessibility = application.accessibility) {
            scan.rich(key, accessibility->physical);
            scan.rich(key, accessibility->information);
            scan.rich(key, accessibility->participation);
        }
    } else if (key == "budget") {
        for (const model::CostLine& cost : application.budget.costs) scan.text(key, cost.label, cost.where);
        for (const model::Income& income : application.budget.income) scan.text(key, income.label, income.where);
    } else if (key == "attachments") {
        if (const auto& attachments = application.attachments)
            for (const model::Attachment& attachment : *attachments) scan.text(key, attachment.title, attachment.where);
    }
    // project (facts, not prose) and partners (names) hold no placeholder text.
}

// Every section in application order, so the findings come in the order a
// reader meets the text.
void scan_placeholders(const model::Application& application, const model::RulePack& pack, model::Findings& out) {
    PlaceholderScan scan(pack, out);
    for (const model::SectionWords& section : model::sections()) {
        if (const std::optional<model::RichText>* text = model::rich_section(application, section.key))
            scan.rich(section.key, *text);
        else
            scan_structured(scan, application, section.key);
    }
}

// Folded, with every run of whitespace (also U+00A0) one space, so that a
// term of two words matches across a line break.
std::string searchable(std::string_view text) {
    std::string out;
    const std::string lowered = folded(text);
    bool space = false;
    for (std::size_t i = 0; i < lowered.size(); ++i) {
        const char c = lowered[i];
        const bool nbsp = static_cast<unsigned char>(c) == 0xC2 && i + 1 < lowered.size() &&
                          static_cast<unsigned char>(lowered[i + 1]) == 0xA0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || nbsp) {
            if (nbsp) ++i;
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// S007: the non-discrimination section names at least one of the pack's
// grounds of discrimination. A missing or empty section is S001's to report.
void check_discrimination_grounds(const model::Application& application, const model::RulePack& pack,
                                  model::Findings& out) {
    if (pack.discrimination_grounds.empty()) return;
    const SectionView view = view_section(application, "nonDiscrimination");
    if (!view.present || view.empty || !view.text) return;
    const std::string text = searchable(view.text->plain_text());
    for (const model::DiscriminationGround& ground : pack.discrimination_grounds)
        for (const std::string& term : ground.terms)
            if (names_term(text, searchable(term))) return;
    std::vector<std::string> sv, en;
    for (const model::DiscriminationGround& ground : pack.discrimination_grounds) {
        sv.push_back(ground.name.sv);
        en.push_back(ground.name.en);
    }
    out.push_back(rule_finding("S007", "nonDiscrimination", "S007.no_ground", view.where)
                      .arg("grounds_sv", MessageArg::of_text(join(sv)))
                      .arg("grounds_en", MessageArg::of_text(join(en))));
}

}  // namespace

model::Findings check_sections(const model::Application& application, const model::RulePack& pack,
                               const CheckContext&) {
    model::Findings out;

    // S001, S002: required sections. Accessibility has its own rule (A001),
    // which says the same with more to go on; reporting it twice would only
    // make the list longer.
    for (const model::SectionRule& required : pack.required_sections) {
        const SectionView view = view_section(application, required.section);
        const bool has_own_rule = required.section == "accessibility";
        if (!view.present || view.empty) {
            if (!has_own_rule)
                out.push_back(
                    rule_finding("S001", required.section, view.present ? "S001.empty" : "S001.missing", view.where)
                        .arg("section", MessageArg::of_text(required.section))
                        .arg("programme", MessageArg::of_text(pack.name)));
            continue;
        }
        // Lists (goals, activities, target groups, the budget) have no word count.
        if (!view.text && !has_own_rule) continue;
        const int minimum = pack.min_words_for(required.section);
        if (view.words < minimum)
            out.push_back(rule_finding("S002", required.section, "S002.too_short", view.where)
                              .arg("section", MessageArg::of_text(required.section))
                              .arg("words", MessageArg::of_number(view.words))
                              .arg("minimum", MessageArg::of_number(minimum)));
    }

    scan_placeholders(application, pack, out);

    // S004: every summary, in either language, must fit the form's field.
    const std::int64_t maximum = pack.summary_max_characters.value;
    for (const model::Summary& summary : application.summaries) {
        const auto characters = static_cast<std::int64_t>(model::character_count(summary.text.plain_text()));
        if (characters > maximum)
            out.push_back(
                rule_finding("S004", "summary", "S004.too_long", located_or(summary.text.where, application.where))
                    .arg("characters", MessageArg::of_number(characters))
                    .arg("maximum", MessageArg::of_number(maximum))
                    .arg("excess", MessageArg::of_number(characters - maximum)));
    }

    // S005: an application in English needs no English summary besides its own.
    if (application.lang != "en") {
        const model::Summary* english = application.english_summary();
        if (!english || english->text.empty()) {
            const model::Summary* main = application.main_summary();
            out.push_back(rule_finding("S005", "summary", "S005.no_english",
                                       main ? located_or(main->text.where, application.where) : application.where));
        }
    }

    for (const model::SectionRule& recommended : pack.recommended_sections) {
        const SectionView view = view_section(application, recommended.section);
        if (view.present && !view.empty) continue;
        out.push_back(
            rule_finding("S006", recommended.section, view.present ? "S006.empty" : "S006.missing", view.where)
                .arg("section", MessageArg::of_text(recommended.section)));
    }

    check_discrimination_grounds(application, pack, out);
    return out;
}

}  // namespace esfdraft::rules
