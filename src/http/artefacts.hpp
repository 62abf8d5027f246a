// A version's outputs (report, draft, workbook) from the store's artefact
// cache. They are deterministic: the same plan and findings bytes, checked
// with the version's own day, by the same esfdraft with the same data folder,
// make the same bytes. So they are made once and then read back. Internal to
// http.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "http/context.hpp"

namespace esfdraft::http {

// The artefacts table's content key of `version`: the SHA-256 over this
// esfdraft's identity (its executable, the schemas and templates of its data
// folder, SOURCE_DATE_EPOCH), the plan's and the findings' SHA-256 and the
// version's day. A rebuilt or upgraded esfdraft, or an edited data folder,
// gives other keys, so it never serves what an older one made. nullopt when
// the identity cannot be read (the executable or data folder is unreadable):
// then nothing is cached.
std::optional<std::string> artefact_key(const store::VersionInfo& version);

// The cached bytes of `kind` ("docx", "xlsx", "report-json" …) in `lang`
// ("" for the plan's own language) when present; else calls `make` and, when
// it gives bytes, stores them. The answer never depends on the cache: a
// failing read is a miss and a failing write is ignored (the next request
// makes the bytes again). nullopt when `make` gives nullopt (a plan that does
// not load: nothing stored). Exceptions from `make` pass through.
std::optional<std::string> cached_artefact(Context& context, const store::VersionInfo& version, const std::string& kind,
                                           const std::string& lang,
                                           const std::function<std::optional<std::string>()>& make);

}  // namespace esfdraft::http
