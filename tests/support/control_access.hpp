// Test support: reaching the control API of an exhibit started with
// `--control 127.0.0.1:0 --state-dir DIR`. Waits for "[app.control] listening on …", takes the port
// from the log and the token from DIR/control-token, and waits for the first frame.
//
//   ControlAccess api;
//   ASSERT_TRUE(waitForControlApi(process, stateDir, api)) ;   // api.port, api.token
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "tests/support/eventually.hpp"
#include "tests/support/process.hpp"

namespace exhibit::test {

struct ControlAccess {
    int port = 0;
    std::string token;
};

inline ::testing::AssertionResult waitForControlApi(BackgroundProcess& process, const std::filesystem::path& stateDir,
                                                    ControlAccess& out, double seconds = kEventuallySeconds) {
    if (!process.waitForLog("[app.control] listening on http://127.0.0.1:", seconds))
        return ::testing::AssertionFailure() << "no control API:\n" << process.log();
    std::smatch m;
    const std::string text = process.log();
    if (!std::regex_search(text, m, std::regex(R"(\[app\.control\] listening on http://127\.0\.0\.1:(\d+))")))
        return ::testing::AssertionFailure() << "no port in the log:\n" << text;
    out.port = std::stoi(m[1]);
    if (!process.waitForLog("[app.render] first frame", seconds))
        return ::testing::AssertionFailure() << "no first frame:\n" << process.log();
    out.token = readFile(stateDir / "control-token");
    while (!out.token.empty() && (out.token.back() == '\n' || out.token.back() == '\r')) out.token.pop_back();
    if (out.token.empty()) return ::testing::AssertionFailure() << "no token in " << stateDir;
    return ::testing::AssertionSuccess();
}

}  // namespace exhibit::test
