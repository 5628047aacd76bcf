// Local wall-clock time as text, for what people read: the standby clock, log lines, file names
// of screenshots and of settings files kept aside.
//
//   localTimeText("%H:%M")               // "18:05"
//   localTimeText("%Y%m%d-%H%M%S", t)    // "20261129-180500"
//
// Does not: drive anything that must be repeatable (frames use core/clock.hpp).
#pragma once

#include <ctime>
#include <string>

namespace exhibit {

// strftime of `when` (default: now) in the local time zone; "" when the result exceeds 63 bytes.
std::string localTimeText(const char* format, std::time_t when = std::time(nullptr));

}  // namespace exhibit
