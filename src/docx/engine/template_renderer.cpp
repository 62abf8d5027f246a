// Renders compiled templates: one pass over each part's program with a
// context stack, collecting what the package gains (package_assembly.hpp
// puts it together and zips it).
#include <algorithm>
#include <set>
#include <stdexcept>

#include "docx/engine/compiled_template.hpp"
#include "docx/engine/drawing_markup.hpp"
#include "docx/engine/filters.hpp"
#include "docx/engine/image_formats.hpp"
#include "docx/engine/package_assembly.hpp"
#include "docx/engine/template_engine.hpp"
#include "model/nearest_name.hpp"
#include "model/printable.hpp"
#include "model/values.hpp"

namespace esfdraft::docx {

std::string TemplateProblem::text() const {
    std::string where = part;
    if (paragraph > 0) where += (where.empty() ? "" : ", ") + std::string("paragraph ") + std::to_string(paragraph);
    if (!context.empty()) where += (where.empty() ? "" : ", ") + std::string("near \"") + context + "\"";
    return where.empty() ? message : where + ": " + message;
}

namespace {

// The part as Word shows it: "huvuddokumentet", "sidhuvudet", ...
std::string part_in_words(const std::string& part, bool swedish) {
    const std::size_t slash = part.rfind('/');
    const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
    auto starts = [&](std::string_view prefix) { return file.rfind(prefix, 0) == 0; };
    if (part.empty()) return "";
    if (part == "word/document.xml" || starts("document")) return swedish ? "huvuddokumentet" : "the main document";
    if (starts("header")) return swedish ? "sidhuvudet" : "the header";
    if (starts("footer")) return swedish ? "sidfoten" : "the footer";
    if (starts("footnotes")) return swedish ? "fotnoterna" : "the footnotes";
    if (starts("endnotes")) return swedish ? "slutnoterna" : "the endnotes";
    if (starts("core"))
        return swedish ? "dokumentegenskaperna (Arkiv > Info)" : "the document properties (File > Info)";
    return part;
}

// Main document, headers, footers, notes, then anything else.
int part_rank(const std::string& part) {
    const std::string words = part_in_words(part, false);
    if (words == "the main document") return 0;
    if (words == "the header") return 1;
    if (words == "the footer") return 2;
    if (words == "the footnotes") return 3;
    if (words == "the endnotes") return 4;
    return part.empty() ? 6 : 5;
}

}  // namespace

std::string TemplateProblem::place_in(std::string_view lang) const {
    const bool sv = lang == "sv";
    std::vector<std::string> pieces;
    if (std::string words = part_in_words(part, sv); !words.empty()) pieces.push_back(std::move(words));
    if (!heading.empty()) pieces.push_back((sv ? "under rubriken \"" : "under the heading \"") + heading + "\"");
    if (table_row > 0)
        pieces.push_back((sv ? "i en tabell, rad " : "in a table, row ") + std::to_string(table_row) +
                         (sv ? ", kolumn " : ", column ") + std::to_string(table_column));
    if (!context.empty())
        pieces.push_back(in_picture
                             ? (sv ? "i alternativtexten till en bild, \"" : "in a picture's alternative text, \"") +
                                   context + "\""
                             : (sv ? "vid \"" : "at \"") + context + "\"");
    return model::join(pieces);
}

const std::string& TemplateProblem::message_in(std::string_view lang) const {
    return lang == "sv" && !message_sv.empty() ? message_sv : message;
}

std::string TemplateProblem::text_in(std::string_view lang) const {
    const std::string where = place_in(lang);
    return where.empty() ? message_in(lang) : where + ": " + message_in(lang);
}

void sort_by_place(std::vector<TemplateProblem>& problems) {
    std::stable_sort(problems.begin(), problems.end(), [](const TemplateProblem& a, const TemplateProblem& b) {
        const int rank_a = part_rank(a.part), rank_b = part_rank(b.part);
        if (rank_a != rank_b) return rank_a < rank_b;
        if (a.part != b.part) return a.part < b.part;
        return a.paragraph < b.paragraph;
    });
}

namespace {

// `lang` "" gives the technical form (TemplateProblem::text) for what().
std::string error_message(const std::string& template_name, const std::vector<TemplateProblem>& problems,
                          std::string_view lang) {
    std::string out = lang == "sv" ? "mallen '" + template_name + "' har " + std::to_string(problems.size()) + " fel"
                                   : "template '" + template_name + "': " + std::to_string(problems.size()) +
                                         (problems.size() == 1 ? " problem" : " problems");
    for (const TemplateProblem& problem : problems)
        out += "\n  " + (lang.empty() ? problem.text() : problem.text_in(lang));
    return out;
}

std::vector<TemplateProblem> by_place(std::vector<TemplateProblem> problems) {
    sort_by_place(problems);
    return problems;
}

constexpr std::size_t max_reported_problems = 200;

const TemplateValue null_value;

}  // namespace

TemplateError::TemplateError(const std::string& template_name, std::vector<TemplateProblem> problems)
    : TemplateError(template_name, by_place(std::move(problems)), 0) {}

TemplateError::TemplateError(const std::string& template_name, std::vector<TemplateProblem> sorted, int)
    : std::runtime_error(error_message(template_name, sorted, "")),
      template_name_(template_name),
      problems_(std::move(sorted)) {}

std::string problems_text(const TemplateError& error, std::string_view lang) {
    return error_message(error.template_name(), error.problems(), lang);
}

namespace {

class Renderer {
public:
    Renderer(const DocumentTemplate::Compiled& compiled, const TemplateValue& root, const RenderSettings& settings,
             bool checking)
        : compiled_(compiled), settings_(settings), checking_(checking), next_num_id_(compiled.numbering.next_id) {
        frames_.push_back({&root, nullptr, 0, 0, false});
    }

