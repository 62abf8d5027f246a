#include "http/json.hpp"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace esfdraft::http {

JsonObject object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

JsonArray array() { return new Poco::JSON::Array; }

std::string stringify(const JsonObject& value) {
    std::ostringstream text;
    value->stringify(text);
    return text.str();
}

std::string stringify(const JsonArray& value) {
    std::ostringstream text;
    value->stringify(text);
    return text.str();
}

JsonObject parse_object_text(const std::string& text) {
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var parsed = parser.parse(text);
        if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) return nullptr;
        return parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        return nullptr;
    }
}

JsonObject body_object(const Request& request) {
    if (request.content_type != "application/json") {
        throw HttpError(415, "unsupported-media-type", "send the body as application/json");
    }
    JsonObject body = parse_object_text(request.body);
    if (!body) throw HttpError(400, "invalid", "the body is not a JSON object");
    return body;
}

std::optional<std::string> string_member(const JsonObject& body, const std::string& name) {
    if (!body->has(name) || body->isNull(name)) return std::nullopt;
    const Poco::Dynamic::Var value = body->get(name);
    if (!value.isString()) throw HttpError(400, "invalid", "\"" + name + "\" must be a string");
    return value.extract<std::string>();
}

Response json_response(int status, const JsonObject& value) {
    Response response;
    response.status = status;
    response.content_type = "application/json";
    response.body = stringify(value);
    return response;
}

}  // namespace esfdraft::http
