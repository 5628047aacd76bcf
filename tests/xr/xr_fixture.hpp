// Test support for the xr label: the environment that selects the test OpenXR runtime with the
// core validation layer, a GLX window for the session (one per test process, kept), a script
// file, and a run of xr::Program for N frames recording each frame's status and input.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../support/temp_dir.hpp"
#include "xr/xr_program.hpp"

namespace exhibit::test {

struct XrRun {
    std::vector<xr::Status> statuses;  // after each frame() call
    std::vector<xr::InputState> inputs;
    xr::Status last;
    nlohmann::json report;             // the runtime's report.json
    std::filesystem::path out;         // where the runtime wrote it and the eye images
};

class XrTest : public ::testing::Test {
protected:
    void SetUp() override;     // skips without a display or window; sets the environment
    void TearDown() override;
    void script(const nlohmann::json& json);  // the runtime's script for the next run
    // Messages the core validation layer wrote so far in this process. Debian's loader (1.0.20)
    // does not hand the layer's messages to XR_EXT_debug_utils messengers, so the layer writes
    // them to a file (XR_CORE_VALIDATION_EXPORT_TYPE=text, XR_CORE_VALIDATION_FILE_NAME).
    static long validationMessages();
    static std::string validationLog();
    long newValidationMessages() const { return validationMessages() - validationAtStart_; }  // since SetUp
    // Runs a program until `frames` frames were submitted, then ends its session politely.
    // `each` runs after every frame.
    XrRun run(xr::ViewRenderer& renderer, long frames,
              const std::function<void(xr::Program&)>& each = {});

    std::unique_ptr<TempDir> dir_;
    long validationAtStart_ = 0;
};

}  // namespace exhibit::test
