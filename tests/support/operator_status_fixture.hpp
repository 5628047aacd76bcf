// A fixed OperatorStatus for operator console tests and its golden image: three scenes, two feeds
// (one stale with rejected messages), touch stats, a playlist, a schedule and a few log lines.
#pragma once

#include "app/operator_types.hpp"

namespace exhibit::test {

inline OperatorStatus fixedOperatorStatus() {
    OperatorStatus s;
    s.showTitle = "贵州大数据 + 精准扶贫";
    s.version = "0.1.0";
    s.scenes = {{"dashboard", "数据大屏"}, {"map", "贵州地图"}, {"tour", "扶贫历程"}};
    s.scene = "dashboard";
    s.mode = WallMode::Show;
    s.attract = false;
    s.uptimeSeconds = 93784;  // 1 d 02:03:04
    s.outputWidth = 1920;
    s.outputHeight = 1080;
    s.frames.fps = 59.9;
    s.frames.p50Ms = 16.6;
    s.frames.p99Ms = 18.1;
    s.frames.frames = 5617000;
    s.residentBytes = 512ull * 1024 * 1024;
    s.feeds = {
        {"simulator", "ok", 0.4, 12.5, 1234, 0, ""},
        {"mqtt://broker/exhibit/#", "stale", 42.0, 0, 567, 3, "no message for 42 s"},
    };
    s.touch.activeContacts = 2;
    s.touch.touchesPerSecond = 3.5;
    s.touch.touches = 120;
    s.touch.latencyP50Ms = 8.2;
    s.touch.latencyP99Ms = 15.9;
    s.touch.droppedEvents = 1;
    s.xr = "off";
    s.settings.scene = "dashboard";
    s.settings.playlist = {"dashboard", "map"};
    s.settings.rotationSeconds = 60;
    s.settings.schedule = {{18 * 60, WallMode::Standby}, {9 * 60, WallMode::Show}};
    s.settings.language = "zh";
    s.recentLog = {
        "08:59:58 info  [app.start] exhibit 0.1.0, show 贵州大数据 + 精准扶贫",
        "09:00:00 info  [app.schedule] 09:00 show",
        "09:12:31 warn  [feed.mqtt] no message for 42 s from mqtt://broker/exhibit/#",
        "09:12:40 info  [app.touch] 黔东南州 tapped",
    };
    return s;
}

}  // namespace exhibit::test
