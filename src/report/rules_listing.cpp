// `esfdraft rules`: what is being checked. Every rule with its id, severity
// and meaning; with a pack, every parameter with the source it comes from;
// one rule explained with the parameters in force; and docs/rules.md, the
// rules reference, generated from the same definitions, texts and packs.
#include <algorithm>
#include <cctype>
#include <sstream>

#include "model/nearest_name.hpp"
#include "model/values.hpp"
#include "model/vocabulary.hpp"
#include "report/report.hpp"

namespace esfdraft::report {

namespace {

std::string severity_words(const model::RuleDefinition& rule, Language language) {
    std::string out = phrase("severity." + std::string(model::to_string(rule.severity)), language);
    if (rule.second_severity)
        out += " " + phrase("rules.severity_or", language) + " " +
               phrase("severity." + std::string(model::to_string(*rule.second_severity)), language);
    return out;
}

std::string percent(model::ShareHundredths hundredths, Language language) {
    return format_argument(model::MessageArg::of_percent_hundredths(hundredths), language);
}

std::string money(model::Money amount, Language language) {
    return format_argument(model::MessageArg::of_money(amount), language);
}

std::string name_in(const model::LocalizedName& name, Language language) {
    return language == Language::sv ? name.sv : name.en;
}

// Cost categories and phases are named by the one vocabulary the report,
// the draft and the workbook use (model/vocabulary.hpp), in the words of the
// pack's programme period ("Förprojektering" / "Förstudie"); a code the
// vocabulary does not know keeps the pack's own name.
model::LocalizedName category_name(const model::CostCategoryRule& category, std::string_view programme) {
    const model::CodeWords* words = model::cost_category_words(category.code, programme);
    return words ? model::LocalizedName{std::string(words->name.sv), std::string(words->name.en)} : category.name;
}
model::LocalizedName phase_name(const model::PhaseRules& phase, std::string_view programme) {
    const model::PhaseWords* words = model::phase_words(phase.code, programme);
    return words ? model::LocalizedName{std::string(words->name.sv), std::string(words->name.en)} : phase.name;
}

std::string yes_no(bool value, Language language) { return phrase(value ? "param.yes" : "param.no", language); }

// "Schablon för övriga kostnader: 40 % av staff; bara staff, participants, other; kombineras aldrig med
// indirect-flat-rate".
std::string cost_model_text(const model::CostModelRule& rule, Language language) {
    std::string out = name_in(rule.name, language);
    if (rule.simplified) out += " (" + phrase("param.simplified", language) + ")";
    if (rule.rate)
        out += ": " + format_argument(model::MessageArg::of_percent_hundredths(*rule.rate), language) + " " +
               phrase("param.rate_of", language) + " " + rule.base + " (" + phrase("param.flat_line", language) + " " +
               rule.flat_category + ")";
    if (!rule.categories.empty())
        out += "; " + phrase("param.only_categories", language) + " " + model::join(rule.categories);
    if (!rule.excludes.empty()) out += "; " + phrase("param.excludes", language) + " " + model::join(rule.excludes);
    return out;
}

std::string attachment_text(const model::AttachmentRule& rule, Language language) {
    return name_in(rule.name, language) + " (" +
           phrase(rule.required ? "param.required_attachment" : "param.optional_attachment", language) + ")";
}

class Listing {
public:
    explicit Listing(Language language) : language_(language) {}

