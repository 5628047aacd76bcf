// Faults while the operator's settings are saved, against the real exhibit:
//   - the disk is full: exhibit runs under a file-size limit (RLIMIT_FSIZE, as `ulimit -f` or
//     systemd's LimitFSIZE= set it) that settings A fit under and settings B do not. Saving B is
//     an error reply naming the reason, the wall keeps presenting (it is not killed by SIGXFSZ),
//     settings.json stays byte for byte A, and a start without the limit restores A;
//   - SIGTERM arrives while settings are being saved: rounds of an operator saving A and B as
//     fast as the API answers and a service manager stopping the wall at a different moment each
//     time. Every exit is clean, settings.json is always exactly A or B (never empty, never a
//     mix, no temporary file left), and the next start restores what the file says.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/fault/fault_fixture.hpp"

namespace exhibit::test {
namespace {

// Settings whose file is several KiB: a long playlist and a full day of schedule entries.
json bigSettings() {
    json playlist = json::array(), schedule = json::array();
    for (int i = 0; i < 64; ++i) playlist.push_back(i % 2 ? "map" : "dashboard");
    for (int i = 0; i < 40; ++i) {
        char at[6];
        std::snprintf(at, sizeof at, "%02d:%02d", i / 2, i % 2 ? 30 : 0);
        schedule.push_back({{"at", at}, {"mode", i % 2 ? "show" : "standby"}});
    }
    return {{"playlist", playlist}, {"rotationSeconds", 300}, {"schedule", schedule}, {"language", "en"}};
}

TEST(FaultSettings, DiskFullWhileSavingKeepsTheSavedFileAndTheWallRunning) {
    constexpr unsigned long long kLimit = 2048;  // bytes: settings A fit, bigSettings() does not
    TempDir dir("fault-disk-full");
    const fs::path file = dir.path() / "settings.json";
    const json a = settingsA(), b = bigSettings();
    {
        Wall wall(dir.path(), "fault-disk-full-1.log", {}, SpawnOptions{{}, kLimit});
        wall.screenshot = "/dev/null";  // the exit screenshot is no regular file: the limit spares it
        ASSERT_TRUE(wall.start());
        std::string body;
        ASSERT_EQ(wall.putSettings(a, &body), 202) << body << wall.log();
        const std::string savedA = readFile(file);
        ASSERT_EQ(operatorFields(savedSettings(dir.path())), operatorFields(a)) << savedA;
        ASSERT_LT(savedA.size(), kLimit);

        EXPECT_EQ(wall.putSettings(b, &body), 500) << body;
        EXPECT_NE(body.find("the settings could not be saved"), std::string::npos) << body;
        EXPECT_NE(body.find("File too large"), std::string::npos) << body;  // EFBIG, as ENOSPC would be named
        EXPECT_TRUE(wall.running()) << "a write past the file-size limit killed the wall (SIGXFSZ):\n" << wall.log();
        EXPECT_TRUE(wall.presents());
        EXPECT_EQ(readFile(file), savedA);  // byte for byte what the operator saved
        EXPECT_FALSE(fs::exists(dir.path() / "settings.json.tmp"));
        EXPECT_NE(wall.log().find("[app.settings] not saved"), std::string::npos) << wall.log();
        EXPECT_EQ(wall.stop(), 0) << wall.log();
        EXPECT_EQ(readFile(file), savedA);
    }
    // The cause goes away (space again: here, no limit): the wall comes back with A and saves again.
    Wall again(dir.path(), "fault-disk-full-2.log");
    ASSERT_TRUE(again.start());
    EXPECT_EQ(operatorFields(again.get("/api/settings")), operatorFields(a));
    std::string body;
    EXPECT_EQ(again.putSettings(b, &body), 202) << body;
    EXPECT_EQ(operatorFields(savedSettings(dir.path())), operatorFields(b));
    EXPECT_EQ(again.stop(), 0) << again.log();
}

TEST(FaultSettings, SigtermDuringSavesLeavesExactlyOneCompleteSettingsFile) {
    constexpr int kRounds = 8;
    constexpr int kDelaysMs[kRounds] = {0, 3, 11, 23, 41, 67, 101, 149};  // SIGTERM after the first save
    TempDir dir("fault-sigterm-save");
    const json a = operatorFields(settingsA()), b = operatorFields(settingsB());
    json onDisk;  // operator fields of settings.json after the previous round
    int interruptedSaves = 0;
    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        Wall wall(dir.path(), "fault-sigterm-save-" + std::to_string(round) + ".log");
        ASSERT_TRUE(wall.start());
        if (round > 0) {
            EXPECT_EQ(operatorFields(wall.get("/api/settings")), onDisk) << wall.log();
        }

        std::atomic<bool> done{false};
        std::atomic<int> saved{0}, sent{0};
        std::thread operatorTablet([&] {
            for (int i = 0; !done; ++i) {
                ++sent;
                const int code = wall.putSettings(i % 2 ? settingsB() : settingsA());
                if (code == 202) ++saved;
                if (code < 0) break;  // the API went away with the wall
            }
        });
        ASSERT_TRUE(eventually([&] { return saved >= 1; })) << wall.log();
        std::this_thread::sleep_for(std::chrono::milliseconds(kDelaysMs[round]));
        const int sentBefore = sent;
        const int rc = wall.stop();
        done = true;
        operatorTablet.join();
        interruptedSaves += sent > sentBefore ? 1 : 0;
        EXPECT_EQ(rc, 0) << wall.log();

        const json settings = savedSettings(dir.path());
        ASSERT_TRUE(settings.is_object()) << settings;
        onDisk = operatorFields(settings);
        EXPECT_TRUE(onDisk == a || onDisk == b) << readFile(dir.path() / "settings.json");
        EXPECT_FALSE(fs::exists(dir.path() / "settings.json.tmp"));
    }
    // Not an assertion on timing: says how often a request was in flight when the signal came.
    std::printf("SIGTERM with a save request in flight in %d of %d rounds\n", interruptedSaves, kRounds);
    Wall last(dir.path(), "fault-sigterm-save-last.log");
    ASSERT_TRUE(last.start());
    EXPECT_EQ(operatorFields(last.get("/api/settings")), onDisk);
    EXPECT_EQ(last.stop(), 0) << last.log();
}

}  // namespace
}  // namespace exhibit::test
