#include "tests/xr/xr_fixture.hpp"

#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <unistd.h>

#include "renderer/platform/platform.hpp"

namespace exhibit::test {
namespace {

// The window whose GLX context the sessions bind; kept for the whole test process.
Platform* window(std::string& whyNot) {
    static std::unique_ptr<Platform> platform;
    static std::string failure;
    if (!platform && failure.empty()) {
        try {
            WindowOptions options;
            options.size = {64, 64};
            options.vsync = false;
            options.title = "exhibit xr test";
            platform = createWindowPlatform(options, false);
        } catch (const std::exception& e) {
            failure = e.what();
        }
    }
    whyNot = failure;
    return platform.get();
}

// One file per test process (ctest runs them in parallel), removed when the process ends. The
// layer reads its settings once, at the first instance of the process.
struct ValidationFile {
    std::filesystem::path path = std::filesystem::path(EXHIBIT_BINARY_DIR) /
                                 ("xr-validation-" + std::to_string(getpid()) + ".txt");
    ValidationFile() { std::filesystem::remove(path); }
    ~ValidationFile() {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
};
const ValidationFile& validationFile() {
    static const ValidationFile file;
    return file;
}

}  // namespace

std::string XrTest::validationLog() {
    std::ifstream in(validationFile().path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

long XrTest::validationMessages() {
    std::ifstream in(validationFile().path);
    long count = 0;
    for (std::string line; std::getline(in, line);)
        if (line.starts_with("[VALID_")) ++count;
    return count;
}

void XrTest::SetUp() {
    if (!displayAvailable()) GTEST_SKIP() << "no display: VR mode needs a GLX window (run under Xvfb)";
    std::string why;
    if (!window(why)) GTEST_SKIP() << "no window: " << why;
    dir_ = std::make_unique<TempDir>("exhibit-xr");
    setenv("XR_RUNTIME_JSON", EXHIBIT_XR_RUNTIME_JSON, 1);
    setenv("XR_ENABLE_API_LAYERS", "XR_APILAYER_LUNARG_core_validation", 1);
    setenv("XR_CORE_VALIDATION_EXPORT_TYPE", "text", 1);
    setenv("XR_CORE_VALIDATION_FILE_NAME", validationFile().path.c_str(), 1);
    setenv("EXHIBIT_TEST_XR_OUT", (dir_->path() / "out").c_str(), 1);
    unsetenv("EXHIBIT_TEST_XR_SCRIPT");
    unsetenv("EXHIBIT_TEST_XR_NO_HMD");
    validationAtStart_ = validationMessages();
}

void XrTest::TearDown() {
    unsetenv("EXHIBIT_TEST_XR_SCRIPT");
    unsetenv("EXHIBIT_TEST_XR_OUT");
    dir_.reset();
}

void XrTest::script(const nlohmann::json& json) {
    const auto path = dir_->path() / "script.json";
    std::ofstream(path) << json.dump(2);
    setenv("EXHIBIT_TEST_XR_SCRIPT", path.c_str(), 1);
}

XrRun XrTest::run(xr::ViewRenderer& renderer, long frames, const std::function<void(xr::Program&)>& each) {
    XrRun result;
    result.out = dir_->path() / "out";
    {
        auto program = xr::Program::connect({"exhibit-xr-test"});
        program->startSession();
        bool asked = false;
        // Bounded: the test runtime never blocks, so a state machine stuck in a loop fails here.
        for (long spins = 0; !program->status().exitRequested && spins < 100000; ++spins) {
            program->pollEvents();
            if (!program->status().running) continue;
            program->frame(renderer);
            result.statuses.push_back(program->status());
            result.inputs.push_back(program->input());
            if (each) each(*program);
            if (!asked && program->status().frames >= frames) {
                asked = true;
                program->requestExit();
            }
        }
        EXPECT_TRUE(program->status().exitRequested) << "the session never reached EXITING";
        result.last = program->status();
    }
    std::ifstream in(result.out / "report.json");
    EXPECT_TRUE(in.good()) << "the test runtime wrote no report.json";
    if (in) result.report = nlohmann::json::parse(in);
    return result;
}

}  // namespace exhibit::test
