#include "data_feed/http_source.hpp"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>

namespace exhibit {
namespace {

constexpr double kMaxBackoff = 60.0;

void initCurlOnce() {
    static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)done;
}

struct Transfer {
    std::string body;
    std::size_t limit;
    bool tooLarge = false;
    std::string etag, lastModified;
    const std::atomic<bool>* stopping;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (t->body.size() + bytes > t->limit) {
        t->tooLarge = true;
        return 0;  // aborts the transfer
    }
    t->body.append(data, bytes);
    return bytes;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::string line(data, size * count);
    auto value = [&](std::string_view name) -> std::string {
        if (line.size() <= name.size() || !std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            }))
            return {};
        std::string v = line.substr(name.size());
        v.erase(0, v.find_first_not_of(" \t"));
        while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.pop_back();
        return v;
    };
    if (auto v = value("etag:"); !v.empty()) t->etag = v;
    if (auto v = value("last-modified:"); !v.empty()) t->lastModified = v;
    return size * count;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<Transfer*>(user)->stopping->load() ? 1 : 0;
}

}  // namespace

HttpSource::HttpSource(HttpSourceConfig config) : config_(std::move(config)) {
    if (config_.intervalSeconds < 1) {
        spdlog::warn("[feed.http] {}: interval {} s raised to 1 s", config_.url, config_.intervalSeconds);
        config_.intervalSeconds = 1;
    }
    initCurlOnce();
}

HttpSource::~HttpSource() { stop(); }

bool HttpSource::waitFor(double seconds) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return stopping_.load(); });
}

void HttpSource::start(SourceSink& sink) {
    stop();
    stopping_ = false;
    thread_ = std::thread([this, &sink] { run(sink); });
}

void HttpSource::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void HttpSource::run(SourceSink& sink) {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) {
        sink.transportError(config_.url + ": cannot create an HTTP client");
        return;
    }
    std::string etag, lastModified;
    int failures = 0;
    while (!stopping_) {
        Transfer t{{}, config_.maxBodyBytes, false, {}, {}, &stopping_};
        CURL* c = curl.get();
        curl_easy_reset(c);
        curl_easy_setopt(c, CURLOPT_URL, config_.url.c_str());
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config_.connectTimeoutSeconds * 1000));
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeoutSeconds * 1000));
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
        curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
        curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, onProgress);
        curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
        curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
        if (!config_.username.empty()) {
            curl_easy_setopt(c, CURLOPT_USERNAME, config_.username.c_str());
            curl_easy_setopt(c, CURLOPT_PASSWORD, config_.password.c_str());
        }
        if (!config_.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config_.caFile.c_str());
        curl_slist* headers = nullptr;
        if (!etag.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + etag).c_str());
        if (!lastModified.empty()) headers = curl_slist_append(headers, ("If-Modified-Since: " + lastModified).c_str());
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

        const CURLcode result = curl_easy_perform(c);
        curl_slist_free_all(headers);
        if (stopping_) break;
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);

        std::string problem;
        if (t.tooLarge)
            problem = "body larger than " + std::to_string(config_.maxBodyBytes / 1024) + " KiB";
        else if (result == CURLE_OPERATION_TIMEDOUT)
            problem = "timed out";
        else if (result != CURLE_OK)
            problem = curl_easy_strerror(result);
        else if (status >= 400)
            problem = "HTTP " + std::to_string(status);

        if (!problem.empty()) {
            sink.transportError(config_.url + ": " + problem);
            ++failures;
            const double backoff = std::min(kMaxBackoff, config_.intervalSeconds * std::pow(2.0, std::min(failures, 6)));
            if (!waitFor(backoff)) break;
            continue;
        }
        failures = 0;
        if (status != 304) {
            etag = t.etag;
            lastModified = t.lastModified;
            if (!t.body.empty()) sink.payload(t.body);
        }
        if (!waitFor(config_.intervalSeconds)) break;
    }
}

}  // namespace exhibit
