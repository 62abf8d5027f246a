// JSON in and out of the API, through Poco JSON only (never by hand).
// Internal to http.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "http/exchange.hpp"

namespace esfdraft::http {

using JsonObject = Poco::JSON::Object::Ptr;
using JsonArray = Poco::JSON::Array::Ptr;

// An object that keeps its members in the order they were set.
JsonObject object();
JsonArray array();
std::string stringify(const JsonObject& value);
std::string stringify(const JsonArray& value);
// Parses text that must be one JSON object; nullptr when it is not.
JsonObject parse_object_text(const std::string& text);

// The request body as a JSON object: 415 unless the content type is
// application/json, 400 `invalid` when it does not parse or is not an object.
JsonObject body_object(const Request& request);
// A member that must be a string when present: 400 otherwise.
std::optional<std::string> string_member(const JsonObject& body, const std::string& name);

Response json_response(int status, const JsonObject& value);

}  // namespace esfdraft::http
