// The control API's shared secret: every request that changes the wall carries
// `Authorization: Bearer <token>`. The token is made once, on the first run, and kept in the state
// directory so that the operator's tablet keeps working across restarts.
//
//   ensureStateDir(stateDir);
//   const std::string token = loadOrCreateToken(stateDir);   // throws StartupError
//   // tell the operator where it is: cat <stateDir>/control-token
//
// The file `<stateDir>/control-token` holds the token and a newline. A new one is 32 random bytes
// (getrandom) as 64 lowercase hex characters, written to a temporary file created with
// open(O_CREAT | O_EXCL, 0600) (never readable by others, not even for an instant), synced and then
// hard-linked into place, so a crash never leaves an empty token file and two processes starting
// at once end up with the same token. An existing file is reused if it holds 32 to 128 characters
// of [0-9A-Za-z_-] (an operator may write their own); surrounding whitespace is ignored. A file
// readable or writable by group or others is a warning `[app.control]` and is chmod-ed to 0600.
//
// Errors (StartupError naming the file and what to do): an empty or garbled token file (delete it
// to get a new one), a file that is not a regular file, one this user cannot read or fix.
//
// Does not: create the state directory (ensureStateDir), compare tokens (use a constant-time
// comparison in the API), rotate or expire tokens, or log the token itself.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace exhibit {

inline constexpr const char* kControlTokenFile = "control-token";

std::string loadOrCreateToken(const std::filesystem::path& stateDir);

// 32..128 characters of 0-9, A-Z, a-z, '-' and '_'.
bool isValidControlToken(std::string_view token);

}  // namespace exhibit
