// SettingsStore against the real file system: round trips, every kind of bad file, a crash in the
// middle of a save (a child process SIGKILLed while saving), a full disk (RLIMIT_FSIZE) and a
// read-only directory.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
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
#include <sstream>
#include <string>
#include <vector>

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include "app/settings_store.hpp"
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

void writeFile(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

std::vector<fs::path> badFiles(const fs::path& dir) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().rfind("settings.json.bad-", 0) == 0) found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

OperatorSettings settingsA() {
    OperatorSettings s;
    s.scene = "map";
    s.mode = WallMode::Standby;
    s.playlist = {"dashboard", "map"};
    s.rotationSeconds = 60;
    s.schedule = {{9 * 60, WallMode::Show}, {18 * 60, WallMode::Standby}};
    s.language = "en";
    return s;
}

OperatorSettings settingsB() {
    OperatorSettings s;
    s.scene = "dashboard";
    s.mode = WallMode::Blackout;
    for (int i = 0; i < 40; ++i) s.playlist.push_back("scene-with-a-long-id-" + std::to_string(i));
    s.rotationSeconds = 3600;
    s.schedule = {{7 * 60, WallMode::Show}, {20 * 60 + 30, WallMode::Blackout}};
    return s;
}

const char kGarbage[] = "\x7f" "ELF\0\x01\xff\xfe garbage \x00\x9c";
const char* kValid = R"({"format": "exhibit-settings", "version": 1, "settings": {"scene": "map", "mode": "standby"}})";

}  // namespace

