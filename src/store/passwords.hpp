// Secrets: password hashing (Argon2id through libsodium), random tokens for
// sessions, CSRF and the API, their SHA-256 for storage, generated passwords
// and constant-time comparison. Nothing here touches the database.
#pragma once

#include <stdexcept>
#include <string>

namespace esfdraft::store {

// Thrown when the system cannot provide what a secret needs (libsodium fails
// to initialise, or hashing runs out of memory).
class SecretError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An Argon2id hash string ("$argon2id$v=19$m=…,t=…,p=…$salt$hash") of
// `password`, with a fresh random salt and libsodium's INTERACTIVE limits.
// Any bytes are accepted, the empty password too (the caller decides policy).
std::string hash_password(const std::string& password);
// True when `password` matches `hash`; false for a wrong password and for a
// hash that is empty or not a libsodium Argon2 string. Takes as long as the
// hash's limits demand, whichever the answer.
bool verify_password(const std::string& password, const std::string& hash);
// True when `hash` was made with other limits or another algorithm than
// hash_password uses now (rehash after the next successful login).
bool password_needs_rehash(const std::string& hash);

// 32 random bytes as 64 lower-case hex digits: session, CSRF and API tokens,
// application ids use random_hex(16).
std::string random_token();
std::string random_hex(int bytes);
// Hex SHA-256 of a token, the form in which tokens are stored.
std::string token_hash(const std::string& token);
// A password for `user add` without --password-stdin: 20 characters from an
// alphabet of 57 letters and digits without look-alikes (no 0/O, 1/l/I),
// over 110 bits.
std::string generate_password();
// Compares in time that depends only on the lengths, never on where the
// inputs first differ.
bool equal_constant_time(const std::string& a, const std::string& b);

}  // namespace esfdraft::store
