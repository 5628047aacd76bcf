// Reads a whole content file (GeoJSON, CSV, ...) into memory, with a size limit.
//
// Use: std::string text = readTextFile(path, 64u << 20);
// Errors are ContentErrors naming the file by its basename:
//   "counties.csv: cannot open: No such file or directory"
//   "big.geojson: file too large (70000000 bytes, limit 67108864)"
// Does not decode or validate the text (no UTF-8 check, no BOM handling): the parsers do that.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace exhibit {

std::string readTextFile(const std::filesystem::path& path, std::uintmax_t maxBytes);

// The name used in error messages: the file's basename ("guizhou_counties.geojson").
std::string displayNameOf(const std::filesystem::path& path);

}  // namespace exhibit
