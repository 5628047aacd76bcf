#include "scenes/credits_content.hpp"

#include <algorithm>

namespace exhibit {

CreditsContent loadCreditsContent(const CreditsSpec& spec, const ShowFile& show) {
    CreditsContent content;
    for (std::size_t s = 0; s < spec.sections.size(); ++s) {
        const CreditSection& section = spec.sections[s];
        content.blocks.push_back({CreditBlockKind::Heading, section.title, {}, {}, s});
        if (!section.note.empty()) content.blocks.push_back({CreditBlockKind::Note, section.note, {}, {}, s});
        if (!section.sources.empty()) {
            content.sourceLists.push_back(loadSourceList(show.resolve(section.sources)));
            for (const SourceEntry& e : content.sourceLists.back().entries)
                content.blocks.push_back({CreditBlockKind::Source, {}, e, {}, s});
            continue;
        }
        for (const CreditItem& item : section.items) content.blocks.push_back({CreditBlockKind::Item, {}, {}, item, s});
        if (section.items.empty()) content.blocks.push_back({CreditBlockKind::Empty, section.empty, {}, {}, s});
    }
    return content;
}

std::vector<CreditsPage> paginate(const std::vector<CreditBlock>& blocks, const std::vector<float>& heights,
                                  float columnHeight, int columns) {
    columns = std::max(1, columns);
    std::vector<CreditsPage> pages;
    CreditsPage page;
    CreditsColumn column;
    float used = 0;
    auto closeColumn = [&] {
        if (column.empty()) return;
        page.push_back(std::move(column));
        column.clear();
        used = 0;
        if (static_cast<int>(page.size()) == columns) {
            pages.push_back(std::move(page));
            page.clear();
        }
    };
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        float need = i < heights.size() ? heights[i] : 0;
        // A heading goes with the block after it.
        if (blocks[i].kind == CreditBlockKind::Heading && i + 1 < blocks.size() && i + 1 < heights.size())
            need += heights[i + 1];
        if (!column.empty() && used + need > columnHeight) closeColumn();
        column.push_back(i);
        used += i < heights.size() ? heights[i] : 0;
    }
    closeColumn();
    if (!page.empty()) pages.push_back(std::move(page));
    return pages;
}

}  // namespace exhibit