TEST(SettingsStore, RoundTripAsPrettyPrivateJson) {
    TempDir dir("exhibit-settings");
    SettingsStore store(dir.path() / "settings.json");
    store.save(settingsA());
    EXPECT_EQ(store.load(), settingsA());
    EXPECT_EQ(SettingsStore(dir.path() / "settings.json").load(), settingsA());  // as after a restart

    const std::string text = readFile(dir.path() / "settings.json");
    EXPECT_NE(text.find("\"format\": \"exhibit-settings\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"version\": 1"), std::string::npos) << text;
    EXPECT_NE(text.find("\n  \"settings\": {\n"), std::string::npos) << text;
    struct stat st {};
    ASSERT_EQ(::stat((dir.path() / "settings.json").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    store.save(settingsB());
    EXPECT_EQ(store.load(), settingsB());
    store.save(OperatorSettings{});
    EXPECT_EQ(store.load(), OperatorSettings{});
    EXPECT_FALSE(fs::exists(store.tmpFile()));
    EXPECT_TRUE(badFiles(dir.path()).empty());
}

TEST(SettingsStore, MissingFileGivesDefaults) {
    TempDir dir("exhibit-settings");
    LogCapture log;
    SettingsStore store(dir.path() / "settings.json");
    EXPECT_EQ(store.load(), OperatorSettings{});
    EXPECT_NE(log.text().find("does not exist yet"), std::string::npos) << log.text();
    EXPECT_EQ(log.text().find("warning"), std::string::npos) << log.text();
    EXPECT_TRUE(badFiles(dir.path()).empty());
}

TEST(SettingsStore, CorruptFilesAreReportedKeptAsideAndDefaultsUsed) {
    const std::string valid = kValid;
    struct Case {
        std::string name, contents, problem;
    };
    const std::vector<Case> cases = {
        {"truncated", valid.substr(0, valid.size() / 2), "invalid JSON"},
        {"binary garbage", std::string(kGarbage, sizeof kGarbage - 1), "invalid JSON"},
        {"empty", "", "empty file"},
        {"wrong field", R"({"format": "exhibit-settings", "version": 1, "settings": {"mode": "party"}})", "settings.mode"},
        {"wrong field type", R"({"format": "exhibit-settings", "version": 1, "settings": {"rotationSeconds": "60"}})",
         "settings.rotationSeconds"},
        {"bad schedule time", R"({"format": "exhibit-settings", "version": 1, "settings": {"schedule": [{"at": "25:00", "mode": "show"}]}})",
         "settings.schedule[0].at"},
        {"wrong format", R"({"format": "exhibit-show", "version": 1, "settings": {}})", "format: expected \"exhibit-settings\""},
        {"newer version", R"({"format": "exhibit-settings", "version": 2, "settings": {}})", "written by a newer exhibit"},
        {"no wrapper", R"({"scene": "map", "mode": "standby"})", "not an exhibit settings file"},
        {"unknown key", R"({"format": "exhibit-settings", "version": 1, "settings": {}, "setings": {}})", "setings: unknown field"},
        {"not an object", "[1, 2, 3]", "expected an object, got array"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        TempDir dir("exhibit-settings");
        const fs::path file = dir.path() / "settings.json";
        writeFile(file, c.contents);
        LogCapture log;
        EXPECT_EQ(SettingsStore(file).load(), OperatorSettings{});
        EXPECT_FALSE(fs::exists(file));
        const auto bad = badFiles(dir.path());
        ASSERT_EQ(bad.size(), 1u);
        EXPECT_EQ(readFile(bad[0]), c.contents);
        EXPECT_EQ(bad[0].filename().string().size(), std::string("settings.json.bad-YYYYMMDD-HHMMSS").size());
        const std::string logged = log.text();
        EXPECT_NE(logged.find("warning"), std::string::npos) << logged;
        EXPECT_NE(logged.find("[app.settings]"), std::string::npos) << logged;
        EXPECT_NE(logged.find(file.string()), std::string::npos) << logged;
        EXPECT_NE(logged.find(c.problem), std::string::npos) << logged;
        EXPECT_NE(logged.find(bad[0].string()), std::string::npos) << logged;
        // the next start is clean, and a save works again
        EXPECT_EQ(SettingsStore(file).load(), OperatorSettings{});
        SettingsStore(file).save(settingsA());
        EXPECT_EQ(SettingsStore(file).load(), settingsA());
        EXPECT_EQ(badFiles(dir.path()).size(), 1u);
    }
}

TEST(SettingsStore, FilesOverOneMebibyteAreRejected) {
    TempDir dir("exhibit-settings");
    const fs::path file = dir.path() / "settings.json";
    const std::string big = std::string(kValid) + std::string(kMaxSettingsFileBytes, ' ');  // valid JSON, too big
    writeFile(file, big);
    LogCapture log;
    EXPECT_EQ(SettingsStore(file).load(), OperatorSettings{});
    EXPECT_NE(log.text().find("too large"), std::string::npos) << log.text();
    ASSERT_EQ(badFiles(dir.path()).size(), 1u);
    EXPECT_EQ(fs::file_size(badFiles(dir.path())[0]), big.size());
    // exactly at the limit is still read
    writeFile(file, std::string(kValid) + std::string(kMaxSettingsFileBytes - std::strlen(kValid), ' '));
    EXPECT_EQ(SettingsStore(file).load().scene, "map");
}

TEST(SettingsStore, NotARegularFileIsKeptAside) {
    TempDir dir("exhibit-settings");
    const fs::path file = dir.path() / "settings.json";
    fs::create_directory(file);
    LogCapture log;
    EXPECT_EQ(SettingsStore(file).load(), OperatorSettings{});
    EXPECT_NE(log.text().find("not a regular file"), std::string::npos) << log.text();
    EXPECT_FALSE(fs::exists(file));
    EXPECT_EQ(badFiles(dir.path()).size(), 1u);
}

TEST(SettingsStore, KeepsOnlyTheNewestBadFiles) {
    TempDir dir("exhibit-settings");
    const fs::path file = dir.path() / "settings.json";
    for (int i = 0; i < 7; ++i) writeFile(dir.path() / ("settings.json.bad-20200101-00000" + std::to_string(i)), "old");
    writeFile(file, "{broken");
    SettingsStore(file).load();
    const auto bad = badFiles(dir.path());
    ASSERT_EQ(bad.size(), kKeptBadSettingsFiles);
    EXPECT_EQ(bad[0].filename(), "settings.json.bad-20200101-000003");  // 0, 1, 2 deleted
    EXPECT_EQ(readFile(bad.back()), "{broken");                        // the new one is kept
    // two bad files within the same second get distinct names; neither is lost
    writeFile(file, "{broken twice");
    SettingsStore(file).load();
    writeFile(file, "{broken thrice");
    SettingsStore(file).load();
    std::vector<std::string> contents;
    for (const auto& path : badFiles(dir.path())) contents.push_back(readFile(path));
    EXPECT_EQ(contents.size(), kKeptBadSettingsFiles);
    for (const char* expected : {"{broken", "{broken twice", "{broken thrice"})
        EXPECT_EQ(std::count(contents.begin(), contents.end(), expected), 1) << expected;
}

TEST(SettingsStore, LeftoverTmpFromACrashIsIgnoredAndRemoved) {
    TempDir dir("exhibit-settings");
    SettingsStore store(dir.path() / "settings.json");
    store.save(settingsA());
    writeFile(store.tmpFile(), R"({"format": "exhibit-settings", "version": 1, "sett)");
    EXPECT_EQ(SettingsStore(store.file()).load(), settingsA());
    EXPECT_FALSE(fs::exists(store.tmpFile()));
    EXPECT_TRUE(badFiles(dir.path()).empty());

    // a crash during the very first save: only the tmp file exists
    TempDir fresh;
    SettingsStore first(fresh.path() / "settings.json");
    writeFile(first.tmpFile(), "{\"format\": ");
    EXPECT_EQ(first.load(), OperatorSettings{});
    EXPECT_FALSE(fs::exists(first.tmpFile()));
    EXPECT_TRUE(badFiles(fresh.path()).empty());
}

// A child saves A and B in a tight loop and is SIGKILLed at different moments (some kills land in
// the middle of a save: between creating the tmp file and the rename). Whatever the moment, the
// next load finds A or B, complete. (A process crash, not a power cut: the page cache survives.
// The fsyncs cover the power cut, which a test cannot cause.)
TEST(SettingsStore, CrashMidWriteLeavesTheOldOrTheNewFile) {
    TempDir dir("exhibit-settings");
    const fs::path file = dir.path() / "settings.json";
    SettingsStore(file).save(settingsA());
    const OperatorSettings a = settingsA(), b = settingsB();
    int tmpLeft = 0;
    for (int kill = 0; kill < 30; ++kill) {
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            SettingsStore store(file);
            for (;;) {
                store.save(a);
                store.save(b);
            }
        }
        ::usleep(static_cast<useconds_t>((kill % 10) * 700 + (kill / 10) * 150));  // 0 to ~6.6 ms, spread
        ASSERT_EQ(::kill(pid, SIGKILL), 0);
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the saver died on its own: " << status;

        if (fs::exists(SettingsStore(file).tmpFile())) ++tmpLeft;
        const OperatorSettings loaded = SettingsStore(file).load();
        ASSERT_TRUE(loaded == a || loaded == b) << "kill " << kill << ": got neither A nor B";
        ASSERT_TRUE(badFiles(dir.path()).empty()) << "kill " << kill;
        ASSERT_FALSE(fs::exists(SettingsStore(file).tmpFile()));
    }
    RecordProperty("killsThatLeftATmpFile", tmpLeft);
}

// A full disk, simulated with a file size limit: writing the tmp file fails with EFBIG.
TEST(SettingsStore, DiskFullFailsCleanlyAndKeepsTheOldFile) {
    TempDir dir("exhibit-settings");
    const fs::path file = dir.path() / "settings.json";
    SettingsStore(file).save(settingsA());
    const std::string before = readFile(file);
    ASSERT_GT(before.size(), 100u);

    const std::string result = inChild([&] {
        const rlimit limit{100, 100};  // bytes; the old file is larger, the new one too
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return std::string("setrlimit failed");
        ::signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG instead of killing us
        SettingsStore(file).save(settingsB());
        return std::string("saved");
    });
    EXPECT_NE(result.find("exception: cannot write " + file.string() + ".tmp: File too large"), std::string::npos)
        << result;
    EXPECT_EQ(readFile(file), before);
    EXPECT_FALSE(fs::exists(file.string() + ".tmp"));
    EXPECT_EQ(SettingsStore(file).load(), settingsA());
}

TEST(SettingsStore, ReadOnlyDirectoryIsAClearError) {
    TempDir dir("exhibit-settings");
    const fs::path file = dir.path() / "settings.json";
    SettingsStore(file).save(settingsA());
    const std::string before = readFile(file);
    fs::permissions(dir.path(), fs::perms(0555));
    const std::string result = inChild([&] {
        dropRoot();
        SettingsStore(file).save(settingsB());
        return std::string("saved");
    });
    fs::permissions(dir.path(), fs::perms(0755));
    EXPECT_NE(result.find("exception: cannot create " + file.string() + ".tmp: Permission denied"), std::string::npos)
        << result;
    EXPECT_EQ(readFile(file), before);
    EXPECT_EQ(SettingsStore(file).load(), settingsA());
}

TEST(SettingsStore, MissingDirectoryIsAClearError) {
    TempDir dir("exhibit-settings");
    SettingsStore store(dir.path() / "gone" / "settings.json");
    try {
        store.save(settingsA());
        FAIL() << "saved into a directory that does not exist";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find((dir.path() / "gone" / "settings.json.tmp").string() + ": No such file"),
                  std::string::npos)
            << e.what();
    }
}
