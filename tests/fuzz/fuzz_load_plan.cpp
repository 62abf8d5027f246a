// fuzz_load_plan: a plan (and a findings file) read from bytes, both ways the
// loader can take, which must agree.
//
// Properties (a failure traps):
//  - load_plan_bytes / load_findings_bytes never throw for input under the
//    size limit (everything wrong inside a file is a finding), never crash,
//    leak or hit undefined behaviour;
//  - a Loader that checks every file in one libxml2 pass and one that takes
//    the two-pass streaming check for every file (streaming_from_bytes = 0)
//    give the same findings (rule, message, arguments, file, line, column,
//    path) and, when the file is valid, the same model;
//  - for a well-formed file that passes the input check, every element of
//    the one-pass tree is placed (line, column) on its own start tag, and the
//    element tree
//    parse_element_tree reads straight from the bytes, whenever it reads one,
//    is the tree copied from libxml2's document (names, namespaces,
//    attributes, text, positions, paths).
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "load/loader.hpp"
#include "load/tree_parser.hpp"
#include "load/xml_input.hpp"
#include "load/xml_tree.hpp"

using namespace esfdraft;

namespace {

constexpr std::size_t never = std::numeric_limits<std::size_t>::max();
const std::string file_name = "fuzz.xml";

struct State {
    std::string schemas = fuzz::data_dir() + "/schemas";
    load::Loader one_pass{schemas, load::default_max_input_bytes, never};
    load::Loader streaming{schemas, load::default_max_input_bytes, 0};
    load::Schema plan_schema{schemas + "/plan-1.xsd", never};
};

State* state = nullptr;

// ---------------------------------------------------------------- canonical dumps

class Dump {
public:
    std::string str() const { return out_.str(); }

