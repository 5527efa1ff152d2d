#!/usr/bin/env python3
# png.py: pixel facts about a PNG screenshot for the specs (what headless Chromium drew), with the
# standard library only (zlib): decode an 8-bit RGB/RGBA PNG, then answer queries on a box of it.
#
#   png.py FILE size                               -> "W H"
#   png.py FILE cols COLOR TOL X0 Y0 X1 Y1         -> the runs of columns in the box holding a pixel of
#                                                     COLOR (#rrggbb, each channel within TOL): "a-b c-d"
#   png.py FILE rows COLOR TOL X0 Y0 X1 Y1         -> the same for rows
#   png.py FILE count COLOR TOL X0 Y0 X1 Y1        -> how many pixels of the box are of COLOR
#   png.py FILE crop OUT X0 Y0 X1 Y1               -> writes the box as a PNG of its own
# Boxes include X0, Y0 and exclude X1, Y1. Several queries may follow one another, separated by "--".
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(path + ": not a PNG")
    pos, idat = 8, []
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + n
    if depth != 8 or ctype not in (2, 6) or interlace:
        sys.exit(path + ": only 8-bit RGB or RGBA, not interlaced (depth %d, colour type %d)" % (depth, ctype))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            if line.count(0) == stride:            # a row as the one above: most of a page
                line = bytearray(prev)
            else:
                line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(bpp):
                line[i] = (line[i] + prev[i]) & 255
            for i in range(bpp, stride):
                a, b, c = line[i - bpp], prev[i], prev[i - bpp]
                if a == b == c:                   # the common case of a plain background
                    line[i] = (line[i] + a) & 255
                    continue
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, bpp, rows


def encode(path, w, h, rows_rgb):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + bytes(r) for r in rows_rgb)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def runs(marks):
    out, start, last = [], None, None
    for v in marks:
        if start is None:
            start = last = v
        elif v == last + 1:
            last = v
        else:
            out.append("%d-%d" % (start, last))
            start = last = v
    if start is not None:
        out.append("%d-%d" % (start, last))
    return " ".join(out) or "none"


def main(argv):
    w, h, bpp, rows = decode(argv[0])
    queries, q = [], []
    for a in argv[1:]:
        if a == "--":
            queries.append(q)
            q = []
        else:
            q.append(a)
    queries.append(q)
    for q in queries:
        op = q[0]
        if op == "size":
            print(w, h)
            continue
        if op == "crop":
            x0, y0, x1, y1 = (int(v) for v in q[2:6])
            out = []
            for y in range(y0, y1):
                r = rows[y]
                line = bytearray()
                for x in range(x0, x1):
                    line += r[x * bpp:x * bpp + 3]
                out.append(line)
            encode(q[1], x1 - x0, y1 - y0, out)
            print("wrote", q[1])
            continue
        color, tol = q[1].lstrip("#"), int(q[2])
        want = [int(color[i:i + 2], 16) for i in (0, 2, 4)]
        x0, y0, x1, y1 = (int(v) for v in q[3:7])
        x1, y1 = min(x1, w), min(y1, h)

        def hit(r, x):
            i = x * bpp
            return abs(r[i] - want[0]) <= tol and abs(r[i + 1] - want[1]) <= tol and abs(r[i + 2] - want[2]) <= tol
        if op == "count":
            print(sum(1 for y in range(y0, y1) for x in range(x0, x1) if hit(rows[y], x)))
        elif op == "cols":
            print(runs([x for x in range(x0, x1) if any(hit(rows[y], x) for y in range(y0, y1))]))
        elif op == "rows":
            print(runs([y for y in range(y0, y1) if any(hit(rows[y], x) for x in range(x0, x1))]))
        else:
            sys.exit("png.py: unknown query " + op)


if __name__ == "__main__":
    main(sys.argv[1:])
