// The state directory and the control API's token, against the real file system.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include "app/control_token.hpp"
#include "app/state_dir.hpp"
#include "core/error.hpp"
#include "tests/support/child.hpp"
#include "tests/support/log_capture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace exhibit;
namespace fs = std::filesystem;
using exhibit::test::dropRoot;
using exhibit::test::inChild;
using exhibit::test::LogCapture;
using exhibit::test::TempDir;

namespace {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const fs::path& path, const std::string& text, fs::perms mode) {
    { std::ofstream(path, std::ios::binary | std::ios::trunc) << text; }
    fs::permissions(path, mode);
}

unsigned modeOf(const fs::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return 0xffffffffu;
    return st.st_mode & 07777;
}

// Sets (or, with nullopt, unsets) an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) ::setenv(name, value->c_str(), 1); else ::unsetenv(name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;
    ~ScopedEnv() {
        if (old_) ::setenv(name_, old_->c_str(), 1); else ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

std::string startupErrorOf(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const StartupError& e) {
        return e.what();
    }
    return "(no StartupError)";
}

bool isLowerHex(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

// ---- state directory ------------------------------------------------------------------------

TEST(StateDir, SystemdStateDirectoryFirstTakingTheFirstOfSeveral) {
    ScopedEnv xdg("XDG_STATE_HOME", "/xdg/state");
    ScopedEnv home("HOME", "/home/wall");
    {
        ScopedEnv systemd("STATE_DIRECTORY", "/var/lib/exhibit");
        EXPECT_EQ(defaultStateDir(), fs::path("/var/lib/exhibit"));
    }
    {
        ScopedEnv systemd("STATE_DIRECTORY", "/var/lib/exhibit:/var/lib/exhibit-cache");
        EXPECT_EQ(defaultStateDir(), fs::path("/var/lib/exhibit"));
    }
    {
        ScopedEnv systemd("STATE_DIRECTORY", "");
        EXPECT_EQ(defaultStateDir(), fs::path("/xdg/state/exhibit"));
    }
}

TEST(StateDir, XdgStateHomeThenHome) {
    ScopedEnv systemd("STATE_DIRECTORY", std::nullopt);
    ScopedEnv home("HOME", "/home/wall");
    {
        ScopedEnv xdg("XDG_STATE_HOME", "/xdg/state");
        EXPECT_EQ(defaultStateDir(), fs::path("/xdg/state/exhibit"));
    }
    {
        ScopedEnv xdg("XDG_STATE_HOME", "relative/state");  // the XDG spec says: ignore
        EXPECT_EQ(defaultStateDir(), fs::path("/home/wall/.local/state/exhibit"));
    }
    {
        ScopedEnv xdg("XDG_STATE_HOME", std::nullopt);
        EXPECT_EQ(defaultStateDir(), fs::path("/home/wall/.local/state/exhibit"));
        ScopedEnv noHome("HOME", std::nullopt);  // the password database's home directory
        EXPECT_TRUE(defaultStateDir().is_absolute());
        EXPECT_EQ(defaultStateDir().filename(), "exhibit");
    }
}

TEST(StateDir, EnsureCreatesPrivateDirectories) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "state" / "exhibit";
    ensureStateDir(dir);
    EXPECT_TRUE(fs::is_directory(dir));
    EXPECT_EQ(modeOf(dir), 0700u);
    EXPECT_EQ(modeOf(tmp.path() / "state"), 0700u);
    ensureStateDir(dir);  // already there: fine
    ensureStateDir(fs::path(dir.string() + "/"));
    // an existing directory keeps the mode its owner gave it
    fs::permissions(dir, fs::perms(0750));
    ensureStateDir(dir);
    EXPECT_EQ(modeOf(dir), 0750u);
}

TEST(StateDir, ImpossibleIsAStartupErrorNamingThePath) {
    TempDir tmp;
    const fs::path file = tmp.path() / "a-file";
    writeFile(file, "x", fs::perms(0644));
    std::string error = startupErrorOf([&] { ensureStateDir(file); });
    EXPECT_NE(error.find("state directory " + file.string() + ": exists but is not a directory"), std::string::npos) << error;
    error = startupErrorOf([&] { ensureStateDir(file / "below"); });
    EXPECT_NE(error.find(file.string()), std::string::npos) << error;
    EXPECT_NE(error.find("Not a directory"), std::string::npos) << error;

    fs::permissions(tmp.path(), fs::perms(0555));
    const fs::path denied = tmp.path() / "exhibit";
    error = inChild([&] {
        dropRoot();
        ensureStateDir(denied);
        return std::string("created");
    });
    fs::permissions(tmp.path(), fs::perms(0755));
    EXPECT_NE(error.find("state directory " + denied.string() + ": cannot create: Permission denied"), std::string::npos)
        << error;
}

// ---- control token --------------------------------------------------------------------------

TEST(ControlToken, CreatedAs64HexCharactersWithMode0600) {
    TempDir dir("exhibit-token");
    const mode_t oldMask = ::umask(0);  // a careless umask must not make the token readable
    LogCapture log;
    const std::string token = loadOrCreateToken(dir.path());
    ::umask(oldMask);
    EXPECT_EQ(token.size(), 64u);
    EXPECT_TRUE(isLowerHex(token)) << token;
    const fs::path file = dir.path() / "control-token";
    EXPECT_EQ(modeOf(file), 0600u);
    EXPECT_EQ(readFile(file), token + "\n");
    EXPECT_NE(log.text().find("created a new control token in " + file.string()), std::string::npos) << log.text();
    EXPECT_EQ(log.text().find(token), std::string::npos) << "the token itself must not be logged";
    // nothing else left behind
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir.path())) names.push_back(entry.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{"control-token"});
}

