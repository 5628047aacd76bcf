// The web remote's files (assets/web: index.html, remote.js, remote.css), read once into memory so
// the control API can serve them without a request ever naming a path on disk.
//
//   WebRemote page = WebRemote::load(WebRemote::bundledDirectory());  // throws StartupError if one is missing
//   if (const WebFile* f = page.find(req.path)) serve(f->contentType, f->body);
//
// find() knows a fixed set of URL paths ("/", "/index.html", "/remote.js", "/remote.css") and answers
// nullptr for anything else: "/../../etc/passwd", "/%2e%2e/…", "/remote.js/" never reach a file.
//
// Does not: watch the files (a changed page needs a restart), or serve anything but these three.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace exhibit {

struct WebFile {
    std::string contentType;  // with charset
    std::string body;
};

class WebRemote {
public:
    static constexpr std::size_t kMaxFileBytes = 1024 * 1024;

    // Reads every file of the page from `directory`; StartupError naming the file when one is
    // missing, unreadable or larger than kMaxFileBytes.
    static WebRemote load(const std::filesystem::path& directory);
    // assets/web next to the executable (build tree), or ../share/exhibit/assets/web (install
    // tree); StartupError listing where it looked.
    static std::filesystem::path bundledDirectory();

    // The file served at `urlPath` (the request path after percent-decoding), or nullptr.
    const WebFile* find(std::string_view urlPath) const;

private:
    std::map<std::string, WebFile, std::less<>> files_;  // keyed by URL path
};

}  // namespace exhibit
