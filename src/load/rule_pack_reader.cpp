#include "load/rule_pack_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "load/readers.hpp"
#include "load/xml_tree.hpp"

namespace esfdraft::load {

namespace fs = std::filesystem;

namespace {

// "file:line: what" — the form every pack error takes, so an editor can jump to it.
[[noreturn]] void fail_at(const model::SourceLocation& where, const std::string& what) {
    std::string place = where.file;
    if (where.line > 0) place += ":" + std::to_string(where.line);
    if (where.column > 0) place += ":" + std::to_string(where.column);
    throw LoadError(place + ": broken rule pack: " + what);
}

// The first X001/X002 finding of a data file, as a LoadError. The findings
// carry libxml2's text in their "detail" argument; the few without one get
// a plain description of their message id.
[[noreturn]] void fail_with_finding(const model::Finding& finding) {
    std::string detail;
    if (const model::MessageArg* argument = finding.find_arg("detail")) {
        detail = argument->text;
    } else if (finding.message_id == "X001.empty") {
        detail = "the file is empty";
    } else if (finding.message_id == "X001.doctype") {
        detail = "DOCTYPE declarations are not allowed";
    } else {
        detail = "not UTF-8 XML (" + finding.message_id + ")";
    }
    fail_at(finding.where, detail);
}

// The safe stages every input goes through (the same as for plans), then the tree.
XmlElement checked_data_tree(const std::string& path, const Schema& schema, const char* expected_namespace) {
    if (!fs::is_regular_file(path)) throw LoadError(path + ": broken rule pack: the file is missing");
    const std::string bytes = read_input_file(path);
    model::Findings findings;
    XmlElement root;
    if (!check_input_bytes(bytes, path, findings) ||
        schema.check(bytes, path, findings, &root) != Schema::Outcome::valid)
        fail_with_finding(findings.front());
    if (root.ns() != expected_namespace)
        fail_at(root.where(), std::string("the root element is not in the namespace ") + expected_namespace);
    return root;
}

std::string required_attribute(const XmlElement& element, std::string_view name) {
    if (auto value = element.attribute(name)) return *value;
    fail_at(element.where(), "<" + element.name + "> has no " + std::string(name) + " attribute");
}

model::ShareHundredths percent_attribute(const XmlElement& element, std::string_view name) {
    const std::string text = required_attribute(element, name);
    // "46" and "12.5" read like kronor and öre: whole hundredths of a per cent.
    if (auto hundredths = model::parse_money(text); hundredths && *hundredths <= 10000) return *hundredths;
    fail_at(element.where(), "the share " + text + " is not a per cent from 0 to 100 with at most two decimals");
}

model::Money money_attribute(const XmlElement& element, std::string_view name) {
    const std::string text = required_attribute(element, name);
    if (auto amount = model::parse_money(text)) return *amount;
    fail_at(element.where(), "the amount " + text + " is not kronor with at most two decimals");
}

model::Date date_attribute(const XmlElement& element, std::string_view name) {
    const std::string text = required_attribute(element, name);
    if (auto date = model::parse_date(text); date && date->valid()) return *date;
    fail_at(element.where(), "the date " + text + " does not exist");
}

int whole_attribute(const XmlElement& element, std::string_view name) {
    const std::string text = required_attribute(element, name);
    if (auto value = model::parse_decimal(text);
        value && value->is_whole() && value->whole() >= 0 && value->whole() <= 1'000'000)
        return static_cast<int>(value->whole());
    fail_at(element.where(), "the number " + text + " is not a whole number");
}

std::string source_of(const XmlElement& element) { return required_attribute(element, "source"); }

model::LocalizedName names_of(const XmlElement& element, std::string_view child_name) {
    model::LocalizedName names;
    for (const XmlElement* name : element.children_named(child_name)) {
        const std::string lang = name->attribute("lang").value_or("");
        (lang == "en" ? names.en : names.sv) = name->normalized_text();
    }
    if (names.sv.empty() || names.en.empty())
        fail_at(element.where(), "<" + element.name + "> needs a Swedish and an English " + std::string(child_name));
    return names;
}

template <typename T>
model::Sourced<T> sourced(T value, const XmlElement& element) {
    return model::Sourced<T>{std::move(value), source_of(element)};
}

model::PhaseRules read_phase(const XmlElement& element) {
    model::PhaseRules phase;
    phase.code = required_attribute(element, "code");
    phase.source = source_of(element);
    phase.name = names_of(element, "name");
    if (const XmlElement* duration = element.child("duration")) {
        if (duration->attribute("warnAboveMonths"))
            phase.warn_above_months = sourced(whole_attribute(*duration, "warnAboveMonths"), *duration);
        if (duration->attribute("errorAboveMonths"))
            phase.error_above_months = sourced(whole_attribute(*duration, "errorAboveMonths"), *duration);
        if (phase.warn_above_months && phase.error_above_months &&
            phase.warn_above_months->value > phase.error_above_months->value)
            fail_at(duration->where(), "warnAboveMonths is above errorAboveMonths");
    }
    if (const XmlElement* share = element.child("esfShare"))
        phase.max_esf_share = sourced(percent_attribute(*share, "max"), *share);
    if (const XmlElement* share = element.child("coFinancing"))
        phase.min_cofinancing = sourced(percent_attribute(*share, "min"), *share);
    if (const XmlElement* ceiling = element.child("esfCeiling"))
        phase.esf_ceiling = sourced(money_attribute(*ceiling, "amount"), *ceiling);
    return phase;
}

std::vector<std::string> code_list(const XmlElement& list) {
    std::vector<std::string> codes;
    for (const XmlElement* item : list.children_named("item")) codes.push_back(required_attribute(*item, "code"));
    return codes;
}

// <genderCategories>, or women and men when the pack has none: the two
// attributes every plan format version has split persons targets into.
void read_gender_categories(const XmlElement& root, model::RulePack& pack) {
    const XmlElement* categories = root.child("genderCategories");
    if (!categories) {
        const std::string source =
            "[I] the pack names no gender categories: women and men, the plan format's first split";
        pack.gender_categories = {{"women", false, {"kvinnor", "women"}, source},
                                  {"men", false, {"män", "men"}, source}};
        return;
    }
    for (const XmlElement* element : categories->children_named("category")) {
        const std::string optional = element->attribute("optional").value_or("false");
        pack.gender_categories.push_back(model::GenderCategory{required_attribute(*element, "code"),
                                                               optional == "true" || optional == "1",
                                                               names_of(*element, "name"), source_of(*element)});
    }
}

model::CostModelRule read_cost_model(const XmlElement& element) {
    model::CostModelRule rule;
    rule.code = required_attribute(element, "code");
    const std::string simplified = required_attribute(element, "simplified");
    rule.simplified = simplified == "true" || simplified == "1";
    if (element.attribute("rate")) {
        rule.rate = percent_attribute(element, "rate");
        rule.base = required_attribute(element, "base");
        rule.flat_category = required_attribute(element, "flatCategory");
    }
    rule.categories = split_list(element.attribute("categories").value_or(""));
    rule.excludes = split_list(element.attribute("excludes").value_or(""));
    rule.name = names_of(element, "name");
    rule.source = source_of(element);
    return rule;
}

model::Call read_call(const std::string& path, const Schema& schema, const model::RulePack& pack) {
    const XmlElement root = checked_data_tree(path, schema, call_namespace);
    model::Call call;
    call.name = fs::path(path).stem().string();
    call.file = path;
    call.source = source_of(root);
    if (required_attribute(root, "pack") != pack.name)
        fail_at(root.where(), "the call is for the pack \"" + required_attribute(root, "pack") + "\" but lies in \"" +
                                  pack.name + "\"");
    call.title = names_of(root, "title");
    if (const XmlElement* areas = root.child("areas")) {
        call.areas = code_list(*areas);
        for (const XmlElement* item : areas->children_named("item"))
            if (!pack.find_area(required_attribute(*item, "code")))
                fail_at(item->where(),
                        "the area " + required_attribute(*item, "code") + " is not one of the pack's areas");
    }
    if (const XmlElement* regions = root.child("regions")) call.regions = code_list(*regions);
    if (const XmlElement* phases = root.child("phases")) {
        call.phases = code_list(*phases);
        for (const XmlElement* item : phases->children_named("item"))
            if (!pack.find_phase(required_attribute(*item, "code")))
                fail_at(item->where(),
                        "the phase " + required_attribute(*item, "code") + " is not one of the pack's phases");
    }
    if (const XmlElement* share = root.child("esfShare"))
        call.max_esf_share = sourced(percent_attribute(*share, "max"), *share);
    if (const XmlElement* share = root.child("coFinancing"))
        call.min_cofinancing = sourced(percent_attribute(*share, "min"), *share);
    if (const XmlElement* ceiling = root.child("esfCeiling"))
        call.esf_ceiling = sourced(money_attribute(*ceiling, "amount"), *ceiling);
    if (const XmlElement* period = root.child("period")) {
        if (period->attribute("earliestStart"))
            call.earliest_start = sourced(date_attribute(*period, "earliestStart"), *period);
        if (period->attribute("latestEnd")) call.latest_end = sourced(date_attribute(*period, "latestEnd"), *period);
        if (call.earliest_start && call.latest_end && call.latest_end->value < call.earliest_start->value)
            fail_at(period->where(), "latestEnd is before earliestStart");
    }
    if (const XmlElement* transnational = root.child("transnational"))
        call.min_transnational_share = sourced(percent_attribute(*transnational, "minShare"), *transnational);
    if (const XmlElement* models = root.child("costModels")) {
        call.allowed_cost_models = sourced(split_list(required_attribute(*models, "allowed")), *models);
        // A call narrows its pack: it cannot allow a model the pack does not.
        if (!pack.cost_models.empty())
            for (const std::string& code : call.allowed_cost_models->value)
                if (!pack.find_cost_model(code))
                    fail_at(models->where(), "the cost model " + code + " is not one of the pack's cost models");
    }
    if (const XmlElement* rate = root.child("exchangeRate")) {
        const std::string text = required_attribute(*rate, "sekPerEur");
        const auto value = model::parse_decimal(text);
        if (!value || value->micros <= 0)
            fail_at(rate->where(), "the exchange rate " + text + " is not a positive number of kronor per euro");
        call.sek_per_eur = sourced(*value, *rate);
    }
    if (const XmlElement* aid = root.child("stateAid")) {
        const std::string value = required_attribute(*aid, "value");
        call.state_aid = sourced(value == "true" || value == "1", *aid);
    }
    if (const XmlElement* attachments = root.child("attachments")) {
        call.attachments_source = source_of(*attachments);
        for (const XmlElement* element : attachments->children_named("attachment")) {
            const std::string required = required_attribute(*element, "required");
            call.attachments.push_back(model::AttachmentRule{required_attribute(*element, "kind"),
                                                             required == "true" || required == "1",
                                                             names_of(*element, "name")});
        }
    }
    return call;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, '\t')) fields.push_back(field);
    if (!line.empty() && line.back() == '\t') fields.emplace_back();
    return fields;
}

