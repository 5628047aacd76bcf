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
//
// Does not: translate names of places (RegionNames does), format numbers (widgets/format.hpp),
// or guess: a text is translated as a whole, exactly as written.
#pragma once

#include <string>
#include <string_view>

#include "core/language.hpp"
#include "core/show.hpp"

namespace exhibit {

class Translator {
public:
    explicit Translator(const ShowFile& show, Language language = Language::Zh) : show_(show), language_(language) {}

    Language language() const { return language_; }
    void setLanguage(Language language) { language_ = language; }
    bool english() const { return language_ == Language::En; }

    // `chinese` as the wall shows it now.
    std::string operator()(std::string_view chinese) const;
    // One of two words the engine composes text from.
    std::string_view pick(std::string_view zh, std::string_view en) const { return english() ? en : zh; }
    // Whether English has a translation of `chinese` (in the show or the engine); text without any
    // Han character (numbers, Latin names) needs none.
    bool translates(std::string_view chinese) const;

private:
    const ShowFile& show_;
    Language language_;
};

// Whether `text` holds a CJK ideograph, i.e. needs translating for an English wall.
bool hasHan(std::string_view text);

}  // namespace exhibit
