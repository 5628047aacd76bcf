// The headless context, render targets, readback and the RAII GL object wrappers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <utility>

#include "renderer/gl_object.hpp"
#include "renderer/render_target.hpp"
#include "tests/gl/gl_fixture.hpp"

namespace exhibit {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class ContextTest : public GlTest {};

TEST_F(ContextTest, IsOpenGl33CoreOrNewer) {
    GLint major = 0, minor = 0, profile = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    glGetIntegerv(GL_CONTEXT_PROFILE_MASK, &profile);
    EXPECT_GE(major * 10 + minor, 33) << major << "." << minor;
    EXPECT_NE(profile & GL_CONTEXT_CORE_PROFILE_BIT, 0) << "profile mask " << profile;
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

TEST_F(ContextTest, DescriptionNamesHeadlessAndTheRenderer) {
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    ASSERT_NE(renderer, nullptr);
    const std::string description = platform().description();
    EXPECT_THAT(description, StartsWith("headless "));
    EXPECT_THAT(description, HasSubstr(renderer));
    EXPECT_THAT(description, HasSubstr("OpenGL "));
    EXPECT_TRUE(platform().headless());
    EXPECT_EQ(platform().drawableSize(), glm::ivec2(256, 256));
    EXPECT_NE(platform().frameTarget(), 0u) << "headless frames go to an offscreen framebuffer";
}

TEST_F(ContextTest, OddSizedTargetReadsBackExactlyWithoutRowSkew) {
    // 37 x 23 RGBA rows are 148 bytes: any row padding or stride mistake in readback shifts rows.
    Canvas canvas;
    canvas.begin({37, 23}, kBlack);
    canvas.rect({36, 0, 1, 23}, kWhite);  // the last column only
    canvas.rect({0, 22, 36, 1}, kRed);    // the bottom row, except the last column
    const RenderTarget target({37, 23});
    EXPECT_EQ(target.size(), glm::ivec2(37, 23));
    renderer().execute(canvas.list(), target.framebuffer());
    const Image image = readFramebuffer(target.framebuffer(), target.size());
    ASSERT_EQ(image.width, 37);
    ASSERT_EQ(image.height, 23);
    ASSERT_EQ(image.rgba.size(), 37u * 23u * 4u);
    for (int y = 0; y < 23; ++y) {
        EXPECT_EQ(pixelAt(image, 36, y), (Rgba{255, 255, 255, 255})) << "row " << y;
        if (y < 22) {
            EXPECT_EQ(pixelAt(image, 35, y), (Rgba{0, 0, 0, 255})) << "row " << y;
            EXPECT_EQ(pixelAt(image, 0, y), (Rgba{0, 0, 0, 255})) << "row " << y;
        }
    }
    for (int x = 0; x < 36; ++x) EXPECT_EQ(pixelAt(image, x, 22), (Rgba{255, 0, 0, 255})) << "column " << x;
}

TEST_F(ContextTest, ReadbackIsTopDown) {
    Canvas canvas;
    canvas.begin({32, 32}, kBlack);
    canvas.rect({0, 0, 32, 16}, kWhite);  // canvas y down: the top half
    const Image image = render(canvas);
    for (int y = 0; y < 32; ++y) {
        const Rgba expected = y < 16 ? Rgba{255, 255, 255, 255} : Rgba{0, 0, 0, 255};
        EXPECT_EQ(pixelAt(image, 5, y), expected) << "row " << y << " (row 0 must be the top)";
    }
}

TEST_F(ContextTest, ReadbackOfTheClearColour) {
    Canvas canvas;
    canvas.begin({7, 5}, Color::rgba8(10, 20, 30, 255));
    const Image image = render(canvas);
    EXPECT_DOUBLE_EQ(fractionNear(image, wholeImage(image), {10, 20, 30, 255}, 0), 1.0);
}

static_assert(!std::is_copy_constructible_v<gl::Buffer>);
static_assert(!std::is_copy_assignable_v<gl::Buffer>);
static_assert(!std::is_copy_constructible_v<gl::Program>);
static_assert(!std::is_copy_assignable_v<gl::Texture>);
static_assert(std::is_nothrow_move_constructible_v<gl::Texture>);
static_assert(std::is_nothrow_move_assignable_v<gl::Framebuffer>);
static_assert(!std::is_copy_constructible_v<RenderTarget>);

TEST_F(ContextTest, GlObjectsMoveOwnership) {
    gl::Texture a = gl::Texture::create();
    const GLuint id = a.id();
    ASSERT_NE(id, 0u);
    EXPECT_TRUE(static_cast<bool>(a));

    gl::Texture b = std::move(a);
    EXPECT_EQ(a.id(), 0u);  // NOLINT(bugprone-use-after-move): the moved-from state is the point
    EXPECT_FALSE(static_cast<bool>(a));
    EXPECT_EQ(b.id(), id);

    gl::Texture c;
    EXPECT_EQ(c.id(), 0u);
    c = std::move(b);
    EXPECT_EQ(b.id(), 0u);  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(c.id(), id);
}

TEST_F(ContextTest, ResetDeletesAndReleaseGivesTheNameUp) {
    GLuint deleted = 0;
    {
        gl::Texture t = gl::Texture::create();
        deleted = t.id();
        glBindTexture(GL_TEXTURE_2D, deleted);  // a name becomes an object when first bound
        glBindTexture(GL_TEXTURE_2D, 0);
        ASSERT_EQ(glIsTexture(deleted), GL_TRUE);
    }  // destructor deletes
    EXPECT_EQ(glIsTexture(deleted), GL_FALSE);

    GLuint released = 0;
    {
        gl::Texture t = gl::Texture::create();
        glBindTexture(GL_TEXTURE_2D, t.id());
        glBindTexture(GL_TEXTURE_2D, 0);
        const GLuint id = t.id();
        released = t.release();
        EXPECT_EQ(released, id);
        EXPECT_EQ(t.id(), 0u);
    }  // nothing to delete any more
    EXPECT_EQ(glIsTexture(released), GL_TRUE) << "release() must not delete the texture";
    glDeleteTextures(1, &released);

    gl::Buffer buffer = gl::Buffer::create();
    const GLuint bufferId = buffer.id();
    glBindBuffer(GL_ARRAY_BUFFER, bufferId);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    ASSERT_EQ(glIsBuffer(bufferId), GL_TRUE);
    buffer.reset();
    EXPECT_EQ(buffer.id(), 0u);
    EXPECT_EQ(glIsBuffer(bufferId), GL_FALSE);

    // Move-assigning over a live object deletes the old one.
    gl::Buffer first = gl::Buffer::create();
    gl::Buffer second = gl::Buffer::create();
    const GLuint firstId = first.id();
    glBindBuffer(GL_ARRAY_BUFFER, firstId);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    first = std::move(second);
    EXPECT_EQ(glIsBuffer(firstId), GL_FALSE);
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

}  // namespace
}  // namespace exhibit