// Calls `row(fields, line_number)` for each data line of a TSV file with
// `columns` columns (after the header; '#' lines and blank lines skipped).
template <typename Row>
void read_tsv(const std::string& path, std::size_t columns, Row row) {
    const std::string bytes = read_input_file(path);
    std::istringstream in(bytes);
    std::string line;
    int number = 0;
    bool header = true;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        const std::vector<std::string> fields = split_tabs(line);
        if (fields.size() != columns)
            throw LoadError(path + ":" + std::to_string(number) + ": broken region data: expected " +
                            std::to_string(columns) + " tab-separated columns, found " + std::to_string(fields.size()));
        row(fields, number);
    }
}

// The programme's areas and phases, the sections it requires and
// recommends, and its cost categories.
void read_programme(const XmlElement& root, model::RulePack& pack) {
    if (const XmlElement* areas = root.child("areas"))
        for (const XmlElement* element : areas->children_named("area"))
            pack.areas.push_back(model::ProgrammeArea{required_attribute(*element, "code"), names_of(*element, "name"),
                                                      split_list(element->attribute("regions").value_or("")),
                                                      source_of(*element)});
    if (const XmlElement* phases = root.child("phases"))
        for (const XmlElement* element : phases->children_named("phase")) pack.phases.push_back(read_phase(*element));
    if (const XmlElement* sections = root.child("sections")) {
        for (const XmlElement* element : sections->children_named("required"))
            pack.required_sections.push_back({required_attribute(*element, "section"), source_of(*element)});
        for (const XmlElement* element : sections->children_named("recommended"))
            pack.recommended_sections.push_back({required_attribute(*element, "section"), source_of(*element)});
    }
    if (const XmlElement* categories = root.child("costCategories"))
        for (const XmlElement* element : categories->children_named("category"))
            pack.cost_categories.push_back(
                {required_attribute(*element, "code"), names_of(*element, "name"), source_of(*element)});
}

