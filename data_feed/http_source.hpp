// Polls an HTTP(S) endpoint with libcurl (`http://…`, `https://…`): one GET per interval (at least
// 1 s), with connect and total timeouts, conditional requests (ETag / If-None-Match and
// Last-Modified / If-Modified-Since: a 304 delivers nothing and is no error), optional basic auth
// and CA file, a body size limit, and exponential backoff (up to 60 s) while it fails. Every body
// goes to the sink; every failure is a transport error naming the URL and what went wrong
// (`http://…/stats: HTTP 503`, `…: timed out`, `…: body larger than 4 MiB`). stop() returns within
// about 100 ms even while a request hangs.
//
// Does not: parse bodies (the hub does), follow more than 3 redirects, or keep cookies.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

#include "data_feed/source.hpp"

namespace exhibit {

struct HttpSourceConfig {
    std::string url;
    double intervalSeconds = 1;
    double connectTimeoutSeconds = 3;
    double timeoutSeconds = 10;
    std::size_t maxBodyBytes = 4u << 20;
    std::string username, password;
    std::string caFile;
};

class HttpSource final : public Source {
public:
    explicit HttpSource(HttpSourceConfig config);
    ~HttpSource() override;
    const std::string& name() const override { return config_.url; }
    void start(SourceSink& sink) override;
    void stop() override;

private:
    void run(SourceSink& sink);
    bool waitFor(double seconds);  // false when stopping

    HttpSourceConfig config_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
};

}  // namespace exhibit