    void heading(const std::string& text) { out_ << "\n" << text << "\n"; }
    // "  label: value" and, on the next line, where the value comes from.
    void value(const std::string& label, const std::string& value, const std::string& source, int indent = 2) {
        out_ << std::string(static_cast<std::size_t>(indent), ' ') << label << ": " << value << "\n";
        if (!source.empty())
            out_ << std::string(static_cast<std::size_t>(indent) + 4, ' ') << phrase("column.source", language_) << ": "
                 << source << "\n";
    }
    void line(const std::string& text) { out_ << text << "\n"; }
    std::string text() const { return out_.str(); }

private:
    Language language_;
    std::ostringstream out_;
};

// The pack's programme areas and its phases with their limits.
void list_areas_and_phases(Listing& listing, const model::RulePack& pack, Language language) {
    listing.heading(phrase("param.areas", language));
    for (const model::ProgrammeArea& area : pack.areas) {
        std::string value = name_in(area.name, language);
        if (!area.regions.empty())
            value += " (" + phrase("param.regions_only", language) + " " + model::join(area.regions) + ")";
        listing.value(area.code, value, area.source);
    }

    listing.heading(phrase("param.phases", language));
    for (const model::PhaseRules& phase : pack.phases) {
        listing.value(phase.code, name_in(phase_name(phase, pack.name), language), phase.source);
        if (phase.warn_above_months)
            listing.value(phrase("param.duration_warn", language), std::to_string(phase.warn_above_months->value),
                          phase.warn_above_months->source, 4);
        if (phase.error_above_months)
            listing.value(phrase("param.duration_error", language), std::to_string(phase.error_above_months->value),
                          phase.error_above_months->source, 4);
        listing.value(phrase("param.esf_share", language), percent(phase.max_esf_share.value, language),
                      phase.max_esf_share.source, 4);
        listing.value(phrase("param.cofinancing", language), percent(phase.min_cofinancing.value, language),
                      phase.min_cofinancing.source, 4);
        if (phase.esf_ceiling)
            listing.value(phrase("param.esf_ceiling", language), money(phase.esf_ceiling->value, language),
                          phase.esf_ceiling->source, 4);
    }
}

// The required and recommended sections, the cost categories and the limits
// on texts, the pre-study's gap and the indirect costs; the eligibility window.
void list_sections_and_limits(Listing& listing, const model::RulePack& pack, Language language) {
    listing.heading(phrase("param.required", language));
    for (const model::SectionRule& section : pack.required_sections)
        listing.value(section.section, section_name(section.section, language), section.source);
    listing.heading(phrase("param.recommended", language));
    for (const model::SectionRule& section : pack.recommended_sections)
        listing.value(section.section, section_name(section.section, language), section.source);

    listing.heading(phrase("param.cost_categories", language));
    for (const model::CostCategoryRule& category : pack.cost_categories)
        listing.value(category.code, name_in(category_name(category, pack.name), language), category.source);

    listing.heading(phrase("param.limits", language));
    listing.value(phrase("param.min_words", language), std::to_string(pack.default_min_words.value),
                  pack.default_min_words.source);
    for (const model::WordMinimum& minimum : pack.min_words)
        listing.value(phrase("param.min_words", language) + ", " + section_name(minimum.section, language),
                      std::to_string(minimum.min_words), minimum.source);
    listing.value(phrase("param.summary_max", language), std::to_string(pack.summary_max_characters.value),
                  pack.summary_max_characters.source);
    listing.value(phrase("param.prestudy_gap", language), std::to_string(pack.prestudy_gap_warn_months.value),
                  pack.prestudy_gap_warn_months.source);
    std::vector<std::string> quoted_placeholders;
    for (const std::string& placeholder : pack.placeholders.value)
        quoted_placeholders.push_back("\"" + placeholder + "\"");
    listing.value(phrase("param.placeholders", language), model::join(quoted_placeholders), pack.placeholders.source);
    if (pack.indirect_max_share_of_staff)
        listing.value(phrase("param.indirect", language), percent(pack.indirect_max_share_of_staff->value, language),
                      pack.indirect_max_share_of_staff->source);
    else
        listing.value(phrase("param.indirect", language), phrase("param.indirect_none", language), "");
    listing.value(phrase("param.eligibility", language),
                  pack.eligibility_start.value.iso() + " \xE2\x80\x93 " + pack.eligibility_end.value.iso(),
                  pack.eligibility_start.source);
}

// What the ESF+ details read: gender categories, common indicators, cost
// models, the simplified-costs threshold, discrimination grounds, the
// assessment's criteria.
void list_programme_lists(Listing& listing, const model::RulePack& pack, Language language) {
    listing.heading(phrase("param.gender_categories", language));
    for (const model::GenderCategory& category : pack.gender_categories)
        listing.value(category.code,
                      name_in(category.name, language) +
                          (category.optional ? " (" + phrase("param.optional", language) + ")" : ""),
                      category.source);
    if (!pack.common_indicators.empty()) {
        listing.heading(phrase("param.common_indicators", language));
        for (const model::CommonIndicator& indicator : pack.common_indicators)
            listing.value(indicator.code, name_in(indicator.name, language) + " (" + indicator.unit + ")",
                          indicator.source);
    }
    if (!pack.cost_models.empty()) {
        listing.heading(phrase("param.cost_models", language));
        for (const model::CostModelRule& rule : pack.cost_models)
            listing.value(rule.code, cost_model_text(rule, language), rule.source);
    }
    if (pack.simplified_costs_threshold_eur)
        listing.value(
            phrase("param.simplified_threshold", language),
            format_argument(model::MessageArg::of_number(pack.simplified_costs_threshold_eur->value / 100), language),
            pack.simplified_costs_threshold_eur->source);
    if (!pack.discrimination_grounds.empty()) {
        listing.heading(phrase("param.grounds", language));
        listing.line("  " + phrase("column.source", language) + ": " + pack.discrimination_grounds_source);
        for (const model::DiscriminationGround& ground : pack.discrimination_grounds)
            listing.value(ground.code,
                          name_in(ground.name, language) + " (" + phrase("param.terms", language) + ": " +
                              model::join(ground.terms) + ")",
                          "");
    }
    if (!pack.assessment_criteria.empty() || pack.score_scale) {
        listing.heading(phrase("param.assessment", language));
        if (pack.score_scale)
            listing.value(
                phrase("param.scale", language),
                std::to_string(pack.score_scale->min) + "\xE2\x80\x93" + std::to_string(pack.score_scale->max),
                pack.score_scale->source);
        for (const model::AssessmentCriterion& criterion : pack.assessment_criteria)
            listing.value(criterion.code, name_in(criterion.name, language), criterion.source);
    }
}

// The rules the pack turns on and the severities it changes.
void list_rule_changes(Listing& listing, const model::RulePack& pack, Language language) {
    listing.heading(phrase("param.added_rules", language));
    if (pack.added_rules.empty()) listing.line("  " + phrase("param.none", language));
    for (const model::AddedRule& entry : pack.added_rules)
        listing.value(entry.rule, rule_meaning(entry.rule, language), entry.source);

    if (!pack.overrides.empty()) {
        listing.heading(phrase("param.severities", language));
        for (const model::RuleOverride& entry : pack.overrides) {
            const std::string value =
                !entry.enabled   ? phrase("rules.disabled", language)
                : entry.severity ? phrase("severity." + std::string(model::to_string(*entry.severity)), language)
                                 : "-";
            listing.value(entry.rule, value, entry.source);
        }
    }
}

// The pack's calls, each with what it limits or sets instead of the pack.
void list_calls(Listing& listing, const model::RulePack& pack, Language language) {
    listing.heading(phrase("rules.calls", language));
    for (const model::Call& call : pack.calls) {
        listing.value(call.name, name_in(call.title, language), call.source);
        const std::string all = phrase("param.all", language);
        listing.value(phrase("param.call_areas", language), call.areas.empty() ? all : model::join(call.areas), "", 4);
        listing.value(phrase("param.call_regions", language), call.regions.empty() ? all : model::join(call.regions),
                      "", 4);
        listing.value(phrase("param.call_phases", language), call.phases.empty() ? all : model::join(call.phases), "",
                      4);
        if (call.max_esf_share)
            listing.value(phrase("param.esf_share", language), percent(call.max_esf_share->value, language),
                          call.max_esf_share->source, 4);
        if (call.min_cofinancing)
            listing.value(phrase("param.cofinancing", language), percent(call.min_cofinancing->value, language),
                          call.min_cofinancing->source, 4);
        if (call.esf_ceiling)
            listing.value(phrase("param.esf_ceiling", language), money(call.esf_ceiling->value, language),
                          call.esf_ceiling->source, 4);
        if (call.earliest_start || call.latest_end)
            listing.value(phrase("param.call_period", language),
                          (call.earliest_start ? call.earliest_start->value.iso() : std::string("-")) +
                              " \xE2\x80\x93 " + (call.latest_end ? call.latest_end->value.iso() : std::string("-")),
                          call.earliest_start ? call.earliest_start->source : call.latest_end->source, 4);
        if (call.min_transnational_share)
            listing.value(phrase("param.transnational", language),
                          percent(call.min_transnational_share->value, language), call.min_transnational_share->source,
                          4);
        if (call.allowed_cost_models)
            listing.value(phrase("param.call_cost_models", language), model::join(call.allowed_cost_models->value),
                          call.allowed_cost_models->source, 4);
        if (call.sek_per_eur)
            listing.value(phrase("param.exchange_rate", language), call.sek_per_eur->value.text(),
                          call.sek_per_eur->source, 4);
        if (call.state_aid)
            listing.value(phrase("param.state_aid", language), yes_no(call.state_aid->value, language),
                          call.state_aid->source, 4);
        if (!call.attachments.empty()) {
            listing.value(phrase("param.attachments", language), "", call.attachments_source, 4);
            for (const model::AttachmentRule& rule : call.attachments)
                listing.value(rule.kind, attachment_text(rule, language), "", 6);
        }
    }
}

void list_pack(Listing& listing, const model::RulePack& pack, Language language) {
    listing.heading(phrase("param.pack", language) + " " + pack.name + ": " + name_in(pack.title, language));
    listing.value(phrase("text.file", language), pack.file, pack.source);
    list_areas_and_phases(listing, pack, language);
    list_sections_and_limits(listing, pack, language);
    list_programme_lists(listing, pack, language);
    list_rule_changes(listing, pack, language);
    list_calls(listing, pack, language);
}

// ---------------------------------------------------------------- one rule's parameters

// One parameter a rule reads: where it applies (empty: the whole pack; a
// phase; a call), what it is, its value and where the value comes from.
struct ParameterLine {
    std::string scope;
    std::string label;
    std::string value;
    std::string source;
};

// "Förprojektering (prestudy)"; "Implementation" alone when the name is the code.
std::string phase_scope(const model::PhaseRules& phase, std::string_view programme, Language language) {
    const std::string name = name_in(phase_name(phase, programme), language);
    const bool same =
        name.size() == phase.code.size() &&
        std::equal(name.begin(), name.end(), phase.code.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        });
    return same ? name : name + " (" + phase.code + ")";
}
std::string call_scope(const model::Call& call, Language language) {
    return phrase("param.call", language) + " " + call.name;
}

std::string severity_name(model::Severity severity, Language language) {
    return phrase("severity." + std::string(model::to_string(severity)), language);
}

// The parameters `rule` reads in `pack`. Without `only_call`, the pack's
// values and every call's; with it, what applies to an application made to
// that call: the phases and areas it is open to, and for every limit the
// call's value where it sets one, else the phase's default in the pack.
class RuleParameters {
public:
    // `bilingual`: names of areas, phases, sections and cost categories in
    // `language` followed by the other language's, for the two-language reference.
    RuleParameters(const model::RulePack& pack, const model::Call* only_call, Language language, bool bilingual = false)
        : pack_(pack), only_call_(only_call), language_(language), bilingual_(bilingual) {
        for (const model::PhaseRules& phase : pack.phases)
            if (!only_call || only_call->allows_phase(phase.code)) phases_.push_back(&phase);
        if (only_call)
            calls_.push_back(only_call);
        else
            for (const model::Call& call : pack.calls) calls_.push_back(&call);
    }

