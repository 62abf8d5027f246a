// The loader the load tests share. ESFDRAFT_TEST_STREAMING_FROM (bytes) sets
// the size from which files take the two-pass streaming check: ctest runs the
// suite once as shipped and once with 0, so every case also covers that path.
#pragma once

#include <cstdlib>
#include <string>

#include "load/loader.hpp"
#include "support/temp_files.hpp"

namespace esfdraft::testing {

inline std::size_t streaming_from_bytes() {
    const char* configured = std::getenv("ESFDRAFT_TEST_STREAMING_FROM");
    return configured && *configured ? static_cast<std::size_t>(std::stoull(configured))
                                     : load::default_streaming_from_bytes;
}

inline load::Loader& shared_loader() {
    static load::Loader instance(source_path("schemas"), load::default_max_input_bytes, streaming_from_bytes());
    return instance;
}

}  // namespace esfdraft::testing
