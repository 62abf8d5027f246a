// What every page shares: the layout with the site's header and stylesheet,
// Swedish or English words, escaping, redirects, the CSRF field, and the
// programme's words for money, sections and cost categories. Internal to http
// (pages.cpp and the editor).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/exchange.hpp"
#include "model/rule_pack.hpp"
#include "model/values.hpp"
#include "model/vocabulary.hpp"

namespace esfdraft::http {

// Text for HTML content and attribute values (escape_html).
std::string e(const std::string& text);
// Swedish or English by the request's language.
std::string t(const Request& request, const char* sv, const char* en);

// The stylesheet served at /static/site.css.
extern const char* const stylesheet;

struct Page {
    std::string title;
    std::string body;
};

// The page in the site's layout (header, language switch, sign-out, main).
Response html(const Request& request, const Page& page, int status = 200);
// 303 See Other to `location`.
Response redirect(const std::string& location);
// The hidden field with the session's CSRF token, for every form that changes something.
std::string csrf_field(const Request& request);
// The signed-in caller; 401 otherwise.
const Caller& caller_of(const Request& request);

// Money as the page's language writes it (öre only when there are any).
std::string money(const Request& request, model::Money amount);
// The plan's words for a section, a cost category, a financing kind: the
// vocabulary the report, the draft and the workbook use; the key itself
// when the vocabulary does not have it.
std::string section_title(const Request& request, std::string_view key);
std::string code_name(const Request& request, const model::CodeWords* words, const std::string& code);
// A cost category in the pack's words, else the vocabulary's.
std::string category_name(const Request& request, const std::vector<model::CostCategoryRule>& pack_categories,
                          const std::string& code);

}  // namespace esfdraft::http
