#include "http/site.hpp"

#include "http/api.hpp"
#include "http/context.hpp"
#include "http/pages.hpp"
#include "store/passwords.hpp"

#include <cstdlib>
#include <cstring>

namespace esfdraft::http {

namespace {

Caller caller_from(const store::User& user) {
    Caller caller;
    caller.user_id = user.id;
    caller.email = user.email;
    caller.name = user.name;
    caller.role = std::string(store::to_string(user.role));
    caller.organisation = user.organisation;
    return caller;
}

std::optional<Caller> authenticate(Context& context, const Request& request) {
    std::optional<Caller> caller;
    if (const std::string* authorization = request.header("authorization")) {
        const std::string prefix = "Bearer ";
        if (authorization->rfind(prefix, 0) != 0) return std::nullopt;
        const std::string token = authorization->substr(prefix.size());
        if (token.empty() || token.size() > 200) return std::nullopt;
        const std::optional<store::AuthenticatedToken> found = context.store.find_api_token(store::token_hash(token));
        if (!found) return std::nullopt;
        caller = caller_from(found->user);
    } else {
        const auto cookie = request.cookies.find(session_cookie);
        if (cookie == request.cookies.end() || cookie->second.empty() || cookie->second.size() > 200)
            return std::nullopt;
        const std::optional<store::AuthenticatedSession> found =
            context.store.find_session(store::token_hash(cookie->second));
        if (!found) return std::nullopt;
        caller = caller_from(found->user);
        caller->by_cookie = true;
        caller->csrf = found->session.csrf_token;
    }
    const auto lang = request.cookies.find(language_cookie);
    if (lang != request.cookies.end() && (lang->second == "sv" || lang->second == "en"))
        caller->language = lang->second;
    return caller;
}

}  // namespace

Site::Site(store::Store& store, SiteOptions options) : context_(std::make_unique<Context>(store, std::move(options))) {
    add_api_routes(router_, *context_);
    add_page_routes(router_, *context_);
    add_editor_routes(router_, *context_);
    // For bench/serve.sh only, deliberately not in docs/service.md: with
    // ESFDRAFT_BENCH_FLOOR=1 in the environment, GET /bench/floor answers a
    // fixed 200 without touching the database or the pipeline, so the
    // benchmark can state what the HTTP layer alone costs (its "floor")
    // beside the real routes. Without the variable the route does not exist.
    if (const char* floor = std::getenv("ESFDRAFT_BENCH_FLOOR"); floor && std::strcmp(floor, "1") == 0) {
        router_.add({"GET", "/bench/floor", "Benchmark floor: a fixed 200", Access::anyone, false, [](Request&) {
                         Response response;
                         response.content_type = "text/plain; charset=utf-8";
                         response.body = "ok\n";
                         return response;
                     }});
    }
}

Site::~Site() = default;

const Router& Site::router() const { return router_; }

SiteHooks Site::hooks() {
    Context* context = context_.get();
    SiteHooks hooks;
    hooks.authenticate = [context](const Request& request) { return authenticate(*context, request); };
    hooks.error_page = [context](const Request& request, const HttpError& error) {
        return error_page(*context, request, error);
    };
    return hooks;
}

}  // namespace esfdraft::http
