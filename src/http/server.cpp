#include "http/server.hpp"

#include "http/request_reader.hpp"
#include "model/values.hpp"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace esfdraft::http {

namespace {

HttpError internal_error() {
    return HttpError(500, "internal",
                     Said{"servern kunde inte svara på det här; felet är loggat. Försök igen om en stund",
                          "the server could not answer this request; the error is logged"});
}

// Every response carries these (spec §5). Styles come from /static/site.css
// and the report's own <style>; the only script is the editor's own file
// (/static/editor.js), which reads /api/applications/{id} to tell of other saves.
const char* const content_security_policy =
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
    "data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

bool is_unsafe(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// Compares secrets in time that does not depend on where they differ.
bool same_secret(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

const char* reason_code(int status) {
    switch (status) {
        case 400: return "invalid";
        case 401: return "unauthenticated";
        case 403: return "forbidden";
        case 404: return "not-found";
        case 405: return "method-not-allowed";
        case 408: return "timeout";
        case 409: return "conflict";
        case 413: return "too-large";
        case 415: return "unsupported-media-type";
        case 422: return "unprocessable";
        case 429: return "too-many-requests";
        case 503: return "unavailable";
        default: return "internal";
    }
}

class Dispatcher {
public:
    Dispatcher(const Router& router, SiteHooks hooks, ServerOptions options)
        : router_(router), hooks_(std::move(hooks)), options_(std::move(options)) {}

    void serve(Poco::Net::HTTPServerRequest& from, Poco::Net::HTTPServerResponse& to) {
        const auto started = std::chrono::steady_clock::now();
        Request request;
        Response response;
        bool page = false;
        bool body_started = false;
        std::vector<std::string> allowed;
        try {
            page = describe(from, request);
            const RouteMatch match = router_.match(request.method, request.path);
            if (match.kind == RouteMatch::Kind::not_found)
                throw HttpError(404, "not-found",
                                Said{"det finns ingenting på " + request.path, "there is nothing at " + request.path});
            if (match.kind == RouteMatch::Kind::method_not_allowed) {
                allowed = match.allowed;
                throw HttpError(405, "method-not-allowed", request.method + " is not allowed on " + request.path);
            }
            const Route& route = *match.route;
            page = route.page;
            request.params = match.params;
            if (hooks_.authenticate) request.caller = hooks_.authenticate(request);
            if (request.caller && !request.caller->language.empty()) request.language = request.caller->language;
            if (route.access == Access::signed_in && !request.caller) {
                if (page) {
                    response.status = 303;
                    response.content_type = "text/plain; charset=utf-8";
                    response.headers.emplace_back("Location", "/login");
                    response.body = "See /login\n";
                    drain(from);
                    finish(from, to, request, response, started);
                    return;
                }
                throw HttpError(401, "unauthenticated",
                                Said{"logga in först", "sign in or send Authorization: Bearer TOKEN"});
            }
            body_started = true;
            if (has_body(from)) read_body(from, from.stream(), request, options_);
            if (is_unsafe(request.method) && request.caller && request.caller->by_cookie) {
                const std::string* token = request.header("x-csrf-token");
                if (!token) token = request.field("csrf");
                if (!token || !same_secret(*token, request.caller->csrf)) {
                    throw HttpError(
                        403, "csrf",
                        Said{"formuläret har gått ut (CSRF-token saknas eller stämmer inte); ladda om sidan och försök "
                             "igen",
                             "this request needs the session's CSRF token (header X-CSRF-Token or form field csrf)"});
                }
            }
            response = route.handler(request);
        } catch (const HttpError& error) {
            response = answer(request, error, page);
        } catch (const Poco::TimeoutException&) {
            response = answer(
                request,
                HttpError(408, "timeout",
                          Said{"begäran kom inte fram i tid; försök igen", "the request was not received in time"}),
                page);
        } catch (const std::exception& error) {
            std::cerr << "esfdraft serve: " << request.method << ' ' << request.path << ": " << error.what()
                      << std::endl;
            response = answer(request, internal_error(), page);
        } catch (...) {
            std::cerr << "esfdraft serve: " << request.method << ' ' << request.path << ": unknown error" << std::endl;
            response = answer(request, internal_error(), page);
        }
        if (!allowed.empty()) {
            response.headers.emplace_back("Allow", model::join(allowed));
        }
        // Answered before the body was read (401, 404, 405 ...): read a small
        // one anyway, so that a client still sending it gets to read the
        // answer instead of a reset connection.
        if (!body_started) drain(from);
        finish(from, to, request, response, started);
    }

private:
    static void drain(Poco::Net::HTTPServerRequest& from) {
        constexpr Poco::Int64 drained_at_most = 4 << 20;
        try {
            // has_body throws for a Content-Length that is not a number: then
            // there is nothing sensible to drain either.
            if (!has_body(from) || (from.hasContentLength() && from.getContentLength64() > drained_at_most)) return;
            std::istream& in = from.stream();
            char sink[16384];
            Poco::Int64 total = 0;
            while (total <= drained_at_most && (in.read(sink, sizeof sink) || in.gcount() > 0)) total += in.gcount();
        } catch (const std::exception&) {
            // a client that stops sending is answered all the same
        }
    }

    // Fills what the request line and headers say; true when the path looks like a page.
    static bool describe(Poco::Net::HTTPServerRequest& from, Request& request) {
        const bool page = read_head(from, request);
        request.client_address = from.clientAddress().host().toString();
        return page;
    }

    Response answer(const Request& request, const HttpError& error, bool page) const {
        if (page && hooks_.error_page) {
            try {
                Response shown = hooks_.error_page(request, error);
                shown.status = error.status();
                return shown;
            } catch (...) {
                // fall through to the JSON shape, which cannot fail
            }
        }
        Response response;
        response.status = error.status();
        response.content_type = "application/json";
        response.body = error_json(error);
        return response;
    }

    void finish(Poco::Net::HTTPServerRequest& from, Poco::Net::HTTPServerResponse& to, const Request& request,
                const Response& response, std::chrono::steady_clock::time_point started) {
        try {
            // The reason phrase too (setStatus alone keeps "OK": "303 OK", "404 OK").
            to.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
            to.setContentType(response.content_type);
            to.set("Content-Security-Policy", content_security_policy);
            to.set("X-Content-Type-Options", "nosniff");
            to.set("Referrer-Policy", "same-origin");
            to.set("X-Frame-Options", "DENY");
            to.set("Cache-Control", "no-store");
            for (const auto& [name, value] : response.headers) to.add(name, value);
            // An answer given before the body was read leaves bytes the next
            // request would be parsed from: close instead.
            if (response.status >= 400) to.setKeepAlive(false);
            to.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
            std::ostream& out = to.send();
            if (from.getMethod() != "HEAD")
                out.write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
            out.flush();
        } catch (const std::exception&) {
            // the client went away; nothing to tell it
        }
        log(request, response.status, started);
    }

    void log(const Request& request, int status, std::chrono::steady_clock::time_point started) {
        if (!options_.access_log) return;
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
        line.set("time", Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::ISO8601_FRAC_FORMAT));
        line.set("method", request.method);
        line.set("path", request.path);
        line.set("status", status);
        line.set("ms", static_cast<double>(static_cast<long long>(ms * 10.0)) / 10.0);
        if (request.caller)
            line.set("user", request.caller->user_id);
        else
            line.set("user", Poco::Dynamic::Var());
        std::ostringstream text;
        line.stringify(text);
        std::lock_guard<std::mutex> lock(log_mutex_);
        *options_.access_log << text.str() << '\n' << std::flush;
    }

    const Router& router_;
    SiteHooks hooks_;
    ServerOptions options_;
    std::mutex log_mutex_;
};

class OneRequest : public Poco::Net::HTTPRequestHandler {
public:
    explicit OneRequest(Dispatcher& dispatcher) : dispatcher_(dispatcher) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        dispatcher_.serve(request, response);
    }

private:
    Dispatcher& dispatcher_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(Dispatcher& dispatcher) : dispatcher_(dispatcher) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new OneRequest(dispatcher_);
    }

private:
    Dispatcher& dispatcher_;
};

}  // namespace

