// Method + path pattern → handler. Patterns are literal segments and
// `{name}` segments, which match one non-empty segment and hand it,
// percent-decoded, to the handler as a parameter (so "..%2f" is a value,
// never a path step). A path that matches no pattern is 404; one that
// matches with another method is 405 with the methods that would do.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http/exchange.hpp"

namespace esfdraft::http {

using Handler = std::function<Response(Request&)>;

// Who may reach a route at all; what they may do on it is the handler's.
enum class Access {
    anyone,     // no authentication needed (healthz, login, openapi, the sign-in page)
    signed_in,  // any user with a session or token; anonymous callers get 401 (or the sign-in page)
};

struct Route {
    std::string method;   // GET, POST, ...
    std::string pattern;  // "/api/applications/{id}"
    std::string summary;  // one line for the OpenAPI description
    Access access = Access::signed_in;
    bool page = false;  // an HTML page (errors as pages, anonymous callers sent to sign in)
    Handler handler;
};

struct RouteMatch {
    enum class Kind { found, not_found, method_not_allowed } kind = Kind::not_found;
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed;  // for method_not_allowed, sorted
};

class Router {
public:
    // Throws std::logic_error for a pattern added twice with one method.
    void add(Route route);
    // `path` is the raw request path (percent-encoded, no query). HEAD
    // matches GET routes.
    RouteMatch match(const std::string& method, const std::string& path) const;
    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
};

// "%2F" → "/", "+" stays "+" (paths are not forms). Throws HttpError 400
// for a malformed escape.
std::string percent_decode(const std::string& text);

}  // namespace esfdraft::http
