#include "app/control_server.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <stdexcept>
#include <thread>
#include <vector>

#include "app/operator_json.hpp"
#include "app/web_remote.hpp"
#include "core/error.hpp"
#include "core/json_reader.hpp"

namespace exhibit {
namespace {

constexpr std::size_t kMaxBodyBytes = 64 * 1024;
constexpr std::size_t kMaxDiscardedBytes = 1024 * 1024;
constexpr std::size_t kMaxHeaders = 100;
constexpr std::size_t kMaxPendingConnections = 64;
constexpr int kMaxScreenshotsInFlight = 2;
constexpr const char* kJson = "application/json; charset=utf-8";

// An answer other than 2xx, thrown by the handlers and turned into {"error": message}.
struct HttpError : std::runtime_error {
    HttpError(int code, const std::string& message) : std::runtime_error(message), status(code) {}
    int status;
};

std::string dumpJson(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void sendJson(httplib::Response& res, int status, const nlohmann::json& value) {
    res.status = status;
    res.set_content(dumpJson(value), kJson);
}

void sendError(httplib::Response& res, int status, const std::string& message) {
    sendJson(res, status, {{"error", message}});
}

std::string hostForUrl(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

std::string knownSceneList(const std::vector<SceneInfo>& scenes) {
    std::string list;
    for (const auto& s : scenes) list += (list.empty() ? "" : ", ") + s.id;
    return list;
}

bool hasScene(const std::vector<SceneInfo>& scenes, const std::string& id) {
    return std::any_of(scenes.begin(), scenes.end(), [&](const SceneInfo& s) { return s.id == id; });
}

// httplib's ThreadPool queues accepted connections without limit. This one holds at most
// `maxPending`; when it is full the accept thread waits, and further clients wait in the kernel's
// listen backlog instead of in our memory.
class BoundedThreadPool final : public httplib::TaskQueue {
public:
    BoundedThreadPool(std::size_t threads, std::size_t maxPending) : maxPending_(maxPending) {
        for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
    }
    ~BoundedThreadPool() override { shutdown(); }

    void enqueue(std::function<void()> fn) override {
        std::unique_lock lock(mutex_);
        spaceFree_.wait(lock, [&] { return jobs_.size() < maxPending_ || shutdown_; });
        jobs_.push_back(std::move(fn));  // after shutdown too: each job closes its socket
        jobReady_.notify_one();
    }

    void shutdown() override {
        {
            std::lock_guard lock(mutex_);
            if (shutdown_ && workers_.empty()) return;
            shutdown_ = true;
        }
        jobReady_.notify_all();
        spaceFree_.notify_all();
        for (auto& t : workers_) t.join();
        workers_.clear();
    }

private:
    void work() {
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock lock(mutex_);
                jobReady_.wait(lock, [&] { return !jobs_.empty() || shutdown_; });
                if (jobs_.empty()) return;  // shut down and drained
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
            spaceFree_.notify_one();
            job();
        }
    }

    std::size_t maxPending_;
    std::mutex mutex_;
    std::condition_variable jobReady_, spaceFree_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> workers_;
    bool shutdown_ = false;
};

// Who may call a route: the page's files are open; read-only state is open on loopback and needs
// the token from elsewhere; anything that changes state (and the screenshot) always needs it.
enum class Access { Open, Read, Token };

}  // namespace

struct ControlServer::Impl {
    using Handler = void (Impl::*)(const httplib::Request&, httplib::Response&, const std::string& body);
    struct Route {
        std::string_view method;
        std::string_view path;
        Access access;
        Handler handler;
    };

    Impl(ControlServerOptions o, CommandQueue& c, const StatusBoard& s)
        : options(std::move(o)),
          commands(c),
          status(s),
          web(WebRemote::load(options.webDir.empty() ? WebRemote::bundledDirectory() : options.webDir)),
          limiter(options.authFailureLimit, options.authFailureWindow) {}

    ControlServerOptions options;
    CommandQueue& commands;
    const StatusBoard& status;
    WebRemote web;
    AuthFailureLimiter limiter;
    std::vector<Route> routes;
    httplib::Server server;
    std::thread thread;
    std::atomic<bool> listenEnded{false};
    std::atomic<bool> stopping{false};
    std::atomic<int> screenshotsInFlight{0};
    int port = 0;

    std::chrono::steady_clock::time_point now() const {
        return options.clock ? options.clock() : std::chrono::steady_clock::now();
    }