    void render_part(const CompiledPart& part, std::string& out) {
        part_ = &part;
        w_ = part.w_prefix.empty() ? "" : part.w_prefix + ":";
        run(0, part.program.size(), out);
    }

    std::vector<TemplateProblem> problems;
    std::size_t problems_left_out = 0;

    // What the render adds to the package besides the parts it rewrites.
    PackageAdditions added;

private:
    struct Frame {
        const TemplateValue* value;
        const Tag* section;  // the section that pushed it (nullptr for the root)
        std::size_t index;   // list items: 0-based position
        std::size_t count;   // list items: list size
        bool list_item;
    };

    const DocumentTemplate::Compiled& compiled_;
    const RenderSettings& settings_;
    const bool checking_;
    const CompiledPart* part_ = nullptr;
    std::string w_;
    std::vector<Frame> frames_;
    std::vector<std::size_t> column_counts_;
    std::vector<std::map<std::string, std::string>> numbering_scopes_;
    std::set<std::tuple<std::string, int, std::string>> reported_;
    long next_drawing_id_ = 1;
    long next_num_id_;
    std::map<std::string, std::string> relationship_for_media_;  // rels part + media name -> id
    std::map<std::string, long> relationship_counter_;

    // ------------------------------------------------------------ problems

    void report(int tag, std::string sv, std::string en) {
        if (!reported_.emplace(part_->name, tag, en).second) return;
        if (problems.size() >= max_reported_problems) {
            ++problems_left_out;
            return;
        }
        problems.push_back(problem_at(*part_, tag, std::move(sv), std::move(en)));
    }

    // The data path of a name found in frame `found`: "goals[2].indicators[1].men".
    std::string data_path(std::size_t found, const Tag& tag) const {
        std::string out;
        for (std::size_t f = 1; f <= found && f < frames_.size(); ++f) {
            const Frame& frame = frames_[f];
            if (!frame.section || frame.section->segments.empty()) continue;
            if (!out.empty()) out += '.';
            out += frame.section->path;
            if (frame.list_item) out += "[" + std::to_string(frame.index + 1) + "]";
        }
        if (!tag.segments.empty()) {
            if (!out.empty()) out += '.';
            out += tag.path;
        }
        return out.empty() ? "." : out;
    }

