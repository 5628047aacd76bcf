// What to draw where a model failed to load: a box with a checkered texture filling the given
// bounds, built as a GltfModel so it goes through the same upload and draw path as any model
// (callers never draw nothing). GL-free.
// Use: GltfModel m = placeholderModel({-1, 0, -1}, {1, 2, 1}, "site/house.glb"); then upload it.
// Does not: log (the caller says why the model failed) or guess a size (the show gives it).
#pragma once

#include <string>

#include <glm/vec3.hpp>

#include "renderer/gltf_model.hpp"

namespace exhibit {

// Bounds with min > max on an axis are swapped; a zero extent becomes 1 cm thick.
GltfModel placeholderModel(glm::vec3 boundsMin, glm::vec3 boundsMax, const std::string& name = "placeholder");

}  // namespace exhibit
