// The esfdraft service behind the server: every route of the JSON API and
// the pages, over a store. The HTTP details (limits, headers, errors) are
// the Server's; this is what each route does and who may do it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "http/router.hpp"
#include "http/server.hpp"

namespace esfdraft::store {
class Store;
}

namespace esfdraft::http {

struct SiteOptions {
    bool secure_cookies = false;  // add Secure to the session cookie (behind HTTPS)
    int session_seconds = 12 * 3600;
    // Login throttling: more failures than these in the window answer 429.
    int account_failures = 5;
    int address_failures = 20;
    int failure_window_seconds = 15 * 60;
    // Seconds since 1970 (UTC); the system clock when empty. Tests move it.
    std::function<std::int64_t()> clock;
};

class Site {
public:
    Site(store::Store& store, SiteOptions options = {});
    ~Site();
    Site(const Site&) = delete;
    Site& operator=(const Site&) = delete;

    const Router& router() const;
    SiteHooks hooks();

    struct Context;

private:
    std::unique_ptr<Context> context_;
    Router router_;
};

}  // namespace esfdraft::http
