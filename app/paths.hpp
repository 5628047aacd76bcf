// Where the bundled show lives. The build tree links bin/assets to the source assets; the install
// tree has share/exhibit/assets beside bin/. Both are found relative to the executable, so the
// working directory never matters.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace exhibit {

std::filesystem::path executableDirectory();
// A file of the bundled assets (`relative` to assets/), or nullopt; `looked` lists where it looked.
std::optional<std::filesystem::path> bundledAsset(const std::filesystem::path& relative, std::string& looked);
// The bundled Guizhou show file; throws StartupError listing where it looked.
std::filesystem::path bundledShowPath();

}  // namespace exhibit
