// The scene catalog: one place that maps a show file's scene `type` to the class that draws it.
// Add a scene type here and in core/show (its show-file section); nothing else needs to change.
#pragma once

#include <memory>

#include "scenes/scene.hpp"

namespace exhibit {

// Creates the scene and loads its content; throws ContentError naming the file and field.
std::unique_ptr<Scene> createScene(const SceneSpec& spec, const SceneServices& services);

}  // namespace exhibit
