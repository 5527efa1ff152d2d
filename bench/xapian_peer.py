#!/usr/bin/python3
"""bench/xapian_peer.py: the Xapian peer of `make bench` (Debian's python3-xapian, run by /usr/bin/python3).

Xapian is the positional full-text index lector is compared with: each .txt file becomes one document
indexed by xapian.TermGenerator with positions and no stemming (terms are the lower-cased words), and a
query is a term or an OP_PHRASE of terms, alternatives joined by OP_OR.

  xapian_peer.py build DIR DB            index every .txt under DIR into DB (replacing it);
                                         prints "docs<TAB>N" and "seconds<TAB>S"
  xapian_peer.py query DB QUERIES RUNS   prints open times and, per query, one line
                                         "q<TAB>id<TAB>docs<TAB>occurrences<TAB>median_s<TAB>first_s<TAB>walk_s"

What is timed per query is what Xapian answers cheaply: the exact number of matching documents
(Enquire.get_mset with check_at_least = all documents). Occurrences are not what Xapian gives: for a
word they are its collection frequency (a lookup), for a phrase they are found once, untimed in the
median, by walking the position lists of the matching documents (walk_s says how long that took).
"""
import os
import statistics
import sys
import time

import xapian


def build(corpus, db_path):
    t0 = time.perf_counter()
    db = xapian.WritableDatabase(db_path, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    docs = 0
    for root, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if d != ".lector")
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(root, name), "rb") as f:
                text = f.read().decode("utf-8", errors="replace")
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(text)
            db.add_document(doc)
            docs += 1
    db.commit()
    db.close()
    print("docs\t%d" % docs)
    print("seconds\t%.6f" % (time.perf_counter() - t0))


def read_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            qid, kind, text = line.rstrip("\n").split("\t")
            alts = [alt.lower().split() for alt in text.split(" | ")]
            out.append((qid.rstrip("*"), kind, alts))
    return out


def to_query(alts):
    parts = []
    for words in alts:
        if len(words) == 1:
            parts.append(xapian.Query(words[0]))
        else:
            parts.append(xapian.Query(xapian.Query.OP_PHRASE, words, len(words)))
    return parts[0] if len(parts) == 1 else xapian.Query(xapian.Query.OP_OR, parts)


def phrase_occurrences(db, enquire, words, ndocs):
    """Occurrences of a phrase: in every document matching it, positions p with words[i] at p + i."""
    enquire.set_query(xapian.Query(xapian.Query.OP_PHRASE, words, len(words)))
    n = 0
    for m in enquire.get_mset(0, ndocs, ndocs):
        first = db.positionlist(m.docid, words[0])
        rest = [set(db.positionlist(m.docid, w)) for w in words[1:]]
        for p in first:
            if all(p + i + 1 in s for i, s in enumerate(rest)):
                n += 1
    return n


def query(db_path, qfile, runs):
    opens = []
    for _ in range(runs):
        t0 = time.perf_counter()
        db = xapian.Database(db_path)
        db.get_doccount()
        opens.append(time.perf_counter() - t0)
        db.close()
    print("open_first\t%.6f" % opens[0])
    print("open_median\t%.6f" % statistics.median(opens))
    db = xapian.Database(db_path)
    ndocs = db.get_doccount()
    enquire = xapian.Enquire(db)
    enquire.set_weighting_scheme(xapian.BoolWeight())
    for qid, kind, alts in read_queries(qfile):
        q = to_query(alts)
        times, docs = [], 0
        for _ in range(runs + 1):
            t0 = time.perf_counter()
            enquire.set_query(q)
            mset = enquire.get_mset(0, 0, ndocs)
            docs = mset.get_matches_estimated()
            times.append(time.perf_counter() - t0)
            assert mset.get_matches_lower_bound() == mset.get_matches_upper_bound()
        t0 = time.perf_counter()
        occ = 0
        for words in alts:
            if len(words) == 1:
                occ += db.get_collection_freq(words[0])
            else:
                occ += phrase_occurrences(db, enquire, words, ndocs)
        walk = time.perf_counter() - t0
        print("q\t%s\t%d\t%d\t%.9f\t%.9f\t%.6f" % (qid, docs, occ, statistics.median(times[1:]), times[0], walk))
        sys.stdout.flush()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "query":
        query(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)
