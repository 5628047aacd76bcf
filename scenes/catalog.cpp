#include "scenes/scene.hpp"