    // ------------------------------------------------------------ names

    struct Resolved {
        const TemplateValue* value = nullptr;  // nullptr: the name is unknown
        std::size_t frame = 0;
        TemplateValue scratch;  // holds loop variables
    };

    void resolve(const Tag& tag, Resolved& result) {
        result.value = nullptr;
        result.frame = frames_.size() - 1;
        if (tag.segments.empty()) {
            result.value = frames_.back().value;
            return;
        }
        const std::string& first = tag.segments.front();
        if (first.front() == '@') {
            for (std::size_t f = frames_.size(); f-- > 0;) {
                const Frame& frame = frames_[f];
                if (!frame.list_item) continue;
                if (first == "@index")
                    result.scratch = TemplateValue::text(std::to_string(frame.index + 1));
                else if (first == "@first")
                    result.scratch = TemplateValue::boolean(frame.index == 0);
                else
                    result.scratch = TemplateValue::boolean(frame.index + 1 == frame.count);
                result.value = &result.scratch;
                result.frame = f;
                return;
            }
            return;
        }
        const TemplateValue* current = nullptr;
        for (std::size_t f = frames_.size(); f-- > 0;) {
            const TemplateValue* value = frames_[f].value;
            if (value->kind() != TemplateValue::Kind::map) continue;
            if (const TemplateValue* found = value->find(first)) {
                current = found;
                result.frame = f;
                break;
            }
        }
        if (!current) return;
        for (std::size_t k = 1; k < tag.segments.size(); ++k) {
            if (current->is_null()) {
                result.value = &null_value;  // a missing parent: the path is missing data, not unknown
                return;
            }
            if (current->kind() != TemplateValue::Kind::map) return;
            current = current->find(tag.segments[k]);
            if (!current) return;
        }
        result.value = current;
    }

    // The known name nearest to an unknown one: the segment that was not
    // found replaced by the nearest name at that level ("project.titel" ->
    // "project.title"). nullopt when no name is near enough.
    std::optional<std::string> nearest_known(const Tag& tag) const {
        const std::string& first = tag.segments.front();
        std::vector<std::string> names;
        const TemplateValue* current = nullptr;
        for (std::size_t f = frames_.size(); f-- > 0 && !current;) {
            const TemplateValue* value = frames_[f].value;
            if (value->kind() != TemplateValue::Kind::map) continue;
            current = value->find(first);
            for (const auto& entry : value->as_map())
                if (std::find(names.begin(), names.end(), entry.first) == names.end()) names.push_back(entry.first);
        }
        std::size_t k = 0;
        std::string prefix;
        if (current) {
            for (k = 1; k < tag.segments.size(); ++k) {
                if (current->kind() != TemplateValue::Kind::map) return std::nullopt;
                const TemplateValue* next = current->find(tag.segments[k]);
                if (!next) break;
                current = next;
            }
            if (k == tag.segments.size()) return std::nullopt;
            names.clear();
            for (const auto& entry : current->as_map()) names.push_back(entry.first);
            for (std::size_t i = 0; i < k; ++i) prefix += tag.segments[i] + ".";
        }
        const std::optional<std::string> near =
            model::nearest_name(tag.segments[k], names, model::slip_limit(tag.segments[k]));
        if (!near) return std::nullopt;
        std::string out = prefix + *near;
        for (std::size_t i = k + 1; i < tag.segments.size(); ++i) out += "." + tag.segments[i];
        return out;
    }

    const Tag* tag_at(int index) const {
        const auto& site = part_->tags[static_cast<std::size_t>(index)];
        return site.tag ? &*site.tag : nullptr;
    }

