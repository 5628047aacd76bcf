// Fuzz target: one TCP connection to the control API, the way an operator's tablet or a hostile
// client on the hall network would make it. The input is the raw bytes the client sends (request
// line, headers, body; several pipelined requests are fine); the real ControlServer answers on a
// loopback port. The rig then half-closes the connection and reads the answer to the end.
//
// Findings besides sanitizer reports: an answer that is not HTTP, a 500 (an exception escaped a
// handler), an error answer whose body is not {"error": "…"}, a command that the API queued
// although it is not valid (unknown scene, settings that do not validate), or a connection the
// server never closes. A thread stands in for the main loop: it drains the command queue and
// answers screenshot requests with a few bytes. Debian's cpp-httplib is a shared library and not
// instrumented: coverage (and so guidance) comes from our handlers, body reader and JSON checks.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <variant>

#include <nlohmann/json.hpp>

#include "app/control_channel.hpp"
#include "app/control_server.hpp"
#include "app/operator_json.hpp"
#include "core/json_reader.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace exhibit;

namespace {

// The token the dictionary and the seeds carry, so state-changing calls get past the check.
constexpr const char* kToken = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
constexpr auto kHang = std::chrono::seconds(10);

std::shared_ptr<const OperatorStatus> wallStatus() {
    auto s = std::make_shared<OperatorStatus>();
    s->showTitle = "fuzz show";
    s->scenes = {{"dashboard", "Dashboard"}, {"map", "Map"}};
    s->scene = "dashboard";
    s->settings.playlist = {"dashboard", "map"};
    return s;
}

bool knownScene(const std::string& id) { return id == "dashboard" || id == "map"; }

// The main loop's side of the channel: checks what the API let through and answers screenshots.
void checkCommand(ControlCommand& command) {
    if (auto* c = std::get_if<SwitchScene>(&command)) fuzz::fuzzCheck(knownScene(c->id), "API queued an unknown scene");
    if (auto* c = std::get_if<ChangeSettings>(&command)) {
        // What the API accepted must read back as the same settings (the main loop saves them).
        const nlohmann::json saved = settingsToJson(c->settings);
        const OperatorSettings again = settingsFromJson(JsonDocument::parse(saved.dump(), "settings").root());
        fuzz::fuzzCheck(settingsToJson(again) == saved, "API queued settings that do not survive a save");
        fuzz::fuzzCheck(c->settings.scene.empty() || knownScene(c->settings.scene), "API queued an unknown scene");
        if (c->saved) c->saved->set_value("");  // saved
        for (const auto& id : c->settings.playlist) fuzz::fuzzCheck(knownScene(id), "API queued an unknown playlist scene");
    }
    if (auto* c = std::get_if<TakeScreenshot>(&command)) c->png->set_value({0x89, 'P', 'N', 'G'});
}

ControlServerOptions rigOptions() {
    ControlServerOptions o;
    o.port = 0;
    o.token = kToken;
    o.metrics = [](const OperatorStatus& s) { return "exhibit_up 1\n# scenes " + std::to_string(s.scenes.size()) + "\n"; };
    o.webDir = EXHIBIT_FUZZ_WEB_DIR;
    o.screenshotTimeout = std::chrono::milliseconds(200);
    o.settingsSaveTimeout = std::chrono::milliseconds(200);
    o.authFailureLimit = INT_MAX;  // the fuzzer sends wrong tokens all day; 429s would hide the handlers
    o.threads = 2;
    return o;
}

class Rig {
public:
    Rig() : server_(rigOptions(), commands_, status_) {
        status_.publish(wallStatus());
        mainLoop_ = std::thread([this] {
            while (!stop_) {
                for (auto& command : commands_.drain()) checkCommand(command);
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
        to_.sin_family = AF_INET;
        to_.sin_port = htons(static_cast<std::uint16_t>(server_.port()));
        to_.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    }
    ~Rig() {
        stop_ = true;
        mainLoop_.join();
    }
    Rig(const Rig&) = delete;
    Rig& operator=(const Rig&) = delete;

    // Sends the bytes, half-closes, and returns everything the server answered.
    std::string exchange(const std::uint8_t* data, std::size_t size) {
        const int fd = connectToServer();
        // The server may answer and close before reading everything (413, a bad request line):
        // a failed send is then expected, not a finding.
        for (std::size_t sent = 0; sent < size;) {
            const ssize_t n = send(fd, data + sent, size - sent, MSG_NOSIGNAL);
            if (n <= 0) break;
            sent += static_cast<std::size_t>(n);
        }
        shutdown(fd, SHUT_WR);
        std::string answer;
        const auto deadline = std::chrono::steady_clock::now() + kHang;
        for (;;) {
            pollfd p{fd, POLLIN, 0};
            if (poll(&p, 1, 100) == 1) {
                char buffer[16384];
                const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                answer.append(buffer, static_cast<std::size_t>(n));
            }
            fuzz::fuzzCheck(std::chrono::steady_clock::now() < deadline,
                            "the control API kept the connection open for 10 s after the request ended");
        }
        close(fd);
        return answer;
    }

private:
    // A new connection. Local ports run out for a moment at thousands of connections a second
    // (EADDRNOTAVAIL) and signals interrupt (EINTR): both are retried; a refused connection means
    // the server stopped listening.
    int connectToServer() const {
        for (int attempt = 0;; ++attempt) {
            const int fd = socket(AF_INET, SOCK_STREAM, 0);
            fuzz::fuzzCheck(fd >= 0, "cannot open a TCP socket");
            if (connect(fd, reinterpret_cast<const sockaddr*>(&to_), sizeof to_) == 0) return fd;
            const int error = errno;
            close(fd);
            // libFuzzer's timer signal can interrupt connect (EINTR): a fresh socket tries again.
            if ((error != EADDRNOTAVAIL && error != EINTR) || attempt >= 200) {
                std::fprintf(stderr, "connect: %s\n", std::strerror(error));
                fuzz::fuzzCheck(false, "cannot connect to the control API");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

    CommandQueue commands_;
    StatusBoard status_;
    ControlServer server_;
    std::thread mainLoop_;
    std::atomic<bool> stop_{false};
    sockaddr_in to_{};
};

// Every answer on the connection: "HTTP/1.1 NNN", never 500, errors as {"error": "…"}.
void checkAnswers(const std::string& answer) {
    std::size_t at = 0;
    while (at < answer.size()) {
        fuzz::fuzzCheck(answer.compare(at, 9, "HTTP/1.1 ") == 0, "an answer that does not start with HTTP/1.1");
        const int status = std::atoi(answer.c_str() + at + 9);
        // 1xx: "100 Continue" before the final answer when the client sent Expect: 100-continue.
        fuzz::fuzzCheck(status >= 100 && status <= 599, "an answer without a status code");
        fuzz::fuzzCheck(status != 500, "500: an exception escaped a handler (the log line says which)");
        const std::size_t headersEnd = answer.find("\r\n\r\n", at);
        fuzz::fuzzCheck(headersEnd != std::string::npos, "an answer whose headers do not end");
        const std::string headers = answer.substr(at, headersEnd - at);
        std::size_t length = 0;
        if (const auto cl = headers.find("\r\nContent-Length: "); cl != std::string::npos)
            length = std::strtoul(headers.c_str() + cl + 18, nullptr, 10);
        const std::size_t bodyAt = headersEnd + 4;
        // HEAD answers carry a length but no body; then the next answer (if any) starts at bodyAt.
        const bool bodyFollows = bodyAt + length <= answer.size() && answer.compare(bodyAt, 9, "HTTP/1.1 ") != 0;
        if (status >= 400 && length > 0 && bodyFollows) {
            const auto error = nlohmann::json::parse(answer.substr(bodyAt, length), nullptr, false);
            fuzz::fuzzCheck(error.is_object() && error.contains("error") && error["error"].is_string(),
                            "an error answer whose body is not {\"error\": \"...\"}");
        }
        at = bodyFollows || length == 0 ? bodyAt + length : bodyAt;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Rig rig;
    checkAnswers(rig.exchange(data, size));
    return 0;
}
