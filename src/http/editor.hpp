// The guided editor (issue 13): every part of a plan and of its pre-study's
// findings as a server-rendered form, one page per part, checked on every
// save. A save writes only its part back into the latest version's bytes
// (pipeline/plan_editing.hpp) and stores the result as a new version, as an
// upload does. Internal to http.
//
// Routes (editor.cpp):
//   GET  /applications/{id}/edit                 the parts with their status (the navigation as a page)
//   GET  /applications/{id}/edit/{part}          one part's form, the latest version's findings beside their fields
//   POST /applications/{id}/edit/{part}          save: fields + csrf + base (the version the form was drawn from)
//   GET  /applications/new/edit, POST …          a new application from nothing (programme, call, phase, title)
//   POST /applications/{id}/follow-up            an implementation application started from a pre-study's
//
// Field names: a part's own fields by their element or attribute name
// ("title", "start"); rows of a repeated element as NAME.N.FIELD, N counting
// from 1 in document order ("cost.3.amount", "goal.2.indicator.1.target"),
// the number of rows drawn in NAME.count, an empty row ignored on save, a
// row removed with NAME.N.remove=1; a checkbox set as "1". Rich text fields
// hold the editor's light markup (rich_text_form.hpp). The form's element
// ids are "f-" + the field name with '.' kept; a finding's anchor is
// "at-" + its element path with '/', '[' and ']' as '-' (anchor_id).
#pragma once

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "http/checker.hpp"
#include "http/exchange.hpp"
#include "model/element_tree.hpp"

namespace esfdraft::http::editor {

enum class Document { plan, findings };

using Fields = std::map<std::string, std::string>;

// "at-application-budget-costs-cost-3-" for "/application/budget/costs/cost[3]".
std::string anchor_id(std::string_view element_path);
// An element path as the check gives it: the parent's path, "/", the name,
// and "[n]" (1-based) only when the parent has several children of that name.
std::string child_path(std::string_view parent_path, std::string_view name, std::size_t position, std::size_t count);

// What one part's form is drawn from, and what the framework needs back.
class Sheet {
public:
    Sheet(const Request& request, const UploadCheck& check, const model::Element* root, const Fields* entries);

    const Request& request;
    const UploadCheck& check;    // the latest version's check (report, pack words, check.pack)
    const model::Element* root;  // the document as stored in the latest version; nullptr when none yet
    const Fields*
        entries;  // the user's entries (refused, or a row added), drawn instead of the stored values; else nullptr
    // The version's other document: the findings' root when a plan part is
    // drawn (goal basis), the plan's when a findings part is; nullptr when none.
    const model::Element* other = nullptr;
    // The municipality register (schemas/regions), for the facts' pickers.
    const model::MunicipalityRegister* municipalities = nullptr;
    std::string application;  // the application's id ("" for a new one)
    // A refused form's own errors by field name (a new application's
    // programme, title …: what no check of a plan says), each drawn under
    // its control as an error list with id "err-" + the field, tied to it by
    // aria-describedby, the control aria-invalid.
    std::map<std::string, std::string> errors;

    // Swedish or English by the page's language.
    std::string t(const char* sv, const char* en) const;
    // The value to draw for `field`: the user's entry when there are entries
    // (a field they left empty or unticked is ""), else `stored`.
    std::string value(const std::string& field, const std::string& stored) const;
    // How many rows of NAME to draw: with entries, their NAME.count (one more
    // when "Add a row" named NAME); else `stored` + 1 (an empty row to fill in).
    std::size_t rows(const std::string& name, std::size_t stored) const;

    // The findings of the check at `element_path` (and below it, unless
    // `exact`) that no earlier call drew, as a list with
    // id=anchor_id(element_path) (a plain list: a role on the <ul> would take
    // its items out of the list for screen readers), message and fix in the
    // page's language; "" when there are none. The framework links the
    // page's finding summary to every anchor drawn, and the rest of the
    // part's findings to the top of the form.
    std::string findings_at(std::string_view element_path, bool exact = false);
    // The ids of the described-by texts for a field at `element_path`: its
    // findings' list when there is one (for aria-describedby).
    std::string described_by(std::string_view element_path) const;