    // Resolves the instruction's tag; reports an unknown name. nullptr when
    // there is nothing to render with.
    const TemplateValue* lookup(int tag_index, Resolved& resolved) {
        const Tag* tag = tag_at(tag_index);
        if (!tag) return nullptr;
        resolve(*tag, resolved);
        if (!resolved.value) {
            const std::string raw = model::printable(tag->raw), path = model::printable(tag->path);
            if (tag->segments.size() == 1 && tag->segments.front().front() == '@') {
                report(tag_index, raw + ": " + path + " finns bara i en loop över en lista",
                       raw + ": " + path + " is only defined inside a loop over a list");
            } else if (const std::optional<std::string> near = nearest_known(*tag)) {
                const std::string meant = model::printable(*near);
                report(tag_index, "okänt namn \"" + path + "\" i " + raw + " (menade du \"" + meant + "\"?)",
                       "unknown name \"" + path + "\" in " + raw + " (did you mean \"" + meant + "\"?)");
            } else {
                report(tag_index, "okänt namn \"" + path + "\" i " + raw, "unknown name \"" + path + "\" in " + raw);
            }
        }
        return resolved.value;
    }

    void missing(int tag_index, const Resolved& resolved) {
        const Tag& tag = *tag_at(tag_index);
        const std::string path = data_path(resolved.frame, tag);
        report(tag_index, "uppgift saknas: " + path + " (i " + tag.raw + ")",
               "missing data: " + path + " (in " + tag.raw + ")");
    }

    // ------------------------------------------------------------ output helpers

    // Text inside a w:t: line breaks (LF, CRLF or CR) and tabs become w:br
    // and w:tab.
    void write_text(std::string& out, std::string_view text, bool in_text_run) {
        if (!in_text_run || text.find_first_of("\r\n\t") == std::string_view::npos) {
            append_escaped_text(out, text);
            return;
        }
        std::size_t start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            if (i < text.size() && text[i] != '\r' && text[i] != '\n' && text[i] != '\t') continue;
            append_escaped_text(out, text.substr(start, i - start));
            if (i < text.size())
                out += "</" + w_ + "t><" + w_ + (text[i] == '\t' ? "tab/>" : "br/>") + "<" + w_ +
                       "t xml:space=\"preserve\">";
            if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
            start = i + 1;
        }
    }

    void write_runs(std::string& out, const SpanList& spans, const BlockStyle& style, std::string_view prefix_text) {
        if (!prefix_text.empty()) {
            out += "<" + w_ + "r>" + style.run_properties[0] + "<" + w_ + "t xml:space=\"preserve\">";
            append_escaped_text(out, prefix_text);
            out += "</" + w_ + "t></" + w_ + "r>";
        }
        for (const TextSpan& span : spans) {
            out += '<';
            out += w_;
            out += "r>";
            out += style.run_properties[(span.bold ? 1 : 0) | (span.italic ? 2 : 0) | (span.highlight ? 4 : 0)];
            out += '<';
            out += w_;
            out += "t xml:space=\"preserve\">";
            write_text(out, span.text, true);
            out += "</";
            out += w_;
            out += "t></";
            out += w_;
            out += "r>";
        }
    }

    void write_paragraph(std::string& out, const std::string& properties, const SpanList& spans,
                         const BlockStyle& style, std::string_view prefix_text = {}) {
        out += "<" + w_ + "p>";
        out += properties;
        write_runs(out, spans, style, prefix_text);
        out += "</" + w_ + "p>";
    }

