// Loading plans and pre-study findings: the only code that knows the XML
// formats of docs/format.md.
//
// A file goes through: size limit → UTF-8 and no-DTD check → well-formedness
// (X001) → XSD validation against schemas/plan-1.xsd or findings-1.xsd (X002,
// one finding per violation) → reading into the model. When X001 or X002
// findings exist, no model is returned: the file's structure cannot be trusted.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "load/xml_input.hpp"
#include "model/application.hpp"
#include "model/finding.hpp"

namespace esfdraft::load {

inline constexpr const char* plan_namespace = "urn:esfdraft:plan:1";
inline constexpr const char* findings_namespace = "urn:esfdraft:findings:1";

struct PlanLoad {
    // nullopt when X001/X002 findings exist. Its budget's amounts (costs,
    // financing and income) add up to at most 64-bit öre, so any sum or
    // difference of them fits in model::Money.
    std::optional<model::Application> application;
    model::Findings findings;
};

struct FindingsLoad {
    std::optional<model::PreStudyFindings> findings;
    model::Findings problems;
};

class Loader {
public:
    // `schema_dir` holds plan-1.xsd and findings-1.xsd. The schemas are parsed
    // on first use and reused for every later file. Throws LoadError when a
    // schema is missing or broken.
    // Files of `streaming_from_bytes` and more are validated on a second core
    // while they are read (the default; tests set 0 to use it for every file).
    explicit Loader(std::string schema_dir, std::size_t max_input_bytes = default_max_input_bytes,
                    std::size_t streaming_from_bytes = default_streaming_from_bytes);
    ~Loader();

    // Throws LoadError when the file cannot be read at all (missing, a folder,
    // too large). Everything wrong inside the file is a finding.
    PlanLoad load_plan(const std::string& path);
    FindingsLoad load_findings(const std::string& path);
    // The same for bytes already in memory (an upload, a database row):
    // `name` is what findings give as their file. Nothing is opened: a plan's
    // preStudy/@findings is only read into the model, never followed here.
    // Throws LoadError when the bytes are larger than the input limit.
    PlanLoad load_plan_bytes(std::string_view bytes, const std::string& name);
    FindingsLoad load_findings_bytes(std::string_view bytes, const std::string& name);

private:
    const Schema& plan_schema();
    template <typename Model, typename Reader>
    std::optional<Model> read_valid(std::string_view bytes, const std::string& name, const Schema& schema,
                                    model::Findings& findings, Reader reader);
    const Schema& findings_schema();

    std::string schema_dir_;
    std::size_t max_input_bytes_;
    std::size_t streaming_from_bytes_;
    std::unique_ptr<Schema> plan_schema_;
    std::unique_ptr<Schema> findings_schema_;
};

}  // namespace esfdraft::load