TEST(ControlToken, StableAcrossCallsAndDifferentPerInstallation) {
    TempDir dir, other;
    const std::string token = loadOrCreateToken(dir.path());
    EXPECT_EQ(loadOrCreateToken(dir.path()), token);
    EXPECT_EQ(loadOrCreateToken(dir.path()), token);
    EXPECT_NE(loadOrCreateToken(other.path()), token);
}

TEST(ControlToken, SimultaneousFirstStartsAgreeOnOneToken) {
    TempDir dir("exhibit-token");
    std::vector<std::pair<pid_t, int>> children;
    for (int i = 0; i < 8; ++i) {
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(fds[0]);
            std::string out;
            try {
                out = loadOrCreateToken(dir.path());
            } catch (const std::exception& e) {
                out = e.what();
            }
            const ssize_t written = ::write(fds[1], out.data(), out.size());
            ::_exit(written == static_cast<ssize_t>(out.size()) ? 0 : 1);
        }
        ::close(fds[1]);
        children.emplace_back(pid, fds[0]);
    }
    std::vector<std::string> tokens;
    for (auto [pid, fd] : children) {
        std::string out;
        char buffer[512];
        ssize_t n;
        while ((n = ::read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
        ::close(fd);
        ::waitpid(pid, nullptr, 0);
        tokens.push_back(out);
    }
    const std::string onDisk = loadOrCreateToken(dir.path());
    for (const auto& token : tokens) EXPECT_EQ(token, onDisk);
}

TEST(ControlToken, GroupOrOtherReadableFileIsMadePrivate) {
    TempDir dir("exhibit-token");
    const fs::path file = dir.path() / "control-token";
    const std::string own = "My-Own_Token-0123456789abcdefghijklmnop";  // url-safe, 38 characters
    writeFile(file, "  " + own + "\r\n", fs::perms(0644));
    LogCapture log;
    EXPECT_EQ(loadOrCreateToken(dir.path()), own);
    EXPECT_EQ(modeOf(file), 0600u);
    EXPECT_NE(log.text().find("[app.control] " + file.string() + " was readable or writable by other users (mode 644)"),
              std::string::npos)
        << log.text();
    EXPECT_NE(log.text().find("warning"), std::string::npos) << log.text();
    EXPECT_EQ(readFile(file), "  " + own + "\r\n");  // reused as it is
}

TEST(ControlToken, GarbageIsAStartupErrorSayingWhatToDo) {
    struct Case {
        std::string name, contents;
    };
    const std::vector<Case> cases = {
        {"empty", ""},
        {"only a newline", "\n"},
        {"too short", "0123456789abcdef0123456789abcde\n"},  // 31
        {"too long", std::string(129, 'a')},
        {"not url-safe", std::string(40, 'a') + "!" + std::string(23, 'b')},
        {"two tokens", std::string(32, 'a') + " " + std::string(32, 'b')},
        {"binary", std::string("\0\x01\x02\xff", 4) + std::string(60, 'a')},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        TempDir dir("exhibit-token");
        const fs::path file = dir.path() / "control-token";
        writeFile(file, c.contents, fs::perms(0600));
        const std::string error = startupErrorOf([&] { loadOrCreateToken(dir.path()); });
        EXPECT_NE(error.find("control token " + file.string() + ": "), std::string::npos) << error;
        EXPECT_NE(error.find("delete it"), std::string::npos) << error;
        EXPECT_EQ(readFile(file), c.contents);  // left for the operator to look at
    }
    // at the limits: 32 and 128 characters are fine
    for (std::size_t size : {32u, 128u}) {
        TempDir dir("exhibit-token");
        writeFile(dir.path() / "control-token", std::string(size, 'Z'), fs::perms(0600));
        EXPECT_EQ(loadOrCreateToken(dir.path()), std::string(size, 'Z'));
    }
}

TEST(ControlToken, NotARegularFileOrNoDirectoryIsAStartupError) {
    TempDir dir("exhibit-token");
    const fs::path file = dir.path() / "control-token";
    fs::create_directory(file);
    std::string error = startupErrorOf([&] { loadOrCreateToken(dir.path()); });
    EXPECT_NE(error.find(file.string() + ": not a regular file; delete it"), std::string::npos) << error;
    fs::remove(file);

    writeFile(dir.path() / "elsewhere", std::string(64, 'a'), fs::perms(0600));
    fs::create_symlink(dir.path() / "elsewhere", file);
    error = startupErrorOf([&] { loadOrCreateToken(dir.path()); });
    EXPECT_NE(error.find(file.string() + ": is a symbolic link"), std::string::npos) << error;

    error = startupErrorOf([&] { loadOrCreateToken(dir.path() / "missing"); });
    EXPECT_NE(error.find((dir.path() / "missing" / "control-token").string()), std::string::npos) << error;
    EXPECT_NE(error.find("No such file or directory"), std::string::npos) << error;
}

TEST(ControlToken, UnreadableByThisUserIsAStartupError) {
    TempDir dir("exhibit-token");
    const fs::path file = dir.path() / "control-token";
    writeFile(file, std::string(64, 'a'), fs::perms(0600));  // owned by us (root in CI), private
    if (::geteuid() != 0) fs::permissions(file, fs::perms(0000));
    const std::string result = inChild([&] {
        dropRoot();
        return loadOrCreateToken(dir.path());
    });
    EXPECT_NE(result.find("control token " + file.string() + ": cannot open: Permission denied"), std::string::npos)
        << result;
}