// The limits on texts and the pre-study's gap, the indirect costs' rate and
// the eligibility window.
void read_limits(const XmlElement& root, model::RulePack& pack) {
    if (const XmlElement* limits = root.child("limits")) {
        if (const XmlElement* words = limits->child("words")) {
            pack.default_min_words = sourced(whole_attribute(*words, "default"), *words);
            for (const XmlElement* section : words->children_named("section"))
                pack.min_words.push_back(
                    {required_attribute(*section, "name"), whole_attribute(*section, "min"), source_of(*section)});
        }
        if (const XmlElement* summary = limits->child("summary"))
            pack.summary_max_characters = sourced(whole_attribute(*summary, "maxCharacters"), *summary);
        if (const XmlElement* gap = limits->child("preStudyGap"))
            pack.prestudy_gap_warn_months = sourced(whole_attribute(*gap, "warnAboveMonths"), *gap);
        if (const XmlElement* placeholders = limits->child("placeholders")) {
            pack.placeholders.source = source_of(*placeholders);
            for (const XmlElement* text : placeholders->children_named("text"))
                pack.placeholders.value.push_back(text->text());
        }
    }
    if (const XmlElement* rates = root.child("rates"))
        if (const XmlElement* indirect = rates->child("indirectCosts"))
            pack.indirect_max_share_of_staff = sourced(percent_attribute(*indirect, "maxShareOfStaff"), *indirect);
    if (const XmlElement* window = root.child("eligibility")) {
        pack.eligibility_start = sourced(date_attribute(*window, "start"), *window);
        pack.eligibility_end = sourced(date_attribute(*window, "end"), *window);
        if (pack.eligibility_end.value < pack.eligibility_start.value)
            fail_at(window->where(), "the eligibility window ends before it starts");
    }
}

