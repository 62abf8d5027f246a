#include "http/page_kit.hpp"

#include <sstream>

#include "http/pages.hpp"

namespace esfdraft::http {

std::string e(const std::string& text) { return escape_html(text); }

std::string t(const Request& request, const char* sv, const char* en) { return request.language == "en" ? en : sv; }

extern const char* const stylesheet;
const char* const stylesheet = R"(
:root{color-scheme:light;--ink:#1b1b1b;--muted:#4a4a4a;--line:#c8c8c8;--accent:#0b4f8a;--bg:#fff;--soft:#f3f5f8;--bad:#a4001d;--warn:#7a4a00;--ok:#1c5e20}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #f0b400;outline-offset:2px;box-shadow:0 0 0 2px #1b1b1b}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
header.site{background:var(--accent);color:#fff;padding:.6rem 1.5rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
header.site a{color:#fff}
header.site nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1.2rem;flex-wrap:wrap}
header.site form{display:inline}
header.site button{background:transparent;color:#fff;border:1px solid #fff;border-radius:4px;padding:.2rem .6rem;cursor:pointer;font:inherit}
.brand{font-weight:700;font-size:1.1rem;text-decoration:none}
main{max-width:72rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:.2rem 0 1rem}
h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.date{white-space:nowrap}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}
input[type=text],input[type=email],input[type=password],select,textarea{font:inherit;padding:.35rem .5rem;border:1px solid #767676;border-radius:4px;max-width:100%}
input[type=text],input[type=email],input[type=password],textarea{width:28rem}
textarea{min-height:6rem}
input[type=file]{font:inherit;max-width:100%}
button,.button{font:inherit;background:var(--accent);color:#fff;border:0;border-radius:4px;padding:.4rem .9rem;cursor:pointer;margin:.4rem .4rem .4rem 0}
.inline{display:inline}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}
.filters label{margin:0}
.filters input[type=text]{width:14rem}
.filters input[type=text],.filters select{height:2.4rem}
.filters button{margin:0}
.status{display:inline-block;white-space:nowrap;padding:.05rem .5rem;border-radius:1rem;background:var(--soft);border:1px solid var(--line)}
.error{color:var(--bad)}.warning{color:var(--warn)}.info{color:var(--muted)}
.alert{border-left:4px solid var(--bad);background:#fdf0f2;padding:.6rem 1rem;margin:1rem 0}
.notice{border-left:4px solid var(--ok);background:#eef7ee;padding:.6rem 1rem;margin:1rem 0}
.muted{color:var(--muted)}
.plan section{margin-bottom:1rem}
ins{background:#e6f4e6;text-decoration:none}del{background:#fbe9eb}
footer{max-width:72rem;margin:2rem auto;padding:0 1.5rem;color:var(--muted);font-size:.9rem}
@media print{header.site,form,.skip{display:none}}
)";

Response html(const Request& request, const Page& page, int status) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << e(request.language) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << e(page.title)
        << " – esfdraft</title>\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n"
        << "<a class=\"skip\" href=\"#main\">" << t(request, "Hoppa till innehållet", "Skip to content") << "</a>\n"
        << "<header class=\"site\"><a class=\"brand\" href=\"/\">esfdraft</a>\n<nav aria-label=\""
        << t(request, "Huvudmeny", "Main menu") << "\"><ul>";
    if (request.caller) {
        out << "<li><a href=\"/applications\">" << t(request, "Ansökningar", "Applications") << "</a></li>";
        if (request.caller->role == "owner")
            out << "<li><a href=\"/applications/new\">" << t(request, "Ny ansökan", "New application") << "</a></li>";
        if (request.caller->role != "owner")
            out << "<li><a href=\"/queue\">" << t(request, "Granskningskö", "Review queue") << "</a></li>";
        if (request.caller->role == "admin")
            out << "<li><a href=\"/users\">" << t(request, "Användare", "Users") << "</a></li>";
    }
    out << "</ul></nav>\n<div>";
    const std::string csrf = request.caller ? request.caller->csrf : "";
    const std::string other = request.language == "en" ? "sv" : "en";
    out << "<form method=\"post\" action=\"/language\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\""
        << e(csrf) << "\"><input type=\"hidden\" name=\"lang\" value=\"" << other
        << "\"><button type=\"submit\" lang=\"" << other << "\">" << (other == "en" ? "English" : "Svenska")
        << "</button></form> ";
    if (request.caller) {
        out << "<span>" << e(request.caller->email)
            << "</span> <form method=\"post\" action=\"/logout\" class=\"inline\">"
            << "<input type=\"hidden\" name=\"csrf\" value=\"" << e(csrf) << "\"><button type=\"submit\">"
            << t(request, "Logga ut", "Sign out") << "</button></form>";
    }
    out << "</div></header>\n<main id=\"main\" tabindex=\"-1\">\n"
        << page.body << "\n</main>\n<footer>esfdraft</footer>\n</body>\n</html>\n";
    Response response;
    response.status = status;
    response.content_type = "text/html; charset=utf-8";
    response.body = out.str();
    return response;
}

Response redirect(const std::string& location) {
    Response response;
    response.status = 303;
    response.content_type = "text/plain; charset=utf-8";
    response.headers.emplace_back("Location", location);
    response.body = "See " + location + "\n";
    return response;
}

std::string csrf_field(const Request& request) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + e(request.caller ? request.caller->csrf : "") + "\">";
}

const Caller& caller_of(const Request& request) {
    if (!request.caller) throw HttpError(401, "unauthenticated", Said{"logga in först", "sign in first"});
    return *request.caller;
}

std::string money(const Request& request, model::Money amount) {
    return request.language == "en" ? model::format_sek_en(amount) : model::format_sek(amount);
}

std::string section_title(const Request& request, std::string_view key) {
    const model::SectionWords* words = model::section_words(key);
    return words ? std::string(words->name.in(request.language)) : std::string(key);
}

std::string code_name(const Request& request, const model::CodeWords* words, const std::string& code) {
    return words ? std::string(words->name.in(request.language)) : code;
}

std::string category_name(const Request& request, const std::vector<model::CostCategoryRule>& pack_categories,
                          const std::string& code) {
    for (const model::CostCategoryRule& category : pack_categories) {
        const std::string& name = request.language == "en" ? category.name.en : category.name.sv;
        if (category.code == code && !name.empty()) return name;
    }
    return code_name(request, model::cost_category_words(code), code);
}

}  // namespace esfdraft::http
