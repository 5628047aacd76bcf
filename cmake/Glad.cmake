# GLAD's OpenGL 3.3 core loader, generated at configure time by Debian's python3-glad.
# --reproducible makes glad use its bundled Khronos registry instead of downloading it.
# GL_KHR_debug is added for debug output in debug builds.
# EGL itself is linked from the system (libEGL via glvnd); only GL needs a loader.
find_program(GLAD_EXECUTABLE glad PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT GLAD_EXECUTABLE)
  find_program(GLAD_EXECUTABLE glad REQUIRED)
endif()
set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
set(GLAD_STAMP ${GLAD_OUT}/gl33-khr-debug.stamp)
if(NOT EXISTS ${GLAD_STAMP})
  execute_process(
    COMMAND ${GLAD_EXECUTABLE} --api gl:core=3.3 --extensions GL_KHR_debug --out-path ${GLAD_OUT} --reproducible --quiet c
    RESULT_VARIABLE glad_result OUTPUT_VARIABLE glad_out ERROR_VARIABLE glad_err)
  if(NOT glad_result EQUAL 0 OR NOT EXISTS ${GLAD_OUT}/src/gl.c)
    message(FATAL_ERROR "glad failed to generate the GL loader (${glad_result}): ${glad_err}")
  endif()
  file(TOUCH ${GLAD_STAMP})
endif()
add_library(exhibit_glad STATIC ${GLAD_OUT}/src/gl.c)
target_include_directories(exhibit_glad SYSTEM PUBLIC ${GLAD_OUT}/include)
set_target_properties(exhibit_glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