// The ESF+ lists: common indicators, cost models, the simplified-costs
// threshold and the discrimination grounds.
void read_programme_lists(const XmlElement& root, model::RulePack& pack) {
    if (const XmlElement* indicators = root.child("commonIndicators"))
        for (const XmlElement* element : indicators->children_named("indicator"))
            pack.common_indicators.push_back(model::CommonIndicator{required_attribute(*element, "code"),
                                                                    required_attribute(*element, "unit"),
                                                                    names_of(*element, "name"), source_of(*element)});
    if (const XmlElement* models = root.child("costModels"))
        for (const XmlElement* element : models->children_named("model"))
            pack.cost_models.push_back(read_cost_model(*element));
    if (const XmlElement* simplified = root.child("simplifiedCosts"))
        pack.simplified_costs_threshold_eur = sourced(money_attribute(*simplified, "thresholdEur"), *simplified);
    if (const XmlElement* grounds = root.child("discriminationGrounds")) {
        pack.discrimination_grounds_source = source_of(*grounds);
        for (const XmlElement* element : grounds->children_named("ground")) {
            model::DiscriminationGround ground{required_attribute(*element, "code"), names_of(*element, "name"), {}};
            for (const XmlElement* term : element->children_named("term"))
                ground.terms.push_back(term->normalized_text());
            pack.discrimination_grounds.push_back(std::move(ground));
        }
    }
}

