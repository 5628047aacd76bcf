// Runs a program as a child process and captures its exit code, stdout and stderr (test support).
#pragma once

#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace exhibit::test {

struct ProcessResult {
    int exitCode = -1;  // 128 + signal when killed by a signal
    std::string out;
    std::string err;
};

// argv[0] is the program path. The child gets the parent's environment plus `extraEnv` ("K=V").
ProcessResult runProcess(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnv = {});

// How a BackgroundProcess starts, beyond its arguments.
struct SpawnOptions {
    std::vector<std::string> extraEnv;             // "K=V", added to (or replacing in) the parent's environment
    std::optional<unsigned long long> fileSizeLimit;  // RLIMIT_FSIZE in bytes, set in the child before exec
};

// A child left running while the test talks to it; its stdout and stderr go to `logFile`.
// The destructor kills it if stop() was not called.
class BackgroundProcess {
public:
    BackgroundProcess(const std::vector<std::string>& argv, const std::string& logFile, const SpawnOptions& options = {});
    ~BackgroundProcess();
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    // Waits until the log contains `text` (true) or `seconds` pass or the child exits (false).
    bool waitForLog(const std::string& text, double seconds);
    std::string log() const;
    bool running();
    // SIGTERM, then SIGKILL after `seconds`; returns the exit code (128 + signal when killed).
    int stop(double seconds = 20);
    int pid() const { return pid_; }  // -1 once it has exited and been reaped

private:
    int pid_ = -1;
    int exitCode_ = -1;
    std::string logFile_;
    std::thread pump_;  // copies the child's output into logFile_ when it runs under a file-size limit
};

}  // namespace exhibit::test
