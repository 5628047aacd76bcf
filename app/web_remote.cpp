#include "app/web_remote.hpp"

#include "app/paths.hpp"
#include "core/error.hpp"
#include "core/text_file.hpp"

namespace exhibit {
namespace {

struct PageFile {
    std::string_view file;
    std::string_view contentType;
    std::string_view urls[2];
};

constexpr PageFile kPage[] = {
    {"index.html", "text/html; charset=utf-8", {"/", "/index.html"}},
    {"remote.js", "text/javascript; charset=utf-8", {"/remote.js", {}}},
    {"remote.css", "text/css; charset=utf-8", {"/remote.css", {}}},
};

}  // namespace

WebRemote WebRemote::load(const std::filesystem::path& directory) {
    WebRemote remote;
    for (const PageFile& page : kPage) {
        const std::filesystem::path path = directory / page.file;
        WebFile file{std::string(page.contentType), {}};
        try {
            file.body = readTextFile(path, kMaxFileBytes);
        } catch (const ContentError& e) {
            throw StartupError("web remote: " + path.string() + ": " + e.what());
        }
        for (std::string_view url : page.urls)
            if (!url.empty()) remote.files_.emplace(std::string(url), file);
    }
    return remote;
}

std::filesystem::path WebRemote::bundledDirectory() {
    std::string looked;
    if (auto index = bundledAsset("web/index.html", looked)) return index->parent_path();
    throw StartupError("web remote: assets/web not found (looked in " + looked + ")");
}

const WebFile* WebRemote::find(std::string_view urlPath) const {
    auto it = files_.find(urlPath);
    return it == files_.end() ? nullptr : &it->second;
}

}  // namespace exhibit
