#include "rules/terms.hpp"

namespace esfdraft::rules {

namespace {

template <typename T>
std::optional<Limit<T>> pick(const std::optional<model::Sourced<T>>& from_call, const model::Call* call,
                             const std::optional<model::Sourced<T>>& from_pack, const model::RulePack& pack) {
    if (call && from_call) return Limit<T>{from_call->value, call->name};
    if (from_pack) return Limit<T>{from_pack->value, pack.name};
    return std::nullopt;
}

}  // namespace

Terms resolve_terms(const model::Application& application, const model::RulePack& pack) {
    Terms terms;
    if (application.call) terms.call = pack.find_call(*application.call);
    terms.phase = pack.find_phase(application.project.phase.value);
    const model::Call* call = terms.call;
    const std::optional<model::Sourced<model::ShareHundredths>> no_share;
    const std::optional<model::Sourced<model::Date>> no_date;
    if (terms.phase) {
        terms.max_esf_share = pick(call ? call->max_esf_share : no_share, call,
                                   std::optional(terms.phase->max_esf_share), pack);
        terms.min_cofinancing = pick(call ? call->min_cofinancing : no_share, call,
                                     std::optional(terms.phase->min_cofinancing), pack);
        terms.esf_ceiling = pick(call ? call->esf_ceiling : std::nullopt, call, terms.phase->esf_ceiling, pack);
    } else if (call) {
        terms.max_esf_share = pick(call->max_esf_share, call, no_share, pack);
        terms.min_cofinancing = pick(call->min_cofinancing, call, no_share, pack);
        terms.esf_ceiling = pick(call->esf_ceiling, call, std::optional<model::Sourced<model::Money>>{}, pack);
    }
    if (call) {
        terms.earliest_start = pick(call->earliest_start, call, no_date, pack);
        terms.latest_end = pick(call->latest_end, call, no_date, pack);
        terms.min_transnational_share = pick(call->min_transnational_share, call, no_share, pack);
    }
    return terms;
}

Terms terms_for(const model::Application& application, const model::RulePack& pack, const CheckContext& context) {
    return context.terms ? *context.terms : resolve_terms(application, pack);
}

model::Finding make_finding(std::string_view rule, model::Severity severity, std::string_view section,
                            std::string_view message_id, const model::SourceLocation& where) {
    model::Finding finding;
    finding.rule = std::string(rule);
    finding.severity = severity;
    finding.section = std::string(section);
    finding.message_id = std::string(message_id);
    finding.where = where;
    return finding;
}

const model::SourceLocation& located_or(const model::SourceLocation& where, const model::SourceLocation& fallback) {
    return where.line > 0 ? where : fallback;
}

std::string excerpt(std::string_view text, std::size_t max_characters) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0u) == 0x80u) continue;   // a continuation byte
        if (characters == max_characters) return std::string(text.substr(0, i)) + "\xE2\x80\xA6";
        ++characters;
    }
    return std::string(text);
}

std::string folded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            out += static_cast<char>(c);
            // U+00C0–U+00DE capitals are U+00E0–U+00FE small letters (except U+00D7).
            out += static_cast<char>(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next);
            ++i;
            continue;
        }
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    }
    return out;
}

namespace {

// The code point starting at `at` (0xFFFD for a broken sequence) and its length.
std::pair<char32_t, std::size_t> code_point_at(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
    if (length == 1) return {lead < 0x80 ? lead : 0xFFFD, 1};
    if (at + length > text.size()) return {0xFFFD, 1};
    char32_t value = lead & (0xFF >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) value = (value << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    return {value, length};
}

// Letters and digits: ASCII ones and the letters from U+00C0 on (not ×, ÷,
// nor the punctuation and spaces of U+2000–U+206F).
bool word_character(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    return !(c >= 0x2000 && c <= 0x206F) && c != 0xFFFD;
}

bool word_before(std::string_view text, std::size_t at) {
    if (at == 0) return false;
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0u) == 0x80u) --start;
    return word_character(code_point_at(text, start).first);
}

bool word_after(std::string_view text, std::size_t at) { return at < text.size() && word_character(code_point_at(text, at).first); }

}  // namespace

bool names_term(std::string_view text, std::string_view term) {
    const bool any_ending = !term.empty() && term.back() == '*';
    if (any_ending) term.remove_suffix(1);
    if (term.empty() || term.size() > text.size()) return false;
    for (std::size_t at = text.find(term); at != std::string_view::npos; at = text.find(term, at + 1)) {
        if (word_before(text, at)) continue;
        if (!any_ending && word_after(text, at + term.size())) continue;
        return true;
    }
    return false;
}

std::string period_text(const model::Date& start, const model::Date& end) {
    return start.iso() + " \xE2\x80\x93 " + end.iso();
}

}  // namespace esfdraft::rules

