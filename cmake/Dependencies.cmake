# Third-party libraries, all from Debian packages (scripts/setup.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(glm CONFIG REQUIRED)
find_package(SDL2 CONFIG REQUIRED)
find_package(PNG REQUIRED)
find_package(Freetype REQUIRED)
find_package(Fontconfig REQUIRED)
find_package(OpenGL REQUIRED COMPONENTS EGL)
pkg_check_modules(GLU REQUIRED IMPORTED_TARGET glu)
find_package(CURL REQUIRED)
pkg_check_modules(MOSQUITTO REQUIRED IMPORTED_TARGET libmosquitto)
pkg_check_modules(LIBLO REQUIRED IMPORTED_TARGET liblo)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)          # 1.86, with the OpenGL3 backend
pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)   # sd_notify for the watchdog
# glTF models (renderer/gltf_model.cpp): TinyGLTF 2.7's header (libtinygltf-dev), whose implementation
# that one file compiles (README.Debian's second route, so the fuzz build instruments it), with
# nlohmann-json and stb_image (libstb-dev: the header, and libstb for the decoder).
find_path(TINYGLTF_INCLUDE_DIR tiny_gltf.h REQUIRED)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
if(EXHIBIT_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(EXHIBIT_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()

# Video walls over several machines (app/wall_sync.cpp): Open MPI from Debian (libopenmpi-dev,
# openmpi-bin). Without it exhibit still drives every output of one machine; mpirun refuses it.
find_package(MPI COMPONENTS CXX)

# VR mode (xr/): the Khronos OpenXR loader and headers (libopenxr-dev, libopenxr-loader1); GLX for
# the XR_KHR_opengl_enable graphics binding of SDL's X11 window.
find_package(OpenXR CONFIG REQUIRED)
find_package(X11 REQUIRED)
if(NOT TARGET OpenGL::GLX)
  message(FATAL_ERROR "exhibit: GLX not found (install libgl-dev): VR mode binds the window's GLX context")
endif()