    void start();
    void handle(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader);
    std::string readBody(const httplib::ContentReader& reader, httplib::Response& res) const;
    void authorize(const httplib::Request& req, httplib::Response& res);
    void push(ControlCommand command, const std::string& what, const httplib::Request& req);
    std::shared_ptr<const OperatorStatus> startedStatus() const;

    void getStatus(const httplib::Request&, httplib::Response&, const std::string&);
    void getScenes(const httplib::Request&, httplib::Response&, const std::string&);
    void getSettings(const httplib::Request&, httplib::Response&, const std::string&);
    void getMetrics(const httplib::Request&, httplib::Response&, const std::string&);
    void getScreenshot(const httplib::Request&, httplib::Response&, const std::string&);
    void postScene(const httplib::Request&, httplib::Response&, const std::string& body);
    void postStandby(const httplib::Request&, httplib::Response&, const std::string& body);
    void postMode(const httplib::Request&, httplib::Response&, const std::string& body);
    void postAttract(const httplib::Request&, httplib::Response&, const std::string& body);
    void putSettings(const httplib::Request&, httplib::Response&, const std::string& body);
};

namespace {

// The request body as a JSON object; ContentError (-> 400) naming the position or the problem.
JsonDocument parseObject(const std::string& body, std::initializer_list<std::string_view> keys) {
    if (body.empty()) throw ContentError("request body: empty; expected a JSON object");
    JsonDocument doc = JsonDocument::parse(body, "request body");
    const JsonNode root = doc.root();
    root.expectObject();
    if (keys.size() > 0) root.rejectUnknownKeys(keys);
    return doc;
}

}  // namespace

void ControlServer::Impl::start() {
    routes = {
        {"GET", "/api/status", Access::Read, &Impl::getStatus},
        {"GET", "/api/scenes", Access::Read, &Impl::getScenes},
        {"GET", "/api/settings", Access::Read, &Impl::getSettings},
        {"GET", "/api/screenshot.png", Access::Token, &Impl::getScreenshot},
        {"POST", "/api/scene", Access::Token, &Impl::postScene},
        {"POST", "/api/standby", Access::Token, &Impl::postStandby},
        {"POST", "/api/mode", Access::Token, &Impl::postMode},
        {"POST", "/api/attract", Access::Token, &Impl::postAttract},
        {"PUT", "/api/settings", Access::Token, &Impl::putSettings},
    };
    if (options.metrics) routes.push_back({"GET", "/metrics", Access::Read, &Impl::getMetrics});

    server.new_task_queue = [this] { return new BoundedThreadPool(std::max<std::size_t>(1, options.threads), kMaxPendingConnections); };
    // httplib's default adds SO_REUSEPORT, which would let a second exhibit share the port silently.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server.set_payload_max_length(kMaxBodyBytes);
    server.set_read_timeout(5);
    server.set_write_timeout(5);
    server.set_keep_alive_timeout(2);
    server.set_keep_alive_max_count(100);
    server.set_default_headers({
        {"Cache-Control", "no-store"},
        {"X-Content-Type-Options", "nosniff"},
        {"Content-Security-Policy",
         "default-src 'self'; img-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
    });

    // Every method goes through one dispatcher that matches exact paths (404 / 405 of its own).
    const std::string any = ".*";
    auto plain = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res, nullptr); };
    auto withBody = [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
        handle(req, res, &reader);
    };
    server.Get(any, plain);
    server.Options(any, plain);
    server.Post(any, httplib::Server::HandlerWithContentReader(withBody));
    server.Put(any, httplib::Server::HandlerWithContentReader(withBody));
    server.Patch(any, httplib::Server::HandlerWithContentReader(withBody));
    server.Delete(any, httplib::Server::HandlerWithContentReader(withBody));