    void write_blocks(std::string& out, const RichText& blocks, const BlockStyle& style) {
        if (blocks.empty()) {
            // A block always leaves a paragraph: table cells must end with one.
            write_paragraph(out, style.paragraph_properties, {}, style);
            return;
        }
        for (const RichBlock& block : blocks) {
            switch (block.kind) {
                case RichBlock::Kind::paragraph:
                    write_paragraph(out, style.paragraph_properties, block.spans, style);
                    break;
                case RichBlock::Kind::bullet_list:
                    for (const SpanList& item : block.items)
                        write_paragraph(out, style.bullet_properties, item, style,
                                        style.bullets_have_numbering ? "" : "\xE2\x80\xA2\t");
                    break;
                case RichBlock::Kind::numbered_list: {
                    if (style.numbers_have_numbering) {
                        // Every list starts at 1: a numbering instance of its own.
                        const std::string id = std::to_string(next_num_id_++);
                        added.numbering.push_back({id, style.numbered_abstract_id,
                                                   "<" + w_ + "lvlOverride " + w_ + "ilvl=\"0\"><" + w_ +
                                                       "startOverride " + w_ + "val=\"1\"/></" + w_ + "lvlOverride>"});
                        const std::string properties =
                            style.numbered_properties_before + id + style.numbered_properties_after;
                        for (const SpanList& item : block.items) write_paragraph(out, properties, item, style);
                    } else {
                        std::size_t number = 1;
                        for (const SpanList& item : block.items)
                            write_paragraph(out, style.paragraph_properties, item, style,
                                            std::to_string(number++) + ".\t");
                    }
                    break;
                }
            }
        }
    }

    std::string relationship_for(const ImageData& image) {
        // One media part per distinct image, one relationship per part that shows it.
        std::size_t index = added.media.size();
        for (std::size_t i = 0; i < added.media.size(); ++i)
            if (added.media[i].image->bytes == image.bytes) index = i;
        if (index == added.media.size()) {
            std::string name;
            for (long n = static_cast<long>(added.media.size()) + 1;; ++n) {
                name = "word/media/rendered-image" + std::to_string(n) + "." + image.extension;
                if (!compiled_.package.find(name)) break;
            }
            added.media.push_back({name, &image});
        }
        const std::string& media_name = added.media[index].name;
        const std::string key = part_->rels_name + "|" + media_name;
        if (auto found = relationship_for_media_.find(key); found != relationship_for_media_.end())
            return found->second;
        std::string id;
        long& counter = relationship_counter_[part_->rels_name];
        do id = "rIdImage" + std::to_string(++counter);
        while (part_->relationship_ids.count(id));
        const std::size_t slash = part_->name.rfind('/');
        const std::string folder = slash == std::string::npos ? "" : part_->name.substr(0, slash + 1);
        const std::string target =
            media_name.rfind(folder, 0) == 0 ? media_name.substr(folder.size()) : "/" + media_name;
        added.relationships[part_->rels_name].push_back({id, target});
        relationship_for_media_[key] = id;
        return id;
    }

    // `in_text` when the tag stood inside a w:t with other text: the w:t is
    // closed before the drawing and opened again after it.
    void write_inline_image(std::string& out, const ImageData& image, bool in_text) {
        const std::string id = std::to_string(next_drawing_id_++);
        const std::string relationship = relationship_for(image);
        if (in_text) out += "</" + w_ + "t>";
        out += inline_image_markup(w_, image, id, relationship);
        if (in_text) out += "<" + w_ + "t xml:space=\"preserve\">";
    }

    // The placeholder picture, pointing at the new image (drawing_markup.hpp).
    void write_placeholder_image(std::string& out, const XmlNode& drawing, const ImageData& image) {
        const std::string id = std::to_string(next_drawing_id_++);
        const std::string relationship = relationship_for(image);
        append_xml(out, fitted_placeholder(drawing, image, id, relationship));
    }

    // ------------------------------------------------------------ the program

    void run(std::size_t begin, std::size_t end, std::string& out) {
        const std::vector<Instruction>& program = part_->program;
        for (std::size_t i = begin; i < end; ++i) {
            const Instruction& instruction = program[i];
            switch (instruction.op) {
                case Op::literal: out += instruction.text; break;
                case Op::value: write_value(instruction, out); break;
                case Op::section:
                    run_section(i, out);
                    i = instruction.end;
                    break;
                case Op::section_end: break;
                case Op::block: write_block(instruction, out); break;
                case Op::image:
                case Op::image_placeholder: write_image(instruction, out); break;
                case Op::drawing_id: out += std::to_string(next_drawing_id_++); break;
                case Op::numbering_id: out += numbering_id(instruction.text, instruction.end); break;
                case Op::cell_width:
                    out += divided_width(instruction.text, column_counts_.empty() ? 1 : column_counts_.back());
                    break;
                case Op::grid_columns: write_grid_columns(instruction, out); break;
                case Op::shade:
                    if (!shaded(instruction)) i = instruction.end;
                    break;
                case Op::shade_end: break;
            }
        }
    }

