#include "model/application.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

namespace esfdraft::model {

namespace {

void append_inlines(std::string& out, const InlineText& inlines) {
    for (const Inline& run : inlines) out += run.text;
}

bool is_space_at(const std::string& text, std::size_t i, std::size_t& width) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        width = 1;
        return true;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
        width = 2;
        return true;
    }
    return false;
}

template <typename Item>
bool tagged(const std::vector<std::string>& tags, const Item& tag) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

}  // namespace

std::string RichText::plain_text() const {
    std::string out;
    for (const Block& block : blocks) {
        if (!out.empty()) out += '\n';
        if (block.kind == Block::Kind::paragraph) {
            append_inlines(out, block.inlines);
        } else {
            for (std::size_t i = 0; i < block.items.size(); ++i) {
                if (i > 0) out += '\n';
                append_inlines(out, block.items[i]);
            }
        }
    }
    return out;
}

int RichText::word_count() const {
    const std::string text = plain_text();
    int words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t width = 1;
        if (is_space_at(text, i, width)) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            ++words;
        }
        i += width;
    }
    return words;
}

bool RichText::empty() const { return word_count() == 0; }

bool Activity::has_tag(std::string_view tag) const { return tagged(tags, tag); }
bool CostLine::has_tag(std::string_view tag) const { return tagged(tags, tag); }

Money Budget::total_costs() const {
    Money sum = 0;
    for (const CostLine& cost : costs) sum = checked_add(sum, cost.amount);
    return sum;
}

Money Budget::total_income() const {
    Money sum = 0;
    for (const Income& item : income) sum = checked_add(sum, item.amount);
    return sum;
}

Money Budget::total_financing() const {
    Money sum = 0;
    for (const FinancingSource& source : financing) sum = checked_add(sum, source.amount);
    return sum;
}

Money Budget::financing_of_kind(std::string_view kind) const {
    Money sum = 0;
    for (const FinancingSource& source : financing)
        if (source.kind == kind) sum = checked_add(sum, source.amount);
    return sum;
}

Money Budget::costs_of_category(std::string_view category) const {
    Money sum = 0;
    for (const CostLine& cost : costs)
        if (cost.category == category) sum = checked_add(sum, cost.amount);
    return sum;
}

const StudyFinding* PreStudyFindings::find(std::string_view id) const {
    for (const StudyFinding& finding : findings)
        if (finding.id == id) return &finding;
    return nullptr;
}

const Summary* Application::main_summary() const {
    for (const Summary& summary : summaries)
        if (!summary.lang || *summary.lang == lang) return &summary;
    return nullptr;
}

const Summary* Application::english_summary() const {
    if (lang == "en") return nullptr;
    for (const Summary& summary : summaries)
        if (summary.lang && *summary.lang == "en") return &summary;
    return nullptr;
}

const Goal* Application::find_goal(std::string_view id) const {
    for (const Goal& goal : goals)
        if (goal.id == id) return &goal;
    return nullptr;
}

const Activity* Application::find_activity(std::string_view id) const {
    for (const Activity& activity : activities)
        if (activity.id == id) return &activity;
    return nullptr;
}

const Partner* Application::find_partner(std::string_view id) const {
    for (const Partner& partner : partners)
        if (partner.id && *partner.id == id) return &partner;
    return nullptr;
}

bool Application::has_beneficiary_partners() const {
    for (const Partner& partner : partners)
        if (partner.beneficiary()) return true;
    return false;
}

const std::optional<RichText>* rich_section(const Application& application, std::string_view key) {
    using Member = std::optional<RichText> Application::*;
    static constexpr std::pair<std::string_view, Member> members[] = {
        {"background", &Application::background},
        {"problem", &Application::problem},
        {"purpose", &Application::purpose},
        {"organisation", &Application::organisation},
        {"genderEquality", &Application::gender_equality},
        {"nonDiscrimination", &Application::non_discrimination},
        {"sustainableDevelopment", &Application::sustainable_development},
        {"fundamentalRights", &Application::fundamental_rights},
        {"transnational", &Application::transnational},
        {"dissemination", &Application::dissemination},
        {"evaluation", &Application::evaluation},
    };
    for (const auto& [name, member] : members)
        if (name == key) return &(application.*member);
    return nullptr;
}

Labels activity_labels(const Application& application) {
    Labels labels;
    for (std::size_t i = 0; i < application.activities.size(); ++i)
        labels[application.activities[i].id] = "A" + std::to_string(i + 1);
    return labels;
}

Labels goal_labels(const Application& application, std::string_view lang) {
    const std::string prefix = lang == "en" ? "G" : "M";
    Labels labels;
    for (std::size_t i = 0; i < application.goals.size(); ++i)
        labels[application.goals[i].id] = prefix + std::to_string(i + 1);
    return labels;
}

}  // namespace esfdraft::model
