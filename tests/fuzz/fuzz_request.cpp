// fuzz_request: what a client sends to `esfdraft serve`, from bytes, through
// the code the server runs on it (src/http/request_reader, router, json).
//
// The input is a raw request: request line, headers, a blank line, the body.
// Poco's message parser reads the head, as the server's connection does (a
// head it refuses is Poco's 400, not ours: skipped); the body is the rest,
// cut at Content-Length. Then, as the server does: read_head, the router
// (the service's own route patterns), read_body with small limits (so that
// the limits are reached), and for a JSON body the API's body_object and
// string_member.
//
// Properties (a failure traps):
//  - our code fails only with HttpError, and only with 400 (invalid), 413
//    (too-large) or 415 (unsupported-media-type); any other exception,
//    crash, leak or undefined behaviour is a failure;
//  - the head as read: header names in lower case, the media type in lower
//    case without parameters or surrounding blanks, the language "sv" or
//    "en", the path the target up to '?';
//  - the router: a match has the pattern's segments (literal ones equal,
//    each {name} a non-empty segment, decoded), a method its route takes;
//    405 lists the methods, sorted, without the one asked;
//  - the limits: every file part at most part_limit bytes, at most form_field_limit
//    fields, each at most json_limit, a JSON body at most json_limit, a
//    multipart body's parts at most body_limit together;
//  - a JSON object the API accepted stringifies to text that parses again.
#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <typeinfo>
#include <vector>

#include "fuzz_support.hpp"
#include "http/json.hpp"
#include "http/request_reader.hpp"
#include "http/router.hpp"
#include "service_routes.hpp"

using namespace esfdraft;
using esfdraft::http::HttpError;