    // Whether a {{shade x}} cell keeps its shading: x true as a section
    // would take it (missing data is false, like a section over it). While
    // checking, the shading is kept and only the name is checked.
    bool shaded(const Instruction& instruction) {
        Resolved resolved;
        const TemplateValue* value = lookup(instruction.tag, resolved);
        if (checking_) return true;
        return value && !value->is_null() && value->truthy();
    }

    static std::string divided_width(const std::string& width, std::size_t count) {
        try {
            return std::to_string(std::stol(width) / static_cast<long>(std::max<std::size_t>(count, 1)));
        } catch (const std::exception&) {
            return width;
        }
    }

    std::string numbering_id(const std::string& original, std::size_t depth) {
        if (depth == 0 || depth > numbering_scopes_.size()) return original;
        auto& scope = numbering_scopes_[depth - 1];
        if (auto found = scope.find(original); found != scope.end()) return found->second;
        const std::string id = std::to_string(next_num_id_++);
        const auto& numbering = compiled_.numbering;
        const auto abstract = numbering.abstract_of_num.find(original);
        const auto overrides = numbering.overrides_of_num.find(original);
        added.numbering.push_back({id, abstract == numbering.abstract_of_num.end() ? "0" : abstract->second,
                                   overrides == numbering.overrides_of_num.end() ? "" : overrides->second});
        scope[original] = id;
        return id;
    }

    void write_grid_columns(const Instruction& instruction, std::string& out) {
        std::size_t count = 1;
        if (!checking_) {
            Resolved resolved;
            const TemplateValue* value = lookup(instruction.tag, resolved);
            if (!value) return;
            if (value->kind() == TemplateValue::Kind::list)
                count = value->as_list().size();
            else
                count = value->truthy() ? 1 : 0;
        }
        const std::string width = divided_width(instruction.text, count);
        for (std::size_t k = 0; k < count; ++k) out += "<" + w_ + "gridCol " + w_ + "w=\"" + width + "\"/>";
    }

    void body(std::size_t section, const Frame* frame, std::string& out) {
        const Instruction& instruction = part_->program[section];
        if (frame) frames_.push_back(*frame);
        numbering_scopes_.emplace_back();
        run(section + 1, instruction.end, out);
        numbering_scopes_.pop_back();
        if (frame) frames_.pop_back();
    }

    void run_section(std::size_t section, std::string& out) {
        const Instruction& instruction = part_->program[section];
        const Tag* tag = tag_at(instruction.tag);
        Resolved resolved;
        const TemplateValue* value = lookup(instruction.tag, resolved);
        if (!value) return;
        const bool column = instruction.text == "column";
        const bool is_list = value->kind() == TemplateValue::Kind::list;
        if (checking_) {
            // Visit the body once whatever the value, to check every name in it.
            if (column) column_counts_.push_back(1);
            if (is_list && !value->as_list().empty()) {
                const Frame frame{&value->as_list().front(), tag, 0, value->as_list().size(), true};
                body(section, &frame, out);
            } else if (value->kind() == TemplateValue::Kind::map) {
                const Frame frame{value, tag, 0, 0, false};
                body(section, &frame, out);
            } else {
                body(section, nullptr, out);
            }
            if (column) column_counts_.pop_back();
            return;
        }
        if (tag->kind == Tag::Kind::inverted) {
            if (!value->truthy()) body(section, nullptr, out);
            return;
        }
        if (!value->truthy()) return;
        if (column) column_counts_.push_back(is_list ? value->as_list().size() : 1);
        if (is_list) {
            const auto& items = value->as_list();
            for (std::size_t k = 0; k < items.size(); ++k) {
                const Frame frame{&items[k], tag, k, items.size(), true};
                body(section, &frame, out);
            }
        } else if (value->kind() == TemplateValue::Kind::boolean) {
            body(section, nullptr, out);
        } else {
            const Frame frame{value, tag, 0, 0, false};
            body(section, &frame, out);
        }
        if (column) column_counts_.pop_back();
    }

