// Test support for tests that wait on another process or thread: poll a condition until it holds,
// and read a whole file. The deadline is an upper bound for a slow machine, never an expectation.
//
//   EXPECT_TRUE(eventually([&] { return status()["mode"] == "standby"; })) << log();
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>

namespace exhibit::test {

inline constexpr double kEventuallySeconds = 90;  // generous: a slow machine only makes a test slower

// Polls `check` every 50 ms until it holds (true) or `seconds` pass (false).
inline bool eventually(const std::function<bool()>& check, double seconds = kEventuallySeconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!check()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
}

// The whole file as bytes; empty when it cannot be read.
inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace exhibit::test
