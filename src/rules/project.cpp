// Project facts M001–M010 (docs/rules.md, "Project facts" and "Added rules").
#include "rules/check.hpp"
#include "rules/rule_finding.hpp"
#include "rules/terms.hpp"
#include "rules/text_match.hpp"

namespace esfdraft::rules {

namespace {

using model::MessageArg;
using model::Severity;

// A name matches a municipality when it is the name itself, or the name
// followed by " kommun" or " stad" ("Umeå kommun", "Stockholms stad"), ignoring case.
bool names_municipality(const std::string& written, const model::Municipality& municipality) {
    const std::string name = folded(municipality.name);
    const std::string given = folded(written);
    if (given == name) return true;
    for (std::string_view suffix : {" kommun", "s kommun", " stad", "s stad"})
        if (given == name + std::string(suffix)) return true;
    return false;
}

// Swedish organisationsnummer: NNNNNN-NNNN, the last digit a Luhn check digit
// over the other nine. Returns the right check digit, or -1 when the form is wrong.
int expected_check_digit(const std::string& number) {
    if (number.size() != 11 || number[6] != '-') return -1;
    std::string digits;
    for (std::size_t i = 0; i < number.size(); ++i) {
        if (i == 6) continue;
        if (number[i] < '0' || number[i] > '9') return -1;
        digits += number[i];
    }
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i) {
        int value = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += value > 9 ? value - 9 : value;
    }
    return (10 - sum % 10) % 10;
}

void check_org_number(const std::optional<std::string>& number, const std::string& organisation,
                      std::string_view section, const model::SourceLocation& where, model::Findings& out) {
    if (!number) return;
    const int expected = expected_check_digit(*number);
    if (expected < 0) {
        out.push_back(rule_finding("M005", section, "M005.form", where)
                          .arg("number", MessageArg::of_text(*number))
                          .arg("organisation", MessageArg::of_text(organisation)));
    } else if (expected != number->back() - '0') {
        out.push_back(rule_finding("M005", section, "M005.check_digit", where)
                          .arg("number", MessageArg::of_text(*number))
                          .arg("organisation", MessageArg::of_text(organisation))
                          .arg("digit", MessageArg::of_number(number->back() - '0'))
                          .arg("expected", MessageArg::of_number(expected)));
    }
}

// Plausible: one '@', a non-empty local part, a domain with a dot between
// non-empty labels, no spaces or angle brackets. Not RFC 5322, on purpose:
// the aim is to catch "kim.example.se" and "kim@", not to judge rare forms.
bool plausible_email(const std::string& email) {
    const std::size_t at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) return false;
    for (char c : email)
        if (c == ' ' || c == '<' || c == '>' || c == ',' || c == ';' || static_cast<unsigned char>(c) < 0x21)
            return false;
    const std::string domain = email.substr(at + 1);
    const std::size_t dot = domain.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 2 > domain.size()) return false;
    if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string::npos) return false;
    return true;
}

std::string region_name(const model::MunicipalityRegister& regions, const std::string& code) {
    const model::Region* region = regions.find_region(code);
    return region ? region->name : code;
}

void check_area(const model::Application& application, const model::RulePack& pack, const Terms& terms,
                model::Findings& out) {
    const auto& area = application.project.programme_area;
    const model::ProgrammeArea* known = pack.find_area(area.value);
    if (!known) {
        std::vector<std::string> codes;
        for (const model::ProgrammeArea& each : pack.areas) codes.push_back(each.code);
        out.push_back(rule_finding("M001", "project", "M001.unknown_area", area.where)
                          .arg("area", MessageArg::of_text(area.value))
                          .arg("programme", MessageArg::of_text(pack.name))
                          .arg("areas", MessageArg::of_text(join(codes))));
        return;
    }
    if (terms.call && !terms.call->allows_area(area.value))
        out.push_back(rule_finding("M001", "project", "M001.area_not_in_call", area.where)
                          .arg("area", MessageArg::of_text(area.value))
                          .arg("call", MessageArg::of_text(terms.call->name))
                          .arg("areas", MessageArg::of_text(join(terms.call->areas))));
    const std::string& region = application.project.region.value;
    bool open = known->regions.empty();
    for (const std::string& code : known->regions) open = open || code == region;
    if (!open)
        out.push_back(rule_finding("M001", "project", "M001.area_region", area.where)
                          .arg("area", MessageArg::of_text(area.value))
                          .arg("regions", MessageArg::of_text(join(known->regions)))
                          .arg("region", MessageArg::of_text(region)));
}

