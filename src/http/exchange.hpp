// One HTTP exchange as the handlers see it: the request already routed,
// authenticated and with its body read within the limits, and the response
// they build. No Poco types here, so handlers and tests need no server.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/said.hpp"

namespace esfdraft::http {

// A file part of a multipart/form-data body (plan, findings, budget).
struct UploadedPart {
    std::string filename;  // as the client sent it; only ever shown, never opened
    std::string content_type;
    std::string bytes;
};

// Who is calling, once the session cookie or the bearer token was accepted.
struct Caller {
    long long user_id = 0;
    std::string email;
    std::string name;
    std::string role;          // owner | reviewer | admin
    std::string organisation;  // owners only
    std::string language;      // the user's choice ("sv" | "en"), empty: Accept-Language decides
    bool by_cookie = false;    // unsafe methods then need the CSRF token
    std::string csrf;          // the CSRF token of the session (by_cookie only)
};

struct Request {
    std::string method;
    std::string path;                            // raw path, without the query
    std::map<std::string, std::string> params;   // path parameters, percent-decoded
    std::map<std::string, std::string> query;    // decoded; the last value of a repeated name
    std::map<std::string, std::string> headers;  // names in lower case
    std::map<std::string, std::string> cookies;
    std::string client_address;                 // "host" without the port
    std::string content_type;                   // media type only, lower case
    std::string body;                           // JSON bodies (empty for forms)
    std::map<std::string, std::string> fields;  // form fields (urlencoded or multipart)
    std::map<std::string, UploadedPart> parts;  // multipart file parts by name
    std::optional<Caller> caller;
    std::string language = "sv";  // for pages and messages: the user's, else Accept-Language

    const std::string* header(const std::string& lower_name) const;
    const std::string* query_value(const std::string& name) const;
    const std::string* field(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // added to the security headers
};

// A message in the two languages of the pages.
using Said = model::Said;

// A failure that has an HTTP answer: the handler throws, the server answers
// {"error": {"code", "message"}} (or the page saying so) with `status`.
// `details_json`, when not empty, is a JSON object whose members are added
// beside "error" (a refused submission carries its report).
// The JSON API's message is the English one (what()); a page shows
// message("sv") to a Swedish reader, so every error a page can meet is
// thrown with a Said. One given as a single string is the same in both.
class HttpError : public model::SaidError {
public:
    HttpError(int status, std::string code, const std::string& message, std::string details_json = {})
        : model::SaidError(message), status_(status), code_(std::move(code)), details_json_(std::move(details_json)) {}
    HttpError(int status, std::string code, Said message, std::string details_json = {})
        : model::SaidError(std::move(message)),
          status_(status),
          code_(std::move(code)),
          details_json_(std::move(details_json)) {}
    int status() const { return status_; }
    const std::string& code() const { return code_; }
    const std::string& details_json() const { return details_json_; }

private:
    int status_;
    std::string code_;
    std::string details_json_;
};

}  // namespace esfdraft::http