    std::vector<ParameterLine> lines_for(std::string_view rule) {
        lines_.clear();
        if (const model::RuleDefinition* definition = model::find_rule_definition(rule);
            definition && definition->added) {
            const model::AddedRule* entry = nullptr;
            for (const model::AddedRule& each : pack_.added_rules)
                if (each.rule == rule) entry = &each;
            add("", phrase("param.added_rule", language_),
                phrase(entry ? "param.turned_on" : "param.not_turned_on", language_), entry ? entry->source : "");
            if (!entry) return lines_;
        }
        collect(rule);
        if (const model::RuleOverride* entry = pack_.override_for(rule))
            add("", phrase("param.severity", language_),
                !entry->enabled   ? phrase("rules.disabled", language_)
                : entry->severity ? severity_name(*entry->severity, language_)
                                  : "-",
                entry->source);
        return lines_;
    }

private:
    void add(std::string scope, std::string label, std::string value, std::string source) {
        lines_.push_back({std::move(scope), std::move(label), std::move(value), std::move(source)});
    }

    Language other() const { return language_ == Language::sv ? Language::en : Language::sv; }
    std::string name_of(const model::LocalizedName& name) const {
        return bilingual_ ? name_in(name, language_) + " (" + name_in(name, other()) + ")" : name_in(name, language_);
    }
    std::string section_of(const std::string& section) const {
        return bilingual_ ? section_name(section, language_) + " (" + section_name(section, other()) + ")"
                          : section_name(section, language_);
    }
    std::string phase_of(const model::PhaseRules& phase) const {
        return bilingual_
                   ? phase_scope(phase, pack_.name, language_) + " / " + name_in(phase_name(phase, pack_.name), other())
                   : phase_scope(phase, pack_.name, language_);
    }