    // Answers httplib gives by itself (bad request line, body over the limit, URI too long) in JSON too.
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string message;
        switch (res.status) {
        case 400: message = "malformed HTTP request"; break;
        case 413: message = "request body larger than " + std::to_string(kMaxBodyBytes) + " bytes"; break;
        case 414: message = "request line too long"; break;
        default: message = "HTTP " + std::to_string(res.status); break;
        }
        sendError(res, res.status, message);
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        spdlog::error("[app.control] {} {}: {}", req.method, req.path, what);
        sendError(res, 500, "internal error: " + what);
    });

    const std::string where = hostForUrl(options.host) + ":" + std::to_string(options.port);
    errno = 0;
    port = options.port == 0 ? server.bind_to_any_port(options.host)
                             : (server.bind_to_port(options.host, options.port) ? options.port : -1);
    if (port < 0) {
        const int error = errno;
        throw StartupError("control API: cannot listen on " + where + ": " +
                           (error != 0 ? std::strerror(error) : "address not available"));
    }
    thread = std::thread([this] {
        server.listen_after_bind();
        listenEnded = true;
    });
    // stop() only acts on a running server: wait until it runs, so the destructor cannot miss it.
    while (!server.is_running() && !listenEnded) std::this_thread::sleep_for(std::chrono::milliseconds(1));

    spdlog::info("[app.control] listening on http://{}:{}", hostForUrl(options.host), port);
    if (!isLoopbackAddress(options.host) && options.host != "localhost")
        spdlog::warn("[app.control] {} is not a loopback address: anyone on that network can reach the API "
                     "(every call still needs the token; there is no TLS)",
                     options.host);
}

void ControlServer::Impl::handle(const httplib::Request& req, httplib::Response& res,
                                 const httplib::ContentReader* reader) {
    try {
        if (req.headers.size() > kMaxHeaders)
            throw HttpError(431, "more than " + std::to_string(kMaxHeaders) + " header fields");
        const std::string body = reader ? readBody(*reader, res) : std::string();

        const bool head = req.method == "HEAD";
        const std::string_view method = head ? std::string_view("GET") : std::string_view(req.method);
        const Route* match = nullptr;
        std::string allowed;
        for (const Route& r : routes) {
            if (r.path != req.path) continue;
            allowed += (allowed.empty() ? "" : ", ") + std::string(r.method);
            if (r.method == method) match = &r;
        }
        if (allowed.empty()) {
            if (const WebFile* file = web.find(req.path)) {
                if (method != "GET") {
                    res.set_header("Allow", "GET, HEAD");
                    throw HttpError(405, req.method + " not allowed on " + req.path + "; allowed: GET, HEAD");
                }
                res.status = 200;
                res.set_content(file->body, file->contentType.c_str());
                return;
            }
            throw HttpError(404, "no such path: " + quoteForMessage(req.path));
        }
        if (!match) {
            if (allowed.find("GET") != std::string::npos) allowed += ", HEAD";
            res.set_header("Allow", allowed);
            throw HttpError(405, req.method + " not allowed on " + req.path + "; allowed: " + allowed);
        }
        if (match->access == Access::Token || (match->access == Access::Read && !isLoopbackAddress(req.remote_addr)))
            authorize(req, res);
        (this->*(match->handler))(req, res, body);
    } catch (const HttpError& e) {
        sendError(res, e.status, e.what());
    } catch (const ContentError& e) {
        sendError(res, 400, e.what());
    }
}

std::string ControlServer::Impl::readBody(const httplib::ContentReader& reader, httplib::Response& res) const {
    std::string body;
    bool tooLarge = false;
    std::size_t discarded = 0;
    const bool ok = reader([&](const char* data, std::size_t size) {
        if (!tooLarge && body.size() + size <= kMaxBodyBytes) {
            body.append(data, size);
            return true;
        }
        // Chunked or compressed bodies are only found out while reading. The rest of a body a little
        // over the limit is read and dropped, so the client is not cut off mid-write and gets the 413.
        tooLarge = true;
        body.clear();
        discarded += size;
        return discarded <= kMaxDiscardedBytes;
    });
    if (tooLarge || res.status == 413) {
        res.set_header("Connection", "close");  // the rest of the body is still on the wire
        throw HttpError(413, "request body larger than " + std::to_string(kMaxBodyBytes) + " bytes");
    }
    if (!ok) {
        res.set_header("Connection", "close");
        throw HttpError(400, "could not read the request body (malformed length, chunks or encoding)");
    }
    return body;
}

