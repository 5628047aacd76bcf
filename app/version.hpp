// The exhibit version, from the CMake project version.
#pragma once

namespace exhibit {

const char* versionString();

}  // namespace exhibit