    std::string listed_or_all(const std::vector<std::string>& items) const {
        return items.empty() ? phrase("param.all", language_) : model::join(items);
    }

    // A limit a phase sets by default and a call may set instead (B006, B007, B009).
    template <typename OfPhase, typename OfCall, typename Format>
    void phase_limit(const std::string& label, OfPhase of_phase, OfCall of_call, Format format) {
        if (only_call_) {
            for (const model::PhaseRules* phase : phases_) {
                if (const auto& set = of_call(*only_call_))
                    add(phase_of(*phase), label, format(set->value) + " (" + only_call_->name + ")", set->source);
                else if (const auto default_value = of_phase(*phase))
                    add(phase_of(*phase), label, format(default_value->value) + " (" + pack_.name + ")",
                        default_value->source);
            }
            return;
        }
        for (const model::PhaseRules* phase : phases_)
            if (const auto default_value = of_phase(*phase))
                add(phase_of(*phase), label, format(default_value->value), default_value->source);
        for (const model::Call* call : calls_)
            if (const auto& set = of_call(*call))
                add(call_scope(*call, language_), label, format(set->value), set->source);
    }

    // The parameters by the rule's family, whose letter starts its id.
    void collect(std::string_view rule) {
        switch (rule.empty() ? ' ' : rule.front()) {
            case 'X':
            case 'M': collect_programme_fit(rule); break;
            case 'S':
            case 'G': collect_content(rule); break;
            case 'B': collect_budget(rule); break;
            case 'D': collect_period(rule); break;
            default: break;
        }
    }

    // X003 and the M rules: calls, areas, phases, regions, attachments.
    void collect_programme_fit(std::string_view rule) {
        const Language language = language_;
        if (rule == "X003") {
            std::vector<std::string> names;
            for (const model::Call* call : calls_) names.push_back(call->name);
            add("", phrase("param.calls", language), names.empty() ? "-" : model::join(names), "");
        } else if (rule == "M001") {
            for (const model::ProgrammeArea& area : pack_.areas) {
                if (only_call_ && !only_call_->allows_area(area.code)) continue;
                add("", area.code, name_of(area.name), area.source);
                if (!area.regions.empty())
                    add(area.code, phrase("param.area_regions", language), model::join(area.regions), area.source);
            }
            for (const model::Call* call : calls_)
                add(call_scope(*call, language), phrase("param.call_areas", language), listed_or_all(call->areas),
                    call->source);
        } else if (rule == "M002") {
            for (const model::PhaseRules* phase : phases_)
                add("", phase->code, name_of(phase_name(*phase, pack_.name)), phase->source);
            for (const model::Call* call : calls_)
                add(call_scope(*call, language), phrase("param.call_phases", language), listed_or_all(call->phases),
                    call->source);
        } else if (rule == "M008") {
            for (const model::Call* call : calls_) {
                add(call_scope(*call, language), phrase("param.call_regions", language), listed_or_all(call->regions),
                    call->source);
                add(call_scope(*call, language), phrase("param.call_areas", language), listed_or_all(call->areas),
                    call->source);
            }
        } else if (rule == "M009") {
            for (const model::Call* call : calls_)
                for (const model::AttachmentRule& attachment : call->attachments)
                    add(call_scope(*call, language), phrase("param.attachments", language) + ", " + attachment.kind,
                        bilingual_ ? attachment_text(attachment, language) + " / " + name_in(attachment.name, other())
                                   : attachment_text(attachment, language),
                        call->attachments_source);
        }
    }

