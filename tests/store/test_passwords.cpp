#include "store/passwords.hpp"
#include "store/store.hpp"

#include <boost/test/unit_test.hpp>

#include <sodium.h>

#include <set>

using namespace esfdraft::store;

BOOST_AUTO_TEST_SUITE(secrets)

BOOST_AUTO_TEST_CASE(passwords_verify_only_against_their_own_hash) {
    const auto hash = hash_password("korrekt häst batteri");
    BOOST_TEST(hash.rfind("$argon2id$", 0) == 0u);
    BOOST_TEST(verify_password("korrekt häst batteri", hash));
    BOOST_TEST(!verify_password("korrekt hast batteri", hash));
    BOOST_TEST(!verify_password("", hash));
    BOOST_TEST(hash_password("korrekt häst batteri") != hash);  // a fresh salt each time
    BOOST_TEST(!verify_password("x", ""));
    BOOST_TEST(!verify_password("x", "not a hash"));
    BOOST_TEST(!verify_password("x", std::string("$argon2id$\0", 11)));
}

BOOST_AUTO_TEST_CASE(hashes_with_other_limits_need_a_rehash) {
    BOOST_TEST(!password_needs_rehash(hash_password("p")));
    BOOST_TEST(password_needs_rehash(""));
    BOOST_TEST(password_needs_rehash("$2y$10$bcrypt-style"));
    // A hash made with cheaper limits than ours (libsodium itself, so the
    // test does not depend on the code under test).
    BOOST_REQUIRE(sodium_init() >= 0);
    char cheap[crypto_pwhash_STRBYTES];
    BOOST_REQUIRE(crypto_pwhash_str(cheap, "p", 1, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) == 0);
    BOOST_TEST(verify_password("p", cheap));
    BOOST_TEST(password_needs_rehash(cheap));
}

BOOST_AUTO_TEST_CASE(tokens_are_random_hex_and_stored_as_sha256) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        const auto token = random_token();
        BOOST_TEST(token.size() == 64u);
        BOOST_TEST(token.find_first_not_of("0123456789abcdef") == std::string::npos);
        seen.insert(token);
    }
    BOOST_TEST(seen.size() == 50u);
    BOOST_TEST(random_hex(16).size() == 32u);
    BOOST_TEST(random_hex(0).empty());
    // FIPS 180-2 test vectors.
    BOOST_TEST(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    BOOST_TEST(token_hash("abc") == sha256_hex("abc"));
}

BOOST_AUTO_TEST_CASE(generated_passwords_avoid_look_alikes) {
    std::set<std::string> seen;
    for (int i = 0; i < 20; ++i) {
        const auto password = generate_password();
        BOOST_TEST(password.size() == 20u);
        BOOST_TEST(password.find_first_of("0O1lI") == std::string::npos);
        BOOST_TEST(password.find_first_not_of("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") ==
                   std::string::npos);
        seen.insert(password);
    }
    BOOST_TEST(seen.size() == 20u);
}

BOOST_AUTO_TEST_CASE(constant_time_comparison_compares) {
    BOOST_TEST(equal_constant_time("csrf-token", "csrf-token"));
    BOOST_TEST(!equal_constant_time("csrf-token", "csrf-tokem"));
    BOOST_TEST(!equal_constant_time("csrf-token", "csrf-token-longer"));
    BOOST_TEST(equal_constant_time("", ""));
    BOOST_TEST(!equal_constant_time("", "x"));
}

BOOST_AUTO_TEST_SUITE_END()
