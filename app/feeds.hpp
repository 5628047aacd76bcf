// Starts the show's data feeds: the sources from the show file (or --feed), with --seed,
// --replay-speed and --record applied, feeding one FeedHub whose snapshots the main loop reads.
// Valid region codes are the province (520000), and the counties and prefectures of the show's
// county facts, so a message about a region the show does not know is rejected.
#pragma once

#include <memory>

#include "app/options.hpp"
#include "core/show.hpp"
#include "data_feed/feed_hub.hpp"

namespace exhibit {

// Throws ContentError for a bad feed URL or unreadable facts.
std::unique_ptr<FeedHub> startFeeds(const ShowFile& show, const Options& options, SnapshotBuffer& buffer);

}  // namespace exhibit