    // The S and G rules: sections, words, placeholders, grounds, gender
    // categories, common indicators.
    void collect_content(std::string_view rule) {
        const Language language = language_;
        const auto as_number = [](int value) { return std::to_string(value); };
        if (rule == "S007") {
            for (const model::DiscriminationGround& ground : pack_.discrimination_grounds)
                add("", ground.code,
                    name_of(ground.name) + "; " + phrase("param.terms", language) + ": " + model::join(ground.terms),
                    pack_.discrimination_grounds_source);
        } else if (rule == "G005") {
            for (const model::GenderCategory& category : pack_.gender_categories)
                add("", category.code,
                    name_of(category.name) + (category.optional ? " (" + phrase("param.optional", language) + ")" : ""),
                    category.source);
        } else if (rule == "G009") {
            for (const model::CommonIndicator& indicator : pack_.common_indicators)
                add("", indicator.code, name_of(indicator.name) + " (" + indicator.unit + ")", indicator.source);
        } else if (rule == "S001") {
            for (const model::SectionRule& section : pack_.required_sections)
                add("", section.section, section_of(section.section), section.source);
        } else if (rule == "S002") {
            add("", phrase("param.min_words", language), as_number(pack_.default_min_words.value),
                pack_.default_min_words.source);
            for (const model::WordMinimum& minimum : pack_.min_words)
                add(section_of(minimum.section), phrase("param.min_words", language), as_number(minimum.min_words),
                    minimum.source);
        } else if (rule == "S003") {
            std::vector<std::string> quoted;
            for (const std::string& placeholder : pack_.placeholders.value) quoted.push_back("\"" + placeholder + "\"");
            add("", phrase("param.placeholders", language), model::join(quoted), pack_.placeholders.source);
        } else if (rule == "S004") {
            add("", phrase("param.summary_max", language), as_number(pack_.summary_max_characters.value),
                pack_.summary_max_characters.source);
        } else if (rule == "S006") {
            for (const model::SectionRule& section : pack_.recommended_sections)
                add("", section.section, section_of(section.section), section.source);
        }
    }

    // The B rules: cost models, simplified costs, categories, shares, ceilings.
    void collect_budget(std::string_view rule) {
        const Language language = language_;
        const auto as_percent = [language](model::ShareHundredths value) { return percent(value, language); };
        const auto as_money = [language](model::Money value) { return money(value, language); };
        if (rule == "B012") {
            for (const model::CostModelRule& cost_model : pack_.cost_models)
                add("", cost_model.code, cost_model_text(cost_model, language), cost_model.source);
            for (const model::Call* call : calls_)
                if (call->allowed_cost_models)
                    add(call_scope(*call, language), phrase("param.call_cost_models", language),
                        model::join(call->allowed_cost_models->value), call->allowed_cost_models->source);
        } else if (rule == "B013") {
            if (pack_.simplified_costs_threshold_eur)
                add("", phrase("param.simplified_threshold", language),
                    format_argument(model::MessageArg::of_number(pack_.simplified_costs_threshold_eur->value / 100),
                                    language),
                    pack_.simplified_costs_threshold_eur->source);
            for (const model::CostModelRule& cost_model : pack_.cost_models)
                if (cost_model.simplified)
                    add("", phrase("param.simplified", language), cost_model.code, cost_model.source);
            for (const model::Call* call : calls_) {
                if (call->sek_per_eur)
                    add(call_scope(*call, language), phrase("param.exchange_rate", language),
                        call->sek_per_eur->value.text(), call->sek_per_eur->source);
                if (call->state_aid)
                    add(call_scope(*call, language), phrase("param.state_aid", language),
                        yes_no(call->state_aid->value, language), call->state_aid->source);
            }
        } else if (rule == "B002") {
            for (const model::CostCategoryRule& category : pack_.cost_categories)
                add("", category.code, name_of(category_name(category, pack_.name)), category.source);
        } else if (rule == "B006") {
            phase_limit(
                phrase("param.esf_share", language),
                [](const model::PhaseRules& phase) { return std::optional(phase.max_esf_share); },
                [](const model::Call& call) -> const auto& { return call.max_esf_share; }, as_percent);
        } else if (rule == "B007") {
            phase_limit(
                phrase("param.cofinancing", language),
                [](const model::PhaseRules& phase) { return std::optional(phase.min_cofinancing); },
                [](const model::Call& call) -> const auto& { return call.min_cofinancing; }, as_percent);
        } else if (rule == "B008") {
            if (pack_.indirect_max_share_of_staff)
                add("", phrase("param.indirect", language), as_percent(pack_.indirect_max_share_of_staff->value),
                    pack_.indirect_max_share_of_staff->source);
            else
                add("", phrase("param.indirect", language), phrase("param.indirect_none", language), "");
        } else if (rule == "B009") {
            phase_limit(
                phrase("param.esf_ceiling", language), [](const model::PhaseRules& phase) { return phase.esf_ceiling; },
                [](const model::Call& call) -> const auto& { return call.esf_ceiling; }, as_money);
        } else if (rule == "B011") {
            for (const model::Call* call : calls_)
                if (call->min_transnational_share)
                    add(call_scope(*call, language), phrase("param.transnational", language),
                        as_percent(call->min_transnational_share->value), call->min_transnational_share->source);
        }
    }

