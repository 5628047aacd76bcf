// The credits as a flow of blocks (a section heading, a notice, a source, an entry, an "empty"
// line) and their arrangement into columns and pages. GL-free: the credits scene measures each
// block at the column width and draws a page; tests check that every source is listed and that
// nothing is lost between pages.
//
// Use:
//   CreditsContent content = loadCreditsContent(*spec.credits, show);   // reads each sources.csv
//   std::vector<float> heights = ...;                                  // each block, measured
//   auto pages = paginate(content.blocks, heights, columnHeight, columns);
//   for (std::size_t b : pages[page][column]) draw(content.blocks[b]);
//
// Flow: blocks fill a column top to bottom, then the next column, then the next page; a heading
// never ends a column (it moves on with the block after it); a block taller than a column gets a
// column of its own (the scene draws it cut with a visible "…"). Every block lands on exactly one
// page, in order.
// Does not: translate (blocks hold the show's text as written; the scene translates at draw time),
// or draw.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/show.hpp"
#include "data_feed/source_list.hpp"

namespace exhibit {

enum class CreditBlockKind { Heading, Note, Source, Item, Empty };

struct CreditBlock {
    CreditBlockKind kind = CreditBlockKind::Item;
    std::string text;          // Heading: the section title; Note, Empty: the text
    SourceEntry source;        // Source
    CreditItem item;           // Item
    std::size_t section = 0;   // index into CreditsSpec::sections
};

struct CreditsContent {
    std::vector<CreditBlock> blocks;
    std::vector<SourceList> sourceLists;  // as read, one per sources section
};

// Throws ContentError naming the sources file that is missing or malformed.
CreditsContent loadCreditsContent(const CreditsSpec& spec, const ShowFile& show);

using CreditsColumn = std::vector<std::size_t>;  // block indices
using CreditsPage = std::vector<CreditsColumn>;  // up to `columns` columns
// `heights` parallel to blocks (px, gaps included); columnHeight > 0; columns >= 1.
std::vector<CreditsPage> paginate(const std::vector<CreditBlock>& blocks, const std::vector<float>& heights,
                                  float columnHeight, int columns);

}  // namespace exhibit
