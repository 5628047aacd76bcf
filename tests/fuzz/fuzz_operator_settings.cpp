// Fuzz target: operator settings, the path shared by the settings file (SettingsStore) and the
// control API's request bodies: JsonDocument::parse, then settingsFromJson. Settings that were
// accepted must also survive what SettingsStore does with them: settingsToJson, dump, parse and
// read again (else a save would be lost at the next start).
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/operator_json.hpp"
#include "core/error.hpp"
#include "core/json_reader.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace exhibit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    OperatorSettings settings;
    try {
        settings = settingsFromJson(JsonDocument::parse(fuzz::asText(data, size), "request body").root());
    } catch (const ContentError&) {
        return 0;  // a bad body or settings file: expected
    }
    const std::string saved = settingsToJson(settings).dump(2);
    try {
        const OperatorSettings again = settingsFromJson(JsonDocument::parse(saved, "settings.json").root());
        fuzz::fuzzCheck(settingsToJson(again) == settingsToJson(settings), "settings changed on a save and load");
    } catch (const ContentError& e) {
        std::fprintf(stderr, "saved settings do not load: %s\n%s\n", e.what(), saved.c_str());
        fuzz::fuzzCheck(false, "accepted settings that cannot be read back after a save");
    }
    return 0;
}
