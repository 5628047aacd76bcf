// Shared by the libFuzzer targets in tests/fuzz (docs/fuzzing.md).
//
// A target feeds one input to one parser. Expected content errors (ContentError, which every
// parser here documents as its only failure) are the normal outcome for most inputs and are
// swallowed; anything else is a finding: a sanitizer report, an exception of another type (it
// escapes LLVMFuzzerTestOneInput and libFuzzer reports the abort), or a broken invariant, which
// fuzzCheck() turns into an abort with a sentence saying what went wrong.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace exhibit::fuzz {

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// An invariant the parser documents; abort (a libFuzzer crash with the input saved) when broken.
inline void fuzzCheck(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

}  // namespace exhibit::fuzz
