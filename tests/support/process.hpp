// Runs a program as a child process and captures its exit code, stdout and stderr (test support).
#pragma once

#include <string>
#include <vector>

namespace exhibit::test {

struct ProcessResult {
    int exitCode = -1;  // 128 + signal when killed by a signal
    std::string out;
    std::string err;
};

// argv[0] is the program path. The child gets the parent's environment plus `extraEnv` ("K=V").
ProcessResult runProcess(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnv = {});

// A child left running while the test talks to it; its stdout and stderr go to `logFile`.
// The destructor kills it if stop() was not called.
class BackgroundProcess {
public:
    BackgroundProcess(const std::vector<std::string>& argv, const std::string& logFile);
    ~BackgroundProcess();
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    // Waits until the log contains `text` (true) or `seconds` pass or the child exits (false).
    bool waitForLog(const std::string& text, double seconds);
    std::string log() const;
    bool running();
    // SIGTERM, then SIGKILL after `seconds`; returns the exit code (128 + signal when killed).
    int stop(double seconds = 20);

private:
    int pid_ = -1;
    int exitCode_ = -1;
    std::string logFile_;
};

}  // namespace exhibit::test
