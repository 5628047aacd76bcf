#include "core/language.hpp"

namespace exhibit {

std::string_view toString(Language language) { return language == Language::En ? "en" : "zh"; }

std::optional<Language> parseLanguage(std::string_view text) {
    if (text == "zh") return Language::Zh;
    if (text == "en") return Language::En;
    return std::nullopt;
}

}  // namespace exhibit
