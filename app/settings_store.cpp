#include "app/settings_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include <spdlog/spdlog.h>

#include "app/operator_json.hpp"
#include "core/error.hpp"
#include "core/local_time.hpp"
#include "core/unique_fd.hpp"
#include "core/json_reader.hpp"

namespace exhibit {
namespace {

constexpr const char* kFormat = "exhibit-settings";
constexpr int kVersion = 1;

std::string describeErrno(int error) { return std::strerror(error); }

// Reads the whole file, or throws ContentError "<name>: <problem>" (the caller adds the path).
std::string readSettingsFile(int fd, const std::string& name) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw ContentError(name + ": cannot read: " + describeErrno(errno));
    if (!S_ISREG(st.st_mode)) throw ContentError(name + ": not a regular file");
    if (static_cast<std::uintmax_t>(st.st_size) > kMaxSettingsFileBytes)
        throw ContentError(name + ": file too large (" + std::to_string(st.st_size) + " bytes, limit " +
                           std::to_string(kMaxSettingsFileBytes) + "); it cannot be a settings file");
    std::string text;
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw ContentError(name + ": cannot read: " + describeErrno(errno));
        }
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > kMaxSettingsFileBytes)  // grew while we read it
            throw ContentError(name + ": file too large (over " + std::to_string(kMaxSettingsFileBytes) + " bytes)");
    }
    return text;
}

OperatorSettings parseSettingsFile(std::string_view text, const std::string& name) {
    if (text.empty()) throw ContentError(name + ": empty file");
    const JsonDocument doc = JsonDocument::parse(text, name);
    const JsonNode root = doc.root();
    root.expectObject();
    if (!root.has("format"))
        root.fail(std::string("not an exhibit settings file (no \"format\": \"") + kFormat + "\")");
    root.rejectUnknownKeys({"format", "version", "settings"});
    const JsonNode format = root.child("format");
    if (format.string() != kFormat)
        format.fail(std::string("expected \"") + kFormat + "\", got " + describeJsonValue(format.value()));
    const JsonNode version = root.child("version");
    const int v = version.integer(0, 1000000);
    if (v != kVersion)
        version.fail("this exhibit reads version " + std::to_string(kVersion) + ", the file is version " +
                     std::to_string(v) + (v > kVersion ? " (written by a newer exhibit)" : ""));
    return settingsFromJson(root.child("settings"));
}


void writeAll(int fd, std::string_view data, const std::filesystem::path& path) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("cannot write " + path.string() + ": " + describeErrno(errno));
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
}

std::filesystem::path directoryOf(const std::filesystem::path& file) {
    const auto parent = file.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

}  // namespace

SettingsStore::SettingsStore(std::filesystem::path file) : file_(std::move(file)) {}

std::filesystem::path SettingsStore::tmpFile() const {
    std::filesystem::path tmp = file_;
    tmp += ".tmp";
    return tmp;
}

