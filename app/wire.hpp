// Bytes for messages between the wall's processes (app/frame_state.hpp): little-endian fixed-size
// numbers and length-prefixed strings and lists, appended by ByteWriter and read back by ByteReader.
// The reader checks every length against what is left, so a truncated or corrupted message
// throws WireError instead of reading past the end. Both ends are the same build of exhibit
// (one wall runs one binary), so there is no schema evolution beyond the version the caller writes.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace exhibit {

class WireError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ByteWriter {
public:
    template <typename T>
        requires std::is_arithmetic_v<T> || std::is_enum_v<T>
    void put(T value) {
        const auto at = bytes_.size();
        bytes_.resize(at + sizeof(T));
        std::memcpy(bytes_.data() + at, &value, sizeof(T));
    }
    void put(const std::string& text) {
        put(static_cast<std::uint32_t>(text.size()));
        bytes_.insert(bytes_.end(), text.begin(), text.end());
    }
    std::vector<std::uint8_t>& bytes() { return bytes_; }

private:
    std::vector<std::uint8_t> bytes_;
};

class ByteReader {
public:
    ByteReader(const std::uint8_t* data, std::size_t size) : data_(data), left_(size) {}

    template <typename T>
        requires std::is_arithmetic_v<T> || std::is_enum_v<T>
    T get() {
        need(sizeof(T));
        T value;
        std::memcpy(&value, data_, sizeof(T));
        data_ += sizeof(T);
        left_ -= sizeof(T);
        return value;
    }
    std::string text() {
        const auto size = get<std::uint32_t>();
        need(size);
        std::string s(reinterpret_cast<const char*>(data_), size);
        data_ += size;
        left_ -= size;
        return s;
    }
    // A list length, checked against the bytes left (each element takes at least minBytes).
    std::size_t count(std::size_t minBytes) {
        const auto n = get<std::uint32_t>();
        if (minBytes > 0 && n > left_ / minBytes) throw WireError("message truncated: a list of " + std::to_string(n) + " does not fit");
        return n;
    }
    template <typename E>
    E enumeration(int count) {
        const auto v = get<std::int32_t>();
        if (v < 0 || v >= count) throw WireError("message corrupt: value " + std::to_string(v) + " out of range");
        return static_cast<E>(v);
    }
    bool done() const { return left_ == 0; }

private:
    void need(std::size_t n) const {
        if (n > left_) throw WireError("message truncated: " + std::to_string(n) + " bytes wanted, " + std::to_string(left_) + " left");
    }
    const std::uint8_t* data_;
    std::size_t left_;
};

}  // namespace exhibit
