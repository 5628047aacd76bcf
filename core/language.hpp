// The languages the wall speaks: Chinese (the default, the show's own text) and English.
// Show text is written in Chinese; English comes from the show's translations (core/show.hpp) and
// the engine's own table (scenes/translator.hpp).
#pragma once

#include <optional>
#include <string_view>

namespace exhibit {

enum class Language { Zh, En };

std::string_view toString(Language language);                  // "zh" | "en"
std::optional<Language> parseLanguage(std::string_view text);  // "zh" | "en"; anything else: nullopt

}  // namespace exhibit
