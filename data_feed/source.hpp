// A feed Source is one transport that brings raw messages in: the built-in simulator, a recorded
// file, HTTP polling, MQTT push. Sources only move bytes: they hand every payload to their
// SourceSink, and the FeedHub behind the sink parses, validates, counts and merges it. A source
// runs its own thread between start() and stop(), reconnects by itself with backoff, and never
// touches GL or the render thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace exhibit {

// Thread-safe; one per source, created by the FeedHub.
class SourceSink {
public:
    virtual ~SourceSink() = default;
    // One payload: a JSON message, a JSON array of messages, or newline-delimited JSON messages.
    virtual void payload(std::string_view body) = 0;
    // A transport problem (connection refused, HTTP 503, broker gone): the source is in error until
    // its next good payload. The text names what failed.
    virtual void transportError(std::string_view what) = 0;
};

class Source {
public:
    virtual ~Source() = default;
    virtual const std::string& name() const = 0;
    // Starts the source's thread; payloads go to `sink` until stop() returns.
    virtual void start(SourceSink& sink) = 0;
    // Stops and joins the thread; quick (bounded by the source's own timeouts, at most ~1 s).
    virtual void stop() = 0;
};

}  // namespace exhibit
