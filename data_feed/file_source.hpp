// Replays a recorded feed (`file:PATH`, NDJSON as written by FeedHub::record or any producer) at
// the recorded pace, or scaled by `speed`, looping at the end. Gaps longer than 10 s of recorded
// time are shortened to 10 s so a recording with a night in it does not stall the wall. A missing
// or unreadable file is reported as a transport error every 5 s until it appears; bad lines are
// passed on and rejected (with their reason) by the hub like any other bad message.
//
// Does not: watch the file for appends (it is read at start and at every loop).
#pragma once

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "data_feed/source.hpp"

namespace exhibit {

class FileSource final : public Source {
public:
    FileSource(std::filesystem::path file, double speed);
    ~FileSource() override;
    const std::string& name() const override { return name_; }
    void start(SourceSink& sink) override;
    void stop() override;

    struct Line {
        std::string text;
        double delay;  // recorded seconds since the previous line, before speed scaling
    };
    // Reads the recording; throws ContentError naming the file when it cannot be read.
    static std::vector<Line> read(const std::filesystem::path& file);

private:
    bool waitFor(double seconds);  // false when stopping

    std::filesystem::path file_;
    double speed_;
    std::string name_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace exhibit
