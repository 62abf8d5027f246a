#include "store/passwords.hpp"
#include "store/store.hpp"

#include <sodium.h>

#include <array>
#include <string_view>

namespace esfdraft::store {

namespace {

// sodium_init is thread-safe and idempotent; calling it before every use
// keeps the functions here callable from anywhere, first call included.
void require_sodium() {
    if (sodium_init() < 0) throw SecretError("libsodium could not be initialised (no source of randomness?)");
}

// INTERACTIVE (64 MiB, 2 passes) rather than MODERATE (256 MiB, 3 passes):
// a server hashes on every login in each of its threads, on machines with
// two cores and little memory, and INTERACTIVE is what libsodium recommends
// for online logins; MODERATE would put 256 MiB per concurrent login.
constexpr unsigned long long ops_limit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t memory_limit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    static constexpr std::string_view digits = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        hex += digits[bytes[i] >> 4];
        hex += digits[bytes[i] & 0x0f];
    }
    return hex;
}

}  // namespace

std::string hash_password(const std::string& password) {
    require_sodium();
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    if (crypto_pwhash_str(hash.data(), password.data(), password.size(), ops_limit, memory_limit) != 0) {
        throw SecretError("password hashing ran out of memory (Argon2id needs 64 MiB)");
    }
    return hash.data();
}

bool verify_password(const std::string& password, const std::string& hash) {
    require_sodium();
    // libsodium reads the hash as a C string: a hash with an embedded NUL or
    // one that is too long cannot be one of ours.
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || hash.find('\0') != std::string::npos) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(const std::string& hash) {
    require_sodium();
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || hash.find('\0') != std::string::npos) return true;
    // 0: current; 1: other limits; -1: not an Argon2id string at all.
    return crypto_pwhash_str_needs_rehash(hash.c_str(), ops_limit, memory_limit) != 0;
}

std::string random_hex(int bytes) {
    require_sodium();
    if (bytes <= 0) return {};
    std::string raw(static_cast<std::size_t>(bytes), '\0');
    randombytes_buf(raw.data(), raw.size());
    const auto hex = to_hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    sodium_memzero(raw.data(), raw.size());
    return hex;
}

std::string random_token() { return random_hex(32); }

std::string token_hash(const std::string& token) { return sha256_hex(token); }

std::string sha256_hex(const std::string& bytes) {
    require_sodium();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return to_hex(digest.data(), digest.size());
}

std::string generate_password() {
    require_sodium();
    static constexpr std::string_view alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static_assert(alphabet.size() == 57);
    std::string password;
    for (int i = 0; i < 20; ++i) {
        // randombytes_uniform has no modulo bias.
        password += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
    }
    return password;
}

bool equal_constant_time(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    require_sodium();
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace esfdraft::store
