#include "load/loader.hpp"

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
            where.column = element->where.column;
            where.path = element->where.path;
        } else if (where.column == 0) {
            where.column = 1;
        }
    }
}

// The stages every input goes through before its reader runs. Returns the
// element tree when the file is valid; otherwise nullopt with findings added.
std::optional<XmlElement> checked_tree(const std::string& path, std::size_t max_bytes, const Schema& schema,
                                       model::Findings& findings) {
    const std::string bytes = read_input_file(path, max_bytes);
    if (!check_input_bytes(bytes, path, findings)) return std::nullopt;
    const std::size_t first_schema_finding = findings.size();
    XmlElement root;
    const Schema::Outcome outcome = schema.check(bytes, path, findings, &root);
    if (outcome == Schema::Outcome::not_well_formed) return std::nullopt;
    if (outcome == Schema::Outcome::invalid) {
        locate_in_tree(findings, first_schema_finding, root);
        return std::nullopt;
    }
    return root;
}

}  // namespace

Loader::Loader(std::string schema_dir, std::size_t max_input_bytes)
    : schema_dir_(std::move(schema_dir)), max_input_bytes_(max_input_bytes) {}

Loader::~Loader() = default;

const Schema& Loader::plan_schema() {
    if (!plan_schema_) plan_schema_ = std::make_unique<Schema>(schema_dir_ + "/plan-1.xsd");
    return *plan_schema_;
}

const Schema& Loader::findings_schema() {
    if (!findings_schema_) findings_schema_ = std::make_unique<Schema>(schema_dir_ + "/findings-1.xsd");
    return *findings_schema_;
}

PlanLoad Loader::load_plan(const std::string& path) {
    PlanLoad result;
    std::optional<XmlElement> root = checked_tree(path, max_input_bytes_, plan_schema(), result.findings);
    if (!root) return result;
    const std::size_t before = result.findings.size();
    model::Application application = read_plan(*root, result.findings);
    if (result.findings.size() == before) result.application = std::move(application);
    return result;
}

FindingsLoad Loader::load_findings(const std::string& path) {
    FindingsLoad result;
    std::optional<XmlElement> root = checked_tree(path, max_input_bytes_, findings_schema(), result.problems);
    if (!root) return result;
    const std::size_t before = result.problems.size();
    model::PreStudyFindings findings = read_findings(*root, result.problems);
    if (result.problems.size() == before) result.findings = std::move(findings);
    return result;
}

}  // namespace esfdraft::load
