// The one include for OpenGL in the project: GLAD's generated 3.3 core loader (build tree),
// plus loading it from a platform's proc-address function and GL debug output.
// Only renderer/ includes this; scenes and the app never call GL.
#pragma once

#include <glad/gl.h>

#include <string>

namespace exhibit::gl {

using ProcLoader = GLADloadfunc;

// Loads the GL 3.3 core entry points for the current context. Throws StartupError when the context
// is not at least 3.3 core.
void loadFunctions(ProcLoader loader);

// Routes KHR_debug messages (errors, warnings) to the log when the extension is present.
void enableDebugOutput();

// "OpenGL 4.5 (Core Profile) Mesa 22.3.6, llvmpipe (LLVM 15.0.6, 256 bits)"
std::string describeContext();

}  // namespace exhibit::gl
