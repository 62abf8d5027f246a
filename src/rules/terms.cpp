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
        terms.max_esf_share =
            pick(call ? call->max_esf_share : no_share, call, std::optional(terms.phase->max_esf_share), pack);
        terms.min_cofinancing =
            pick(call ? call->min_cofinancing : no_share, call, std::optional(terms.phase->min_cofinancing), pack);
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

}  // namespace esfdraft::rules
