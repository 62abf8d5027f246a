// `esfdraft rules`: what is being checked. Every rule with its id, severity
// and meaning; with a pack, every parameter with the source it comes from.
#include <sstream>

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

std::string name_in(const model::LocalizedName& name, Language language) { return language == Language::sv ? name.sv : name.en; }

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

class Listing {
public:
    explicit Listing(Language language) : language_(language) {}

    void heading(const std::string& text) { out_ << "\n" << text << "\n"; }
    // "  label: value" and, on the next line, where the value comes from.
    void value(const std::string& label, const std::string& value, const std::string& source, int indent = 2) {
        out_ << std::string(static_cast<std::size_t>(indent), ' ') << label << ": " << value << "\n";
        if (!source.empty())
            out_ << std::string(static_cast<std::size_t>(indent) + 4, ' ') << phrase("column.source", language_) << ": " << source << "\n";
    }
    void line(const std::string& text) { out_ << text << "\n"; }
    std::string text() const { return out_.str(); }

private:
    Language language_;
    std::ostringstream out_;
};

void list_pack(Listing& listing, const model::RulePack& pack, Language language) {
    listing.heading(phrase("param.pack", language) + " " + pack.name + ": " + name_in(pack.title, language));
    listing.value(phrase("text.file", language), pack.file, pack.source);

    listing.heading(phrase("param.areas", language));
    for (const model::ProgrammeArea& area : pack.areas) {
        std::string value = name_in(area.name, language);
        if (!area.regions.empty()) value += " (" + phrase("param.regions_only", language) + " " + joined(area.regions) + ")";
        listing.value(area.code, value, area.source);
    }

    listing.heading(phrase("param.phases", language));
    for (const model::PhaseRules& phase : pack.phases) {
        listing.value(phase.code, name_in(phase.name, language), phase.source);
        if (phase.warn_above_months)
            listing.value(phrase("param.duration_warn", language), std::to_string(phase.warn_above_months->value),
                          phase.warn_above_months->source, 4);
        if (phase.error_above_months)
            listing.value(phrase("param.duration_error", language), std::to_string(phase.error_above_months->value),
                          phase.error_above_months->source, 4);
        listing.value(phrase("param.esf_share", language), percent(phase.max_esf_share.value, language), phase.max_esf_share.source, 4);
        listing.value(phrase("param.cofinancing", language), percent(phase.min_cofinancing.value, language),
                      phase.min_cofinancing.source, 4);
        if (phase.esf_ceiling)
            listing.value(phrase("param.esf_ceiling", language), money(phase.esf_ceiling->value, language), phase.esf_ceiling->source, 4);
    }

    listing.heading(phrase("param.required", language));
    for (const model::SectionRule& section : pack.required_sections)
        listing.value(section.section, section_name(section.section, language), section.source);
    listing.heading(phrase("param.recommended", language));
    for (const model::SectionRule& section : pack.recommended_sections)
        listing.value(section.section, section_name(section.section, language), section.source);

    listing.heading(phrase("param.cost_categories", language));
    for (const model::CostCategoryRule& category : pack.cost_categories)
        listing.value(category.code, name_in(category.name, language), category.source);

    listing.heading(phrase("param.limits", language));
    listing.value(phrase("param.min_words", language), std::to_string(pack.default_min_words.value), pack.default_min_words.source);
    for (const model::WordMinimum& minimum : pack.min_words)
        listing.value(phrase("param.min_words", language) + ", " + section_name(minimum.section, language),
                      std::to_string(minimum.min_words), minimum.source);
    listing.value(phrase("param.summary_max", language), std::to_string(pack.summary_max_characters.value),
                  pack.summary_max_characters.source);
    listing.value(phrase("param.prestudy_gap", language), std::to_string(pack.prestudy_gap_warn_months.value),
                  pack.prestudy_gap_warn_months.source);
    std::vector<std::string> quoted_placeholders;
    for (const std::string& placeholder : pack.placeholders.value) quoted_placeholders.push_back("\"" + placeholder + "\"");
    listing.value(phrase("param.placeholders", language), joined(quoted_placeholders), pack.placeholders.source);
    if (pack.indirect_max_share_of_staff)
        listing.value(phrase("param.indirect", language), percent(pack.indirect_max_share_of_staff->value, language),
                      pack.indirect_max_share_of_staff->source);
    else
        listing.value(phrase("param.indirect", language), phrase("param.indirect_none", language), "");
    listing.value(phrase("param.eligibility", language),
                  pack.eligibility_start.value.iso() + " \xE2\x80\x93 " + pack.eligibility_end.value.iso(), pack.eligibility_start.source);

    if (!pack.overrides.empty()) {
        listing.heading(phrase("param.severities", language));
        for (const model::RuleOverride& entry : pack.overrides) {
            const std::string value = !entry.enabled ? phrase("rules.disabled", language)
                                      : entry.severity ? phrase("severity." + std::string(model::to_string(*entry.severity)), language)
                                                       : "-";
            listing.value(entry.rule, value, entry.source);
        }
    }

    listing.heading(phrase("rules.calls", language));
    for (const model::Call& call : pack.calls) {
        listing.value(call.name, name_in(call.title, language), call.source);
        const std::string all = phrase("param.all", language);
        listing.value(phrase("param.call_areas", language), call.areas.empty() ? all : joined(call.areas), "", 4);
        listing.value(phrase("param.call_regions", language), call.regions.empty() ? all : joined(call.regions), "", 4);
        listing.value(phrase("param.call_phases", language), call.phases.empty() ? all : joined(call.phases), "", 4);
        if (call.max_esf_share)
            listing.value(phrase("param.esf_share", language), percent(call.max_esf_share->value, language), call.max_esf_share->source, 4);
        if (call.min_cofinancing)
            listing.value(phrase("param.cofinancing", language), percent(call.min_cofinancing->value, language),
                          call.min_cofinancing->source, 4);
        if (call.esf_ceiling)
            listing.value(phrase("param.esf_ceiling", language), money(call.esf_ceiling->value, language), call.esf_ceiling->source, 4);
        if (call.earliest_start || call.latest_end)
            listing.value(phrase("param.call_period", language),
                          (call.earliest_start ? call.earliest_start->value.iso() : std::string("-")) + " \xE2\x80\x93 " +
                              (call.latest_end ? call.latest_end->value.iso() : std::string("-")),
                          call.earliest_start ? call.earliest_start->source : call.latest_end->source, 4);
        if (call.min_transnational_share)
            listing.value(phrase("param.transnational", language), percent(call.min_transnational_share->value, language),
                          call.min_transnational_share->source, 4);
    }
}

}  // namespace

std::string render_rules(const std::vector<std::string>& pack_names, const model::RulePack* pack, Language language) {
    Listing listing(language);
    listing.line(phrase("rules.heading", language));
    for (const model::RuleDefinition& rule : model::rule_definitions()) {
        std::string severity = severity_words(rule, language);
        if (pack)
            if (const model::RuleOverride* entry = pack->override_for(rule.id))
                severity += " (" + phrase("rules.overridden", language) + ": " +
                            (!entry->enabled ? phrase("rules.disabled", language)
                             : entry->severity ? phrase("severity." + std::string(model::to_string(*entry->severity)), language)
                                               : severity) +
                            ")";
        listing.line("  " + std::string(rule.id) + "  " + severity + ": " + rule_meaning(rule.id, language));
    }
    if (pack) {
        list_pack(listing, *pack, language);
    } else {
        listing.heading(phrase("rules.packs", language) + ": " + joined(pack_names));
        listing.line(phrase("rules.pack_hint", language));
    }
    return listing.text();
}

}  // namespace esfdraft::report
