// Starting an implementation application from a pre-study application
// (issue 13): POST /applications/{id}/follow-up makes the implementation
// plan with the pre-study's facts, municipalities and the preStudy link
// (pipeline::follow_up_plan), stores it as a new application of the same
// owner and sends the owner to its editor's facts part.
#include "http/context.hpp"
#include "http/page_kit.hpp"
#include "http/pages.hpp"
#include "pipeline/new_plan.hpp"
#include "pipeline/pipeline.hpp"

namespace esfdraft::http {

void add_follow_up_route(Router& router, Context& context) {
    Context* site = &context;
    router.add(
        {"POST", "/applications/{id}/follow-up", "Start an implementation application from a pre-study application",
         Access::signed_in, true, [site](Request& request) {
             const Caller& caller = caller_of(request);
             const store::Application application = visible_application(*site, caller, request.params.at("id"));
             if (caller.role != "owner" || caller.organisation != application.organisation) {
                 throw HttpError(403, "forbidden",
                                 Said{"bara den ägande organisationen startar en genomförandeansökan från förstudien",
                                      "only the owner's organisation starts an implementation application from it"});
             }
             const store::Version latest = find_version(*site, application.id, "latest");
             const std::string lang = request.language == "en" ? "en" : "sv";
             pipeline::NewPlanBytes made;
             try {
                 made = pipeline::follow_up_plan(latest.plan, "plan.xml", site->today(), lang);
             } catch (const pipeline::ToolError& error) {
                 // Not a pre-study, or a plan that does not load: nothing is created.
                 throw HttpError(
                     409, "conflict",
                     Said{"en genomförandeansökan går att starta bara från en förstudie vars senaste version går att "
                          "läsa: " +
                              error.message("sv"),
                          "an implementation application starts only from a pre-study whose latest version loads: " +
                              error.message("en")});
             }
             UploadParts parts;
             parts.plan = {"plan.xml", made.plan};
             // The pre-study's own findings when it has them (its results are the
             // evidence the implementation rests on), else the skeleton to fill in.
             if (latest.findings)
                 parts.findings = NamedUpload{"findings.xml", *latest.findings};
             else if (made.findings)
                 parts.findings = NamedUpload{"findings.xml", *made.findings};
             const StoredVersion stored = create_application(*site, caller, parts);
             site->store.append_history({stored.application, caller.user_id, "follow-up", std::nullopt, std::nullopt,
                                         "from " + application.id});
             return redirect("/applications/" + stored.application + "/edit/facts");
         }});
}

}  // namespace esfdraft::http