std::string error_json(const HttpError& error) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    if (!error.details_json().empty()) {
        try {
            Poco::JSON::Parser parser;
            if (auto details = parser.parse(error.details_json()).extract<Poco::JSON::Object::Ptr>()) body = details;
        } catch (const Poco::Exception&) {
            // details are ours; when they do not parse, the error alone still answers
        }
    }
    Poco::JSON::Object::Ptr inner = new Poco::JSON::Object;
    inner->set("code", error.code().empty() ? std::string(reason_code(error.status())) : error.code());
    inner->set("message", std::string(error.what()));
    body->set("error", inner);
    std::ostringstream text;
    body->stringify(text);
    return text.str();
}

void parse_listen(const std::string& listen, ServerOptions& options) {
    const std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("--listen wants HOST:PORT, not '" + listen + "'");
    std::string host = listen.substr(0, colon);
    const std::string port = listen.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); })) {
        throw std::invalid_argument("--listen: the port in '" + listen + "' is not a number");
    }
    const unsigned long number = std::stoul(port);
    if (number > 65535) throw std::invalid_argument("--listen: port " + port + " is out of range");
    options.host = host.empty() ? "0.0.0.0" : host;
    options.port = static_cast<unsigned short>(number);
}

struct Server::State {
    State(const Router& router, SiteHooks hooks, ServerOptions given)
        : options(std::move(given)),
          dispatcher(router, std::move(hooks), options),
          socket(Poco::Net::SocketAddress(options.host, options.port)),
          pool(1, std::max(options.threads, 1) + 1) {
        Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(std::max(options.threads, 1));
        params->setMaxQueued(std::max(options.queue, 1));
        params->setTimeout(Poco::Timespan(options.timeout_seconds, 0));
        params->setKeepAlive(true);
        params->setKeepAliveTimeout(Poco::Timespan(5, 0));
        // A kept-alive connection holds its thread until it closes: with more
        // connections than threads, the rest waited for 100 requests each
        // (bench/serve.sh, 32 connections on 8 threads: a check's p99 1 280
        // ms). Four requests a connection let the queue turn (p99 63 ms) for
        // about 3 % of the requests per second.
        params->setMaxKeepAliveRequests(4);
        params->setServerName("esfdraft");
        server = std::make_unique<Poco::Net::HTTPServer>(new Factory(dispatcher), pool, socket, params);
    }
    ServerOptions options;
    Dispatcher dispatcher;
    Poco::Net::ServerSocket socket;
    Poco::ThreadPool pool;
    std::unique_ptr<Poco::Net::HTTPServer> server;
    unsigned short port = 0;
    bool stopped = false;
};

Server::Server(const Router& router, SiteHooks hooks, ServerOptions options) {
    try {
        state_ = std::make_unique<State>(router, std::move(hooks), std::move(options));
        state_->port = state_->socket.address().port();
    } catch (const Poco::Exception& error) {
        throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(options.port) + ": " +
                                 error.displayText());
    }
}

Server::~Server() { stop(); }

void Server::start() { state_->server->start(); }

void Server::stop() {
    if (!state_ || state_->stopped) return;
    state_->stopped = true;
    // Stops accepting and lets each connection finish the request it is in.
    state_->server->stopAll(false);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(state_->options.shutdown_seconds);
    while (state_->server->currentConnections() > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (state_->server->currentConnections() > 0) state_->server->stopAll(true);
    state_->pool.joinAll();
}

unsigned short Server::port() const { return state_->port; }

void block_termination_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void wait_for_termination() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    int signal_number = 0;
    sigwait(&set, &signal_number);
}

}  // namespace esfdraft::http
