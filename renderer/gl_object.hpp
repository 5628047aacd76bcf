// RAII, move-only owners of GL object names (buffers, vertex arrays, textures, framebuffers,
// renderbuffers, shaders, programs), in the style of Magnum: copy is deleted, moving transfers
// ownership, release() gives the name up without deleting it. They need a current context when
// created and destroyed; they do not track which context that is.
//
// liveObjects() counts the names these owners hold now, per kind (all threads and contexts
// together; a relaxed atomic per create and delete, nothing per frame): /metrics shows it, and the
// soak (bench/soak.py) checks it stays flat. Names given up with release() are no longer counted.
#pragma once

#include <atomic>
#include <cstdint>
#include <utility>

#include "renderer/gl.hpp"

namespace exhibit::gl {

template <typename Traits>
class Object {
public:
    Object() = default;
    explicit Object(GLuint adopted) : id_(adopted) {
        if (id_ != 0) live_.fetch_add(1, std::memory_order_relaxed);
    }
    static Object create() { return Object(Traits::create()); }
    ~Object() { reset(); }
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
    Object(Object&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    Object& operator=(Object&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, 0);
        }
        return *this;
    }
    GLuint id() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    GLuint release() {
        if (id_ != 0) live_.fetch_sub(1, std::memory_order_relaxed);
        return std::exchange(id_, 0);
    }
    void reset() {
        if (id_ != 0) {
            Traits::destroy(id_);
            live_.fetch_sub(1, std::memory_order_relaxed);
        }
        id_ = 0;
    }
    // Names of this kind held by owners now.
    static std::int64_t live() { return live_.load(std::memory_order_relaxed); }

private:
    GLuint id_ = 0;
    static inline std::atomic<std::int64_t> live_{0};
};

struct BufferTraits {
    static GLuint create() { GLuint id = 0; glGenBuffers(1, &id); return id; }
    static void destroy(GLuint id) { glDeleteBuffers(1, &id); }
};
struct VertexArrayTraits {
    static GLuint create() { GLuint id = 0; glGenVertexArrays(1, &id); return id; }
    static void destroy(GLuint id) { glDeleteVertexArrays(1, &id); }
};
struct TextureTraits {
    static GLuint create() { GLuint id = 0; glGenTextures(1, &id); return id; }
    static void destroy(GLuint id) { glDeleteTextures(1, &id); }
};
struct FramebufferTraits {
    static GLuint create() { GLuint id = 0; glGenFramebuffers(1, &id); return id; }
    static void destroy(GLuint id) { glDeleteFramebuffers(1, &id); }
};
struct RenderbufferTraits {
    static GLuint create() { GLuint id = 0; glGenRenderbuffers(1, &id); return id; }
    static void destroy(GLuint id) { glDeleteRenderbuffers(1, &id); }
};
struct ShaderTraits {
    static void destroy(GLuint id) { glDeleteShader(id); }
};
struct ProgramTraits {
    static void destroy(GLuint id) { glDeleteProgram(id); }
};

using Buffer = Object<BufferTraits>;
using VertexArray = Object<VertexArrayTraits>;
using Texture = Object<TextureTraits>;
using Framebuffer = Object<FramebufferTraits>;
using Renderbuffer = Object<RenderbufferTraits>;
using Shader = Object<ShaderTraits>;
using Program = Object<ProgramTraits>;

struct LiveObjects {
    std::int64_t buffers, vertexArrays, textures, framebuffers, renderbuffers, shaders, programs;
    std::int64_t total() const {
        return buffers + vertexArrays + textures + framebuffers + renderbuffers + shaders + programs;
    }
};
inline LiveObjects liveObjects() {
    return {Buffer::live(),       VertexArray::live(), Texture::live(), Framebuffer::live(),
            Renderbuffer::live(), Shader::live(),      Program::live()};
}

}  // namespace exhibit::gl
