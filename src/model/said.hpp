// A message in the two languages of the tool, and the error that carries
// one: what every layer throws when the user must be told something in the
// language they chose. Plain data, no I/O.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace esfdraft::model {

// A message, owned (it quotes input: a file name, a value). One made from a
// single string is the same in both languages (a message that comes from
// elsewhere untranslated, such as a broken data folder's).
struct Said {
    std::string sv, en;
    Said() = default;
    Said(std::string swedish, std::string english) : sv(std::move(swedish)), en(std::move(english)) {}
    explicit Said(std::string both) : sv(both), en(std::move(both)) {}
    // "sv" or "en"; anything else is Swedish, the tool's first language.
    const std::string& in(std::string_view lang) const { return lang == "en" ? en : sv; }
};

// An error whose message is ready for the user in both languages; what() is
// the English one.
class SaidError : public std::runtime_error {
public:
    explicit SaidError(const std::string& message) : std::runtime_error(message), swedish_(message) {}
    explicit SaidError(Said message) : std::runtime_error(message.en), swedish_(std::move(message.sv)) {}
    std::string message(std::string_view lang) const { return lang == "en" ? std::string(what()) : swedish_; }
    Said said() const { return Said(swedish_, what()); }

private:
    std::string swedish_;
};

// What `error` says: both languages when it is a SaidError, else its what()
// in both.
inline Said said_of(const std::exception& error) {
    if (const auto* said = dynamic_cast<const SaidError*>(&error)) return said->said();
    return Said(std::string(error.what()));
}

}  // namespace esfdraft::model