    // Labelled controls (the label tied to the control by for/id; `hint`
    // drawn under the label and tied by aria-describedby, with the findings
    // of `element_path` when given, drawn under the control). Each records
    // the value it drew, so a save that changes nothing is told from one that
    // does. `attributes` is added to the control as it is (data-sum="…").
    void text(std::ostream& out, const std::string& field, const std::string& label, const std::string& stored,
              const std::string& hint = "", std::string_view element_path = "", std::string_view type = "text",
              const std::string& attributes = "");
    void area(std::ostream& out, const std::string& field, const std::string& label, const std::string& stored,
              const std::string& hint = "", std::string_view element_path = "");
    void choice(std::ostream& out, const std::string& field, const std::string& label, const std::string& stored,
                const std::vector<std::pair<std::string, std::string>>& options,  // value, words
                const std::string& hint = "", std::string_view element_path = "");
    // As choice, the options in groups (<optgroup label="…">; a group named
    // "" has none), the empty choice in `none`'s words ("" for "– choose –").
    using OptionGroups = std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>;
    void grouped_choice(std::ostream& out, const std::string& field, const std::string& label,
                        const std::string& stored, const OptionGroups& groups, const std::string& hint = "",
                        std::string_view element_path = "", const std::string& none = "");
    // Radio buttons in a fieldset with `legend`, one per option (ids "f-" +
    // field + "-" + value); `own_language`: each option's words are in the
    // language its value names (lang="sv").
    void radios(std::ostream& out, const std::string& field, const std::string& legend, const std::string& stored,
                const std::vector<std::pair<std::string, std::string>>& options, bool own_language = false);
    // (Named checkbox: a method check() would clash with the member `check`.)
    void checkbox(std::ostream& out, const std::string& field, const std::string& label, bool stored,
                  const std::string& hint = "");
    // A row's hidden count, drawn once per repeated element.
    void count(std::ostream& out, const std::string& name, std::size_t rows);
    // The "Add a row" button for NAME (a submit: the form comes back with one
    // more empty row and nothing is saved) and a row's "Remove" checkbox.
    void add_row_button(std::ostream& out, const std::string& name, const std::string& words);
    void remove_box(std::ostream& out, const std::string& row_prefix);  // "goal.2"
    // A row of a repeated element as a fieldset: id "row-" + row_prefix, the
    // legend (plain text, escaped here), then the findings at exactly
    // `element_path` when given (the row drawn empty has none). end_row draws
    // the row's Remove box when the row is stored and closes the fieldset.
    void begin_row(std::ostream& out, const std::string& row_prefix, const std::string& legend,
                   std::string_view element_path = "");
    void end_row(std::ostream& out, const std::string& row_prefix, bool stored);

    const std::set<std::string>& anchors() const { return anchors_; }
    const Fields& drawn() const { return drawn_; }
    // Index in check.report.findings → the anchor it was drawn at.
    const std::map<std::size_t, std::string>& placed() const { return placed_; }

private:
    std::set<std::string> anchors_;
    Fields drawn_;
    std::map<std::size_t, std::string> placed_;
};

// --- for the parts' apply functions -----------------------------------------

// The field's value, "" when absent; CRLF as LF.
std::string field(const Fields& fields, const std::string& name);
// The rows of NAME to write, in order: 1 … NAME.count without the ones
// ticked NAME.N.remove and the ones whose fields are all empty.
std::vector<std::size_t> kept_rows(const Fields& fields, const std::string& name);
// Sets the attribute when `value` is not empty (as typed).
void set_if(model::Element& element, std::string_view attribute, const std::string& value);
// Appends a child with `text` when it is not empty.
void append_if(model::Element& element, std::string name, const std::string& text);
// `document` with the root's child named element.name replaced by
// `element`, or inserted where `order` (the root's children's names in
// application order) puts it, or removed when `remove` (an empty part: the
// check reports it missing, S001). Every other byte kept.
std::string put_child(std::string_view document, const model::Element& root, const model::Element& element,
                      const std::vector<std::string>& order, bool remove = false);
// The municipality register (names filled in from codes), for apply
// functions; the framework sets it before it draws or applies a part.
const model::MunicipalityRegister* municipality_register();
void set_municipality_register(const model::MunicipalityRegister* municipalities);
// The plan's children in application order (plan-format.md) and the findings'.
const std::vector<std::string>& plan_order();
const std::vector<std::string>& findings_order();

struct Part {
    std::string key;     // the URL segment: "facts", "summary", "goals", "budget", "study" …
    std::string sv, en;  // the navigation's words
    Document document = Document::plan;
    std::vector<std::string> sections;  // the report's section keys this part's status is made of
    std::vector<std::string> paths;     // element paths whose findings belong to this part ("/application/goals")
    // Draws the fields (the framework writes the <form>, csrf, base and the
    // save button around them).
    void (*draw)(Sheet& sheet, std::ostream& out) = nullptr;
    // The document's bytes with this part's element(s) made from `fields`
    // (through pipeline::replace_child / insert_child / remove_child; values
    // go in as typed, so the check reports a bad one at its field).
    std::string (*apply)(const Fields& fields, std::string_view document, const model::Element& root) = nullptr;
};

// Every part in application order: the plan's, then the findings'.
const std::vector<Part>& parts();
// The plan's parts (editor_parts_plan.cpp), in application order.
void add_plan_parts(std::vector<Part>& parts);
// The budget and the findings' parts (editor_parts_more.cpp), appended in
// any order: parts() puts the plan's parts in the order of plan_order()
// (by their first section), then the findings' parts in the order added.
void add_budget_and_findings_parts(std::vector<Part>& parts);
const Part* find_part(std::string_view key);

}  // namespace esfdraft::http::editor