namespace {

// Small, so that a fuzz input reaches every limit.
http::ServerOptions limits() {
    http::ServerOptions options;
    options.part_limit = 4096;
    options.body_limit = 16384;
    options.json_limit = 2048;
    return options;
}

http::Router& router() {
    static http::Router routes = [] {
        http::Router built;
        for (const auto& [method, pattern] : fuzz::service_routes)
            built.add(
                {method, pattern, "", http::Access::anyone, false, [](http::Request&) { return http::Response{}; }});
        return built;
    }();
    return routes;
}

std::vector<std::string> segments(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        out.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return out;
}

bool lower_case(const std::string& text) {
    return std::none_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// An HttpError our code may give for what a client sent.
void require_client_error(const HttpError& error, const char* where) {
    FUZZ_REQUIRE(error.status() == 400 || error.status() == 413 || error.status() == 415,
                 std::string(where) + ": HttpError " + std::to_string(error.status()) + " " + error.code() + ": " +
                     error.what());
}

[[noreturn]] void unexpected(const char* where, const std::exception& error) {
    esfdraft::fuzz::property_failed("only HttpError escapes",
                                    std::string(where) + ": " + typeid(error).name() + ": " + error.what(), __FILE__,
                                    __LINE__);
}

void check_route(const http::Request& request) {
    http::RouteMatch match;
    try {
        match = router().match(request.method, request.path);
    } catch (const HttpError& error) {
        require_client_error(error, "router");
        return;
    } catch (const std::exception& error) {
        unexpected("router", error);
    }
    if (match.kind == http::RouteMatch::Kind::found) {
        FUZZ_REQUIRE(match.route != nullptr, "a match without a route");
        const std::string wanted = request.method == "HEAD" ? "GET" : request.method;
        FUZZ_REQUIRE(match.route->method == wanted, match.route->method + " route for " + request.method);
        const std::vector<std::string> want = segments(match.route->pattern), got = segments(request.path);
        FUZZ_REQUIRE(want.size() == got.size(), request.path + " matched " + match.route->pattern);
        std::size_t named = 0;
        for (std::size_t i = 0; i < want.size(); ++i) {
            if (want[i].size() > 2 && want[i].front() == '{') {
                ++named;
                const auto param = match.params.find(want[i].substr(1, want[i].size() - 2));
                FUZZ_REQUIRE(
                    param != match.params.end() && !got[i].empty() && param->second == http::percent_decode(got[i]),
                    request.path + ": the parameter " + want[i]);
            } else {
                FUZZ_REQUIRE(want[i] == got[i], request.path + " matched " + match.route->pattern);
            }
        }
        FUZZ_REQUIRE(match.params.size() == named, request.path + ": parameters the pattern does not name");
    } else if (match.kind == http::RouteMatch::Kind::method_not_allowed) {
        FUZZ_REQUIRE(!match.allowed.empty() && std::is_sorted(match.allowed.begin(), match.allowed.end()) &&
                         std::adjacent_find(match.allowed.begin(), match.allowed.end()) == match.allowed.end(),
                     "405 without a sorted list of methods");
        FUZZ_REQUIRE(std::find(match.allowed.begin(), match.allowed.end(), request.method) == match.allowed.end(),
                     "405 for " + request.method + ", which the route allows");
    }
}

void check_json(const http::Request& request) {
    http::JsonObject body;
    try {
        body = http::body_object(request);
    } catch (const HttpError& error) {
        require_client_error(error, "body_object");
        FUZZ_REQUIRE(request.content_type == "application/json" ? error.status() == 400 : error.status() == 415,
                     "body_object: " + std::to_string(error.status()) + " for " + request.content_type);
        return;
    } catch (const std::exception& error) {
        unexpected("body_object", error);
    }
    FUZZ_REQUIRE(request.content_type == "application/json", "a JSON body accepted as " + request.content_type);
    FUZZ_REQUIRE(body, "body_object gave no object");
    for (const char* name : {"email", "password", "to", "comment", "text", "section", "rule", "path"}) {
        try {
            (void)http::string_member(body, name);
        } catch (const HttpError& error) {
            require_client_error(error, "string_member");
        } catch (const std::exception& error) {
            unexpected("string_member", error);
        }
    }
    std::string text;
    try {
        text = http::stringify(body);
    } catch (const std::exception& error) {
        unexpected("stringify", error);
    }
    FUZZ_REQUIRE(http::parse_object_text(text), "an accepted object stringifies to text that does not parse: " + text);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    router();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::istringstream in(bytes);
    Poco::Net::HTTPRequest head;
    try {
        head.read(in);
    } catch (const Poco::Exception&) {
        return 0;  // Poco's connection answers 400 itself; our code never sees it
    }
    in.clear();
    const std::streamoff read_up_to = in.tellg();
    const std::string rest = read_up_to < 0 ? std::string() : bytes.substr(static_cast<std::size_t>(read_up_to));

    http::Request request;
    bool page = false;
    try {
        page = http::read_head(head, request);
    } catch (const HttpError& error) {
        require_client_error(error, "read_head");
        return 0;
    } catch (const std::exception& error) {
        unexpected("read_head", error);
    }
    for (const auto& [name, value] : request.headers) FUZZ_REQUIRE(lower_case(name), "the header name '" + name + "'");
    FUZZ_REQUIRE(lower_case(request.content_type) && request.content_type.find(';') == std::string::npos &&
                     (request.content_type.empty() ||
                      (request.content_type.front() != ' ' && request.content_type.back() != ' ')),
                 "the media type '" + request.content_type + "'");
    FUZZ_REQUIRE(request.language == "sv" || request.language == "en", "the language '" + request.language + "'");
    FUZZ_REQUIRE(request.path == head.getURI().substr(0, head.getURI().find('?')), "the path '" + request.path + "'");
    FUZZ_REQUIRE(page == (request.path.rfind("/api/", 0) != 0 && request.path != "/healthz"),
                 "page or not for " + request.path);

    check_route(request);

    const http::ServerOptions options = limits();
    bool body_announced = false;
    try {
        body_announced = http::has_body(head);
    } catch (const HttpError& error) {
        require_client_error(error, "has_body");
        return 0;
    } catch (const std::exception& error) {
        unexpected("has_body", error);
    }
    if (body_announced) {
        // As Poco's fixed-length stream gives it: at most Content-Length bytes
        // (has_body has checked that the header is a number).
        std::string body = rest;
        if (!head.getChunkedTransferEncoding() && head.hasContentLength())
            body = body.substr(0, static_cast<std::size_t>(std::min<Poco::Int64>(
                                      head.getContentLength64(), static_cast<Poco::Int64>(body.size()))));
        std::istringstream body_stream(body);
        try {
            http::read_body(head, body_stream, request, options);
        } catch (const HttpError& error) {
            require_client_error(error, "read_body");
            return 0;
        } catch (const std::exception& error) {
            unexpected("read_body", error);
        }
    }
    std::size_t in_parts = 0;
    for (const auto& [name, part] : request.parts) {
        FUZZ_REQUIRE(part.bytes.size() <= options.part_limit,
                     "the part '" + name + "' holds " + std::to_string(part.bytes.size()) + " bytes");
        in_parts += part.bytes.size();
    }
    FUZZ_REQUIRE(in_parts <= options.body_limit, std::to_string(in_parts) + " bytes in parts");
    FUZZ_REQUIRE(request.fields.size() <= http::form_field_limit, std::to_string(request.fields.size()) + " fields");
    for (const auto& [name, value] : request.fields)
        FUZZ_REQUIRE(value.size() <= options.json_limit,
                     "the field '" + name + "' holds " + std::to_string(value.size()) + " bytes");
    FUZZ_REQUIRE(request.body.size() <= options.json_limit,
                 "a body of " + std::to_string(request.body.size()) + " bytes");

    check_json(request);
    return 0;
}
