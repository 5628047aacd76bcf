#include "data_feed/file_source.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "core/error.hpp"

namespace exhibit {
namespace {

constexpr double kMaxGap = 10.0;
constexpr std::uintmax_t kMaxFileBytes = 256ull << 20;

double timestampOf(const std::string& line) {
    auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_object()) {
        auto ts = doc.find("ts");
        if (ts != doc.end() && ts->is_number()) return ts->get<double>();
    }
    return -1;
}

}  // namespace

FileSource::FileSource(std::filesystem::path file, double speed)
    : file_(std::move(file)), speed_(std::clamp(speed, 0.01, 1000.0)), name_("file:" + file_.string()) {}

FileSource::~FileSource() { stop(); }

std::vector<FileSource::Line> FileSource::read(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw ContentError(file.filename().string() + ": cannot open: " + ec.message());
    if (size > kMaxFileBytes) throw ContentError(file.filename().string() + ": recording larger than 256 MiB");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ContentError(file.filename().string() + ": cannot open");
    std::vector<Line> lines;
    std::string text;
    double previous = -1;
    while (std::getline(in, text)) {
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        const double ts = timestampOf(text);
        const double delay = (ts >= 0 && previous >= 0) ? std::clamp(ts - previous, 0.0, kMaxGap) : 0.0;
        if (ts >= 0) previous = ts;
        lines.push_back({std::move(text), delay});
    }
    return lines;
}

bool FileSource::waitFor(double seconds) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return stopping_; });
}

void FileSource::start(SourceSink& sink) {
    stop();
    stopping_ = false;
    thread_ = std::thread([this, &sink] {
        while (true) {
            std::vector<Line> lines;
            try {
                lines = read(file_);
            } catch (const ContentError& e) {
                sink.transportError(e.what());
                if (!waitFor(5.0)) return;
                continue;
            }
            if (lines.empty()) {
                sink.transportError(file_.filename().string() + ": recording is empty");
                if (!waitFor(5.0)) return;
                continue;
            }
            for (const auto& line : lines) {
                if (line.delay > 0 && !waitFor(line.delay / speed_)) return;
                if (!waitFor(0)) return;
                sink.payload(line.text);
            }
            if (!waitFor(1.0 / speed_)) return;  // a short pause before the loop starts again
        }
    });
}

void FileSource::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

}  // namespace exhibit
