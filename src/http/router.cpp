#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace esfdraft::http {

namespace {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> segments;
    std::size_t start = 1;  // paths begin with '/'
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::size_t end = slash == std::string::npos ? path.size() : slash;
        segments.push_back(path.substr(start, end - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return segments;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Fills `params` when `pattern` matches `segments`.
bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& segments,
             std::map<std::string, std::string>& params) {
    if (pattern.size() != segments.size()) return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const std::string& want = pattern[i];
        if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
            if (segments[i].empty()) return false;
            found[want.substr(1, want.size() - 2)] = percent_decode(segments[i]);
        } else if (want != segments[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

std::string percent_decode(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
        const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
        if (high < 0 || low < 0) throw HttpError(400, "invalid", "malformed percent escape in the path");
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

void Router::add(Route route) {
    for (const Route& existing : routes_) {
        if (existing.method == route.method && existing.pattern == route.pattern) {
            throw std::logic_error("route added twice: " + route.method + " " + route.pattern);
        }
    }
    routes_.push_back(std::move(route));
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
    RouteMatch result;
    if (path.empty() || path.front() != '/') return result;
    const std::vector<std::string> segments = split_path(path);
    const std::string wanted = method == "HEAD" ? "GET" : method;
    for (const Route& route : routes_) {
        std::map<std::string, std::string> params;
        if (!matches(split_path(route.pattern), segments, params)) continue;
        if (route.method == wanted) {
            result.kind = RouteMatch::Kind::found;
            result.route = &route;
            result.params = std::move(params);
            result.allowed.clear();
            return result;
        }
        result.kind = RouteMatch::Kind::method_not_allowed;
        result.allowed.push_back(route.method);
        if (route.method == "GET") result.allowed.push_back("HEAD");
    }
    std::sort(result.allowed.begin(), result.allowed.end());
    result.allowed.erase(std::unique(result.allowed.begin(), result.allowed.end()), result.allowed.end());
    return result;
}

}  // namespace esfdraft::http
