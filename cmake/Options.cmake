# Warnings and sanitizers live on interface targets that every module links.
add_library(exhibit_warnings INTERFACE)
target_compile_options(exhibit_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
  # clang 14 also warns when `{a, b}` leaves out members that have default initializers (GCC and
  # later clang do not): that is how the code initialises its plain structs.
  $<$<CXX_COMPILER_ID:Clang>:-Wno-missing-field-initializers>
  $<$<BOOL:${EXHIBIT_WERROR}>:-Werror>)

add_library(exhibit_sanitizers INTERFACE)
if(EXHIBIT_SANITIZE)
  target_compile_options(exhibit_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(exhibit_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# Every module target: C++20, project root on the include path, warnings, sanitizers.
function(exhibit_module target)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${target} PRIVATE exhibit_warnings PUBLIC exhibit_sanitizers)
  target_compile_features(${target} PUBLIC cxx_std_20)
endfunction()
