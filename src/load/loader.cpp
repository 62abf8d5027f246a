#include "load/loader.hpp"

#include <exception>

#include "load/readers.hpp"
#include "load/xml_tree.hpp"

namespace esfdraft::load {

namespace {

// Gives libxml2's validation findings (line only) the column and element
// path of the element that starts on that line.
void locate_in_tree(model::Findings& findings, std::size_t first, const XmlElement& root) {
    for (std::size_t i = first; i < findings.size(); ++i) {
        model::SourceLocation& where = findings[i].where;
        if (const XmlElement* element = element_on_line(root, where.line)) {
            where.column = element->column;
            where.path = element->path();
        } else if (where.column == 0) {
            where.column = 1;
        }
    }
}

// A file the schema rejects is still read (read what it can, report the
// rest) unless it is not the document at all: another root or namespace,
// or a plan without its <project>, which every rule starts from.
bool stops_reading(const model::Findings& findings, std::size_t first, const XmlElement& root) {
    for (std::size_t i = first; i < findings.size(); ++i) {
        const std::string& id = findings[i].message_id;
        if (findings[i].rule != "X002" || id == "X002.not_a_plan" || id == "X002.not_findings" ||
            id == "X002.plan_namespace" || id == "X002.findings_namespace" || id == "X002.plan_no_namespace" ||
            id == "X002.findings_no_namespace" || id == "X002.findings_given_as_plan")
            return true;
    }
    if (root.name.empty()) return true;
    return root.name == "application" && root.child("project") == nullptr;
}

bool reported_on_line(const model::Findings& findings, std::size_t first, std::size_t end, int line) {
    for (std::size_t i = first; i < end; ++i)
        if (findings[i].where.line == line) return true;
    return false;
}

}  // namespace

Loader::Loader(std::string schema_dir, std::size_t max_input_bytes, std::size_t streaming_from_bytes)
    : schema_dir_(std::move(schema_dir)),
      max_input_bytes_(max_input_bytes),
      streaming_from_bytes_(streaming_from_bytes) {}

Loader::~Loader() = default;

// The stages every input goes through before its model is used: `reader`
// (a read_plan or read_findings) runs on the element tree while it is
// validated. Its model is kept when the file is valid and the reader found
// nothing wrong, and also when the schema's findings are about values or
// elements inside the right document (stops_reading), so that one mistake
// does not hide the rest; otherwise nullopt. The findings are added either way.
template <typename Model, typename Reader>
std::optional<Model> Loader::read_valid(std::string_view bytes, const std::string& path, const Schema& schema,
                                        model::Findings& findings, Reader reader) {
    if (bytes.size() > max_input_bytes_) throw larger_than(path, max_input_bytes_);
    if (!check_input_bytes(bytes, path, findings)) return std::nullopt;
    const std::size_t first_schema_finding = findings.size();
    XmlElement root;
    Model read;
    model::Findings problems;
    // A reader that gives up on a tree the schema rejects must not hide the
    // schema's findings: its exception counts only for a valid file.
    std::exception_ptr read_error;
    const auto guarded_read = [&](const XmlElement& tree) {
        read_error = nullptr;
        problems.clear();  // the one-pass check may read the file a second time
        try {
            read = reader(tree, problems);
        } catch (const std::exception&) {
            read_error = std::current_exception();
        }
    };
    const Schema::Outcome outcome = schema.check(bytes, path, findings, &root, guarded_read);
    if (outcome == Schema::Outcome::invalid) {
        locate_in_tree(findings, first_schema_finding, root);
        // A bad value, an unknown or misplaced element: reported where it is,
        // and the rest of the file is still read, checked and drafted. What
        // the reader says about a line the schema already reported is the
        // same mistake again.
        if (read_error || stops_reading(findings, first_schema_finding, root)) return std::nullopt;
        // The reader's "cannot read this amount/number" is the schema's
        // finding again (which may also have stopped counting at its limit).
        const std::size_t schema_end = findings.size();
        for (const model::Finding& problem : problems)
            if (problem.message_id != "X002.amount" && problem.message_id != "X002.decimal" &&
                !reported_on_line(findings, first_schema_finding, schema_end, problem.where.line))
                findings.push_back(problem);
        return read;
    }
    if (outcome != Schema::Outcome::valid) return std::nullopt;
    if (read_error) std::rethrow_exception(read_error);
    if (!problems.empty()) {
        findings.insert(findings.end(), problems.begin(), problems.end());
        return std::nullopt;
    }
    return read;
}

const Schema& Loader::plan_schema() {
    if (!plan_schema_) plan_schema_ = std::make_unique<Schema>(schema_dir_ + "/plan-1.xsd", streaming_from_bytes_);
    return *plan_schema_;
}

const Schema& Loader::findings_schema() {
    if (!findings_schema_)
        findings_schema_ = std::make_unique<Schema>(schema_dir_ + "/findings-1.xsd", streaming_from_bytes_);
    return *findings_schema_;
}

PlanLoad Loader::load_plan(const std::string& path) {
    return load_plan_bytes(read_input_file(path, max_input_bytes_), path);
}

FindingsLoad Loader::load_findings(const std::string& path) {
    return load_findings_bytes(read_input_file(path, max_input_bytes_), path);
}

PlanLoad Loader::load_plan_bytes(std::string_view bytes, const std::string& name) {
    PlanLoad result;
    result.application = read_valid<model::Application>(bytes, name, plan_schema(), result.findings, read_plan);
    return result;
}

FindingsLoad Loader::load_findings_bytes(std::string_view bytes, const std::string& name) {
    FindingsLoad result;
    result.findings =
        read_valid<model::PreStudyFindings>(bytes, name, findings_schema(), result.problems, read_findings);
    return result;
}

}  // namespace esfdraft::load
