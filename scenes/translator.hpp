// What the wall says, in the language it speaks now. Show text and the engine's own words are
// written in Chinese; in English each goes through the show's translations (ShowFile::english),
// then the engine's table (translator.cpp), and stays as written when neither has it, so a
// missing translation shows Chinese rather than nothing (tests/unit/translations_test.cpp walks
// the bundled show and fails on every text without one).
//
// Use:
//   Translator text(show);                       // Chinese until told otherwise
//   text.setLanguage(Language::En);              // the app does, from --lang and the console
//   drawText(..., text(spec.title), ...);        // at draw time, so a switch shows next frame
//   text.pick("个县", "counties");               // the engine's words around numbers and names
//   text.place("522633", "从江县");              // "Congjiang" in English (short form)
//
// Place names in English come from the show's place-name table (translations.placeNames: adcode,
// name, name_en, short_en); a text that is exactly a place's Chinese name translates to its short
// English name. A missing or broken table is logged once, naming the file and the
// problem, and places keep their Chinese names: the show goes on.
//
// Does not: format numbers (widgets/format.hpp), or guess: a text is translated as a whole,
// exactly as written.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.hpp"
#include "core/show.hpp"

namespace exhibit {

class Translator {
public:
    explicit Translator(const ShowFile& show, Language language = Language::Zh);

    Language language() const { return language_; }
    void setLanguage(Language language) { language_ = language; }
    bool english() const { return language_ == Language::En; }

    // `chinese` as the wall shows it now.
    std::string operator()(std::string_view chinese) const { return in(language_, chinese); }
    // `chinese` in a given language (for text composed ahead, e.g. a ticker row in both).
    std::string in(Language language, std::string_view chinese) const;
    // One of two words the engine composes text from.
    std::string_view pick(std::string_view zh, std::string_view en) const { return english() ? en : zh; }
    // Whether English has a translation of `chinese` (in the show or the engine); text without any
    // Han character (numbers, Latin names) needs none.
    bool translates(std::string_view chinese) const;

    // A region's name as the wall shows it now: `chinese` in Chinese; in English the short
    // ("Congjiang") or full ("Congjiang County") English name of `adcode`, else `chinese` translated.
    std::string place(std::string_view adcode, std::string_view chinese, bool shortForm = true) const {
        return placeIn(language_, adcode, chinese, shortForm);
    }
    std::string placeIn(Language language, std::string_view adcode, std::string_view chinese, bool shortForm = true) const;
    // Adcodes without an English name in the table (tests).
    std::vector<std::string> placesWithoutEnglish(const std::vector<std::string>& adcodes) const;

private:
    struct PlaceName {
        std::string full, shortName;
    };
    const ShowFile& show_;
    Language language_;
    std::map<std::string, PlaceName, std::less<>> places_;             // by adcode
    std::map<std::string, std::string, std::less<>> placesByName_;     // full Chinese name -> short English
};

// Whether `text` holds a CJK ideograph, i.e. needs translating for an English wall.
bool hasHan(std::string_view text);

}  // namespace exhibit