    void write_value(const Instruction& instruction, std::string& out) {
        Resolved resolved;
        const TemplateValue* value = lookup(instruction.tag, resolved);
        if (!value || checking_) return;
        const Tag& tag = *tag_at(instruction.tag);
        TemplateValue holder;
        for (const FilterCall& filter : tag.filters) {
            if (value->is_null() && filter.name != "default") {
                missing(instruction.tag, resolved);
                return;
            }
            std::string why;
            std::optional<TemplateValue> result = apply_filter(filter, *value, settings_.lang, why);
            if (!result) {
                // apply_filter says why in one language; a value it refuses
                // it refuses in both, so the other is asked for the other words.
                std::string why_sv, why_en;
                apply_filter(filter, *value, "sv", why_sv);
                apply_filter(filter, *value, "en", why_en);
                if (why_sv.empty()) why_sv = why;
                if (why_en.empty()) why_en = why;
                const std::string path = data_path(resolved.frame, tag);
                report(instruction.tag, why_sv + " (" + path + " i " + tag.raw + ")",
                       why_en + " (" + path + " in " + tag.raw + ")");
                return;
            }
            holder = std::move(*result);
            value = &holder;
        }
        const bool in_text_run = part_->tags[static_cast<std::size_t>(instruction.tag)].in_text_run;
        switch (value->kind()) {
            case TemplateValue::Kind::null: missing(instruction.tag, resolved); return;
            case TemplateValue::Kind::text: write_text(out, value->as_text(), in_text_run); return;
            case TemplateValue::Kind::boolean: {
                const bool english = settings_.lang == "en";
                out += value->as_boolean() ? (english ? "yes" : "ja") : (english ? "no" : "nej");
                return;
            }
            case TemplateValue::Kind::rich_text: {
                std::string text;
                for (const RichBlock& block : value->as_rich_text()) {
                    auto add = [&](const SpanList& spans) {
                        if (!text.empty()) text += '\n';
                        for (const TextSpan& span : spans) text += span.text;
                    };
                    if (block.kind == RichBlock::Kind::paragraph) add(block.spans);
                    for (const SpanList& item : block.items) add(item);
                }
                write_text(out, text, in_text_run);
                return;
            }
            case TemplateValue::Kind::list:
                report(instruction.tag,
                       tag.path + " är en lista: gå igenom den med {{#" + tag.path + "}}…{{/" + tag.path + "}}",
                       tag.path + " is a list: loop over it with {{#" + tag.path + "}}…{{/" + tag.path + "}}");
                return;
            case TemplateValue::Kind::map:
                report(instruction.tag, tag.path + " har namngivna delar: ange en, som {{" + tag.path + ".name}}",
                       tag.path + " has named parts: name one, like {{" + tag.path + ".name}}");
                return;
            case TemplateValue::Kind::image:
                report(instruction.tag, tag.path + " är en bild: visa den med {{%" + tag.path + "}}",
                       tag.path + " is an image: show it with {{%" + tag.path + "}}");
                return;
        }
    }

    void write_block(const Instruction& instruction, std::string& out) {
        Resolved resolved;
        const TemplateValue* value = lookup(instruction.tag, resolved);
        const BlockStyle& style = *instruction.block;
        if (!value || checking_) {
            write_blocks(out, {}, style);
            return;
        }
        switch (value->kind()) {
            case TemplateValue::Kind::rich_text: write_blocks(out, value->as_rich_text(), style); return;
            case TemplateValue::Kind::text: {
                RichBlock paragraph;
                paragraph.spans.push_back({value->as_text()});
                write_blocks(out, {paragraph}, style);
                return;
            }
            case TemplateValue::Kind::null: missing(instruction.tag, resolved); break;
            default:
                report(instruction.tag,
                       tag_at(instruction.tag)->path + " är ingen text: en blocktagg {{@…}} visar formaterad text",
                       tag_at(instruction.tag)->path + " is not text: a block tag {{@…}} shows rich text");
                break;
        }
        write_blocks(out, {}, style);
    }

