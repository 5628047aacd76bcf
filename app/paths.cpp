#include "app/paths.hpp"

#include <system_error>

#include "core/error.hpp"

namespace exhibit {

std::filesystem::path executableDirectory() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : exe.parent_path();
}

std::optional<std::filesystem::path> bundledAsset(const std::filesystem::path& relative, std::string& looked) {
    const auto dir = executableDirectory();
    const std::filesystem::path candidates[] = {dir / "assets" / relative, dir / "../share/exhibit/assets" / relative};
    looked.clear();
    for (const auto& candidate : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate.lexically_normal();
        looked += (looked.empty() ? "" : ", ") + candidate.lexically_normal().string();
    }
    return std::nullopt;
}

std::filesystem::path bundledShowPath() {
    std::string looked;
    if (auto show = bundledAsset("shows/guizhou/show.json", looked)) return *show;
    throw StartupError("bundled show not found (looked in " + looked + "); pass --show PATH");
}

}  // namespace exhibit