OperatorSettings SettingsStore::load() {
    // A temporary file is only ever complete-and-renamed or abandoned: one still here is from a save
    // that never finished, and the file beside it is the one to use.
    if (::unlink(tmpFile().c_str()) == 0)
        spdlog::info("[app.settings] removed {} left by an interrupted save", tmpFile().string());

    const std::string name = file_.string();
    try {
        std::string text;
        {
            UniqueFd fd(::open(file_.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
            if (fd.get() < 0 && errno == ENOENT) {
                spdlog::info("[app.settings] {} does not exist yet; using the default settings", name);
                return {};
            }
            if (fd.get() < 0) throw ContentError(name + ": cannot open: " + describeErrno(errno));
            text = readSettingsFile(fd.get(), name);
        }
        OperatorSettings settings = parseSettingsFile(text, name);
        spdlog::info("[app.settings] loaded {}", name);
        return settings;
    } catch (const ContentError& e) {
        const std::filesystem::path aside = keepAside();
        if (aside.empty())
            spdlog::warn("[app.settings] {}; using the default settings", e.what());
        else
            spdlog::warn("[app.settings] {}; using the default settings, the bad file is kept as {}", e.what(),
                         aside.string());
        return {};
    }
}

std::filesystem::path SettingsStore::keepAside() {
    const std::string base = file_.filename().string() + ".bad-";
    const std::string stamp = localTimeText("%Y%m%d-%H%M%S");
    std::filesystem::path aside;
    // Two bad files within one second get -2, -3, ...; rename() would silently replace the first.
    for (int attempt = 1; attempt < 100; ++attempt) {
        aside = file_;
        aside.replace_filename(base + stamp + (attempt == 1 ? "" : "-" + std::to_string(attempt)));
        struct stat st {};
        if (::lstat(aside.c_str(), &st) != 0 && errno == ENOENT) break;
    }
    if (::rename(file_.c_str(), aside.c_str()) != 0) {
        spdlog::warn("[app.settings] cannot rename {} to {}: {}", file_.string(), aside.string(), describeErrno(errno));
        return {};
    }

    // Keep the newest few: the names sort by time (YYYYMMDD-HHMMSS, then -2, -3 within a second).
    std::vector<std::filesystem::path> bad;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(directoryOf(file_), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string entry = it->path().filename().string();
        if (entry.size() > base.size() && entry.compare(0, base.size(), base) == 0) bad.push_back(it->path());
    }
    if (bad.size() > kKeptBadSettingsFiles) {
        auto order = [&](const std::filesystem::path& a, const std::filesystem::path& b) {
            // "...-HHMMSS" before "...-HHMMSS-2" before "...-HHMMSS-10"
            const std::string sa = a.filename().string().substr(base.size());
            const std::string sb = b.filename().string().substr(base.size());
            const auto key = [](const std::string& s) {
                const std::string stampPart = s.substr(0, 15);
                const int n = s.size() > 16 ? std::atoi(s.c_str() + 16) : 1;
                return std::make_pair(stampPart, n);
            };
            return key(sa) < key(sb);
        };
        std::sort(bad.begin(), bad.end(), order);
        for (std::size_t i = 0; i + kKeptBadSettingsFiles < bad.size(); ++i) {
            if (::unlink(bad[i].c_str()) == 0)
                spdlog::info("[app.settings] removed the old {}", bad[i].string());
        }
    }
    return aside;
}

void SettingsStore::save(const OperatorSettings& settings) {
    const nlohmann::json wrapper = {{"format", kFormat}, {"version", kVersion}, {"settings", settingsToJson(settings)}};
    const std::string text = wrapper.dump(2) + "\n";
    const std::filesystem::path tmp = tmpFile();

    UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) throw std::runtime_error("cannot create " + tmp.string() + ": " + describeErrno(errno));
    try {
        writeAll(fd.get(), text, tmp);
        if (::fsync(fd.get()) != 0) throw std::runtime_error("cannot sync " + tmp.string() + ": " + describeErrno(errno));
        if (::close(fd.release()) != 0)
            throw std::runtime_error("cannot write " + tmp.string() + ": " + describeErrno(errno));
        if (::rename(tmp.c_str(), file_.c_str()) != 0)
            throw std::runtime_error("cannot rename " + tmp.string() + " to " + file_.string() + ": " +
                                     describeErrno(errno));
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
    // Make the rename itself durable. Some file systems cannot sync a directory (EINVAL); the rename
    // is then as durable as they make it.
    const std::filesystem::path dir = directoryOf(file_);
    UniqueFd dirFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dirFd.get() < 0) throw std::runtime_error("cannot open " + dir.string() + " to sync it: " + describeErrno(errno));
    if (::fsync(dirFd.get()) != 0 && errno != EINVAL)
        throw std::runtime_error("cannot sync " + dir.string() + ": " + describeErrno(errno));
}

}  // namespace exhibit
