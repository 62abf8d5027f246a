#include "http/exchange.hpp"

namespace esfdraft::http {

namespace {
const std::string* find_in(const std::map<std::string, std::string>& values, const std::string& name) {
    const auto found = values.find(name);
    return found == values.end() ? nullptr : &found->second;
}
}  // namespace

const std::string* Request::header(const std::string& lower_name) const { return find_in(headers, lower_name); }

const std::string* Request::query_value(const std::string& name) const { return find_in(query, name); }

const std::string* Request::field(const std::string& name) const { return find_in(fields, name); }

}  // namespace esfdraft::http
