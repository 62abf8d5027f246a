#include "report/catalogue.hpp"

#include <map>

namespace esfdraft::report {

namespace {

struct Message {
    const char* sv;
    const char* en;
};

// Keys are "<rule>.<what>"; placeholders are {argument}.
const std::map<std::string_view, Message>& catalogue() {
    static const std::map<std::string_view, Message> messages = {
        {"X001.empty", {"filen är tom; en plan är ett XML-dokument som börjar med <application>",
                        "the file is empty; a plan is an XML document starting with <application>"}},
        {"X001.invalid_utf8", {"ogiltig UTF-8 (byte {byte}); spara filen som UTF-8",
                               "invalid UTF-8 (byte {byte}); save the file as UTF-8"}},
        {"X001.not_utf8", {"filen anger teckenkodningen {encoding}; esfdraft läser bara UTF-8",
                           "the file declares the encoding {encoding}; esfdraft reads UTF-8 only"}},
        {"X001.doctype", {"DOCTYPE-deklarationer (DTD och entiteter) är inte tillåtna; ta bort <!DOCTYPE …>",
                          "DOCTYPE declarations (DTDs and entities) are not allowed; remove the <!DOCTYPE …>"}},
        {"X001.not_well_formed", {"inte välformad XML: {detail}", "not well-formed XML: {detail}"}},
        {"X002.invalid", {"följer inte formatet: {detail}", "does not follow the format: {detail}"}},
        {"X002.amount", {"beloppet {value} går inte att läsa; skriv kronor med punkt och högst två decimaler, t.ex. 1250000.50",
                         "the amount {value} cannot be read; write kronor with '.' and at most two decimals, e.g. 1250000.50"}},
        {"X002.decimal", {"talet {value} går inte att läsa exakt; skriv högst sex decimaler med punkt",
                          "the number {value} cannot be read exactly; write at most six decimals with '.'"}},
        {"X002.funder", {"en finansiering av slaget {value} måste ange finansiär (funder=\"…\")",
                         "a financing source of kind {value} must name its funder (funder=\"…\")"}},
        {"X003.unknown_programme", {"programmet \"{programme}\" finns inte; använd esf-2007-2013 eller esf-plus-2021-2027",
                                    "the programme \"{programme}\" does not exist; use esf-2007-2013 or esf-plus-2021-2027"}},
        {"X003.unknown_call", {"utlysningen \"{call}\" finns inte i {programme}; se esfdraft rules --pack {programme}",
                               "the call \"{call}\" does not exist in {programme}; see esfdraft rules --pack {programme}"}},
        {"X004.duplicate_id", {"id \"{id}\" används redan (först vid {first}); varje id ska vara unikt",
                               "the id \"{id}\" is already used (first at {first}); every id must be unique"}},
        {"X004.unresolved", {"hänvisningen till {kind} \"{id}\" leder ingenstans", "the reference to {kind} \"{id}\" does not resolve"}},
    };
    return messages;
}

// Swedish names of the kinds of things a reference can point at.
std::string translate_kind(const std::string& kind, Language language) {
    if (language == Language::en) return kind;
    static const std::map<std::string, std::string> swedish = {
        {"goal", "målet"}, {"activity", "aktiviteten"}, {"finding", "resultatet"},
        {"question", "frågan"}, {"actor", "aktören"}};
    auto it = swedish.find(kind);
    return it == swedish.end() ? kind : it->second;
}

std::string group(std::int64_t value, std::string_view separator) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

}  // namespace

bool parse_language(std::string_view text, Language& out) {
    if (text == "sv") {
        out = Language::sv;
        return true;
    }
    if (text == "en") {
        out = Language::en;
        return true;
    }
    return false;
}

std::string format_argument(const model::MessageArg& argument, Language language) {
    using Kind = model::MessageArg::Kind;
    switch (argument.kind) {
        case Kind::text:
        case Kind::date:
            return argument.text;
        case Kind::money:
            return language == Language::sv ? model::format_sek(argument.number) : model::format_sek_en(argument.number);
        case Kind::number:
            return group(argument.number, language == Language::sv ? "\xC2\xA0" : ",");
        case Kind::percent: {
            const std::int64_t hundredths = argument.number;
            std::string out = std::to_string(hundredths / 100);
            const std::int64_t rest = (hundredths < 0 ? -hundredths : hundredths) % 100;
            if (rest != 0) {
                out += language == Language::sv ? ',' : '.';
                out += static_cast<char>('0' + rest / 10);
                if (rest % 10 != 0) out += static_cast<char>('0' + rest % 10);
            }
            return out + (language == Language::sv ? "\xC2\xA0%" : " %");
        }
    }
    return argument.text;
}

std::string message_text(const model::Finding& finding, Language language) {
    const auto& messages = catalogue();
    const auto it = messages.find(finding.message_id);
    if (it == messages.end()) {
        std::string out = finding.message_id;
        for (const auto& [name, value] : finding.args) out += " " + name + "=" + format_argument(value, language);
        return out;
    }
    const std::string_view pattern = language == Language::sv ? it->second.sv : it->second.en;
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = pattern.substr(i + 1, close - i - 1);
                if (const model::MessageArg* argument = finding.find_arg(name)) {
                    out += name == "kind" ? translate_kind(argument->text, language) : format_argument(*argument, language);
                    i = close;
                    continue;
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

}  // namespace esfdraft::report