    Dump& field(const char* name, const std::string& value) {
        out_ << name << '=' << value.size() << ':' << value << ';';
        return *this;
    }
    Dump& field(const char* name, long long value) {
        out_ << name << '=' << value << ';';
        return *this;
    }
    Dump& at(const model::SourceLocation& where) {
        out_ << '@' << where.file << ':' << where.line << ':' << where.column << ':' << where.path << ';';
        return *this;
    }
    Dump& opt(const char* name, const std::optional<std::string>& value) {
        return value ? field(name, *value) : field(name, "<none>");
    }
    Dump& decimal(const char* name, const model::Decimal& value) { return field(name, value.micros); }
    Dump& decimal(const char* name, const std::optional<model::Decimal>& value) {
        return value ? field(name, value->micros) : field(name, "<none>");
    }
    Dump& date(const char* name, const model::Date& value) {
        return field(name,
                     std::to_string(value.year) + "-" + std::to_string(value.month) + "-" + std::to_string(value.day));
    }
    Dump& period(const model::Period& value) {
        return date("start", value.start).date("end", value.end).at(value.where);
    }
    Dump& list(const char* name, const std::vector<std::string>& values) {
        field(name, static_cast<long long>(values.size()));
        for (const std::string& value : values) field("-", value);
        return *this;
    }
    Dump& inlines(const model::InlineText& text) {
        for (const model::Inline& run : text)
            field("run", run.text).field("em", run.emphasis).field("strong", run.strong);
        return field("/runs", 0);
    }
    Dump& rich(const char* name, const model::RichText& text) {
        field(name, static_cast<long long>(text.blocks.size())).at(text.where);
        for (const model::Block& block : text.blocks) {
            field("kind", static_cast<long long>(block.kind)).at(block.where).inlines(block.inlines);
            for (const model::InlineText& item : block.items) inlines(item);
        }
        return *this;
    }
    Dump& rich(const char* name, const std::optional<model::RichText>& text) {
        return text ? rich(name, *text) : field(name, "<none>");
    }

private:
    std::ostringstream out_;
};

std::string dump(const model::Application& a) {
    Dump d;
    d.field("file", a.file).field("programme", a.programme).opt("call", a.call).field("lang", a.lang).at(a.where);
    const model::Project& p = a.project;
    d.field("title", p.title.value).at(p.title.where);
    if (p.acronym) d.field("acronym", p.acronym->value).at(p.acronym->where);
    d.field("area", p.programme_area.value).at(p.programme_area.where);
    d.field("phase", p.phase.value).at(p.phase.where);
    d.field("region", p.region.value).at(p.region.where);
    d.field("owner", p.owner.name).opt("org", p.owner.org_number).at(p.owner.where);
    d.field("contact", p.contact.name)
        .field("email", p.contact.email)
        .opt("phone", p.contact.phone)
        .at(p.contact.where)
        .at(p.contact.email_where);
    d.period(p.period);
    for (const auto& m : p.municipalities)
        d.field("municipality", m.code).opt("name", m.name).field("partner", m.partner).at(m.where);
    d.at(p.municipalities_where);
    if (p.pre_study)
        d.field("prestudy", p.pre_study->title)
            .period(p.pre_study->period)
            .opt("findings", p.pre_study->findings_path)
            .at(p.pre_study->where);
    if (p.applicant) {
        const model::Applicant& ap = *p.applicant;
        if (ap.kind) d.field("applicant_kind", ap.kind->value).at(ap.kind->where);
        if (ap.vat) d.field("vat", ap.vat->value).at(ap.vat->where);
        if (ap.address)
            d.field("street", ap.address->street)
                .field("postcode", ap.address->postcode)
                .field("city", ap.address->city)
                .at(ap.address->where);
        if (ap.signatory)
            d.field("signatory", ap.signatory->name)
                .field("signatory_title", ap.signatory->title)
                .at(ap.signatory->where);
        if (const auto& c = ap.finance_contact)
            d.field("finance", c->name).field("email", c->email).opt("phone", c->phone).at(c->where).at(c->email_where);
        if (ap.account) d.field("account", ap.account->kind).field("number", ap.account->number).at(ap.account->where);
        d.at(ap.where);
    }
    if (p.case_number) d.field("case", p.case_number->value).at(p.case_number->where);
    d.at(p.where);
    for (const auto& s : a.summaries) d.opt("summary", s.lang).rich("text", s.text);
    d.rich("background", a.background).rich("problem", a.problem).rich("purpose", a.purpose);
    for (const auto& g : a.target_groups)
        d.field("group", g.id)
            .field("name", g.name)
            .rich("description", g.description)
            .decimal("women", g.women)
            .decimal("men", g.men)
            .at(g.where);
    d.at(a.target_groups_where);
    for (const auto& g : a.goals) {
        d.field("goal", g.id).field("kind", g.kind).field("statement", g.statement).at(g.where);
        for (const auto& i : g.indicators) {
            d.field("indicator", i.text)
                .field("unit", i.unit)
                .decimal("target", i.target)
                .decimal("baseline", i.baseline);
            d.decimal("women", i.women)
                .decimal("men", i.men)
                .decimal("non_binary", i.non_binary)
                .opt("code", i.code)
                .at(i.where);
            if (i.due) d.date("due", *i.due);
        }
        for (const auto& b : g.basis) d.field("basis", b.finding_id).at(b.where);
    }
    d.at(a.goals_where);
    for (const auto& act : a.activities)
        d.field("activity", act.id)
            .date("start", act.start)
            .date("end", act.end)
            .list("goals", act.goal_ids)
            .list("tags", act.tags)
            .field("title", act.title)
            .rich("description", act.description)
            .at(act.where);
    d.at(a.activities_where);
    d.rich("organisation", a.organisation);
    for (const auto& partner : a.partners)
        d.field("partner", partner.name)
            .opt("id", partner.id)
            .field("role", partner.role)
            .opt("org", partner.org_number)
            .at(partner.where);
    d.rich("equality", a.gender_equality);
    if (a.accessibility)
        d.rich("physical", a.accessibility->physical)
            .rich("information", a.accessibility->information)
            .rich("participation", a.accessibility->participation)
            .at(a.accessibility->where);
    d.rich("nondiscrimination", a.non_discrimination).rich("transnational", a.transnational);
    d.rich("dissemination", a.dissemination).rich("evaluation", a.evaluation);
    if (a.risk_analysis) {
        d.rich("risk_introduction", a.risk_analysis->introduction).at(a.risk_analysis->where);
        for (const auto& r : a.risk_analysis->risks)
            d.opt("risk", r.id)
                .field("likelihood", r.likelihood)
                .field("impact", r.impact)
                .field("description", r.description)
                .field("measure", r.measure)
                .at(r.where);
    }
    if (a.project_logic) {
        d.rich("logic_introduction", a.project_logic->introduction).at(a.project_logic->where);
        for (const auto& s : a.project_logic->steps)
            d.field("step", s.kind).list("goals", s.goal_ids).rich("text", s.text).at(s.where);
    }
    d.rich("sustainable", a.sustainable_development).rich("rights", a.fundamental_rights);
    if (a.attachments)
        for (const auto& at : *a.attachments) d.field("attachment", at.kind).field("title", at.title).at(at.where);
    d.at(a.attachments_where);
    const model::Budget& b = a.budget;
    d.field("currency", b.currency)
        .list("cost_models", b.cost_models)
        .at(b.cost_model_where)
        .at(b.where)
        .at(b.costs_where)
        .at(b.financing_where);
    for (const auto& c : b.costs)
        d.field("cost", c.category)
            .field("year", c.year)
            .opt("activity", c.activity_id)
            .field("amount", c.amount)
            .list("tags", c.tags)
            .field("label", c.label)
            .opt("beneficiary", c.beneficiary)
            .at(c.where);
    for (const auto& f : b.financing)
        d.field("financing", f.kind)
            .opt("funder", f.funder)
            .opt("org", f.org_number)
            .field("amount", f.amount)
            .opt("beneficiary", f.beneficiary)
            .at(f.where);
    for (const auto& i : b.income) d.field("income", i.amount).field("label", i.label).at(i.where);
    d.field("has_findings", a.findings.has_value());
    return d.str();
}

std::string dump(const model::PreStudyFindings& f) {
    Dump d;
    d.field("file", f.file)
        .field("lang", f.lang)
        .field("title", f.study_title)
        .period(f.study_period)
        .rich("method", f.method)
        .at(f.where);
    for (const auto& q : f.questions) d.field("question", q.id).field("text", q.text).at(q.where);
    for (const auto& a : f.actors)
        d.field("actor", a.id)
            .field("kind", a.kind)
            .opt("municipality", a.municipality_code)
            .field("name", a.name)
            .at(a.where);
    for (const auto& s : f.findings) {
        d.field("finding", s.id).field("question", s.question_id).field("theme", s.theme).field("priority", s.priority);
        d.field("out", s.out_of_scope)
            .field("statement", s.statement)
            .opt("recommendation", s.recommendation)
            .at(s.where);
        for (const auto& e : s.evidence) {
            d.field("evidence", e.kind)
                .field("respondents", e.respondents ? *e.respondents : -1)
                .decimal("share", e.share);
            d.list("actors", e.actor_ids).field("text", e.text).at(e.where);
        }
    }
    return d.str();
}

std::string dump(const model::Findings& findings) {
    Dump d;
    for (const model::Finding& f : findings) {
        d.field("rule", f.rule)
            .field("severity", static_cast<long long>(f.severity))
            .field("section", f.section)
            .field("message", f.message_id)
            .at(f.where);
        for (const auto& [name, arg] : f.args)
            d.field(name.c_str(), arg.text).field("kind", static_cast<long long>(arg.kind)).field("n", arg.number);
    }
    return d.str();
}

// libxml2 2.9.14 keeps a '&' written as a reference in a namespace
// declaration as "&#38;" in the namespace name ("u:&amp;" gives "u:&#38;");
// the tree parser decodes it, as the Namespaces spec says. No such name can
// be one of our formats' namespaces, so it matters only for invalid files.
std::string decoded_ampersands(std::string text) {
    for (std::size_t at = text.find("&#38;"); at != std::string::npos; at = text.find("&#38;", at + 1))
        text.replace(at, 5, "&");
    return text;
}

void dump_tree(Dump& d, const load::XmlElement& e, bool decode_namespaces) {
    d.field("element", e.name)
        .field("ns", decode_namespaces ? decoded_ampersands(e.ns()) : e.ns())
        .field("line", e.line)
        .field("column", e.column)
        .field("path", e.path())
        .field("file", e.where().file);
    for (const auto& [name, value] : e.attributes) d.field("attribute", name).field("value", value);
    for (const load::XmlContent& c : e.content) {
        if (c.is_text)
            d.field("text", c.text);
        else
            d.field("child", static_cast<long long>(c.child));
    }
    d.field("children", static_cast<long long>(e.children.size()));
    for (const load::XmlElement& child : e.children) dump_tree(d, child, decode_namespaces);
}

std::string dump(const load::XmlElement& tree, bool decode_namespaces = false) {
    Dump d;
    dump_tree(d, tree, decode_namespaces);
    return d.str();
}

// ---------------------------------------------------------------- the properties

template <typename Load>
void require_same_load(const Load& one_pass, const Load& streaming, const model::Findings& one_pass_findings,
                       const model::Findings& streaming_findings) {
    FUZZ_REQUIRE(
        dump(one_pass_findings) == dump(streaming_findings),
        "findings differ:\n one pass:  " + dump(one_pass_findings) + "\n streaming: " + dump(streaming_findings));
    FUZZ_REQUIRE(one_pass.has_value() == streaming.has_value(), "one way gave a model, the other did not");
    if (one_pass)
        FUZZ_REQUIRE(dump(*one_pass) == dump(*streaming),
                     "models differ:\n one pass:  " + dump(*one_pass) + "\n streaming: " + dump(*streaming));
}

// Where a (line, column) of the element tree is in the bytes: lines end at
// '\n', columns count characters (UTF-8 lead bytes), as xml_tree.hpp says.
class Offsets {
public:
    explicit Offsets(std::string_view bytes) : bytes_(bytes) {
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < bytes.size(); ++i)
            if (bytes[i] == '\n') line_starts_.push_back(i + 1);
    }
    std::size_t at(int line, int column) const {
        if (line < 1 || column < 1 || static_cast<std::size_t>(line) > line_starts_.size())
            return std::string_view::npos;
        std::size_t offset = line_starts_[static_cast<std::size_t>(line) - 1];
        for (int c = 1; offset < bytes_.size(); ++offset) {
            if ((static_cast<unsigned char>(bytes_[offset]) & 0xC0u) == 0x80u) continue;
            if (c++ == column) return offset;
        }
        return std::string_view::npos;
    }

private:
    std::string_view bytes_;
    std::vector<std::size_t> line_starts_;
};

