// Fuzz target: a show file's text through parseShowFile (the text entry of loadShowFile; it
// reads no other file: paths in the show are only checked to stay inside the show folder).
#include <cstddef>
#include <cstdint>

#include "core/error.hpp"
#include "core/show.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace exhibit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const ShowFile show = parseShowFile(fuzz::asText(data, size), "show.json", "/nonexistent/fuzz-show");
        (void)show;
    } catch (const ContentError&) {
        // A bad show file: the expected outcome for most inputs.
    }
    return 0;
}
