// The router alone: patterns, decoding, 404 and 405; and reading a request
// from bytes without a server (request_reader).
#include <boost/test/unit_test.hpp>

#include <Poco/Net/HTTPRequest.h>

#include <sstream>

#include "http/request_reader.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

using namespace esfdraft::http;

namespace {
Router sample_router() {
    Router router;
    const Handler ok = [](Request&) { return Response{}; };
    router.add({"GET", "/api/applications", "", Access::signed_in, false, ok});
    router.add({"POST", "/api/applications", "", Access::signed_in, false, ok});
    router.add({"GET", "/api/applications/{id}", "", Access::signed_in, false, ok});
    router.add({"GET", "/api/applications/{id}/versions/{n}/plan.xml", "", Access::signed_in, false, ok});
    return router;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(parameters_are_one_decoded_segment) {
    const Router router = sample_router();
    const RouteMatch match = router.match("GET", "/api/applications/..%2f..%2fetc/versions/latest/plan.xml");
    BOOST_REQUIRE(match.kind == RouteMatch::Kind::found);
    BOOST_TEST(match.params.at("id") == "../../etc");
    BOOST_TEST(match.params.at("n") == "latest");
    BOOST_TEST(match.route->pattern == "/api/applications/{id}/versions/{n}/plan.xml");
}

BOOST_AUTO_TEST_CASE(unknown_paths_and_empty_segments_are_not_found) {
    const Router router = sample_router();
    BOOST_TEST(static_cast<int>(router.match("GET", "/api/nothing").kind) ==
               static_cast<int>(RouteMatch::Kind::not_found));
    BOOST_TEST(static_cast<int>(router.match("GET", "/api/applications/").kind) ==
               static_cast<int>(RouteMatch::Kind::not_found));
    BOOST_TEST(static_cast<int>(router.match("GET", "api/applications").kind) ==
               static_cast<int>(RouteMatch::Kind::not_found));
}

BOOST_AUTO_TEST_CASE(another_method_is_405_with_the_allowed_ones) {
    const Router router = sample_router();
    const RouteMatch match = router.match("DELETE", "/api/applications");
    BOOST_REQUIRE(match.kind == RouteMatch::Kind::method_not_allowed);
    BOOST_TEST((match.allowed == std::vector<std::string>{"GET", "HEAD", "POST"}));
    BOOST_TEST(static_cast<int>(router.match("HEAD", "/api/applications").kind) ==
               static_cast<int>(RouteMatch::Kind::found));
}

BOOST_AUTO_TEST_CASE(a_malformed_escape_is_400) {
    const Router router = sample_router();
    BOOST_CHECK_EXCEPTION(router.match("GET", "/api/applications/%zz"), HttpError,
                          [](const HttpError& error) { return error.status() == 400 && error.code() == "invalid"; });
    BOOST_CHECK_EXCEPTION(router.match("GET", "/api/applications/%4"), HttpError,
                          [](const HttpError& error) { return error.status() == 400; });
}

BOOST_AUTO_TEST_CASE(a_route_added_twice_is_refused) {
    Router router = sample_router();
    BOOST_CHECK_THROW(
        router.add({"GET", "/api/applications", "", Access::signed_in, false, [](Request&) { return Response{}; }}),
        std::logic_error);
}

BOOST_AUTO_TEST_CASE(accept_language_picks_the_preferred_of_swedish_and_english) {
    BOOST_TEST(language_from_accept("en-GB,en;q=0.9,sv;q=0.8") == "en");
    BOOST_TEST(language_from_accept("de, sv;q=0.5, en;q=0.4") == "sv");
    BOOST_TEST(language_from_accept("fr") == "sv");
    BOOST_TEST(language_from_accept("") == "sv");
}

BOOST_AUTO_TEST_CASE(listen_addresses) {
    ServerOptions options;
    parse_listen("127.0.0.1:9000", options);
    BOOST_TEST(options.host == "127.0.0.1");
    BOOST_TEST(options.port == 9000);
    parse_listen("[::1]:8081", options);
    BOOST_TEST(options.host == "::1");
    BOOST_CHECK_THROW(parse_listen("localhost", options), std::invalid_argument);
    BOOST_CHECK_THROW(parse_listen("localhost:99999", options), std::invalid_argument);
    BOOST_CHECK_THROW(parse_listen("localhost:http", options), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_content_length_that_is_not_a_number_is_400) {
    // Poco's getContentLength64 threw its SyntaxException out of has_body and
    // read_body (found by tests/fuzz/fuzz_request), which the server answers
    // 500 "internal" and logs as its own failure.
    for (const char* length : {"st:8080", "12abc", "-5", "99999999999999999999", ""}) {
        std::istringstream head(std::string("POST /api/login HTTP/1.1\r\nContent-Length: ") + length +
                                "\r\nContent-Type: application/json\r\n\r\n");
        Poco::Net::HTTPRequest from;
        from.read(head);
        Request request;
        read_head(from, request);
        BOOST_TEST_CONTEXT("Content-Length: " << length) {
            try {
                has_body(from);
                BOOST_TEST(false, "no error");
            } catch (const HttpError& error) {
                BOOST_TEST(error.status() == 400);
                BOOST_TEST(std::string(error.what()) == "the Content-Length is not a number of bytes");
            }
            std::istringstream body("{}");
            BOOST_CHECK_THROW(read_body(from, body, request, ServerOptions{}), HttpError);
        }
    }
    // A number is read as before: within the limit, and past it 413.
    std::istringstream head("POST /api/login HTTP/1.1\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n");
    Poco::Net::HTTPRequest from;
    from.read(head);
    Request request;
    read_head(from, request);
    BOOST_TEST(has_body(from));
    std::istringstream body("{}");
    read_body(from, body, request, ServerOptions{});
    BOOST_TEST(request.body == "{}");
    ServerOptions tiny;
    tiny.json_limit = 1;
    std::istringstream again("{}");
    try {
        read_body(from, again, request, tiny);
        BOOST_TEST(false, "no error");
    } catch (const HttpError& error) {
        BOOST_TEST(error.status() == 413);
        BOOST_TEST(std::string(error.what()) == "the request body is larger than 1 bytes");
    }
}

BOOST_AUTO_TEST_SUITE_END()
