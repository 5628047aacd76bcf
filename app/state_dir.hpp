// Where exhibit keeps what it writes at run time: the operator's settings (SettingsStore) and the
// control API's token (loadOrCreateToken). One directory, private to the user running the show.
//
//   std::filesystem::path dir = defaultStateDir();   // or the --state-dir the operator gave
//   ensureStateDir(dir);                              // throws StartupError when impossible
//   SettingsStore settings(dir / "settings.json");
//
// defaultStateDir() looks, in order, at
//   $STATE_DIRECTORY   set by systemd for a unit with StateDirectory=exhibit; it may hold several
//                      colon-separated paths (one per StateDirectory= entry): the first is taken
//   $XDG_STATE_HOME/exhibit
//   $HOME/.local/state/exhibit   ($HOME unset: the home directory from the password database)
// Empty and relative values are ignored, as the XDG base directory spec asks.
//
// Does not: create anything (ensureStateDir does, with mode 0700 for every directory it creates),
// change the mode of a directory that already exists, or lock the directory against a second
// exhibit using it at the same time.
#pragma once

#include <filesystem>

namespace exhibit {

// Throws StartupError when no location can be found (no usable variable and no home directory).
std::filesystem::path defaultStateDir();

// Creates `dir` and missing parents with mode 0700, and checks that it is a directory this process
// may write to. Throws StartupError naming the path and the reason (strerror), e.g.
//   state directory /var/lib/exhibit: cannot create: Permission denied
void ensureStateDir(const std::filesystem::path& dir);

}  // namespace exhibit
