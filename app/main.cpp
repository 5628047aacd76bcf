// exhibit: entry point. Everything else lives in app/runner.cpp.
#include <cstdio>

#include "app/options.hpp"
#include "app/runner.hpp"

int main(int argc, char** argv) {
    auto outcome = exhibit::parseOptions(argc, argv);
    if (!outcome.options) {
        std::fputs(outcome.out.c_str(), stdout);
        if (!outcome.err.empty()) std::fprintf(stderr, "%s\n", outcome.err.c_str());
        return outcome.exitCode;
    }
    return exhibit::run(*outcome.options);
}
