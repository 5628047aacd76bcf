#include "core/text_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/error.hpp"

namespace exhibit {

std::string displayNameOf(const std::filesystem::path& path) {
    std::string name = path.filename().string();
    return name.empty() ? path.string() : name;
}

std::string readTextFile(const std::filesystem::path& path, std::uintmax_t maxBytes) {
    const std::string name = displayNameOf(path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw ContentError(name + ": cannot open: is a directory");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        throw ContentError(name + ": cannot open: " + (err != 0 ? std::strerror(err) : "unknown error"));
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > maxBytes) {
        throw ContentError(name + ": file too large (" + std::to_string(size) + " bytes, limit " +
                           std::to_string(maxBytes) + ")");
    }
    std::string text;
    if (!ec) text.reserve(static_cast<std::size_t>(size));
    // Read in chunks so that a file that grows (or a pipe) still respects the limit.
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > maxBytes) {
            throw ContentError(name + ": file too large (more than " + std::to_string(maxBytes) + " bytes)");
        }
    }
    if (in.bad()) throw ContentError(name + ": cannot read: I/O error");
    return text;
}

}  // namespace exhibit
