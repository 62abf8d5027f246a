// An edited budget workbook uploaded from the application page is shown
// before it is stored (issue 13): the preview is the diff of the latest plan
// against the same plan with the workbook's budget (as the API's
// ?dry-run=1), and its form accepts it as a new version.
//
// Between the two steps the revised plan travels in the accept form, base64
// in a hidden field, with the number of the version it was read against.
// Nothing is kept on the server, and trusting the field is no escalation:
// the owner who may press "accept" may upload any plan as a new version
// anyway. What the accept guards is the base: the plan is stored only while
// that version is still the latest (409 naming the newer one otherwise), so
// an upload that landed in between is never undone.
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>

#include <sstream>

#include "http/context.hpp"
#include "http/page_kit.hpp"
#include "http/pages.hpp"
#include "http/plan_diff.hpp"

namespace esfdraft::http {

namespace {

std::string base64(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

// 400 for text that is not base64 (a form that was tampered with or cut).
std::string unbase64(const std::string& text) {
    try {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in);
        std::ostringstream out;
        out << decoder.rdbuf();
        return out.str();
    } catch (const Poco::Exception&) {
        throw HttpError(400, "invalid",
                        Said{"formuläret bar inte en läsbar plan; ladda upp arbetsboken igen",
                             "the form did not carry a readable plan; upload the workbook again"});
    }
}

const std::string& field_of(const Request& request, const std::string& name) {
    static const std::string empty;
    const std::string* value = request.field(name);
    return value ? *value : empty;
}

std::string back_link(const Request& request, const std::string& id) {
    return "<p><a href=\"/applications/" + e(id) + "\">" +
           t(request, "Tillbaka till ansökan", "Back to the application") + "</a></p>";
}

}  // namespace

Response budget_preview_page(Context& context, Request& request) {
    const Caller& caller = caller_of(request);
    const store::Application application = visible_application(context, caller, request.params.at("id"));
    const std::string title = t(request, "Den redigerade budgeten", "The edited budget");
    BudgetRevision revision;
    try {
        revision = revise_budget(context, caller, application, request, false);
    } catch (const HttpError& error) {
        // A workbook that cannot be read back (a cell, a year, another
        // application's): what is wrong, where, on this page; nothing stored.
        if (error.status() != 422) throw;
        std::ostringstream out;
        out << "<h1>" << e(title) << "</h1><div class=\"alert\" role=\"alert\"><p>"
            << e(error.message(request.language)) << "</p><p>"
            << t(request, "Inget sparades. Rätta arbetsboken och ladda upp den igen.",
                 "Nothing was stored. Correct the workbook and upload it again.")
            << "</p></div>" << back_link(request, application.id);
        return html(request, {title, out.str()}, 422);
    }
    const UploadCheck old_check = check_version(context, revision.latest);
    const UploadCheck new_check =
        context.checker.check(revision.parts.plan, revision.parts.findings, version_day(revision.latest));
    const VersionSide from{revision.latest.number, old_check.application ? &*old_check.application : nullptr,
                           &old_check.report.findings};
    const VersionSide to{revision.latest.number + 1, new_check.application ? &*new_check.application : nullptr,
                         &new_check.report.findings};
    const JsonObject diff = diff_json(from, to, request.language);
    const std::string base = std::to_string(revision.latest.number);
    std::ostringstream out;
    out << "<h1>" << e(title) << ": " << t(request, "jämförd med version ", "compared with version ") << e(base)
        << "</h1>"
        << "<p id=\"preview-help\">"
        << (request.language == "en"
                ? "Nothing is stored yet. This is how the workbook's budget differs from version " + base +
                      ". Accept it to store it as a new version: the latest plan with only its budget replaced."
                : "Inget är sparat än. Så här skiljer sig budgeten i arbetsboken från version " + base +
                      ". Godta den för att spara den som en ny version: den senaste planen med bara budgeten utbytt.")
        << "</p>" << diff_html(request, diff);
    out << "<form method=\"post\" action=\"/applications/" << e(application.id)
        << "/budget/accept\" enctype=\"multipart/form-data\">" << csrf_field(request)
        << "<input type=\"hidden\" name=\"base\" value=\"" << e(base) << "\">"
        << "<input type=\"hidden\" name=\"plan\" value=\"" << e(base64(revision.parts.plan.bytes)) << "\">"
        << "<p><button type=\"submit\" aria-describedby=\"preview-help\">"
        << t(request, "Godta som ny version", "Accept as new version") << "</button> <a href=\"/applications/"
        << e(application.id) << "\">" << t(request, "Avbryt", "Cancel") << "</a></p></form>";
    return html(request, {title, out.str()});
}

void add_budget_upload_routes(Router& router, Context& context) {
    Context* site = &context;

    router.add({"POST", "/applications/{id}/budget",
                "Preview an edited budget workbook against the latest version (form: budget)", Access::signed_in, true,
                [site](Request& request) { return budget_preview_page(*site, request); }});

    router.add({"POST", "/applications/{id}/budget/accept",
                "Store a previewed budget as a new version while its base is still the latest (form: base, plan)",
                Access::signed_in, true, [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    const store::Application application = visible_application(*site, caller, request.params.at("id"));
                    const store::Version base = find_version(*site, application.id, field_of(request, "base"));
                    UploadParts parts;
                    parts.plan = {"plan.xml", unbase64(field_of(request, "plan"))};
                    if (parts.plan.bytes.empty()) {
                        throw HttpError(400, "invalid",
                                        Said{"formuläret bar ingen plan; ladda upp arbetsboken igen",
                                             "the form carried no plan; upload the workbook again"});
                    }
                    // The findings are the base version's, as the preview's were.
                    if (base.findings) parts.findings = NamedUpload{"findings.xml", *base.findings};
                    add_version(*site, caller, application, parts, base.number);
                    return redirect("/applications/" + application.id);
                }});
}

}  // namespace esfdraft::http
