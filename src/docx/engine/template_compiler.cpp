// Compiles a template package: finds the content parts and compiles each
// in three steps (part_compilation.hpp): tags scanned, sections laid out,
// the program emitted (compiled_template.hpp).
#include <algorithm>
#include <stdexcept>

#include "docx/engine/compiled_template.hpp"
#include "docx/engine/part_compilation.hpp"
#include "docx/engine/template_parts.hpp"

namespace esfdraft::docx {

std::size_t ancestor(const std::vector<Token>& tokens, std::size_t token, std::string_view local) {
    for (std::size_t at = tokens[token].parent; at != no_token; at = tokens[at].parent)
        if (tokens[at].node->is_w(local)) return at;
    return no_token;
}

const Tag* tag_of(const CompiledPart& part, int tag) {
    const auto& site = part.tags[static_cast<std::size_t>(tag)];
    return site.tag ? &*site.tag : nullptr;
}

namespace {

class Flattener {
public:
    Flattener(const CompiledPart& part, PartTokens& out) : part_(part), tokens_(out.tokens) {}

    void flatten(const XmlNode& node, std::size_t parent, int paragraph) {
        if (node.dropped) return;
        Token token;
        token.node = &node;
        token.parent = parent;
        token.paragraph = paragraph;
        switch (node.kind) {
            case XmlNode::Kind::text:
                token.kind = Token::Kind::text;
                tokens_.push_back(token);
                return;
            case XmlNode::Kind::tag:
                token.kind = Token::Kind::tag;
                tokens_.push_back(token);
                return;
            case XmlNode::Kind::element: break;
        }
        if (part_.wordprocessing && node.is_w("p")) token.paragraph = paragraph = ++paragraph_count_flat_;
        token.kind = Token::Kind::start;
        const std::size_t start = tokens_.size();
        tokens_.push_back(token);
        for (const XmlNode& child : node.children) flatten(child, start, paragraph);
        Token end = token;
        end.kind = Token::Kind::end;
        end.match = start;
        tokens_[start].match = tokens_.size();
        tokens_.push_back(end);
    }

private:
    const CompiledPart& part_;
    std::vector<Token>& tokens_;
    int paragraph_count_flat_ = 0;
};

// One part: each step reads what the one before it made.
void compile_part(CompiledPart& part, XmlNode& root, const NumberingInfo& numbering, const ListStyles& list_styles,
                  std::vector<TemplateProblem>& problems) {
    part.w_prefix = wordprocessing_prefix(root);
    scan_tags(part, root, list_styles, problems);
    const PartTokens tokens = flatten_part(part, root);
    const PartLayout layout = lay_out_sections(part, tokens, numbering, list_styles, problems);
    emit_program(part, tokens, layout, numbering, problems);
}

}  // namespace

PartTokens flatten_part(const CompiledPart& part, const XmlNode& root) {
    PartTokens out;
    Flattener(part, out).flatten(root, no_token, 0);
    out.tag_token.assign(part.tags.size(), no_token);
    for (std::size_t i = 0; i < out.tokens.size(); ++i)
        if (out.tokens[i].kind == Token::Kind::tag)
            out.tag_token[static_cast<std::size_t>(out.tokens[i].node->tag)] = i;
    return out;
}

TemplateProblem problem_at(const CompiledPart& part, int tag, std::string message_sv, std::string message_en) {
    const TagSite& site = part.tags[static_cast<std::size_t>(tag)];
    TemplateProblem problem{part.name, site.paragraph, site.context, std::move(message_en), std::move(message_sv)};
    problem.heading = site.heading;
    problem.table_row = site.table_row;
    problem.table_column = site.table_column;
    problem.in_picture = site.in_picture;
    return problem;
}

std::shared_ptr<DocumentTemplate::Compiled> compile_template(Package package, const std::string& template_name) {
    auto compiled = std::make_shared<DocumentTemplate::Compiled>();
    compiled->name = template_name;
    const std::string quoted_name = "template '" + template_name + "'";
    const ContentTypes types = read_content_types(package, quoted_name);

    std::string main_part, styles_part, numbering_part;
    std::vector<std::string> headers_and_footers, notes, plain_parts;
    for (const auto& [part, type] : types.overrides) {
        if (ends_with(type, "wordprocessingml.document.main+xml") ||
            ends_with(type, "wordprocessingml.template.main+xml") ||
            ends_with(type, "document.macroEnabled.main+xml") ||
            ends_with(type, "template.macroEnabledTemplate.main+xml")) {
            main_part = part;
            compiled->main_is_template = ends_with(type, "template.main+xml");
        } else if (ends_with(type, "wordprocessingml.header+xml") || ends_with(type, "wordprocessingml.footer+xml")) {
            headers_and_footers.push_back(part);
        } else if (ends_with(type, "wordprocessingml.footnotes+xml") ||
                   ends_with(type, "wordprocessingml.endnotes+xml")) {
            notes.push_back(part);
        } else if (ends_with(type, "wordprocessingml.styles+xml")) {
            styles_part = part;
        } else if (ends_with(type, "wordprocessingml.numbering+xml")) {
            numbering_part = part;
        } else if (ends_with(type, "package.core-properties+xml")) {
            plain_parts.push_back(part);
        }
    }
    if (main_part.empty())
        throw std::runtime_error(quoted_name + ": no main document part (word/document.xml) in [Content_Types].xml");
    if (!package.find(main_part))
        throw std::runtime_error(quoted_name + ": the main document part " + main_part + " is missing");
    compiled->main_part = main_part;

    std::optional<XmlNode> styles;
    if (!styles_part.empty())
        if (const std::string* bytes = package.find(styles_part))
            styles = parse_xml(*bytes, quoted_name + ": " + styles_part);
    const ListStyles list_styles = find_list_styles(styles ? &*styles : nullptr);
    compiled->numbering = read_numbering(package, numbering_part, quoted_name);

    std::vector<std::pair<std::string, bool>> order{{main_part, true}};
    for (const std::string& part : headers_and_footers) order.emplace_back(part, true);
    for (const std::string& part : notes) order.emplace_back(part, true);
    for (const std::string& part : plain_parts) order.emplace_back(part, false);
    for (const auto& [name, wordprocessing] : order) {
        const std::string* bytes = package.find(name);
        if (!bytes) continue;  // an override for a part that is not there: nothing to render
        XmlNode root = parse_xml(*bytes, quoted_name + ": " + name);
        CompiledPart part;
        part.name = name;
        part.rels_name = relationships_part_for(name);
        part.wordprocessing = wordprocessing;
        if (const std::string* rels = package.find(part.rels_name)) {
            const XmlNode rels_root = parse_xml(*rels, quoted_name + ": " + part.rels_name);
            for (const XmlNode& relationship : rels_root.children)
                if (const XmlAttribute* id = relationship.attribute("", "Id")) part.relationship_ids.insert(id->value);
        }
        const std::size_t first_problem = compiled->problems.size();
        compile_part(part, root, compiled->numbering, list_styles, compiled->problems);
        // Report in document order, whichever step found the problem.
        std::stable_sort(compiled->problems.begin() + static_cast<std::ptrdiff_t>(first_problem),
                         compiled->problems.end(),
                         [](const TemplateProblem& a, const TemplateProblem& b) { return a.paragraph < b.paragraph; });
        compiled->parts.push_back(std::move(part));
    }
    compiled->package = std::move(package);
    return compiled;
}

}  // namespace esfdraft::docx
