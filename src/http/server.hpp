// The HTTP server under `esfdraft serve`: Poco Net's HTTPServer with a
// bounded thread pool and queue, request limits and timeouts, one JSON
// access-log line per request, the security headers on every response, and
// errors answered in one shape ({"error": {"code", "message"}}) or as a
// page. What the routes do is the Site's (see site.hpp); this file knows
// only HTTP.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "http/exchange.hpp"
#include "http/router.hpp"

namespace esfdraft::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080;           // 0: any free port (tests)
    int threads = 8;                      // requests served at once
    int queue = 64;                       // connections waiting for a thread; more are refused
    std::size_t part_limit = 32u << 20;   // one uploaded part (413 beyond)
    std::size_t body_limit = 100u << 20;  // the whole body, multipart or not (413 beyond)
    std::size_t json_limit = 1u << 20;    // a JSON or urlencoded body (413 beyond)
    int timeout_seconds = 30;             // a client that sends nothing for this long is dropped
    int shutdown_seconds = 20;            // how long stop() waits for requests in flight
    std::ostream* access_log = nullptr;   // one JSON line per request; nullptr: none
};

// "HOST:PORT", "[::1]:PORT" or ":PORT" into options; throws
// std::invalid_argument with the reason for anything else.
void parse_listen(const std::string& listen, ServerOptions& options);

// What the server asks of the application behind it.
struct SiteHooks {
    // The caller of a request (cookie or bearer token) or nullopt. May throw
    // HttpError (a bad token format is still just anonymous: return nullopt).
    std::function<std::optional<Caller>(const Request&)> authenticate;
    // The page shown for an error on a page route (status, code, message).
    std::function<Response(const Request&, const HttpError&)> error_page;
    // The caller's language when signed in and they chose one; else the
    // server takes Accept-Language.
};

class Server {
public:
    // Binds the socket (throws std::runtime_error when it cannot) but
    // serves nothing before start().
    Server(const Router& router, SiteHooks hooks, ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    void start();
    // Stops accepting, lets requests in flight finish for at most
    // options.shutdown_seconds, then returns. Safe to call twice.
    void stop();
    unsigned short port() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Blocks SIGTERM and SIGINT in the calling thread (and so in every thread
// started after), to be called first thing in `serve`; then
// wait_for_termination() returns when one arrives.
void block_termination_signals();
void wait_for_termination();

// Sends the shape {"error": {"code", "message"}} (plus details) as JSON.
std::string error_json(const HttpError& error);

// Accept-Language → "sv" or "en" (the first of the two the client prefers;
// defined in request_reader.cpp with the rest of reading a request;
// "sv" when it names neither).
std::string language_from_accept(const std::string& accept_language);

}  // namespace esfdraft::http
