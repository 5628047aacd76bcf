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

}  // namespace exhibit::test
