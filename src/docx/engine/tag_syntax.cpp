#include "docx/engine/tag_syntax.hpp"
#include "model/printable.hpp"

#include <array>
#include <utility>

namespace esfdraft::docx {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 11> quote_replacements{{
    {"\xE2\x80\x9C", "\""},  // “
    {"\xE2\x80\x9D", "\""},  // ”
    {"\xE2\x80\x9E", "\""},  // „
    {"\xE2\x80\x9F", "\""},  // ‟
    {"\xE2\x80\xB3", "\""},  // ″
    {"\xE2\x80\x98", "'"},   // ‘
    {"\xE2\x80\x99", "'"},   // ’
    {"\xE2\x80\x9A", "'"},   // ‚
    {"\xE2\x80\x9B", "'"},   // ‛
    {"\xE2\x80\xB2", "'"},   // ′
    {"\xC2\xA0", " "},       // no-break space
}};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool is_identifier(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!is_name_char(c)) return false;
    return true;
}

// "a.b.c", ".", or a loop variable "@index" / "@first" / "@last".
bool parse_path(std::string_view text, std::vector<std::string>& segments, TagProblem& problem) {
    segments.clear();
    if (text == ".") return true;
    if (text == "@index" || text == "@first" || text == "@last") {
        segments.emplace_back(text);
        return true;
    }
    if (text.empty()) {
        problem = {"taggen namnger ingenting", "the tag names nothing"};
        return false;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = text.find('.', start);
        const std::string_view segment =
            text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (!is_identifier(segment)) {
            problem = {
                "\"" + model::printable(text) + "\" är inget namn (bokstäver a–z, siffror, _ och -, med punkt emellan)",
                "\"" + model::printable(text) + "\" is not a name (letters, digits, _ and -, joined by dots)"};
            return false;
        }
        segments.emplace_back(segment);
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

bool parse_filters(std::string_view text, std::vector<FilterCall>& filters, TagProblem& problem) {
    // text is everything after the first '|'; split on '|' outside quotes.
    std::vector<std::string_view> parts;
    char quote = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '|') {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    if (quote) {
        problem = {"ett filterargument saknar sitt avslutande citattecken", "a filter argument's quote is not closed"};
        return false;
    }
    parts.push_back(text.substr(start));
    for (std::string_view part : parts) {
        part = trim(part);
        FilterCall call;
        const std::size_t paren = part.find('(');
        const std::string_view name = trim(part.substr(0, paren));
        if (!is_identifier(name)) {
            if (part.empty())
                problem = {"inget filter efter '|'", "an empty filter after '|'"};
            else
                problem = {"\"" + model::printable(part) + "\" är inget filter",
                           "\"" + model::printable(part) + "\" is not a filter"};
            return false;
        }
        call.name = std::string(name);
        if (!is_known_filter(call.name)) {
            std::string known;
            for (std::string_view k : known_filters()) known += (known.empty() ? "" : ", ") + std::string(k);
            problem = {"okänt filter \"" + model::printable(call.name) + "\" (filtren är " + known + ")",
                       "unknown filter \"" + model::printable(call.name) + "\" (known: " + known + ")"};
            return false;
        }
        if (paren != std::string_view::npos) {
            std::string_view argument = trim(part.substr(paren + 1));
            if (argument.empty() || argument.back() != ')') {
                problem = {"filtret " + call.name + ": argumentet ska sluta med ')'",
                           "filter " + call.name + ": the argument must end with ')'"};
                return false;
            }
            argument = trim(argument.substr(0, argument.size() - 1));
            if (argument.size() < 2 || (argument.front() != '"' && argument.front() != '\'') ||
                argument.back() != argument.front()) {
                problem = {
                    "filtret " + call.name + ": argumentet ska stå inom citattecken, som " + call.name + "(\", \")",
                    "filter " + call.name + ": the argument must be quoted, like " + call.name + "(\", \")"};
                return false;
            }
            call.argument = std::string(argument.substr(1, argument.size() - 2));
        }
        const std::string_view rule = filter_argument_rule(call.name);
        if (rule == "required" && !call.argument) {
            problem = {"filtret " + call.name + " behöver ett argument, som " + call.name + "(\"–\")",
                       "filter " + call.name + " needs an argument, like " + call.name + "(\"–\")"};
            return false;
        }
        if (rule == "none" && call.argument) {
            problem = {"filtret " + call.name + " tar inget argument", "filter " + call.name + " takes no argument"};
            return false;
        }
        filters.push_back(std::move(call));
    }
    return true;
}

}  // namespace

std::string normalize_tag_text(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        bool replaced = false;
        if (static_cast<unsigned char>(raw[i]) >= 0x80) {
            for (const auto& [from, to] : quote_replacements) {
                if (raw.substr(i, from.size()) == from) {
                    out += to;
                    i += from.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += raw[i++];
    }
    return out;
}

std::string_view mode_name(Tag::Mode mode) {
    switch (mode) {
        case Tag::Mode::automatic: return "automatic";
        case Tag::Mode::inline_content: return "inline";
        case Tag::Mode::paragraphs: return "paragraph";
        case Tag::Mode::rows: return "row";
        case Tag::Mode::column: return "column";
    }
    return "";
}

std::optional<Tag> parse_tag(std::string_view raw, std::string& problem) {
    TagProblem why;
    std::optional<Tag> tag = parse_tag(raw, why);
    if (!tag) problem = why.en;
    return tag;
}

std::optional<Tag> parse_tag(std::string_view raw, TagProblem& problem) {
    Tag tag;
    tag.raw = normalize_tag_text(raw);
    std::string_view body = tag.raw;
    body.remove_prefix(2);
    body.remove_suffix(2);
    body = trim(body);
    if (body.empty()) {
        problem = {"tom tagg {{}}", "empty tag {{}}"};
        return std::nullopt;
    }
    switch (body.front()) {
        case '#': tag.kind = Tag::Kind::section; break;
        case '^': tag.kind = Tag::Kind::inverted; break;
        case '/': tag.kind = Tag::Kind::close; break;
        case '@': tag.kind = Tag::Kind::block; break;
        case '%': tag.kind = Tag::Kind::image; break;
        case '!': tag.kind = Tag::Kind::comment; return tag;
        default: tag.kind = Tag::Kind::value;
    }
    // "@index" is a value, not a block tag.
    if (tag.kind == Tag::Kind::block &&
        (body.substr(0, 6) == "@index" || body.substr(0, 6) == "@first" || body.substr(0, 5) == "@last"))
        tag.kind = Tag::Kind::value;
    if (tag.kind != Tag::Kind::value) body = trim(body.substr(1));
    // "shade x" (a space after the word): the cell-shading tag. A value
    // named "shade" alone stays a value; a name cannot hold a space, so no
    // tag that parsed before changes meaning.
    if (tag.kind == Tag::Kind::value && body.size() > 6 && body.substr(0, 5) == "shade" &&
        (body[5] == ' ' || body[5] == '\t')) {
        tag.kind = Tag::Kind::shade;
        body = trim(body.substr(6));
    }

    std::string_view expression = body;
    std::string_view filter_text;
    const std::size_t bar = body.find('|');
    if (bar != std::string_view::npos) {
        expression = trim(body.substr(0, bar));
        filter_text = body.substr(bar + 1);
        if (tag.kind != Tag::Kind::value) {
            problem = {"filter gäller bara värdetaggar, inte " + tag.raw,
                       "filters apply to value tags only, not to " + tag.raw};
            return std::nullopt;
        }
    }
    if (tag.kind == Tag::Kind::section || tag.kind == Tag::Kind::inverted) {
        const std::size_t space = expression.find(' ');
        if (space != std::string_view::npos) {
            const std::string_view word = expression.substr(0, space);
            if (word == "row")
                tag.mode = Tag::Mode::rows;
            else if (word == "column")
                tag.mode = Tag::Mode::column;
            else if (word == "paragraph")
                tag.mode = Tag::Mode::paragraphs;
            else if (word == "inline")
                tag.mode = Tag::Mode::inline_content;
            else {
                problem = {"\"" + model::printable(word) +
                               "\" är inget sätt att upprepa ett avsnitt (row, column, paragraph, inline)",
                           "\"" + model::printable(word) + "\" is not a section mode (row, column, paragraph, inline)"};
                return std::nullopt;
            }
            expression = trim(expression.substr(space + 1));
        }
    }
    if (!parse_path(expression, tag.segments, problem)) return std::nullopt;
    tag.path = std::string(expression);
    if (bar != std::string_view::npos && !parse_filters(filter_text, tag.filters, problem)) return std::nullopt;
    return tag;
}

}  // namespace esfdraft::docx
