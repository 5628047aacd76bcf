#!/usr/bin/env python3
"""Downscales a PNG by an integer factor (box filter) with the standard library only.

Usage: png_downscale.py IN.png OUT.png FACTOR

Reads 8-bit RGB or RGBA PNGs without interlacing (what exhibit --screenshot writes) and writes an
RGB PNG at maximum zlib compression, for the gallery's small thumbnails. Refuses anything else
with a message naming the file.
"""
import struct
import sys
import zlib


def fail(message):
    sys.exit(f"png_downscale: {message}")


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    if header is None:
        fail(f"{path}: no IHDR chunk")
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        fail(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are supported")
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def write_png(path, width, height, rows):
    raw = b"".join(b"\x00" + bytes(r) for r in rows)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, dst, factor = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if factor < 1:
        fail("FACTOR must be 1 or more")
    width, height, channels, rows = read_png(src)
    w, h, n = width // factor, height // factor, factor * factor
    out = []
    for y in range(h):
        block = rows[y * factor:(y + 1) * factor]
        line = bytearray(w * 3)
        for x in range(w):
            for ch in range(3):
                total = 0
                for r in block:
                    base = x * factor * channels + ch
                    for k in range(factor):
                        total += r[base + k * channels]
                line[x * 3 + ch] = (total + n // 2) // n
        out.append(line)
    write_png(dst, w, h, out)


if __name__ == "__main__":
    main()
