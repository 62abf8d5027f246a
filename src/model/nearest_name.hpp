// "Did you mean …?": the known name nearest to one a user typed, for the
// loader's unknown elements and the CLI's unknown rule ids alike, so both
// count a slip the same way. Plain computation, no I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace esfdraft::model {

// The optimal string alignment distance between `a` and `b`, ASCII case
// ignored: the fewest insertions, deletions, substitutions and swaps of two
// neighbouring letters ("titel" -> "title" is 1) that turn one into the other,
// no part edited twice. Bytes are compared as they are, so a non-ASCII letter
// counts as its UTF-8 bytes. Empty strings are fine (the other's length).
std::size_t name_distance(std::string_view a, std::string_view b);

// The name in `known` nearest to `name` by name_distance, the first in
// `known` on a tie (so the answer depends only on the list's order). With
// `below`, only a candidate whose distance is less than `below` counts;
// nullopt when none does or `known` is empty. A name that is itself in
// `known` is its own nearest (distance 0): callers ask about unknown names.
std::optional<std::string> nearest_name(std::string_view name, std::span<const std::string> known,
                                        std::optional<std::size_t> below = std::nullopt);

// The limit the loader uses for a misspelt element: a third of the letters
// may differ, and at least one letter always may (the `below` to pass).
inline std::size_t slip_limit(std::string_view name) { return (name.size() / 3 > 1 ? name.size() / 3 : 1) + 1; }

}  // namespace esfdraft::model