// The assessment's score scale, criteria and formal sections.
void read_assessment(const XmlElement& root, model::RulePack& pack) {
    if (const XmlElement* assessment = root.child("assessment")) {
        if (const XmlElement* scale = assessment->child("scale")) {
            pack.score_scale =
                model::ScoreScale{whole_attribute(*scale, "min"), whole_attribute(*scale, "max"), source_of(*scale)};
            if (pack.score_scale->max <= pack.score_scale->min)
                fail_at(scale->where(), "the score scale's max is not above its min");
        }
        for (const XmlElement* element : assessment->children_named("criterion")) {
            model::AssessmentCriterion criterion{
                required_attribute(*element, "code"), names_of(*element, "name"), source_of(*element), {}};
            // An xs:list of sections: the schema has checked each name, so split on white space.
            std::istringstream words(element->attribute("sections").value_or(""));
            for (std::string word; words >> word;) criterion.sections.push_back(word);
            pack.assessment_criteria.push_back(std::move(criterion));
        }
        for (const XmlElement* element : assessment->children_named("formalSection"))
            pack.formal_sections.push_back({required_attribute(*element, "requires"), source_of(*element)});
    }
}

// The rules the pack turns on and the severities it changes.
void read_rule_changes(const XmlElement& root, model::RulePack& pack) {
    if (const XmlElement* added = root.child("addedRules"))
        for (const XmlElement* element : added->children_named("rule")) {
            const std::string id = required_attribute(*element, "id");
            const model::RuleDefinition* definition = model::find_rule_definition(id);
            if (!definition) fail_at(element->where(), "there is no rule " + id + " in docs/rules.md");
            if (!definition->added)
                fail_at(element->where(),
                        id + " is not an added rule; it is always on (turn it off under <severities>)");
            pack.added_rules.push_back({id, source_of(*element)});
        }
    if (const XmlElement* severities = root.child("severities")) {
        for (const XmlElement* element : severities->children_named("rule")) {
            model::RuleOverride entry;
            entry.rule = required_attribute(*element, "id");
            if (!model::find_rule_definition(entry.rule))
                fail_at(element->where(), "there is no rule " + entry.rule + " in docs/rules.md");
            const std::string enabled = element->attribute("enabled").value_or("true");
            entry.enabled = enabled == "true" || enabled == "1";
            if (auto severity = element->attribute("severity"))
                entry.severity = *severity == "error"     ? model::Severity::error
                                 : *severity == "warning" ? model::Severity::warning
                                                          : model::Severity::info;
            entry.source = source_of(*element);
            pack.overrides.push_back(std::move(entry));
        }
    }
}

// The pack's calls: every calls/*.xml beside pack.xml, in name order.
void read_calls(const std::string& pack_xml, const Schema& call_schema, model::RulePack& pack) {
    const fs::path calls_folder = fs::path(pack_xml).parent_path() / "calls";
    std::vector<std::string> call_files;
    std::error_code error;
    if (fs::is_directory(calls_folder, error))
        for (const auto& entry : fs::directory_iterator(calls_folder, error))
            if (entry.is_regular_file() && entry.path().extension() == ".xml")
                call_files.push_back(entry.path().string());
    std::sort(call_files.begin(), call_files.end());
    for (const std::string& file : call_files) pack.calls.push_back(read_call(file, call_schema, pack));
}

}  // namespace

model::RulePack read_rule_pack(const std::string& pack_xml, const Schema& pack_schema, const Schema& call_schema) {
    const XmlElement root = checked_data_tree(pack_xml, pack_schema, pack_namespace);
    model::RulePack pack;
    pack.file = pack_xml;
    pack.name = required_attribute(root, "name");
    const std::string folder = fs::path(pack_xml).parent_path().filename().string();
    if (pack.name != folder)
        fail_at(root.where(), "the pack is named \"" + pack.name + "\" but lies in the folder \"" + folder + "\"");
    pack.source = source_of(root);
    pack.title = names_of(root, "title");
    read_programme(root, pack);
    read_limits(root, pack);
    read_gender_categories(root, pack);
    read_programme_lists(root, pack);
    read_assessment(root, pack);
    read_rule_changes(root, pack);
    read_calls(pack_xml, call_schema, pack);
    return pack;
}

