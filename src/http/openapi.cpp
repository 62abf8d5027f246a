// GET /api/openapi.json: built from the router's own table, so a route
// cannot be served without being described.
#include "http/api.hpp"

namespace esfdraft::http {

namespace {

JsonObject error_response(const std::string& description) {
    JsonObject response = object();
    response->set("description", description);
    JsonObject content = object();
    JsonObject json = object();
    JsonObject schema = object();
    schema->set("$ref", "#/components/schemas/Error");
    json->set("schema", schema);
    content->set("application/json", json);
    response->set("content", content);
    return response;
}

std::string operation_id(const Route& route) {
    std::string id = route.method == "GET" ? "get" : route.method == "POST" ? "post" : route.method;
    bool upper = true;
    for (char c : route.pattern) {
        if (c == '/' || c == '{' || c == '}' || c == '.' || c == '-') {
            upper = true;
            continue;
        }
        id += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return id;
}

}  // namespace

// Long because it is a document: the API's schemas written out, one block per
// shape, next to the routes the router lists.
std::string openapi_json(const Router& router) {
    JsonObject document = object();
    document->set("openapi", "3.1.0");
    JsonObject info = object();
    info->set("title", "esfdraft service");
    info->set("version", "1");
    info->set("description",
              "Owners keep and submit ESF applications; reviewers review them. "
              "Errors are {\"error\": {\"code\", \"message\"}}.");
    document->set("info", info);
    JsonObject paths = object();
    for (const Route& route : router.routes()) {
        if (route.page) continue;
        JsonObject item = paths->has(route.pattern) ? paths->getObject(route.pattern) : object();
        JsonObject operation = object();
        operation->set("operationId", operation_id(route));
        operation->set("summary", route.summary);
        JsonArray parameters = array();
        std::size_t open = route.pattern.find('{');
        while (open != std::string::npos) {
            const std::size_t close = route.pattern.find('}', open);
            JsonObject parameter = object();
            parameter->set("name", route.pattern.substr(open + 1, close - open - 1));
            parameter->set("in", "path");
            parameter->set("required", true);
            JsonObject schema = object();
            schema->set("type", "string");
            parameter->set("schema", schema);
            parameters->add(parameter);
            open = route.pattern.find('{', close);
        }
        const bool new_version = route.method == "POST" && route.pattern == "/api/applications/{id}/versions";
        if (new_version) {
            JsonObject parameter = object();
            parameter->set("name", "dry-run");
            parameter->set("in", "query");
            parameter->set("required", false);
            parameter->set("description",
                           "With the part 'budget' only: 1 answers 200 with the diff against the latest version (as "
                           "GET /api/applications/{id}/diff, with \"dryRun\": true) and stores nothing");
            JsonObject schema = object();
            schema->set("type", "string");
            JsonArray values = array();
            for (const char* value : {"1", "0", "true", "false"}) values->add(value);
            schema->set("enum", values);
            parameter->set("schema", schema);
            parameters->add(parameter);
        }
        if (parameters->size()) operation->set("parameters", parameters);
        if (route.method == "POST" && route.pattern != "/api/logout") {
            JsonObject body = object();
            JsonObject content = object();
            const bool upload = route.pattern == "/api/check" || route.pattern == "/api/applications" ||
                                route.pattern.find("/versions") != std::string::npos;
            JsonObject media = object();
            JsonObject schema = object();
            schema->set("type", "object");
            if (upload) {
                JsonObject properties = object();
                for (const char* part : {"plan", "findings"}) {
                    JsonObject file = object();
                    file->set("type", "string");
                    file->set("contentMediaType", "application/xml");
                    properties->set(part, file);
                }
                if (new_version) {
                    JsonObject workbook = object();
                    workbook->set("type", "string");
                    workbook->set("contentMediaType",
                                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                    workbook->set(
                        "description",
                        "A budget workbook esfdraft wrote (GET …/versions/{n}/budget.xlsx), edited in Excel or "
                        "LibreOffice: instead of plan and findings, the latest plan with its cost lines, "
                        "financing and income read back from the workbook and the latest findings. A workbook "
                        "that cannot be read back is 422, its message naming the sheet and cell.");
                    properties->set("budget", workbook);
                }
                schema->set("properties", properties);
                JsonArray required = array();
                required->add("plan");
                if (new_version) {
                    JsonArray either = array();
                    for (const char* part : {"plan", "budget"}) {
                        JsonObject one = object();
                        JsonArray names = array();
                        names->add(part);
                        one->set("required", names);
                        either->add(one);
                    }
                    schema->set("oneOf", either);
                } else {
                    schema->set("required", required);
                }
            }
            media->set("schema", schema);
            content->set(upload ? "multipart/form-data" : "application/json", media);
            body->set("content", content);
            body->set("required", true);
            operation->set("requestBody", body);
        }
        JsonObject responses = object();
        JsonObject ok = object();
        ok->set("description", "success");
        responses->set(route.method == "POST" && (route.pattern == "/api/applications" ||
                                                  route.pattern.find("/versions") != std::string::npos ||
                                                  route.pattern.find("/comments") != std::string::npos)
                           ? "201"
                           : "200",
                       ok);
        if (new_version) {
            JsonObject diff = object();
            diff->set("description", "dry-run: the diff against the latest version; nothing stored");
            responses->set("200", diff);
            responses->set(
                "422",
                error_response("the budget workbook cannot be read back (the message names the sheet and cell)"));
        }
        responses->set("4XX", error_response("the request was refused (see error.code)"));
        operation->set("responses", responses);
        if (route.access == Access::anyone) operation->set("security", array());
        std::string method = route.method;
        for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        item->set(method, operation);
        paths->set(route.pattern, item);
    }
    document->set("paths", paths);
    JsonObject components = object();
    JsonObject schemas = object();
    JsonObject error = object();
    error->set("type", "object");
    JsonObject properties = object();
    JsonObject inner = object();
    inner->set("type", "object");
    JsonObject inner_properties = object();
    JsonObject string_type = object();
    string_type->set("type", "string");
    inner_properties->set("code", string_type);
    inner_properties->set("message", string_type);
    inner->set("properties", inner_properties);
    properties->set("error", inner);
    error->set("properties", properties);
    schemas->set("Error", error);
    components->set("schemas", schemas);
    JsonObject security_schemes = object();
    JsonObject bearer = object();
    bearer->set("type", "http");
    bearer->set("scheme", "bearer");
    security_schemes->set("bearer", bearer);
    JsonObject cookie = object();
    cookie->set("type", "apiKey");
    cookie->set("in", "cookie");
    cookie->set("name", "esfdraft_session");
    security_schemes->set("session", cookie);
    components->set("securitySchemes", security_schemes);
    document->set("components", components);
    JsonArray security = array();
    JsonObject bearer_requirement = object();
    bearer_requirement->set("bearer", array());
    security->add(bearer_requirement);
    JsonObject session_requirement = object();
    session_requirement->set("session", array());
    security->add(session_requirement);
    document->set("security", security);
    return stringify(document);
}

}  // namespace esfdraft::http
