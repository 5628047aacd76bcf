// The operator's settings on disk: one small JSON file that survives restarts, crashes and power
// cuts. A save either lands completely or not at all; a file that cannot be used is reported, kept
// aside for a person to look at, and the defaults are used, so a bad file never stops the show.
//
//   SettingsStore store(stateDir / "settings.json");
//   OperatorSettings settings = store.load();   // never throws for a bad or missing file
//   ...the operator changes something...
//   try { store.save(settings); } catch (const std::runtime_error& e) { /* log e.what(), keep going */ }
//
// The file:
//   { "format": "exhibit-settings", "version": 1, "settings": { <settingsToJson> } }
// written pretty (2-space indent) with mode 0600.
//
// save() writes `<file>.tmp` (created 0600), fsyncs it, renames it over `<file>` and fsyncs the
// directory. A crash at any instant leaves either the old or the new file, complete; a failure
// (disk full, file size limit, read-only directory) throws std::runtime_error naming the path and
// the reason, removes the temporary file and leaves the old file as it was.
//
// load() returns the defaults (OperatorSettings{}) with an info line when the file does not exist.
// When it cannot be read, is larger than 1 MiB, is not valid JSON, has the wrong format or version,
// or has an invalid field, it logs a warning `[app.settings]` naming the file and the problem,
// renames the file to `<file>.bad-YYYYMMDD-HHMMSS` (local time; the 5 newest such files are kept,
// older ones deleted) and returns the defaults. A `<file>.tmp` left by a crash is deleted.
//
// Does not: check scene ids against the show (unknownScenes() does; the caller decides), lock
// the file against a second exhibit process, or serialize calls from several threads (call it
// from one thread, the main loop).
#pragma once

#include <cstddef>
#include <filesystem>

#include "app/operator_types.hpp"

namespace exhibit {

inline constexpr std::size_t kMaxSettingsFileBytes = 1u << 20;
inline constexpr std::size_t kKeptBadSettingsFiles = 5;

class SettingsStore {
public:
    explicit SettingsStore(std::filesystem::path file);

    OperatorSettings load();
    void save(const OperatorSettings& settings);

    const std::filesystem::path& file() const { return file_; }
    std::filesystem::path tmpFile() const;  // <file>.tmp

private:
    // Renames the file aside as <file>.bad-<time> and prunes old ones; returns the new name (empty
    // when the rename failed, which is logged).
    std::filesystem::path keepAside();

    std::filesystem::path file_;
};

}  // namespace exhibit
