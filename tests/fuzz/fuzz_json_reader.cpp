// Fuzz target: core/json_reader on its own: JsonDocument::parse (size, depth and duplicate-key
// limits), then a walk of the whole tree through JsonNode, asking every value for every type the
// way schema readers do (each mismatch is a ContentError, which is expected), and the helpers
// that build messages from untrusted text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/json_reader.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace exhibit;

namespace {

template <typename F>
void expectOrContentError(F&& f) {
    try {
        f();
    } catch (const ContentError&) {
    }
}

void walk(const JsonNode& node, std::size_t depth) {
    fuzz::fuzzCheck(depth <= maxJsonDepth + 1, "a document nested deeper than the documented limit");
    (void)quoteForMessage(node.path());
    (void)describeJsonValue(node.value());
    if (node.isObject()) {
        static const std::vector<std::string_view> known{"format", "version", "scenes", "layers", "color", "id"};
        for (const auto& [key, child] : node.members()) {
            fuzz::fuzzCheck(node.has(key), "has() misses a member");
            (void)quoteForMessage(key);
            (void)closestMatch(key, known);
            walk(child, depth + 1);
        }
        expectOrContentError([&] { node.rejectUnknownKeys({"format", "version", "scenes"}); });
        expectOrContentError([&] { (void)node.numberOr("designHeight", 1080, 200, 10000); });
        expectOrContentError([&] { (void)node.colorOr("color", Color{}); });
        expectOrContentError([&] { (void)node.child("id").string(); });
        return;
    }
    if (node.isArray()) {
        for (const JsonNode& item : node.items(0, node.size())) walk(item, depth + 1);
        expectOrContentError([&] { (void)node.items(1, 4); });
        expectOrContentError([&] { (void)node.rect(); });
        return;
    }
    expectOrContentError([&] { (void)node.string(); });
    expectOrContentError([&] { (void)node.choice({"show", "standby", "blackout"}); });
    expectOrContentError([&] { (void)formatNumber(node.number(-1e300, 1e300)); });
    expectOrContentError([&] { (void)node.integer(-1000000, 1000000); });
    expectOrContentError([&] { (void)node.boolean(); });
    expectOrContentError([&] { (void)node.color(); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const JsonDocument doc = JsonDocument::parse(fuzz::asText(data, size), "fuzz.json");
        walk(doc.root(), 0);
    } catch (const ContentError&) {
        // Invalid JSON or over a limit: expected.
    }
    return 0;
}
