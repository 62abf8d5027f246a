#include "rules/rule_finding.hpp"

#include "model/rule_pack.hpp"

namespace esfdraft::rules {

model::Finding rule_finding(std::string_view rule, std::string_view section, std::string_view message_id,
                            const model::SourceLocation& where) {
    model::Finding finding;
    finding.rule = std::string(rule);
    finding.severity = model::default_severity(rule);
    finding.section = std::string(section);
    finding.message_id = std::string(message_id);
    finding.where = where;
    return finding;
}

model::Finding at_second_level(model::Finding finding) {
    finding.severity = model::second_severity(finding.rule);
    return finding;
}

const model::SourceLocation& located_or(const model::SourceLocation& where, const model::SourceLocation& fallback) {
    return where.line > 0 ? where : fallback;
}

std::string excerpt(std::string_view text, std::size_t max_characters) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0u) == 0x80u) continue;  // a continuation byte
        if (characters == max_characters) return std::string(text.substr(0, i)) + "\xE2\x80\xA6";
        ++characters;
    }
    return std::string(text);
}

std::string period_text(const model::Date& start, const model::Date& end) {
    return start.iso() + " \xE2\x80\x93 " + end.iso();
}

}  // namespace esfdraft::rules
