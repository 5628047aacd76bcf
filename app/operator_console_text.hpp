// The operator console's words in Chinese and English (app/operator_console.hpp). One table, so the
// console can rasterise every glyph of both languages up front and a language switch never waits
// for the font atlas.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace exhibit::console_text {

enum class Id {
    Title, OnTheWall, Scenes, WallMode, ModeShow, ModeStandby, ModeBlackout, AttractOn, AttractOff,
    Screenshot, ScreenshotWaiting, ScreenshotSaved, ScreenshotFailed, Language, ShowDetails, HideDetails,
    PageHealth, PagePlaylist, FrameRate, FrameTime, Memory, Uptime, Output, Vr, Wall, WallSingle, WallLost, Version, Days,
    Feeds, FeedName, FeedState, FeedAge, FeedRate, FeedMessages, FeedRejected, FeedError, NoFeeds,
    StateOk, StateStale, StateError, StateConnecting,
    Touch, TouchContacts, TouchRate, TouchLatency, TouchDropped, Log,
    Playlist, PlaylistHint, UnknownScene, SceneUnavailable, Rotation, Schedule, ScheduleEmpty, Add, Remove,
    KeyBack, KeyDone, KeypadHint, Apply, Revert, Unsaved,
    ErrRotation, ErrTimeBefore, ErrTimeMiddle, ErrTimeAfter,
    Count
};

struct Entry {
    std::string_view zh, en;
};

// In the order of Id.
inline constexpr std::array<Entry, static_cast<std::size_t>(Id::Count)> kTable{{
    {"中控台", "Operator console"},
    {"正在播放", "On the wall"},
    {"场景", "Scenes"},
    {"墙面模式", "Wall mode"},
    {"演示", "Show"},
    {"待机", "Standby"},
    {"黑屏", "Blackout"},
    {"自动导览：开", "Attract: on"},
    {"自动导览：关", "Attract: off"},
    {"截图", "Screenshot"},
    {"正在截图…", "Taking a screenshot…"},
    {"已保存", "Saved"},
    {"截图失败：", "Screenshot failed: "},
    {"English", "中文"},
    {"显示详情", "Show details"},
    {"隐藏详情", "Hide details"},
    {"运行状态", "Health"},
    {"播放列表与日程", "Playlist & schedule"},
    {"帧率", "Frame rate"},
    {"帧时间 p50 / p99", "Frame time p50 / p99"},
    {"常驻内存", "Resident memory"},
    {"运行时间", "Uptime"},
    {"输出尺寸", "Output"},
    {"VR 状态", "VR"},
    {"拼接墙", "Video wall"},
    {"单屏", "one output"},
    {"掉线节点", "lost"},
    {"版本", "Version"},
    {"天", "d"},
    {"数据源", "Data feeds"},
    {"名称", "Name"},
    {"状态", "State"},
    {"数据年龄", "Age"},
    {"条/秒", "msg/s"},
    {"消息", "Messages"},
    {"拒收", "Rejected"},
    {"最近错误", "Last error"},
    {"没有数据源", "No data feeds"},
    {"正常", "ok"},
    {"停滞", "stale"},
    {"错误", "error"},
    {"连接中", "connecting"},
    {"触控", "Touch"},
    {"触点", "Contacts"},
    {"次/秒", "Touches/s"},
    {"延迟 p50 / p99", "Latency p50 / p99"},
    {"丢弃", "Dropped"},
    {"最近日志", "Recent log"},
    {"播放列表", "Playlist"},
    {"都不勾选 = 轮播全部场景", "None checked = every scene"},
    {"（未知场景）", "(unknown scene)"},
    {"（不可用）", " (unavailable)"},
    {"轮播间隔（秒，0 = 关闭）", "Rotation interval (s, 0 = off)"},
    {"每日日程", "Daily schedule"},
    {"没有日程", "No schedule entries"},
    {"添加", "Add"},
    {"删除", "Remove"},
    {"退格", "Back"},
    {"完成", "Done"},
    {"点一下时间或轮播间隔，再用这排键输入", "Tap a time or the interval, then type with these keys"},
    {"应用", "Apply"},
    {"撤销修改", "Revert"},
    {"有未应用的修改", "Unapplied changes"},
    {"轮播间隔须为 0（关闭）或 10 到 3600 秒，现为：", "Rotation interval must be 0 (off) or 10 to 3600 seconds, got: "},
    {"日程第 ", "Schedule row "},
    {" 行：时间“", ": time \""},
    {"”无效，应为 00:00 到 23:59", "\" is not a valid HH:MM (00:00 to 23:59)"},
}};

inline std::string_view text(Id id, bool english) {
    const Entry& e = kTable[static_cast<std::size_t>(id)];
    return english ? e.en : e.zh;
}

}  // namespace exhibit::console_text