// Every element's position is that of its own start tag: '<', maybe a
// prefix, its name, then the end of the name.
void require_positions(std::string_view bytes, const Offsets& offsets, const load::XmlElement& element) {
    const std::size_t at = offsets.at(element.line, element.column);
    bool ok = at != std::string_view::npos && bytes[at] == '<';
    if (ok) {
        std::size_t end = at + 1;
        while (end < bytes.size() && std::string_view(" \t\r\n/>").find(bytes[end]) == std::string_view::npos) ++end;
        const std::string_view qname = bytes.substr(at + 1, end - at - 1);
        const std::size_t colon = qname.find(':');
        ok = (colon == std::string_view::npos ? qname : qname.substr(colon + 1)) == element.name;
    }
    FUZZ_REQUIRE(ok, element.path() + " is given line " + std::to_string(element.line) + ", column " +
                         std::to_string(element.column) + ", where its start tag is not: \"" +
                         std::string(at == std::string_view::npos ? "" : bytes.substr(at, 40)) + "\"");
    for (const load::XmlElement& child : element.children) require_positions(bytes, offsets, child);
}

void require_same_tree(std::string_view bytes, const load::Schema& schema) {
    model::Findings findings;
    if (!load::check_input_bytes(bytes, file_name, findings)) return;  // the loader stops here too
    const std::size_t findings_before = findings.size();
    load::XmlElement expected;
    expected.name = "\x01 no tree";  // what a refusal before parsing leaves untouched
    const load::Schema::Outcome outcome = schema.check_in_one_pass(bytes, file_name, findings, &expected, {});
    if (outcome != load::Schema::Outcome::not_well_formed && expected.name == "\x01 no tree") {
        // A start tag over the markup limits: libxml2 never saw the bytes;
        // the refusal is one X002 finding, and there is no tree to compare.
        FUZZ_REQUIRE(outcome == load::Schema::Outcome::invalid && findings.size() == findings_before + 1 &&
                         findings.back().rule == "X002",
                     "no tree, yet not the one X002 finding of a start tag over the limits");
        return;
    }
    if (outcome != load::Schema::Outcome::not_well_formed) require_positions(bytes, Offsets(bytes), expected);
    load::XmlElement tree;
    if (!load::parse_element_tree(bytes, tree)) return;  // it may give up on anything; libxml2 decides
    if (outcome == load::Schema::Outcome::not_well_formed) return;
    load::assign_element_paths(tree, std::make_shared<const std::string>(file_name));
    const std::string want = dump(expected, outcome != load::Schema::Outcome::valid);
    const std::string got = dump(tree);
    FUZZ_REQUIRE(want == got, std::string(outcome == load::Schema::Outcome::valid ? "valid" : "well-formed, invalid") +
                                  " file, trees differ:\n libxml2:     " + want + "\n tree parser: " + got);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    state = new State;  // lives for the process: the schemas are parsed once
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    // The trees first: a difference there explains one in the models.
    require_same_tree(bytes, state->plan_schema);
    const load::PlanLoad plan = state->one_pass.load_plan_bytes(bytes, file_name);
    const load::PlanLoad plan_streaming = state->streaming.load_plan_bytes(bytes, file_name);
    require_same_load(plan.application, plan_streaming.application, plan.findings, plan_streaming.findings);

    const load::FindingsLoad findings = state->one_pass.load_findings_bytes(bytes, file_name);
    const load::FindingsLoad findings_streaming = state->streaming.load_findings_bytes(bytes, file_name);
    require_same_load(findings.findings, findings_streaming.findings, findings.problems, findings_streaming.problems);
    // The tree does not depend on the schema; the findings schema's check is
    // only needed for its verdict, which the plan check above already gave.
    return 0;
}
