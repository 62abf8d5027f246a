#include "rules/terms.hpp"

namespace esfdraft::rules {

namespace {

__extension__ typedef __int128 Wide;   // products of two int64 values cannot overflow it

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

model::ShareHundredths share_of(model::Money part, model::Money whole) {
    if (whole <= 0) return 0;
    const Wide scaled = static_cast<Wide>(part) * 10000;
    return static_cast<model::ShareHundredths>((scaled * 2 + whole) / (static_cast<Wide>(whole) * 2));
}

bool at_most_share(model::Money part, model::Money whole, model::ShareHundredths share) {
    return static_cast<Wide>(part) * 10000 <= static_cast<Wide>(whole) * share;
}

bool at_least_share(model::Money part, model::Money whole, model::ShareHundredths share) {
    return static_cast<Wide>(part) * 10000 >= static_cast<Wide>(whole) * share;
}

model::Money share_floor(model::Money whole, model::ShareHundredths share) {
    return static_cast<model::Money>(static_cast<Wide>(whole) * share / 10000);
}

model::Money share_ceiling(model::Money whole, model::ShareHundredths share) {
    return static_cast<model::Money>((static_cast<Wide>(whole) * share + 9999) / 10000);
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

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
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
