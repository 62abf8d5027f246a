// What an error message is about: a text, or a function that makes it, so
// that the name of a cell or a cost line is spelled out only when there is
// a message (spelling it for each of 50 000 cells and 10 000 cost lines was
// a fifth of a large workbook's own time).
#pragma once

#include <string>
#include <type_traits>

namespace esfdraft::xlsx {

inline std::string describe(const std::string& context) { return context; }

template <typename Describe>
requires std::is_invocable_r_v<std::string, const Describe&> std::string describe(const Describe& context) {
    return context();
}

}  // namespace esfdraft::xlsx