model::MunicipalityRegister read_municipality_register(const std::string& regions_dir) {
    model::MunicipalityRegister data;
    data.source = "schemas/regions/municipalities.tsv: SCB kommunkoder, county and NUTS2";
    const std::string regions_path = regions_dir + "/regions.tsv";
    const std::string municipalities_path = regions_dir + "/municipalities.tsv";
    for (const std::string& path : {regions_path, municipalities_path})
        if (!fs::is_regular_file(path))
            throw LoadError(path + ": region data is missing; is the data folder (ESFDRAFT_DATA_DIR) right?");
    read_tsv(regions_path, 2, [&](const std::vector<std::string>& fields, int line) {
        if (data.find_region(fields[0]))
            throw LoadError(regions_path + ":" + std::to_string(line) + ": broken region data: " + fields[0] +
                            " appears twice");
        data.regions.push_back(model::Region{fields[0], fields[1]});
    });
    read_tsv(municipalities_path, 5, [&](const std::vector<std::string>& fields, int line) {
        const std::string where = municipalities_path + ":" + std::to_string(line) + ": broken region data: ";
        const std::string& code = fields[0];
        const bool four_digits =
            code.size() == 4 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!four_digits) throw LoadError(where + "the code " + code + " is not four digits");
        if (code.substr(0, 2) != fields[2])
            throw LoadError(where + "the code " + code + " does not start with its county code " + fields[2]);
        if (!data.find_region(fields[4])) throw LoadError(where + "the region " + fields[4] + " is not in regions.tsv");
        if (data.find(code)) throw LoadError(where + code + " appears twice");
        data.municipalities.push_back(model::Municipality{code, fields[1], fields[2], fields[3], fields[4]});
    });
    return data;
}

RulePackLibrary::RulePackLibrary(std::string schema_dir) : schema_dir_(std::move(schema_dir)) {}

RulePackLibrary::~RulePackLibrary() = default;

const Schema& RulePackLibrary::pack_schema() {
    if (!pack_schema_) pack_schema_ = std::make_unique<Schema>(schema_dir_ + "/pack-1.xsd");
    return *pack_schema_;
}

const Schema& RulePackLibrary::call_schema() {
    if (!call_schema_) call_schema_ = std::make_unique<Schema>(schema_dir_ + "/call-1.xsd");
    return *call_schema_;
}

const model::RulePack* RulePackLibrary::find(const std::string& name) {
    auto cached = packs_.find(name);
    if (cached != packs_.end()) return cached->second ? &*cached->second : nullptr;
    // Only a plain folder name can name a pack: no separators, no "..", no hidden folders.
    const bool plain =
        !name.empty() && name[0] != '.' && name.find('/') == std::string::npos && name.find('\\') == std::string::npos;
    const std::string pack_xml = schema_dir_ + "/" + name + "/pack.xml";
    std::error_code error;
    if (!plain || !fs::is_regular_file(pack_xml, error)) {
        packs_.emplace(name, std::nullopt);
        return nullptr;
    }
    auto [it, inserted] = packs_.emplace(name, read_rule_pack(pack_xml, pack_schema(), call_schema()));
    return &*it->second;
}

std::vector<std::string> RulePackLibrary::pack_names() const {
    std::vector<std::string> names;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(schema_dir_, error))
        if (entry.is_directory() && fs::is_regular_file(entry.path() / "pack.xml", error))
            names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

const model::MunicipalityRegister& RulePackLibrary::municipalities() {
    if (!municipalities_) municipalities_ = read_municipality_register(schema_dir_ + "/regions");
    return *municipalities_;
}

}  // namespace esfdraft::load