    void write_image(const Instruction& instruction, std::string& out) {
        Resolved resolved;
        const TemplateValue* value = lookup(instruction.tag, resolved);
        if (!value || checking_) return;
        if (value->kind() == TemplateValue::Kind::image) {
            if (instruction.op == Op::image)
                write_inline_image(out, value->as_image(), instruction.text != "bare");
            else
                write_placeholder_image(out, *instruction.drawing, value->as_image());
            return;
        }
        // No image is a choice, not an error: the placeholder goes away.
        if (value->is_null() || !value->truthy()) return;
        report(instruction.tag, tag_at(instruction.tag)->path + " är ingen bild",
               tag_at(instruction.tag)->path + " is not an image");
    }
};

std::vector<TemplateProblem> with_left_out(std::vector<TemplateProblem> problems, std::size_t left_out) {
    if (left_out > 0)
        problems.push_back({"", 0, "", "… and " + std::to_string(left_out) + " more problems like these",
                            "… och " + std::to_string(left_out) + " fel till av samma slag"});
    return problems;
}

}  // namespace

DocumentTemplate DocumentTemplate::load(std::string_view docx_bytes, const std::string& template_name) {
    DocumentTemplate loaded;
    loaded.compiled_ = compile_template(read_package(docx_bytes, "template '" + template_name + "'"), template_name);
    return loaded;
}

DocumentTemplate DocumentTemplate::load(Package package, const std::string& template_name) {
    DocumentTemplate loaded;
    loaded.compiled_ = compile_template(std::move(package), template_name);
    return loaded;
}

const std::string& DocumentTemplate::name() const { return compiled_->name; }

const std::vector<TemplateProblem>& DocumentTemplate::problems() const { return compiled_->problems; }

std::vector<std::string> DocumentTemplate::tags() const {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const CompiledPart& part : compiled_->parts)
        for (const TagSite& site : part.tags) {
            const std::string text = site.tag ? site.tag->raw : site.raw;
            if (seen.insert(text).second) out.push_back(text);
        }
    return out;
}

bool DocumentTemplate::names(std::string_view path) const {
    for (const CompiledPart& part : compiled_->parts)
        for (const TagSite& site : part.tags)
            if (site.tag && site.tag->path == path) return true;
    return false;
}

std::vector<TemplateProblem> DocumentTemplate::check_names(const TemplateValue& specimen) const {
    const RenderSettings settings;
    Renderer renderer(*compiled_, specimen, settings, true);
    std::string scratch;
    for (const CompiledPart& part : compiled_->parts) {
        scratch.clear();
        renderer.render_part(part, scratch);
    }
    return with_left_out(std::move(renderer.problems), renderer.problems_left_out);
}

std::string DocumentTemplate::render(const TemplateValue& data, const RenderSettings& settings) const {
    const Compiled& compiled = *compiled_;
    Renderer renderer(compiled, data, settings, false);
    std::vector<std::pair<std::string, std::string>> outputs;
    for (const CompiledPart& part : compiled.parts) {
        std::string out;
        std::size_t estimate = xml_declaration.size();
        for (const Instruction& instruction : part.program) estimate += instruction.text.size();
        out.reserve(estimate + estimate / 4);
        out += xml_declaration;
        renderer.render_part(part, out);
        outputs.emplace_back(part.name, std::move(out));
    }
    std::vector<TemplateProblem> problems = compiled.problems;
    problems.insert(problems.end(), renderer.problems.begin(), renderer.problems.end());
    if (!problems.empty())
        throw TemplateError(compiled.name, with_left_out(std::move(problems), renderer.problems_left_out));

    return assemble_package(compiled, std::move(outputs), renderer.added);
}

}  // namespace esfdraft::docx