void check_phase(const model::Application& application, const model::RulePack& pack, const Terms& terms,
                 model::Findings& out) {
    const auto& phase = application.project.phase;
    if (!terms.phase) {
        std::vector<std::string> codes;
        for (const model::PhaseRules& each : pack.phases) codes.push_back(each.code);
        out.push_back(rule_finding("M002", "project", "M002.unknown_phase", phase.where)
                          .arg("phase", MessageArg::of_text(phase.value))
                          .arg("programme", MessageArg::of_text(pack.name))
                          .arg("phases", MessageArg::of_text(join(codes))));
        return;
    }
    if (terms.call && !terms.call->allows_phase(phase.value))
        out.push_back(rule_finding("M002", "project", "M002.phase_not_in_call", phase.where)
                          .arg("phase", MessageArg::of_text(phase.value))
                          .arg("call", MessageArg::of_text(terms.call->name))
                          .arg("phases", MessageArg::of_text(join(terms.call->phases))));
}

void check_municipalities(const model::Application& application, const model::MunicipalityRegister& regions,
                          model::Findings& out) {
    const std::string& region = application.project.region.value;
    for (const model::MunicipalityRef& reference : application.project.municipalities) {
        const model::Municipality* municipality = regions.find(reference.code);
        if (!municipality) {
            out.push_back(rule_finding("M003", "project", "M003.unknown_code", reference.where)
                              .arg("code", MessageArg::of_text(reference.code)));
            continue;
        }
        if (reference.name && !names_municipality(*reference.name, *municipality))
            out.push_back(rule_finding("M003", "project", "M003.name_mismatch", reference.where)
                              .arg("code", MessageArg::of_text(reference.code))
                              .arg("expected", MessageArg::of_text(municipality->name))
                              .arg("name", MessageArg::of_text(*reference.name)));
        if (!reference.partner && municipality->nuts2 != region && regions.find_region(region))
            out.push_back(
                rule_finding("M004", "project", "M004.outside_region", reference.where)
                    .arg("name", MessageArg::of_text(municipality->name))
                    .arg("code", MessageArg::of_text(reference.code))
                    .arg("municipality_region", MessageArg::of_text(municipality->nuts2))
                    .arg("municipality_region_name", MessageArg::of_text(region_name(regions, municipality->nuts2)))
                    .arg("region", MessageArg::of_text(region))
                    .arg("region_name", MessageArg::of_text(region_name(regions, region))));
    }
    // The pre-study's actors name their municipality by code too.
    if (application.findings)
        for (const model::Actor& actor : application.findings->actors)
            if (actor.municipality_code && !regions.find(*actor.municipality_code))
                out.push_back(rule_finding("M003", "findings", "M003.unknown_code", actor.where)
                                  .arg("code", MessageArg::of_text(*actor.municipality_code)));
}

// M008: the call's own lists cover the plan's region and programme area.
// (M001 also names an area the call does not list, in its own words.)
void check_call_coverage(const model::Application& application, const Terms& terms,
                         const model::MunicipalityRegister* regions, model::Findings& out) {
    if (!terms.call) return;
    const model::Project& project = application.project;
    const std::string& region = project.region.value;
    if (!terms.call->allows_region(region))
        out.push_back(
            rule_finding("M008", "project", "M008.call_region", located_or(project.region.where, project.where))
                .arg("region", MessageArg::of_text(region))
                .arg("region_name", MessageArg::of_text(regions ? region_name(*regions, region) : region))
                .arg("call", MessageArg::of_text(terms.call->name))
                .arg("regions", MessageArg::of_text(join(terms.call->regions))));
    const std::string& area = project.programme_area.value;
    if (!terms.call->allows_area(area))
        out.push_back(
            rule_finding("M008", "project", "M008.call_area", located_or(project.programme_area.where, project.where))
                .arg("area", MessageArg::of_text(area))
                .arg("call", MessageArg::of_text(terms.call->name))
                .arg("areas", MessageArg::of_text(join(terms.call->areas))));
}

