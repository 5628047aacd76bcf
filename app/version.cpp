#include "app/version.hpp"

namespace exhibit {

const char* versionString() { return EXHIBIT_VERSION; }

}  // namespace exhibit
