#!/bin/sh
# tagdata.sh: the training and development data of the tagger, from a clone of UD English EWT
# (CC BY-SA 4.0): its per-document sources listed in not-to-release/file-lists/files.train and
# files.dev, joined into OUT/train.conllu and OUT/dev.conllu. Run by `make train-tagger`.
#   host/tools/tagdata.sh OUT_DIR
# EWT_REPO names the clone (a bare one will do), EWT_COMMIT the commit read.
set -eu
OUT=$1
REPO=${EWT_REPO:-/work/.mirror/UniversalDependencies+UD_English-EWT/repo}
COMMIT=${EWT_COMMIT:-15d613d8447b3478787d4c278730a1e48a945efb}
mkdir -p "$OUT"
for part in train dev; do
  git -C "$REPO" show "$COMMIT:not-to-release/file-lists/files.$part" |
    sed "s|^|$COMMIT:not-to-release/sources/|" |
    git -C "$REPO" cat-file --batch | grep -v -E "^[0-9a-f]{40} blob [0-9]+$" > "$OUT/$part.conllu"
  echo "$OUT/$part.conllu: $(grep -c -E '^[0-9]+	' "$OUT/$part.conllu") words"
done
