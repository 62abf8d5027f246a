// Tests that need a tool esfdraft itself does not (HTML Tidy, LibreOffice, a
// python3 module): decorated with `* esfdraft::testing::needs_tool(...)`, such
// a test is skipped, with the reason printed on stderr, when the tool is
// missing, and never fails for it. Boost.Test reports it as skipped; the
// suite's exit status stays 0.
#pragma once

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

namespace esfdraft::testing {

// A precondition that holds when `probe` (a shell command) exits 0; else the
// test is skipped with "`what` is not available (`install`): skipped".
inline boost::unit_test::decorator::precondition needs(std::string probe, std::string what, std::string install) {
    return boost::unit_test::precondition([probe, what, install](boost::unit_test::test_unit_id id) {
        if (std::system((probe + " >/dev/null 2>&1").c_str()) == 0) return boost::test_tools::assertion_result(true);
        boost::test_tools::assertion_result missing(false);
        missing.message() << what << " is not available (" << install << "): skipped";
        std::cerr << "SKIPPED " << boost::unit_test::framework::get(id, boost::unit_test::TUT_ANY).full_name() << ": "
                  << what << " is not available (" << install << ")\n";
        return missing;
    });
}

// The same for a program looked up on PATH.
inline boost::unit_test::decorator::precondition needs_tool(const std::string& program, const std::string& install) {
    return needs("command -v '" + program + "'", program, install);
}

}  // namespace esfdraft::testing
