// Reading rule packs, their calls and the municipality register: the data
// in schemas/ that the rules check against.
//
// A pack is the folder schemas/<name>/ holding pack.xml (urn:esfdraft:pack:1,
// schemas/pack-1.xsd) and calls/<call>.xml (urn:esfdraft:call:1,
// schemas/call-1.xsd). Each file goes through the same safe stages as a plan
// (size, UTF-8, no DTD, well-formedness, XSD). A broken pack or call is not a
// problem of the application being checked but of the tool's data, so it is
// a LoadError naming the file and line (exit status 2), never a finding.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "load/xml_input.hpp"
#include "model/rule_pack.hpp"

namespace esfdraft::load {

inline constexpr const char* pack_namespace = "urn:esfdraft:pack:1";
inline constexpr const char* call_namespace = "urn:esfdraft:call:1";

// Reads one pack file and every call in its calls/ folder (sorted by name).
// `pack_xml` is the path of pack.xml; the pack's name must equal its folder's.
// Throws LoadError naming file:line when a file is missing, malformed,
// invalid against its XSD, or inconsistent (a call for another pack, a call
// naming an area the pack does not have, an impossible date).
model::RulePack read_rule_pack(const std::string& pack_xml, const Schema& pack_schema, const Schema& call_schema);

// Reads schemas/regions/municipalities.tsv (code, name, county_code, county,
// nuts2; a header line; '#' lines are comments) and regions.tsv (code, name).
// Throws LoadError naming file:line for a malformed line or a duplicate code.
model::MunicipalityRegister read_municipality_register(const std::string& regions_dir);

// The packs of one data folder, each parsed at most once per run.
class RulePackLibrary {
public:
    // `schema_dir` is the schemas/ folder (pack-1.xsd, call-1.xsd, the pack
    // folders and regions/). Nothing is read until first asked for.
    explicit RulePackLibrary(std::string schema_dir);
    ~RulePackLibrary();
    RulePackLibrary(const RulePackLibrary&) = delete;
    RulePackLibrary& operator=(const RulePackLibrary&) = delete;

    // The pack called `name`, or nullptr when there is no such pack (the name
    // is empty, is not a plain folder name, or the folder has no pack.xml).
    // Throws LoadError when the pack exists but is broken.
    const model::RulePack* find(const std::string& name);

    // Names of the folders that hold a pack.xml, sorted.
    std::vector<std::string> pack_names() const;

    // The municipality register (read on first use). Throws LoadError when it
    // is missing or broken.
    const model::MunicipalityRegister& municipalities();

private:
    const Schema& pack_schema();
    const Schema& call_schema();

    std::string schema_dir_;
    std::unique_ptr<Schema> pack_schema_;
    std::unique_ptr<Schema> call_schema_;
    std::map<std::string, std::optional<model::RulePack>> packs_;
    std::optional<model::MunicipalityRegister> municipalities_;
};

}  // namespace esfdraft::load