void ControlServer::Impl::authorize(const httplib::Request& req, httplib::Response& res) {
    const std::string& client = req.remote_addr;
    const auto wait = limiter.blockedFor(client, now());
    if (wait.count() > 0) {
        res.set_header("Retry-After", std::to_string(wait.count()));
        throw HttpError(429, "too many wrong tokens from " + client + "; try again in " + std::to_string(wait.count()) +
                                 " s");
    }
    res.set_header("WWW-Authenticate", "Bearer realm=\"exhibit\"");
    if (!req.has_header("Authorization"))
        throw HttpError(401, "this call needs the token: send the header \"Authorization: Bearer <token>\"");
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view scheme = "bearer ";
    std::string presented;
    if (header.size() > scheme.size() &&
        std::equal(scheme.begin(), scheme.end(), header.begin(),
                   [](char a, char b) { return a == static_cast<char>(std::tolower(static_cast<unsigned char>(b))); })) {
        presented = header.substr(scheme.size());
        while (!presented.empty() && presented.front() == ' ') presented.erase(presented.begin());
        while (!presented.empty() && presented.back() == ' ') presented.pop_back();
    }
    if (!presented.empty() && constantTimeEquals(presented, options.token)) {
        res.headers.erase("WWW-Authenticate");
        return;
    }
    if (limiter.recordFailure(client, now()))
        spdlog::warn("[app.control] {} wrong tokens from {}: refused for {} s", options.authFailureLimit, client,
                     options.authFailureWindow.count());
    throw HttpError(401, presented.empty() ? "the Authorization header must be \"Bearer <token>\"" : "wrong token");
}

void ControlServer::Impl::push(ControlCommand command, const std::string& what, const httplib::Request& req) {
    if (!commands.push(std::move(command)))
        throw HttpError(503, "the show is busy (command queue full); try again in a moment");
    spdlog::info("[app.control] {} (from {})", what, req.remote_addr);
}

std::shared_ptr<const OperatorStatus> ControlServer::Impl::startedStatus() const {
    auto s = status.latest();
    if (s->scenes.empty()) throw HttpError(503, "the show is still starting; try again in a moment");
    return s;
}

void ControlServer::Impl::getStatus(const httplib::Request&, httplib::Response& res, const std::string&) {
    sendJson(res, 200, statusToJson(*status.latest()));
}

void ControlServer::Impl::getScenes(const httplib::Request&, httplib::Response& res, const std::string&) {
    const auto s = status.latest();
    nlohmann::json scenes = nlohmann::json::array();
    for (const auto& scene : s->scenes)
        scenes.push_back({{"id", scene.id},
                          {"title", scene.title},
                          {"current", scene.id == s->scene},
                          {"available", scene.available},
                          {"problem", scene.problem}});
    sendJson(res, 200, scenes);
}

void ControlServer::Impl::getSettings(const httplib::Request&, httplib::Response& res, const std::string&) {
    sendJson(res, 200, settingsToJson(status.latest()->settings));
}

void ControlServer::Impl::getMetrics(const httplib::Request&, httplib::Response& res, const std::string&) {
    res.status = 200;
    res.set_content(options.metrics(*status.latest()), "text/plain; version=0.0.4; charset=utf-8");
}

void ControlServer::Impl::getScreenshot(const httplib::Request& req, httplib::Response& res, const std::string&) {
    if (screenshotsInFlight.fetch_add(1) >= kMaxScreenshotsInFlight) {
        --screenshotsInFlight;
        throw HttpError(503, "screenshots are already being taken; try again in a moment");
    }
    struct Release {
        std::atomic<int>& count;
        ~Release() { --count; }
    } release{screenshotsInFlight};

    auto promise = std::make_shared<std::promise<std::vector<std::uint8_t>>>();
    auto future = promise->get_future();
    push(TakeScreenshot{promise}, "screenshot", req);
    const auto deadline = std::chrono::steady_clock::now() + options.screenshotTimeout;
    while (future.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
        if (stopping) throw HttpError(503, "the control API is shutting down");
        if (std::chrono::steady_clock::now() >= deadline)
            throw HttpError(503, "no screenshot within " + std::to_string(options.screenshotTimeout.count()) +
                                     " ms: the show did not render a frame in time");
    }
    std::vector<std::uint8_t> png;
    try {
        png = future.get();
    } catch (const std::exception& e) {
        throw HttpError(500, std::string("screenshot failed: ") + e.what());
    }
    res.status = 200;
    res.set_content(std::string(png.begin(), png.end()), "image/png");
}

