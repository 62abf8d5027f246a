#include "http/checker.hpp"

#include <cctype>
#include <map>

#include "pipeline/artefacts.hpp"
#include "pipeline/assess.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/workbook_budget.hpp"

namespace esfdraft::http {

// Idle sessions: each keeps its schemas and packs loaded; a request borrows
// one, sets its day and gives it back.
struct Checker::Pool {
    std::mutex mutex;
    std::vector<std::unique_ptr<pipeline::CheckSession>> idle;
    // Read on first use and never changed after (the data folder is fixed for the process).
    std::mutex lists_mutex;
    std::optional<std::vector<std::shared_ptr<const model::RulePack>>> packs;
    std::optional<model::MunicipalityRegister> municipalities;
    std::map<std::string, std::shared_ptr<const model::RulePack>> pack_copies;
};

namespace {

constexpr std::size_t idle_sessions_kept = 16;

class Borrowed {
public:
    Borrowed(Checker::Pool& pool, model::Date today) : pool_(pool) {
        {
            std::lock_guard<std::mutex> lock(pool_.mutex);
            if (!pool_.idle.empty()) {
                session_ = std::move(pool_.idle.back());
                pool_.idle.pop_back();
            }
        }
        if (!session_) session_ = std::make_unique<pipeline::CheckSession>(today);
        session_->set_today(today);
    }
    ~Borrowed() {
        std::lock_guard<std::mutex> lock(pool_.mutex);
        if (pool_.idle.size() < idle_sessions_kept) pool_.idle.push_back(std::move(session_));
    }
    Borrowed(const Borrowed&) = delete;
    Borrowed& operator=(const Borrowed&) = delete;
    pipeline::CheckSession& operator*() { return *session_; }
    pipeline::CheckSession* operator->() { return session_.get(); }

private:
    Checker::Pool& pool_;
    std::unique_ptr<pipeline::CheckSession> session_;
};

std::optional<pipeline::NamedBytes> named(const std::optional<NamedUpload>& upload) {
    if (!upload) return std::nullopt;
    return pipeline::NamedBytes{upload->name, upload->bytes};
}

pipeline::Artefacts make(Checker::Pool& pool, const NamedUpload& plan, const std::optional<NamedUpload>& findings,
                         model::Date today, const std::string& lang, bool draft,
                         std::optional<pipeline::WorkbookStamp> stamp = std::nullopt) {
    Borrowed session(pool, today);
    pipeline::ArtefactRequest request;
    request.plan = {plan.name, plan.bytes};
    request.findings = named(findings);
    if (!lang.empty()) request.lang = lang;
    request.today = today;
    request.draft = draft;
    request.workbook = !draft;
    request.report_html = false;
    request.workbook_stamp = std::move(stamp);
    return pipeline::build_artefacts(request, *session);
}

}  // namespace

Checker::Checker() : pool_(std::make_unique<Pool>()) {}
Checker::~Checker() = default;

UploadCheck Checker::check(const NamedUpload& plan, const std::optional<NamedUpload>& findings, model::Date today) {
    Borrowed session(*pool_, today);
    pipeline::CheckedPlan checked = session->check_bytes({plan.name, plan.bytes}, named(findings));
    UploadCheck out{std::move(checked.report), std::move(checked.application), std::nullopt, std::nullopt, {}, nullptr};
    if (checked.pack) {
        {
            // One shared copy per pack: the session's own is only valid while it is borrowed.
            std::lock_guard<std::mutex> lock(pool_->lists_mutex);
            std::shared_ptr<const model::RulePack>& copy = pool_->pack_copies[checked.pack->name];
            if (!copy) copy = std::make_shared<const model::RulePack>(*checked.pack);
            out.pack = copy;
        }
        out.programme_title = checked.pack->title;
        out.cost_categories = checked.pack->cost_categories;
        if (out.application && out.application->call)
            if (const model::Call* call = checked.pack->find_call(*out.application->call)) out.call_title = call->title;
    }
    return out;
}

std::optional<std::string> Checker::draft(const NamedUpload& plan, const std::optional<NamedUpload>& findings,
                                          model::Date today, const std::string& lang) {
    return make(*pool_, plan, findings, today, lang, true).draft_docx;
}

std::string Checker::assessment(const NamedUpload& plan, const std::optional<NamedUpload>& findings, model::Date today,
                                const std::string& lang, bool docx) {
    Borrowed session(*pool_, today);
    return pipeline::assessment_from_bytes(*session, {plan.name, plan.bytes}, named(findings), today,
                                           lang.empty() ? std::nullopt : std::optional<std::string>(lang),
                                           docx ? pipeline::AssessmentFormat::docx : pipeline::AssessmentFormat::html);
}

std::optional<std::string> Checker::workbook(const NamedUpload& plan, const std::optional<NamedUpload>& findings,
                                             model::Date today, const std::string& application, int version) {
    return make(*pool_, plan, findings, today, "", false, pipeline::WorkbookStamp{application, version}).workbook_xlsx;
}

const std::vector<std::shared_ptr<const model::RulePack>>& Checker::packs() {
    std::lock_guard<std::mutex> lock(pool_->lists_mutex);
    if (!pool_->packs) {
        std::vector<std::shared_ptr<const model::RulePack>> packs;
        for (const std::string& name : pipeline::list_rules(std::nullopt).pack_names) {
            std::shared_ptr<const model::RulePack>& copy = pool_->pack_copies[name];
            if (!copy) copy = std::make_shared<const model::RulePack>(*pipeline::list_rules(name).pack);
            packs.push_back(copy);
        }
        pool_->packs = std::move(packs);
    }
    return *pool_->packs;
}

const model::MunicipalityRegister& Checker::municipalities() {
    {
        std::lock_guard<std::mutex> lock(pool_->lists_mutex);
        if (pool_->municipalities) return *pool_->municipalities;
    }
    Borrowed session(*pool_, model::Date::from_days_since_epoch(0));
    model::MunicipalityRegister read = session->municipalities();
    std::lock_guard<std::mutex> lock(pool_->lists_mutex);
    if (!pool_->municipalities) pool_->municipalities = std::move(read);
    return *pool_->municipalities;
}

std::string Checker::plan_with_budget(const NamedUpload& plan, const NamedUpload& workbook, model::Date today,
                                      const std::string& application, int version) {
    Borrowed session(*pool_, today);
    return pipeline::plan_with_workbook_budget({plan.name, plan.bytes}, {workbook.name, workbook.bytes}, *session,
                                               pipeline::WorkbookStamp{application, version});
}

std::string plain_file_name(const std::string& sent, const std::string& fallback) {
    std::string name = sent;
    const std::size_t slash = name.find_last_of("/\\");
    if (slash != std::string::npos) name = name.substr(slash + 1);
    std::string kept;
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '.' || c == '-' || c == '_') kept += c;
    }
    while (!kept.empty() && kept.front() == '.') kept.erase(kept.begin());
    if (kept.size() > 100) kept = kept.substr(kept.size() - 100);
    return kept.empty() ? fallback : kept;
}

SummaryCounts summarise(const report::ApplicationReport& report) {
    const report::Tally counts = report::tally(report.findings);
    return {counts.errors, counts.warnings, counts.infos,
            report::ready_to_submit(report.findings, false) ? "ready" : "not-ready"};
}

}  // namespace esfdraft::http
