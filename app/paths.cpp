#include "app/paths.hpp"

#include <system_error>

#include "core/error.hpp"

namespace exhibit {

std::filesystem::path executableDirectory() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : exe.parent_path();
}

std::filesystem::path bundledShowPath() {
    const auto dir = executableDirectory();
    const std::filesystem::path relative = "shows/guizhou/show.json";
    const std::filesystem::path candidates[] = {dir / "assets" / relative, dir / "../share/exhibit/assets" / relative};
    std::string looked;
    for (const auto& candidate : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate.lexically_normal();
        looked += (looked.empty() ? "" : ", ") + candidate.lexically_normal().string();
    }
    throw StartupError("bundled show not found (looked in " + looked + "); pass --show PATH");
}

}  // namespace exhibit
