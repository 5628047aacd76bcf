#include "core/local_time.hpp"

namespace exhibit {

std::string localTimeText(const char* format, std::time_t when) {
    std::tm local{};
    if (!::localtime_r(&when, &local)) return {};
    char text[64];
    const std::size_t n = std::strftime(text, sizeof text, format, &local);
    return std::string(text, n);
}

}  // namespace exhibit