void ControlServer::Impl::postScene(const httplib::Request& req, httplib::Response& res, const std::string& body) {
    const JsonDocument doc = parseObject(body, {"id"});
    const JsonNode id = doc.root().child("id");
    const std::string scene = id.string();
    const auto s = startedStatus();
    if (!hasScene(s->scenes, scene))
        throw HttpError(404, "unknown scene " + quoteForMessage(scene) + "; known: " + knownSceneList(s->scenes));
    push(SwitchScene{scene}, "scene " + scene, req);
    nlohmann::json answer{{"ok", true}, {"scene", scene}};
    // A scene whose content failed to load: the main loop tries to load it again and refuses the
    // switch when that fails too (the log and /api/scenes say why).
    for (const auto& info : s->scenes)
        if (info.id == scene && !info.available) {
            answer["available"] = false;
            answer["problem"] = info.problem;
        }
    sendJson(res, 202, answer);
}

void ControlServer::Impl::postStandby(const httplib::Request& req, httplib::Response& res, const std::string& body) {
    const JsonDocument doc = parseObject(body, {"on"});
    const WallMode mode = doc.root().boolean("on") ? WallMode::Standby : WallMode::Show;
    push(SetMode{mode}, "mode " + std::string(toString(mode)), req);
    sendJson(res, 202, {{"ok", true}, {"mode", toString(mode)}});
}

void ControlServer::Impl::postMode(const httplib::Request& req, httplib::Response& res, const std::string& body) {
    const JsonDocument doc = parseObject(body, {"mode"});
    const WallMode mode = *parseWallMode(doc.root().choice("mode", {"show", "standby", "blackout"}));
    push(SetMode{mode}, "mode " + std::string(toString(mode)), req);
    sendJson(res, 202, {{"ok", true}, {"mode", toString(mode)}});
}

void ControlServer::Impl::postAttract(const httplib::Request& req, httplib::Response& res, const std::string& body) {
    const JsonDocument doc = parseObject(body, {"on"});
    const bool on = doc.root().boolean("on");
    push(SetAttract{on}, std::string("attract ") + (on ? "on" : "off"), req);
    sendJson(res, 202, {{"ok", true}, {"attract", on}});
}

void ControlServer::Impl::putSettings(const httplib::Request& req, httplib::Response& res, const std::string& body) {
    const JsonDocument doc = parseObject(body, {});
    const OperatorSettings settings = settingsFromJson(doc.root());
    const auto s = startedStatus();
    const auto unknown = unknownScenes(settings, s->scenes);
    if (!unknown.empty()) {
        // Name the field of the first unknown id, as settingsFromJson names its fields.
        const std::string& id = unknown.front();
        std::string field = "scene";
        if (settings.scene != id) {
            const auto at = std::find(settings.playlist.begin(), settings.playlist.end(), id);
            field = "playlist[" + std::to_string(at - settings.playlist.begin()) + "]";
        }
        throw HttpError(422, "request body: " + field + ": unknown scene " + quoteForMessage(id) +
                                 "; known: " + knownSceneList(s->scenes));
    }
    // Wait for the main loop to save them: an operator told "ok" must find them after a restart.
    auto saved = std::make_shared<std::promise<std::string>>();
    auto future = saved->get_future();
    push(ChangeSettings{settings, saved}, "settings", req);
    const auto deadline = std::chrono::steady_clock::now() + options.settingsSaveTimeout;
    while (future.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
        if (stopping) throw HttpError(503, "the control API is shutting down; the settings may not be saved");
        if (std::chrono::steady_clock::now() >= deadline) {
            // The wall is slow or hangs: the change is queued and will be saved when it gets there.
            sendJson(res, 202, {{"ok", true}, {"saved", false}, {"settings", settingsToJson(settings)}});
            return;
        }
    }
    std::string error;
    try {
        error = future.get();
    } catch (const std::future_error&) {
        error = "the show stopped before applying them";
    }
    if (!error.empty())
        throw HttpError(500, "the settings could not be saved (the wall runs them until it restarts): " + error);
    sendJson(res, 202, {{"ok", true}, {"saved", true}, {"settings", settingsToJson(settings)}});
}

ControlServer::ControlServer(ControlServerOptions options, CommandQueue& commands, const StatusBoard& status) {
    if (options.token.empty()) throw std::invalid_argument("ControlServer needs a non-empty token");
    impl_ = std::make_unique<Impl>(std::move(options), commands, status);
    impl_->start();
}

ControlServer::~ControlServer() {
    impl_->stopping = true;
    impl_->server.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
}

int ControlServer::port() const { return impl_->port; }

}  // namespace exhibit
