#include "load/tree_parser.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace esfdraft::load {

namespace {

constexpr std::string_view xml_namespace = "http://www.w3.org/XML/1998/namespace";
constexpr std::size_t max_depth = 256;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Appends the UTF-8 form of a code point XML allows in a document; false
// for one it does not (so a reference to it is not taken as text).
bool append_code_point(std::string& out, std::uint32_t c) {
    const bool allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    if (!allowed) return false;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return true;
}

class TreeParser {
public:
    explicit TreeParser(std::string_view bytes) : bytes_(bytes), position_(bytes) {}

    bool parse(XmlElement& root) {
        if (bytes_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
        if (!skip_misc()) return false;
        if (!starts_with("<") || !start_tag(root)) return false;
        while (!open_.empty()) {
            if (!text()) return false;
            if (starts_with("</")) {
                if (!end_tag()) return false;
            } else if (starts_with("<!--")) {
                if (!comment()) return false;
            } else if (starts_with("<![CDATA[")) {
                if (!cdata()) return false;
            } else if (starts_with("<?")) {
                if (!instruction()) return false;
            } else if (starts_with("<!") || !starts_with("<")) {
                return false;
            } else {
                XmlElement& parent = *open_.back().element;
                parent.content.push_back(XmlContent{false, {}, parent.children.size()});
                // Only the innermost open element gets children, so the
                // pointers to the open elements stay valid as vectors grow.
                if (!start_tag(parent.children.emplace_back())) return false;
            }
        }
        return skip_misc() && at_ == bytes_.size();
    }

private:
    struct Open {
        XmlElement* element;
        std::string_view qualified_name;
        std::size_t scopes;  // namespace declarations in force before this element
    };
    static constexpr std::size_t no_scope = static_cast<std::size_t>(-1);
    struct Scope {
        std::string_view prefix;                 // "" for the default namespace
        std::shared_ptr<const std::string> uri;  // nullptr: no namespace
        std::size_t shadowed;                    // the scope of the prefix's outer declaration, or no_scope
    };

    bool starts_with(std::string_view prefix) const { return bytes_.compare(at_, prefix.size(), prefix) == 0; }

    // At "<!--": moves past the comment. It runs to the first "-->" after
    // the opening four bytes, so "<!-->" and "<!--->" open a comment rather
    // than being one, as for libxml2. XML allows no "--" inside a comment
    // (and so no "--->" at its end): libxml2 refuses that, and so do we.
    bool comment() {
        const std::size_t dashes = bytes_.find("--", at_ + 4);
        if (dashes == std::string_view::npos || bytes_.compare(dashes, 3, "-->") != 0) return false;
        at_ = dashes + 3;
        return true;
    }

    // At "<?": moves past the processing instruction, which runs to the
    // first "?>" after its target. A target must be there, right after
    // "<?" ("<?>", "<??>" and "<? x?>" are not XML).
    bool instruction() {
        if (at_ + 2 >= bytes_.size() || is_space(bytes_[at_ + 2]) || bytes_[at_ + 2] == '?' || bytes_[at_ + 2] == '>')
            return false;
        const std::size_t end = bytes_.find("?>", at_ + 3);
        if (end == std::string_view::npos) return false;
        at_ = end + 2;
        return true;
    }

    void skip_spaces() {
        while (at_ < bytes_.size() && is_space(bytes_[at_])) ++at_;
    }

    // Whitespace, comments and processing instructions, before and after the root.
    bool skip_misc() {
        while (true) {
            skip_spaces();
            if (starts_with("<?")) {
                if (!instruction()) return false;
            } else if (starts_with("<!--")) {
                if (!comment()) return false;
            } else {
                return true;
            }
        }
    }

    std::string_view name() {
        const std::size_t start = at_;
        while (at_ < bytes_.size() && !is_space(bytes_[at_]) && bytes_[at_] != '>' && bytes_[at_] != '/' &&
               bytes_[at_] != '=' && bytes_[at_] != '<')
            ++at_;
        return bytes_.substr(start, at_ - start);
    }

    // At '&': appends what the reference stands for.
    bool reference(std::string& out) {
        // The ';' is looked for among the next 14 bytes only ("&#x10FFFF;"
        // is 10): a reference padded with more zeros than that makes the
        // parser give up, and the one-pass check reads the file instead.
        const std::size_t semicolon = bytes_.substr(at_, 14).find(';');
        if (semicolon == std::string_view::npos) return false;
        const std::size_t end = at_ + semicolon;
        const std::string_view ref = bytes_.substr(at_ + 1, end - at_ - 1);
        at_ = end + 1;
        if (ref == "lt") return out += '<', true;
        if (ref == "gt") return out += '>', true;
        if (ref == "amp") return out += '&', true;
        if (ref == "apos") return out += '\'', true;
        if (ref == "quot") return out += '"', true;
        if (ref.size() < 2 || ref[0] != '#') return false;
        const bool hex = ref[1] == 'x';
        std::uint32_t code = 0;
        const std::string_view digits = ref.substr(hex ? 2 : 1);
        if (digits.empty()) return false;
        for (char c : digits) {
            std::uint32_t digit = 0;
            if (c >= '0' && c <= '9')
                digit = static_cast<std::uint32_t>(c - '0');
            else if (hex && c >= 'a' && c <= 'f')
                digit = static_cast<std::uint32_t>(c - 'a' + 10);
            else if (hex && c >= 'A' && c <= 'F')
                digit = static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return false;
            code = code * (hex ? 16u : 10u) + digit;
            if (code > 0x10FFFF) return false;
        }
        return append_code_point(out, code);
    }

    // Character data up to the next '<', appended to the innermost element.
    bool text() {
        const std::size_t end = bytes_.find('<', at_);
        if (end == std::string_view::npos) return false;
        if (end == at_) return true;
        std::string& out = text_piece();
        while (at_ < end) {
            std::size_t run = at_;
            while (run < end && bytes_[run] != '&' && bytes_[run] != '\r') ++run;
            out.append(bytes_.data() + at_, run - at_);
            at_ = run;
            if (at_ == end) break;
            if (bytes_[at_] == '&') {
                if (!reference(out) || at_ > end) return false;
            } else {  // "\r\n" and a lone "\r" are both one line end
                out += '\n';
                ++at_;
                if (at_ < end && bytes_[at_] == '\n') ++at_;
            }
        }
        drop_empty_text();
        return true;
    }

    bool cdata() {
        at_ += 9;  // "<![CDATA["
        const std::size_t end = bytes_.find("]]>", at_);
        if (end == std::string_view::npos) return false;
        std::string& out = text_piece();
        for (; at_ < end; ++at_) {
            if (bytes_[at_] != '\r') {
                out += bytes_[at_];
            } else {
                out += '\n';
                if (at_ + 1 < end && bytes_[at_ + 1] == '\n') ++at_;
            }
        }
        drop_empty_text();
        at_ = end + 3;
        return true;
    }

    // The innermost element's trailing text piece, new when it ends with a child.
    std::string& text_piece() {
        XmlElement& element = *open_.back().element;
        if (element.content.empty() || !element.content.back().is_text)
            element.content.push_back(XmlContent{true, {}, 0});
        return element.content.back().text;
    }
    void drop_empty_text() {
        XmlElement& element = *open_.back().element;
        if (!element.content.empty() && element.content.back().is_text && element.content.back().text.empty())
            element.content.pop_back();
    }

    // An attribute value between quotes: references replaced, then every
    // tab, line end and "\r\n" a single space (XML 1.0, 3.3.3).
    bool attribute_value(std::string& out) {
        if (at_ >= bytes_.size() || (bytes_[at_] != '"' && bytes_[at_] != '\'')) return false;
        const char quote = bytes_[at_++];
        const std::size_t end = bytes_.find(quote, at_);
        if (end == std::string_view::npos) return false;
        // Most values need nothing replaced: take them whole.
        const char* begin = bytes_.data() + at_;
        const char* const stop = bytes_.data() + end;
        if (std::none_of(begin, stop,
                         [](char c) { return c == '&' || c == '<' || c == '\t' || c == '\n' || c == '\r'; })) {
            out.assign(begin, stop);
            at_ = end + 1;
            return true;
        }
        while (at_ < end) {
            const char c = bytes_[at_];
            if (c == '<') return false;
            if (c == '&') {
                if (!reference(out) || at_ > end) return false;
                continue;
            }
            if (c == '\r' && at_ + 1 < end && bytes_[at_ + 1] == '\n') ++at_;
            out += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
            ++at_;
        }
        at_ = end + 1;
        return true;
    }

    // One shared copy per namespace name. Hashed: a root may declare a
    // hundred thousand namespaces (valid XML), and each must not be compared
    // with all the others.
    std::shared_ptr<const std::string> intern(std::string value) {
        auto [known, added] = uris_.try_emplace(std::move(value));
        if (added) known->second = std::make_shared<const std::string>(known->first);
        return known->second;
    }

    // Declares `prefix` ("" for the default namespace) until the scopes are
    // cut back below this one; an outer declaration of it is shadowed.
    void declare(std::string_view prefix, std::shared_ptr<const std::string> uri) {
        auto [bound, added] = bound_.try_emplace(prefix, scopes_.size());
        const std::size_t shadowed = added ? no_scope : bound->second;
        bound->second = scopes_.size();
        scopes_.push_back({prefix, std::move(uri), shadowed});
    }

    // Ends the declarations made after the first `count`.
    void end_scopes(std::size_t count) {
        while (scopes_.size() > count) {
            const Scope& scope = scopes_.back();
            if (scope.shadowed == no_scope)
                bound_.erase(scope.prefix);
            else
                bound_[scope.prefix] = scope.shadowed;
            scopes_.pop_back();
        }
    }

    // The namespace a prefix stands for here; false when it is not declared.
    // A hash lookup, not a walk through every declaration in force.
    bool resolve(std::string_view prefix, std::shared_ptr<const std::string>& uri) {
        if (const auto bound = bound_.find(prefix); bound != bound_.end()) {
            uri = scopes_[bound->second].uri;
            return true;
        }
        if (prefix.empty()) {
            uri = nullptr;
            return true;
        }
        if (prefix == "xml") {
            uri = intern(std::string(xml_namespace));
            return true;
        }
        return false;
    }

    // At '<' of a start tag.
    bool start_tag(XmlElement& element) {
        std::tie(element.line, element.column) = position_.at(at_);
        ++at_;
        const std::string_view qualified = name();
        if (qualified.empty()) return false;
        const std::size_t scopes_before = scopes_.size();
        raw_.clear();
        bool empty = false;
        while (true) {
            const std::size_t before = at_;
            skip_spaces();
            if (at_ >= bytes_.size()) return false;
            if (bytes_[at_] == '>') {
                ++at_;
                break;
            }
            if (bytes_[at_] == '/') {
                if (!starts_with("/>")) return false;
                at_ += 2;
                empty = true;
                break;
            }
            if (at_ == before) return false;  // attributes are separated by space
            const std::string_view attribute = name();
            if (attribute.empty()) return false;
            skip_spaces();
            if (at_ >= bytes_.size() || bytes_[at_] != '=') return false;
            ++at_;
            skip_spaces();
            std::string value;
            if (!attribute_value(value)) return false;
            // An '&' in a namespace name (written "&amp;" or "&#38;") is one
            // that libxml2 keeps as "&#38;": give up rather than differ.
            const bool declaration = attribute == "xmlns" || attribute.substr(0, 6) == "xmlns:";
            if (declaration && value.find('&') != std::string::npos) return false;
            if (attribute == "xmlns") {
                declare("", value.empty() ? nullptr : intern(std::move(value)));
            } else if (attribute.substr(0, 6) == "xmlns:") {
                if (value.empty()) return false;
                declare(attribute.substr(6), intern(std::move(value)));
            } else {
                raw_.push_back({attribute, std::move(value)});
            }
        }
        const std::size_t colon = qualified.find(':');
        const std::string_view prefix =
            colon == std::string_view::npos ? std::string_view() : qualified.substr(0, colon);
        element.name = std::string(colon == std::string_view::npos ? qualified : qualified.substr(colon + 1));
        if (!resolve(prefix, element.namespace_uri)) return false;
        element.attributes.reserve(raw_.size());
        for (RawAttribute& attribute : raw_) {
            // A prefixed attribute (xml:lang, xsi:type) belongs to another
            // vocabulary: not one of the element's own.
            if (attribute.name.find(':') != std::string_view::npos) continue;
            element.attributes.emplace_back(std::string(attribute.name), std::move(attribute.value));
        }
        if (empty) {
            end_scopes(scopes_before);
        } else {
            // libxml2 refuses deeper nesting (without XML_PARSE_HUGE), and the
            // tree's users recurse: give up rather than build such a tree.
            if (open_.size() >= max_depth) return false;
            open_.push_back({&element, qualified, scopes_before});
        }
        return true;
    }

    // At "</".
    bool end_tag() {
        at_ += 2;
        const std::string_view qualified = name();
        skip_spaces();
        if (at_ >= bytes_.size() || bytes_[at_] != '>' || qualified != open_.back().qualified_name) return false;
        ++at_;
        end_scopes(open_.back().scopes);
        open_.pop_back();
        return true;
    }

    struct RawAttribute {
        std::string_view name;
        std::string value;
    };

    std::string_view bytes_;
    std::size_t at_ = 0;
    ForwardPosition position_;
    std::vector<Open> open_;
    std::vector<Scope> scopes_;
    std::unordered_map<std::string_view, std::size_t> bound_;  // prefix -> its innermost scope
    std::unordered_map<std::string, std::shared_ptr<const std::string>> uris_;
    std::vector<RawAttribute> raw_;
};

}  // namespace

bool parse_element_tree(std::string_view bytes, XmlElement& root) {
    root = XmlElement{};
    return TreeParser(bytes).parse(root);
}

}  // namespace esfdraft::load