namespace esfdraft::rules {

namespace {

SectionView rich(const std::optional<model::RichText>& text, const model::Application& application) {
    SectionView view;
    view.where = application.where;
    if (!text) return view;
    view.present = true;
    view.text = &*text;
    view.words = text->word_count();
    view.empty = view.words == 0;
    view.where = located_or(text->where, application.where);
    return view;
}

template <typename Item>
SectionView list(const std::vector<Item>& items, const model::SourceLocation& where, const model::Application& application) {
    SectionView view;
    view.present = where.line > 0 || !items.empty();
    view.empty = items.empty();
    view.where = located_or(where, application.where);
    return view;
}

}  // namespace

SectionView view_section(const model::Application& application, std::string_view name) {
    if (name == "summary") {
        SectionView view;
        view.where = application.where;
        if (const model::Summary* summary = application.main_summary()) {
            view.present = true;
            view.text = &summary->text;
            view.words = summary->text.word_count();
            view.empty = view.words == 0;
            view.where = located_or(summary->text.where, application.where);
        }
        return view;
    }
    if (name == "background") return rich(application.background, application);
    if (name == "problem") return rich(application.problem, application);
    if (name == "purpose") return rich(application.purpose, application);
    if (name == "organisation") return rich(application.organisation, application);
    if (name == "genderEquality") return rich(application.gender_equality, application);
    if (name == "nonDiscrimination") return rich(application.non_discrimination, application);
    if (name == "transnational") return rich(application.transnational, application);
    if (name == "dissemination") return rich(application.dissemination, application);
    if (name == "evaluation") return rich(application.evaluation, application);
    if (name == "sustainableDevelopment") return rich(application.sustainable_development, application);
    if (name == "fundamentalRights") return rich(application.fundamental_rights, application);
    if (name == "riskAnalysis") {
        SectionView view;
        view.where = application.where;
        if (!application.risk_analysis) return view;
        const model::RiskAnalysis& analysis = *application.risk_analysis;
        view.present = true;
        view.words = analysis.introduction.word_count();
        view.empty = analysis.risks.empty() && view.words == 0;
        view.where = located_or(analysis.where, application.where);
        return view;
    }
    if (name == "projectLogic") {
        SectionView view;
        view.where = application.where;
        if (!application.project_logic) return view;
        const model::ProjectLogic& logic = *application.project_logic;
        view.present = true;
        view.words = logic.introduction.word_count();
        for (const model::LogicStep& step : logic.steps) view.words += step.text.word_count();
        view.empty = view.words == 0;
        view.where = located_or(logic.where, application.where);
        return view;
    }
    if (name == "attachments") {
        if (!application.attachments) return SectionView{false, true, nullptr, 0, application.where};
        return list(*application.attachments, application.attachments_where, application);
    }
    if (name == "targetGroups") return list(application.target_groups, application.target_groups_where, application);
    if (name == "goals") return list(application.goals, application.goals_where, application);
    if (name == "activities") return list(application.activities, application.activities_where, application);
    if (name == "partners") {
        SectionView view;
        view.present = !application.partners.empty();
        view.empty = application.partners.empty();
        view.where = view.present ? application.partners.front().where : application.where;
        return view;
    }
    if (name == "accessibility") {
        SectionView view;
        view.where = application.where;
        if (!application.accessibility) return view;
        const model::Accessibility& aspects = *application.accessibility;
        view.present = true;
        for (const auto* aspect : {&aspects.physical, &aspects.information, &aspects.participation})
            if (*aspect) view.words += (*aspect)->word_count();
        view.empty = view.words == 0;
        view.where = located_or(aspects.where, application.where);
        return view;
    }
    if (name == "budget") {
        const model::Budget& budget = application.budget;
        SectionView view;
        // Costs and financing fill the section; income alone does not (not Budget::has_lines()).
        view.present = budget.where.line > 0 || !budget.costs.empty() || !budget.financing.empty();
        view.empty = budget.costs.empty() && budget.financing.empty();
        view.where = located_or(budget.where, application.where);
        return view;
    }
    return SectionView{false, true, nullptr, 0, application.where};
}


std::unordered_map<std::string_view, const model::Activity*> activities_by_id(const model::Application& application) {
    std::unordered_map<std::string_view, const model::Activity*> index;
    index.reserve(application.activities.size());
    for (const model::Activity& activity : application.activities) index.emplace(activity.id, &activity);
    return index;
}

std::unordered_map<std::string_view, const model::Goal*> goals_by_id(const model::Application& application) {
    std::unordered_map<std::string_view, const model::Goal*> index;
    index.reserve(application.goals.size());
    for (const model::Goal& goal : application.goals) index.emplace(goal.id, &goal);
    return index;
}

}  // namespace esfdraft::rules
