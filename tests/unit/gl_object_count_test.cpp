// The live GL object count (renderer/gl_object.hpp) that /metrics and /api/status show and the soak
// (bench/soak.py) watches: adopting a name counts it, moving keeps the count, release() and reset()
// take it off. GL-free: only adopted names and release() are used, which call no GL function.
#include <gtest/gtest.h>

#include <string>

#include "app/metrics_text.hpp"
#include "app/operator_json.hpp"
#include "renderer/gl_object.hpp"

namespace exhibit {
namespace {

TEST(GlObjectCount, AdoptMoveAndReleaseKeepTheCountRight) {
    const gl::LiveObjects before = gl::liveObjects();
    {
        gl::Buffer a(41);
        gl::Texture t(7);
        gl::Buffer empty;
        EXPECT_EQ(gl::liveObjects().buffers, before.buffers + 1);
        EXPECT_EQ(gl::liveObjects().textures, before.textures + 1);
        EXPECT_EQ(gl::liveObjects().total(), before.total() + 2);

        gl::Buffer b(std::move(a));  // ownership moves, the count stays
        EXPECT_EQ(gl::liveObjects().buffers, before.buffers + 1);
        empty = std::move(b);
        EXPECT_EQ(gl::liveObjects().buffers, before.buffers + 1);

        EXPECT_EQ(empty.release(), 41u);
        EXPECT_EQ(t.release(), 7u);
        EXPECT_EQ(empty.release(), 0u);  // nothing left to give up
    }
    EXPECT_EQ(gl::liveObjects().total(), before.total());
}

TEST(GlObjectCount, MetricsAndStatusCarryTheCountsByKind) {
    OperatorStatus status;
    status.glObjects = {{"buffer", 12}, {"texture", 3}};
    const std::string text = renderPrometheus(status);
    EXPECT_NE(text.find("# TYPE exhibit_gl_objects gauge\n"), std::string::npos) << text;
    EXPECT_NE(text.find("exhibit_gl_objects{kind=\"buffer\"} 12\n"), std::string::npos) << text;
    EXPECT_NE(text.find("exhibit_gl_objects{kind=\"texture\"} 3\n"), std::string::npos) << text;
    const auto json = statusToJson(status);
    EXPECT_EQ(json.at("glObjects").at("buffer"), 12);
    EXPECT_EQ(json.at("glObjects").at("texture"), 3);

    status.glObjects.clear();  // not counted: no family at all
    EXPECT_EQ(renderPrometheus(status).find("exhibit_gl_objects"), std::string::npos);
}

}  // namespace
}  // namespace exhibit