    // The D rules: durations, the eligibility window, a call's period, the
    // gap after the pre-study.
    void collect_period(std::string_view rule) {
        const Language language = language_;
        const auto as_number = [](int value) { return std::to_string(value); };
        if (rule == "D002") {
            for (const model::PhaseRules* phase : phases_) {
                if (phase->warn_above_months)
                    add(phase_of(*phase), phrase("param.duration_warn", language),
                        as_number(phase->warn_above_months->value), phase->warn_above_months->source);
                if (phase->error_above_months)
                    add(phase_of(*phase), phrase("param.duration_error", language),
                        as_number(phase->error_above_months->value), phase->error_above_months->source);
            }
        } else if (rule == "D003") {
            add("", phrase("param.eligibility", language),
                pack_.eligibility_start.value.iso() + " \xE2\x80\x93 " + pack_.eligibility_end.value.iso(),
                pack_.eligibility_start.source);
        } else if (rule == "D004") {
            for (const model::Call* call : calls_)
                if (call->earliest_start || call->latest_end)
                    add(call_scope(*call, language), phrase("param.call_period", language),
                        (call->earliest_start ? call->earliest_start->value.iso() : std::string("-")) +
                            " \xE2\x80\x93 " + (call->latest_end ? call->latest_end->value.iso() : std::string("-")),
                        call->earliest_start ? call->earliest_start->source : call->latest_end->source);
        } else if (rule == "D006") {
            add("", phrase("param.prestudy_gap", language), as_number(pack_.prestudy_gap_warn_months.value),
                pack_.prestudy_gap_warn_months.source);
        }
    }

    const model::RulePack& pack_;
    const model::Call* only_call_;
    Language language_;
    bool bilingual_;
    std::vector<const model::PhaseRules*> phases_;
    std::vector<const model::Call*> calls_;
    std::vector<ParameterLine> lines_;
};

// ---------------------------------------------------------------- docs/rules.md

// Text in Markdown: the texts quote XML, whose '<' and '&' Markdown would
// take for HTML.
std::string prose(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '&')
            out += "&amp;";
        else
            out += c;
    }
    return out;
}

// A table cell: one line, no column breaks.
std::string cell(const std::string& text) {
    std::string out;
    for (const char c : prose(text)) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out.empty() ? "-" : out;
}

// The first letter in capitals: ASCII, and the å, ä, ö a Swedish text may start with.
std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    else if (text.size() >= 2 && text[0] == '\xC3' && (text[1] == '\xA5' || text[1] == '\xA4' || text[1] == '\xB6'))
        text[1] = static_cast<char>(text[1] - 0x20);
    return text;
}

const char* const markdown_head = R"(# Rules reference