// M009: every attachment the call requires is listed, and every one listed
// is of a kind the call considers. Silent for a call that lists none.
void check_attachments(const model::Application& application, const Terms& terms, model::Findings& out) {
    if (!terms.call || terms.call->attachments.empty()) return;
    const model::Call& call = *terms.call;
    std::vector<std::string> kinds;
    for (const model::AttachmentRule& rule : call.attachments) kinds.push_back(rule.kind);
    const model::SourceLocation& where =
        application.attachments ? located_or(application.attachments_where, application.where) : application.where;
    for (const model::AttachmentRule& rule : call.attachments) {
        if (!rule.required) continue;
        bool listed = false;
        if (application.attachments)
            for (const model::Attachment& attachment : *application.attachments)
                listed = listed || attachment.kind == rule.kind;
        if (!listed)
            out.push_back(rule_finding("M009", "attachments", "M009.missing", where)
                              .arg("kind", MessageArg::of_text(rule.kind))
                              .arg("name_sv", MessageArg::of_text(rule.name.sv))
                              .arg("name_en", MessageArg::of_text(rule.name.en))
                              .arg("call", MessageArg::of_text(call.name)));
    }
    if (application.attachments)
        for (const model::Attachment& attachment : *application.attachments) {
            bool known = false;
            for (const std::string& kind : kinds) known = known || kind == attachment.kind;
            if (!known)
                out.push_back(
                    rule_finding("M009", "attachments", "M009.unknown_kind", located_or(attachment.where, where))
                        .arg("kind", MessageArg::of_text(attachment.kind))
                        .arg("title", MessageArg::of_text(excerpt(attachment.title, 50)))
                        .arg("call", MessageArg::of_text(call.name))
                        .arg("kinds", MessageArg::of_text(join(kinds))));
        }
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// M010: the applicant's kind, postal address, authorised signatory and
// finance contact, all in one finding that names what is missing.
void check_applicant(const model::Application& application, model::Findings& out) {
    const model::Project& project = application.project;
    if (!project.applicant) {
        out.push_back(rule_finding("M010", "project", "M010.no_applicant", project.where)
                          .arg("missing", MessageArg::of_text("kind, address, signatory, financeContact")));
        return;
    }
    const model::Applicant& applicant = *project.applicant;
    std::vector<std::string> missing;
    if (!applicant.kind || blank(applicant.kind->value)) missing.emplace_back("kind");
    if (!applicant.address || blank(applicant.address->street) || blank(applicant.address->postcode) ||
        blank(applicant.address->city))
        missing.emplace_back("address");
    if (!applicant.signatory || blank(applicant.signatory->name) || blank(applicant.signatory->title))
        missing.emplace_back("signatory");
    if (!applicant.finance_contact || blank(applicant.finance_contact->name) ||
        (blank(applicant.finance_contact->email) &&
         (!applicant.finance_contact->phone || blank(*applicant.finance_contact->phone))))
        missing.emplace_back("financeContact");
    if (!missing.empty())
        out.push_back(rule_finding("M010", "project", "M010.incomplete", located_or(applicant.where, project.where))
                          .arg("missing", MessageArg::of_text(join(missing))));
}

}  // namespace

model::Findings check_project(const model::Application& application, const model::RulePack& pack,
                              const CheckContext& context) {
    model::Findings out;
    const Terms terms = terms_for(application, pack, context);
    const model::Project& project = application.project;
    check_area(application, pack, terms, out);
    check_phase(application, pack, terms, out);
    if (context.municipalities) check_municipalities(application, *context.municipalities, out);
    check_call_coverage(application, terms, context.municipalities, out);
    check_attachments(application, terms, out);
    check_applicant(application, out);

    check_org_number(project.owner.org_number, project.owner.name, "project", project.owner.where, out);
    for (const model::Partner& partner : application.partners)
        check_org_number(partner.org_number, partner.name, "partners", partner.where, out);
    for (const model::FinancingSource& source : application.budget.financing)
        check_org_number(source.org_number, source.funder.value_or(source.kind), "budget", source.where, out);

    if (!plausible_email(project.contact.email))
        out.push_back(
            rule_finding("M006", "project", "M006.email",
                         located_or(project.contact.email_where, located_or(project.contact.where, project.where)))
                .arg("email", MessageArg::of_text(project.contact.email)));

    if (project.phase.value == "implementation" && !project.pre_study)
        out.push_back(rule_finding("M007", "project", "M007.no_prestudy", project.where)
                          .arg("programme", MessageArg::of_text(application.programme)));
    return out;
}

}  // namespace esfdraft::rules
