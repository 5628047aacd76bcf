// Feed health: states as the hub decided them, ages by the dashboard's rule (FeedAges), message
// rates from the change of the counts over injected times, and the tracker's bound.
#include "app/feed_health.hpp"

#include <gtest/gtest.h>

namespace exhibit {
namespace {

SourceStatus source(std::string name, SourceState state, std::uint64_t messages, double lastUpdate) {
    SourceStatus s;
    s.name = std::move(name);
    s.state = state;
    s.messages = messages;
    s.lastUpdate = lastUpdate;
    return s;
}

TEST(FeedHealth, MapsEveryStateAndCopiesCounts) {
    Snapshot snap;
    snap.sequence = 1;
    snap.timestamp = 50;
    snap.sources = {source("simulator", SourceState::Ok, 10, 49), source("file:a.ndjson", SourceState::Stale, 3, 40),
                    source("http://h/api", SourceState::Error, 0, 0), source("mqtt://b", SourceState::Connecting, 0, 0)};
    snap.sources[2].rejected = 7;
    snap.sources[2].lastError = "HTTP 502";
    FeedHealthTracker tracker;
    const auto feeds = tracker.update(snap, 1000);
    ASSERT_EQ(feeds.size(), 4u);
    EXPECT_EQ(feeds[0].name, "simulator");
    EXPECT_EQ(feeds[0].state, "ok");
    EXPECT_EQ(feeds[1].state, "stale");
    EXPECT_EQ(feeds[2].state, "error");
    EXPECT_EQ(feeds[3].state, "connecting");
    EXPECT_EQ(feeds[0].messages, 10u);
    EXPECT_EQ(feeds[2].rejected, 7u);
    EXPECT_EQ(feeds[2].lastError, "HTTP 502");
    EXPECT_DOUBLE_EQ(feeds[0].ageSeconds, 1);
    EXPECT_DOUBLE_EQ(feeds[1].ageSeconds, 10);
    EXPECT_EQ(feeds[2].ageSeconds, -1);  // nothing accepted yet
    EXPECT_EQ(feedStateName(SourceState::Stale), "stale");
}

TEST(FeedHealth, AgesGrowOnTheCallersClockBetweenPublishesLikeTheDashboards) {
    Snapshot snap;
    snap.sequence = 7;
    snap.timestamp = 100;  // feed clock
    snap.sources = {source("simulator", SourceState::Ok, 5, 97)};
    FeedHealthTracker tracker;
    FeedAges dashboard;  // the wall's chrome
    auto check = [&](double now, double expected) {
        const auto feeds = tracker.update(snap, now);
        dashboard.update(FrameTime{now, 0, 0}, snap);
        EXPECT_DOUBLE_EQ(feeds.at(0).ageSeconds, expected) << now;
        EXPECT_DOUBLE_EQ(feeds.at(0).ageSeconds, dashboard.source(snap, 0).second) << now;
    };
    check(10, 3);    // received at 10 on the frame clock
    check(12, 5);    // the same snapshot two seconds later: the age keeps growing
    snap.sequence = 8;
    snap.timestamp = 103.5;
    snap.sources[0].lastUpdate = 103;
    check(13, 0.5);  // a fresh snapshot
}

TEST(FeedRate, SteadyRateThenQuietThenARestartedCounter) {
    FeedRateTracker rates;
    EXPECT_EQ(rates.observe("s", 0, 0), 0);  // one observation is no rate
    double rate = 0;
    int frame = 1;
    for (; frame <= 600; ++frame) rate = rates.observe("s", static_cast<std::uint64_t>(frame * 50 / 60), frame / 60.0);
    EXPECT_NEAR(rate, 50, 0.5);  // 50 messages a second, counted in whole messages

    const std::uint64_t total = 500;
    for (; frame <= 750; ++frame) rate = rates.observe("s", total, frame / 60.0);  // 2.5 s quiet
    EXPECT_GT(rate, 10);
    EXPECT_LT(rate, 40);
    for (; frame <= 960; ++frame) rate = rates.observe("s", total, frame / 60.0);  // 6 s quiet
    EXPECT_EQ(rate, 0);

    EXPECT_EQ(rates.observe("s", 3, 16.1), 0);  // the count fell: a new hub, start over
    EXPECT_NEAR(rates.observe("s", 13, 17.1), 10, 1e-9);
}

TEST(FeedRate, ACallerThatComesBackAfterMoreThanAWindowStillGetsARate) {
    FeedRateTracker rates;
    rates.observe("s", 0, 0);
    EXPECT_NEAR(rates.observe("s", 100, 10), 10, 1e-9);
}

TEST(FeedRate, SourcesWithTheSameNameAndForgottenSources) {
    FeedHealthTracker tracker;
    Snapshot snap;
    snap.sources = {source("x", SourceState::Ok, 0, 1), source("x", SourceState::Ok, 0, 1),
                    source("y", SourceState::Ok, 0, 1)};
    tracker.update(snap, 0);
    snap.sources[0].messages = 10;
    snap.sources[1].messages = 40;
    snap.sources[2].messages = 1;
    auto feeds = tracker.update(snap, 1);
    EXPECT_NEAR(feeds[0].messagesPerSecond, 10, 1e-9);
    EXPECT_NEAR(feeds[1].messagesPerSecond, 40, 1e-9);
    EXPECT_NEAR(feeds[2].messagesPerSecond, 1, 1e-9);

    FeedRateTracker rates;
    rates.observe("a", 1, 0);
    rates.observe("b", 1, 0);
    rates.observe("c", 1, 0);
    rates.retain({"b"});
    EXPECT_EQ(rates.tracked(), 1u);
    EXPECT_EQ(rates.observe("a", 100, 1), 0);  // forgotten: starts over
    EXPECT_NEAR(rates.observe("b", 11, 1), 10, 1e-9);
}

TEST(FeedRate, DaysOfFramesKeepTheRateRight) {
    FeedRateTracker rates;
    double rate = 0;
    for (int frame = 0; frame < 60 * 3600; ++frame)  // an hour at 60 fps, 2 messages a second
        rate = rates.observe("s", static_cast<std::uint64_t>(frame / 30), frame / 60.0);
    EXPECT_NEAR(rate, 2, 0.25);
    EXPECT_EQ(rates.tracked(), 1u);
}

}  // namespace
}  // namespace exhibit