<!-- Generated by `esfdraft rules --format markdown` from the rule definitions
(src/model/rule_pack.cpp), the message catalogue (src/report/catalogue.cpp) and
the rule packs (schemas/*/pack.xml, schemas/*/calls/*.xml). Do not edit it by
hand: change those, then run `build/esfdraft rules --format markdown > docs/rules.md`.
The test suite fails while this file differs from what the binary prints. -->

Every finding esfdraft reports carries a rule id such as `B005`. This page
lists every rule: its severity, what it checks and how to fix what it reports,
in English and in Swedish, and the parameters each rule pack sets for it, each
with the source of its value.

*På svenska:* varje regel beskrivs nedan både på engelska och på svenska
(**Kontrollerar**, **Så åtgärdar du**). I terminalen förklarar
`esfdraft rules B005` en regel på svenska, med de parametrar som gäller.

On the command line:

- `esfdraft rules` lists the rules; `esfdraft rules --pack NAME` adds one
  pack's parameters, each with its source;
- `esfdraft rules ID [--pack NAME] [--call CALL] [--lang en]` explains one rule
  and shows the parameters in force for that pack and call (or for every pack);
- `esfdraft rules --format markdown` prints this page.

The files the rules read are described in [format.md](format.md); how to go
from a pre-study to a clean application is in [guide.md](guide.md).

## Severity

)";

const char* const markdown_sources = R"(
## Where the values come from

A rule never holds a number of its own: limits, rates, lists and windows are
parameters of the rule pack (`schemas/PROGRAMME/pack.xml`) and its calls
(`schemas/PROGRAMME/calls/CALL.xml`), and each names its source:

- **[S]**: read in the source named;
- **[R]**: EU regulation text recalled, not yet checked against the text;
- **[I]**: an inference, made a parameter so that it can be corrected in the
  pack without touching code.

A source that begins `esf-facts.md` comes from the project's fact sheet on the
two programme periods, from which the packs were compiled (it is not shipped
with esfdraft); the words after the colon say what it recorded. A source that
begins `docs/rules.md` refers to this page, that is, to the rule's own text.
A plan chooses its pack with `programme="…"` and may name a call with
`call="…"`; for a plan made to a call, the call's value replaces the phase's
default in the pack wherever the call sets one.

The rules added with the ESF+ application's details
()";

// Then the added rules (model::rule_definitions' `added`), then this.
const char* const markdown_sources_added = R"()
report only under a pack that turns them on; each rule's parameters below say
whether a pack does ("added rule: turned on by the pack"), with the reason. A
rule that needs something the plan or the call does not give reports nothing:
B012 without a `costModel` on `<budget>`, B013 without the call's exchange
rate, M009 for a call that lists no attachments.
)";

void markdown_parameters(std::ostringstream& out, std::string_view rule, const std::vector<model::RulePack>& packs) {
    std::vector<std::pair<const model::RulePack*, ParameterLine>> rows;
    for (const model::RulePack& pack : packs)
        for (ParameterLine& line : RuleParameters(pack, nullptr, Language::en, true).lines_for(rule))
            rows.emplace_back(&pack, std::move(line));
    if (rows.empty()) {
        out << "No pack sets a parameter for this rule.\n";
        return;
    }
    out << "| Pack | Applies to | Parameter | Value | Source |\n|---|---|---|---|---|\n";
    for (const auto& [pack, line] : rows)
        out << "| " << pack->name << " | " << cell(line.scope.empty() ? "every application" : line.scope) << " | "
            << cell(line.label) << " | " << cell(line.value) << " | " << cell(line.source) << " |\n";
}

}  // namespace

std::string render_rule(const model::RuleDefinition& rule, const std::vector<const model::RulePack*>& packs,
                        const model::Call* call, Language language) {
    Listing listing(language);
    listing.line(std::string(rule.id) + "  " + severity_words(rule, language) + ": " + rule_meaning(rule.id, language));
    listing.line(phrase("rules.fix", language) + ": " + rule_fix(rule.id, language));
    for (const model::RulePack* pack : packs) {
        listing.heading(phrase("rules.in_force", language) + ", " + pack->name +
                        (call ? ", " + call_scope(*call, language) : "") + ":");
        const std::vector<ParameterLine> lines = RuleParameters(*pack, call, language).lines_for(rule.id);
        if (lines.empty()) listing.line("  " + phrase("rules.no_parameters", language));
        for (const ParameterLine& line : lines)
            listing.value((line.scope.empty() ? "" : line.scope + ", ") + line.label, line.value, line.source);
    }
    return listing.text();
}

namespace {

// The severities, the completeness report's statuses, verdict and key
// figures, and the exit status.
void markdown_reading_the_report(std::ostringstream& out) {
    out << "| Severity | In Swedish reports | Meaning |\n|---|---|---|\n";
    out << "| " << phrase("severity.error", Language::en) << " | " << phrase("severity.error", Language::sv)
        << " | the application cannot be submitted as it is (ansökan kan inte lämnas in som den är) |\n";
    out << "| " << phrase("severity.warning", Language::en) << " | " << phrase("severity.warning", Language::sv)
        << " | a reviewer will ask about it (en granskare kommer att fråga om det) |\n";
    out << "| info (\"" << phrase("severity.info", Language::en) << "\") | " << phrase("severity.info", Language::sv)
        << " | a hint (ett tips) |\n\n";
    out << "Four rules report one of two severities: G005, B011, D002 and D006 (see each). A rule pack may turn a "
           "rule\n"
           "off or change its severity, never its meaning; such a change is listed in the rule's parameters.\n\n";
    out << "## The completeness report\n\n"
           "After the findings, the report gives every section of the application a status:\n\n"
           "| Status | In Swedish | When |\n|---|---|---|\n";
    out << "| " << phrase("status.complete", Language::en) << " | " << phrase("status.complete", Language::sv)
        << " | no findings |\n";
    out << "| " << phrase("status.needs_attention", Language::en) << " | "
        << phrase("status.needs_attention", Language::sv) << " | warnings or hints only |\n";
    out << "| " << phrase("status.incomplete", Language::en) << " | " << phrase("status.incomplete", Language::sv)
        << " | at least one error |\n\n";
    out << "and the application a verdict: **" << phrase("verdict.ready", Language::en) << "** (*"
        << phrase("verdict.ready", Language::sv) << "*) exactly when there is no error, else **"
        << phrase("verdict.not_ready", Language::en) << "** (*" << phrase("verdict.not_ready", Language::sv)
        << "*).\n"
           "With `--strict`, warnings count as errors: a section with a warning is incomplete, and the\n"
           "verdict and the exit status follow.\n\n"
           "Each finding gives its rule id, severity, section, a message in the report's language\n"
           "(`--lang sv|en`) and where it is: file, line and column, and the element's path. The text\n"
           "report prints it the way compilers do, so that editors and CI can jump to it:\n\n"
           "    plan.xml:142:9: error: the financing (SEK 1,950,000) does not cover the costs (SEK 2,010,000): SEK "
           "60,000 is missing [B005]\n\n"
           "After the sections, the key figures of the budget (*"
        << phrase("figures.heading", Language::sv)
        << "*), each share\n"
           "beside the limit in force (the call's where it sets one, else the pack's, named after the limit) and "
           "whether it\n"
           "keeps to it, then the rule pack and the call the application was checked against:\n\n"
           "    plan.xml: Key figures\n"
           "      Total cost      SEK 2,010,000\n"
           "      ESF support     SEK 1,206,100 = 60.005 % of the eligible cost (at most 60 %, ovre-norrland-2009): "
           "above the limit\n"
           "      Co-financing    SEK 803,900 = 39.995 % of the eligible cost (at least 40 %, ovre-norrland-2009): "
           "below the limit\n"
           "      Indirect costs  SEK 72,000 = 4.76 % of the staff costs\n"
           "      Rule pack: esf-2007-2013 (…)\n"
           "      Call: ovre-norrland-2009 (…)\n\n"
           "Income and the eligible cost (total cost less income) are shown when the budget has income, the indirect\n"
           "costs when it has any. A share is shown with up to two decimals, and with more where two would put it on\n"
           "its limit or across it, as in the rules' messages (45.996 % under a maximum of 46 %); whether it keeps to\n"
           "the limit is decided on the amounts, exactly as B006, B007 and B008 do. A plan that could not be read, or\n"
           "has no budget, has no key figures. The report ends with the day of the check and esfdraft's version.\n\n"
           "`--format json` gives the same as JSON (described by `schemas/report.schema.json`; amounts in öre,\n"
           "shares as decimal fractions: 0.4599 for 45.99 %), `--format html` one standalone page to open,\n"
           "print or read with a screen reader, with the key figures as a table.\n\n";
    out << "## Exit status\n\n"
           "| Status | Meaning |\n|---|---|\n"
           "| 0 | no application has errors (warnings are allowed unless `--strict`) |\n"
           "| 1 | at least one application has errors; a plan that names an unknown programme or call is such an error "
           "(X003) |\n"
           "| 2 | esfdraft could not do its job: bad usage (an unknown command, option, `--pack` or rule id), an "
           "unreadable file, a broken rule pack |\n";
}

// Every rule by family, in both languages, with each pack's parameters for it.
void markdown_rules(std::ostringstream& out, const std::vector<model::RulePack>& packs) {
    out << "\n## Rules\n";
    std::string_view family;
    for (const model::RuleDefinition& rule : model::rule_definitions()) {
        if (rule.family != family) {
            family = rule.family;
            const std::string key = "family." + std::string(family);
            out << "\n### " << phrase(key, Language::en) << " (" << family << ") / " << phrase(key, Language::sv)
                << "\n";
        }
        out << "\n#### " << rule.id << ": " << severity_words(rule, Language::en) << " ("
            << severity_words(rule, Language::sv) << ")\n\n";
        out << "- **Checks:** " << prose(rule_meaning(rule.id, Language::en)) << "\n";
        out << "- **Kontrollerar:** " << prose(rule_meaning(rule.id, Language::sv)) << "\n";
        out << "- **How to fix:** " << prose(capitalised(rule_fix(rule.id, Language::en))) << "\n";
        out << "- **Så åtgärdar du:** " << prose(capitalised(rule_fix(rule.id, Language::sv))) << "\n\n";
        markdown_parameters(out, rule.id, packs);
    }
}

// Each pack's title, file and source, and its calls.
void markdown_packs(std::ostringstream& out, const std::vector<model::RulePack>& packs) {
    out << "\n## Rule packs\n";
    for (const model::RulePack& pack : packs) {
        out << "\n### " << pack.name << "\n\n";
        out << "- " << prose(pack.title.en) << "\n- *" << prose(pack.title.sv) << "*\n";
        out << "- File: `schemas/" << pack.name << "/pack.xml`\n- Source: " << prose(pack.source) << "\n\n";
        if (pack.calls.empty()) {
            out << "The pack has no calls.\n";
            continue;
        }
        out << "Calls (`call=\"…\"` in a plan):\n\n| Call | Title | File | Source |\n|---|---|---|---|\n";
        for (const model::Call& call : pack.calls)
            out << "| " << call.name << " | " << cell(call.title.en) << " | `schemas/" << pack.name << "/calls/"
                << call.name << ".xml` | " << cell(call.source) << " |\n";
    }
}

}  // namespace

std::string render_rules_markdown(const std::vector<model::RulePack>& packs) {
    std::ostringstream out;
    out << markdown_head;
    markdown_reading_the_report(out);
    out << markdown_sources;
    std::string added;
    for (const model::RuleDefinition& rule : model::rule_definitions())
        if (rule.added) added += (added.empty() ? "" : ", ") + std::string(rule.id);
    out << added << markdown_sources_added;
    markdown_rules(out, packs);
    markdown_packs(out, packs);
    return out.str();
}

std::string nearest_rule_id(std::string_view text) {
    // Case ignored, a swap counts as one edit (B070 -> B007); the first rule wins a tie, so the
    // answer depends on nothing but the catalogue's order.
    std::vector<std::string> ids;
    for (const model::RuleDefinition& rule : model::rule_definitions()) ids.emplace_back(rule.id);
    return model::nearest_name(text, ids).value_or(std::string());
}

std::string render_rules(const std::vector<std::string>& pack_names, const model::RulePack* pack, Language language) {
    Listing listing(language);
    listing.line(phrase("rules.heading", language));
    for (const model::RuleDefinition& rule : model::rule_definitions()) {
        std::string severity = severity_words(rule, language);
        if (pack)
            if (const model::RuleOverride* entry = pack->override_for(rule.id))
                severity +=
                    " (" + phrase("rules.overridden", language) + ": " +
                    (!entry->enabled   ? phrase("rules.disabled", language)
                     : entry->severity ? phrase("severity." + std::string(model::to_string(*entry->severity)), language)
                                       : severity) +
                    ")";
        if (pack && rule.added && !pack->turns_on(rule.id))
            severity += " (" + phrase("param.not_turned_on_short", language) + ")";
        listing.line("  " + std::string(rule.id) + "  " + severity + ": " + rule_meaning(rule.id, language));
    }
    if (pack) {
        list_pack(listing, *pack, language);
    } else {
        listing.heading(phrase("rules.packs", language) + ": " + model::join(pack_names));
        listing.line(phrase("rules.pack_hint", language));
    }
    return listing.text();
}

}  // namespace esfdraft::report
