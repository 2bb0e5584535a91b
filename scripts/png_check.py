#!/usr/bin/env python3
"""Fails unless the PNG exists, decodes, has the expected minimum size and is not blank
(at least 8 distinct colours). Pure standard library, so CI needs nothing else."""
import struct, sys, zlib

def main(path, min_w=640, min_h=400):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, chunks = 8, {}
    idat = b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    if depth != 8 or ctype not in (2, 6):
        sys.exit(f"{path}: unexpected PNG type {depth}/{ctype}")
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = w * bpp
    colours, prev, i = set(), bytearray(stride), 0
    for _ in range(h):
        f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp * 7):
            colours.add(bytes(line[x:x + 3]))
        prev = line
    if w < min_w or h < min_h:
        sys.exit(f"{path}: {w}x{h} is smaller than {min_w}x{min_h}")
    if len(colours) < 8:
        sys.exit(f"{path}: looks blank ({len(colours)} colours)")
    print(f"{path}: {w}x{h}, {len(colours)} colours sampled: ok")

if __name__ == "__main__":
    main(sys.argv[1])
