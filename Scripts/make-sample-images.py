#!/usr/bin/env python3
"""Writes the sample images in Samples/ (python3 standard library only, no downloads).

    python3 Scripts/make-sample-images.py

shapes:   a square (horizontal and vertical edges), a diamond (both diagonals) and a disc
          (every direction) on a dark ground; RGB (.ppm, .png) and grey (.pgm).
text:     the letters "CNN" in a blocky 5x7 font, dark on light; grey (.pgm, .png).
gradient: black to white from left to right, darker towards the bottom; grey (.pgm, .png).
The output is the same on every run, so the committed files only change with this script.
"""

import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Samples")


def write_netpbm(path, width, height, channels, pixels):
    magic = b"P6" if channels == 3 else b"P5"
    with open(path, "wb") as file:
        file.write(magic + b"\n# cnnviz sample image (Scripts/make-sample-images.py)\n")
        file.write(b"%d %d\n255\n" % (width, height))
        file.write(bytes(pixels))


def write_png(path, width, height, channels, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    colour_type = 2 if channels == 3 else 0
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    stride = width * channels
    raw = b"".join(b"\x00" + bytes(pixels[y * stride:(y + 1) * stride]) for y in range(height))
    with open(path, "wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n")
        file.write(chunk(b"IHDR", header))
        file.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        file.write(chunk(b"IEND", b""))


def grey(rgb):
    """ITU-R BT.601 luminance, as the program computes it."""
    return [round(0.299 * rgb[i] + 0.587 * rgb[i + 1] + 0.114 * rgb[i + 2]) for i in range(0, len(rgb), 3)]


def shapes():
    width, height = 96, 48
    pixels = []
    for y in range(height):
        for x in range(width):
            colour = (24, 24, 32)
            if 8 <= x < 32 and 12 <= y < 36:
                colour = (230, 60, 40)  # square
            if abs(x - 48) + abs(y - 24) <= 14:
                colour = (60, 200, 80)  # diamond
            if (x - 78) ** 2 + (y - 24) ** 2 <= 12 ** 2:
                colour = (60, 110, 240)  # disc
            pixels.extend(colour)
    return width, height, pixels


FONT = {
    "C": ["01111", "10000", "10000", "10000", "10000", "10000", "01111"],
    "N": ["10001", "11001", "10101", "10011", "10001", "10001", "10001"],
}


def text(word="CNN", scale=3, margin=4):
    glyph_width, glyph_height = 5, 7
    width = margin * 2 + len(word) * (glyph_width + 1) * scale - scale
    height = margin * 2 + glyph_height * scale
    pixels = [235] * (width * height)
    for index, letter in enumerate(word):
        for row, bits in enumerate(FONT[letter]):
            for column, bit in enumerate(bits):
                if bit != "1":
                    continue
                for dy in range(scale):
                    for dx in range(scale):
                        x = margin + (index * (glyph_width + 1) + column) * scale + dx
                        y = margin + row * scale + dy
                        pixels[y * width + x] = 20
    return width, height, pixels


def gradient(width=64, height=32):
    pixels = []
    for y in range(height):
        for x in range(width):
            pixels.append(round(255 * x / (width - 1) * (1 - 0.5 * y / (height - 1))))
    return width, height, pixels


def main():
    os.makedirs(OUT, exist_ok=True)
    width, height, rgb = shapes()
    write_netpbm(os.path.join(OUT, "shapes.ppm"), width, height, 3, rgb)
    write_png(os.path.join(OUT, "shapes.png"), width, height, 3, rgb)
    write_netpbm(os.path.join(OUT, "shapes.pgm"), width, height, 1, grey(rgb))
    for name, (width, height, pixels) in (("text", text()), ("gradient", gradient())):
        write_netpbm(os.path.join(OUT, name + ".pgm"), width, height, 1, pixels)
        write_png(os.path.join(OUT, name + ".png"), width, height, 1, pixels)


if __name__ == "__main__":
    main()
