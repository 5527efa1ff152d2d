#!/bin/bash
# bench/run.sh: `make bench`. Measures lector side by side with ripgrep, Xapian and a plain Lua+LPeg
# scan on the benchmark corpora of ../shared/bench (10 MB, 100 MB, 1 GB of real English), in one run,
# and writes one table per tier to bench/results/DATE-TIER.md (printed too). Slow; never part of
# `make test`, and nothing it generates (corpora, indexes, Xapian databases) goes into the repository.
#
#   make bench                        all three tiers (about 30 minutes on 2 cores)
#   TIERS=small make bench            a quick run (a minute)
#   RUNS=7 ONCE_AFTER=120 bench/run.sh
#
#   PARTS=analyses TIERS=medium bench/run.sh   the shipped analyses beside the build only
#   ANALYSES="positions resolutions" PARTS=analyses TIERS=large bench/run.sh   some of them
#
# Environment: PARTS (peers analyses: the index and its queries beside ripgrep, Xapian and LPeg; the
# shipped analyses, mentions, resolutions, positions and report, beside `lector index --rebuild` of
# the same files and on the seed corpus), TIERS (small medium large), RUNS (5: each figure is the median of that many runs),
# ONCE_AFTER (60: a build or scan whose first run takes longer than that many seconds is measured
# once, and the table says so), LB (/tmp/lector-bench: corpora in $LB/corpora, scratch in
# $LB/work), QUERIES (../shared/bench/queries.txt).
#
# lector's build is `./lector index DIR --rebuild` when this lector has the on-disk store (probed on a
# one-file corpus), else an in-memory `lector.open(DIR)` in a fresh process, and then there is no
# open time to measure. Wall times of whole processes come from bash's $EPOCHREALTIME around
# /usr/bin/time (which gives the peak RSS) or from hyperfine; in-process times from the scripts.
set -eu
cd "$(dirname "$0")/.."
ROOT=$PWD
LB=${LB:-/tmp/lector-bench}
CORPORA=$LB/corpora
WORK=$LB/work
TIERS=${TIERS:-small medium large}
PARTS=${PARTS:-peers analyses}
has_part() { case " $PARTS " in *" $1 "*) return 0 ;; esac; return 1; }
RUNS=${RUNS:-5}
ONCE_AFTER=${ONCE_AFTER:-60}
QUERIES=$(realpath "${QUERIES:-$ROOT/../shared/bench/queries.txt}")
MAKE_CORPORA=$(realpath "${MAKE_CORPORA:-$ROOT/../shared/bench/make-corpora.sh}")
PY=/usr/bin/python3            # Debian's python3, which has python3-xapian (not a pyenv one)
DATE=$(date +%Y-%m-%d)

say() { printf '%s [bench] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- tools (all Debian packages) ---------------------------------------------------------------------
missing=""
command -v rg >/dev/null || missing="$missing ripgrep"
command -v hyperfine >/dev/null || missing="$missing hyperfine"
command -v lua5.4 >/dev/null || missing="$missing lua5.4"
lua5.4 -e 'require "lpeg"' 2>/dev/null || missing="$missing lua-lpeg"
$PY -c 'import xapian' 2>/dev/null || missing="$missing python3-xapian"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing$missing"
    # shellcheck disable=SC2086 # a list of package names
    apt-get install -y $missing
  else
    echo "bench: missing$missing; run as root: apt-get install -y$missing" >&2
    exit 1
  fi
fi
[ -x ./lector ] || { echo "bench: build lector first (make)" >&2; exit 1; }
[ -f "$QUERIES" ] || { echo "bench: no queries file $QUERIES" >&2; exit 1; }

# ---- corpora: build them once; wait for a build already under way -------------------------------------
corpora_ready() {
  [ -f "$CORPORA/STATS.tsv" ] || return 1
  for t in $TIERS; do [ -d "$CORPORA/$t" ] || return 1; done
}
if ! corpora_ready; then
  if pgrep -f make-corpora.sh >/dev/null 2>&1; then
    say "the corpora are being built by another process; waiting for $CORPORA/STATS.tsv"
    while ! corpora_ready; do sleep 15; done
  else
    say "building the corpora with $MAKE_CORPORA (several minutes)"
    LB=$LB sh "$MAKE_CORPORA"
  fi
fi

# ---- helpers ---------------------------------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure NAME CMD...: runs CMD $RUNS times (once when the first run takes more than $ONCE_AFTER s),
# each under /usr/bin/time for its peak RSS; records NAME_s (median wall seconds), NAME_rss_kb
# (median peak RSS), NAME_runs, and the command. The last run's stdout is kept in $W/NAME.out.
measure() {
  local name=$1; shift
  local i=0 t0 t1 n=$RUNS
  : > "$W/$name.runs"
  while [ "$i" -lt "$n" ]; do
    t0=$EPOCHREALTIME
    if ! /usr/bin/time -f %M -o "$W/$name.rss" "$@" > "$W/$name.out" 2> "$W/$name.err"; then
      say "$name failed: $*"; cat "$W/$name.err" >&2; return 1
    fi
    t1=$EPOCHREALTIME
    echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }') $(tail -n 1 "$W/$name.rss")" >> "$W/$name.runs"
    i=$((i + 1))
    if [ "$i" = 1 ] && awk -v a="$t0" -v b="$t1" -v m="$ONCE_AFTER" 'BEGIN { exit !(b - a > m) }'; then n=1; fi
  done
  put "${name}_s" "$(cut -d' ' -f1 "$W/$name.runs" | median)"
  put "${name}_rss_kb" "$(cut -d' ' -f2 "$W/$name.runs" | median)"
  put "${name}_runs" "$(wc -l < "$W/$name.runs")"
  put "cmd_$name" "$(show_args "$@")"
}

# a command line to show: arguments with anything but [A-Za-z0-9_./=:,+-] in single quotes
show_args() {
  local a out=""
  for a in "$@"; do
    case $a in *[!A-Za-z0-9_./=:,+-]*) a="'${a//\'/\'\\\'\'}'" ;; esac
    out="$out $a"
  done
  printf '%s' "${out# }"
}

put() { printf '%s\t%s\n' "$1" "$2" >> "$W/results.tsv"; }

# the ripgrep arguments of a query line: -U and \s+ between words when a phrase is among the alternatives
rg_args() {
  local q=$1 alt phrase=0
  RGA=(--count-matches -i -w)
  while [ -n "$q" ]; do
    alt=${q%% | *}
    if [ "$alt" = "$q" ]; then q=""; else q=${q#* | }; fi
    case $alt in *" "*) phrase=1 ;; esac
    RGA+=(-e "$(printf '%s' "$alt" | sed -e 's/[^A-Za-z0-9 ]/\\&/g' -e 's/  */\\s+/g')")
  done
  if [ "$phrase" = 1 ]; then RGA+=(-U); fi
}

# a command line as one string for hyperfine --shell=none (single quotes around each argument)
quote_args() { local a out=""; for a in "$@"; do out="$out '${a//\'/\'\\\'\'}'"; done; printf '%s' "${out# }"; }

# ---- does this lector have the on-disk store (`lector index`)? -----------------------------------------
PROBE=$WORK/probe
rm -rf "$PROBE"; mkdir -p "$PROBE"
printf 'A probe document for the store.\n' > "$PROBE/probe.txt"
if ./lector index "$PROBE" --rebuild > "$WORK/probe.out" 2>&1; then
  STORE=1
  say "lector has the on-disk store: $(head -n 1 "$WORK/probe.out")"
else
  STORE=0
  say "no \`lector index\` in this lector ($(head -n 1 "$WORK/probe.out")): the build is an in-memory open, no open time"
fi
rm -rf "$PROBE"

CPU=$(grep -m 1 'model name' /proc/cpuinfo | sed 's/.*: //')
for TIER in $TIERS; do
  DIR=$CORPORA/$TIER
  [ -d "$DIR" ] || { echo "bench: no corpus $DIR" >&2; exit 1; }
  W=$WORK/$TIER
  rm -rf "$W"; mkdir -p "$W"
  start=$EPOCHREALTIME
  say "== $TIER: $DIR"
  put tier "$TIER"
  put date "$DATE"
  put cpu "$CPU"
  put nproc "$(nproc)"
  put mem "$(free -g | awk '/^Mem:/ { print $2 " GB" }')"
  put loadavg "$(cut -d' ' -f1-3 /proc/loadavg)"
  put lector_commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- host || echo ' (host/ modified)')"
  put versions "$(rg --version | head -n 1); Xapian $($PY -c 'import xapian; print(xapian.version_string())'); $(lua5.4 -v 2>&1 | cut -d' ' -f1-2) + LPeg $(lua5.4 -e 'io.write(require"lpeg".version())'); $(hyperfine --version)"
  put runs "$RUNS"
  put once_after "$ONCE_AFTER"
  put store "$STORE"
  put text_bytes "$(find "$DIR" -name .lector -prune -o -type f -name '*.txt' -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1)"
  put files "$(find "$DIR" -name .lector -prune -o -type f -name '*.txt' -print | wc -l)"
  find "$DIR" -name .lector -prune -o -type f -name '*.txt' -print0 | xargs -0 cat > /dev/null   # warm the page cache

  if has_part peers; then
  # -- lector
  if [ "$STORE" = 1 ]; then
    say "lector: build (lector index --rebuild)"
    ./lector index "$DIR" --rebuild --no-annotate > /dev/null   # the first build also warms up
    measure lector_build ./lector index "$DIR" --rebuild --no-annotate
    say "lector: annotated build (lector index --rebuild --annotate: the built-in tagger too)"
    measure lector_build_annotated ./lector index "$DIR" --rebuild --annotate
    ./lector index "$DIR" --rebuild --no-annotate > /dev/null   # the queries below: a plain index
  else
    say "lector: build (in-memory open)"
    measure lector_build ./lector -e "assert(lector.open([[$DIR]]))"
  fi
  say "lector: open, queries, 1M-hit loop (in process)"
  ./lector run bench/lector.lua "$DIR" "$QUERIES" "$RUNS" > "$W/lector.tsv"
  put cmd_lector_queries "./lector run bench/lector.lua $DIR $QUERIES $RUNS"
  store_path=$(awk -F'\t' '$1 == "info_store" { print $2 }' "$W/lector.tsv")
  if [ "$STORE" = 1 ] && [ -n "$store_path" ] && [ -e "$store_path" ]; then
    # the index on disk: the folder DIR/.lector when it is there, else the file lector names
    case $store_path in "$DIR/.lector/"*) store_path=$DIR/.lector ;; esac
    put lector_disk_bytes "$(du -sb "$store_path" | cut -f1)"
    put lector_disk_path "$store_path"
  fi
  if [ "$STORE" = 1 ]; then
    put cmd_lector_open "hyperfine -N \"./lector -e 'lector.open(DIR)'\" (whole process)"
    hyperfine --shell=none --style none --runs "$RUNS" --warmup 1 --export-csv "$W/open.csv" \
      "./lector -e \"assert(lector.open('$DIR'))\"" > /dev/null 2>> "$W/hyperfine.log"
    put lector_open_process_s "$(awk -F, 'NR == 2 { print $4 }' "$W/open.csv")"
  fi

  # -- ripgrep, one process per query (count once, then hyperfine)
  say "ripgrep: $(grep -c '^q' "$QUERIES") queries"
  rss_max=0
  while IFS=$'\t' read -r id _ q; do
    case $id in q*) ;; *) continue ;; esac
    id=${id%\*}
    rg_args "$q"
    set +e
    /usr/bin/time -f %M -o "$W/rg.rss" rg "${RGA[@]}" -g '*.txt' "$DIR" > "$W/rg.out" 2> "$W/rg.err"
    rc=$?
    set -e
    [ "$rc" -le 1 ] || { cat "$W/rg.err" >&2; exit 1; }
    count=$(awk -F: '{ s += $NF } END { print s + 0 }' "$W/rg.out")
    rss=$(tail -n 1 "$W/rg.rss"); [ "$rss" -gt "$rss_max" ] && rss_max=$rss
    hyperfine --shell=none --style none --ignore-failure --runs "$RUNS" --export-csv "$W/rg.csv" \
      "$(quote_args rg "${RGA[@]}" -g '*.txt' "$DIR")" > /dev/null 2>> "$W/hyperfine.log"
    printf 'rg\t%s\t%s\t%s\t%s\n' "$id" "$count" "$(awk -F, 'NR == 2 { print $4 }' "$W/rg.csv")" \
      "rg ${RGA[*]} -g '*.txt' DIR" >> "$W/rg.tsv"
  done < "$QUERIES"
  put rg_rss_kb "$rss_max"
  put cmd_rg "rg --count-matches -i -w -e A [-e B ...] [-U, and \\s+ between the words of a phrase] -g '*.txt' DIR, counts summed over files; hyperfine --shell=none --runs $RUNS"

  # -- Xapian
  say "Xapian: build"
  XDB=$W/xapian.db
  measure xapian_build $PY bench/xapian_peer.py build "$DIR" "$XDB"
  cp "$W/xapian_build.out" "$W/xapian_build.tsv"
  put xapian_disk_bytes "$(du -sb "$XDB" | cut -f1)"
  say "Xapian: open and queries"
  $PY bench/xapian_peer.py query "$XDB" "$QUERIES" "$RUNS" > "$W/xapian.tsv"
  put cmd_xapian_query "$PY bench/xapian_peer.py query DB $QUERIES $RUNS"
  rm -rf "$XDB"

  # -- Lua + LPeg, one pass for all queries
  say "lua5.4 + LPeg: scan"
  measure lpeg_scan lua5.4 bench/lpeg_scan.lua "$QUERIES" "$DIR"
  cp "$W/lpeg_scan.out" "$W/lpeg.tsv"

  # -- where lector and ripgrep count differently, find out why
  differ=$(awk -F'\t' 'FNR == NR { if ($1 == "q") l[$2] = $3; next } ($3 != l[$2]) { printf "%s ", $2 }' \
    "$W/lector.tsv" "$W/rg.tsv")
  if [ -n "$differ" ]; then
    say "counts differ on $differ; looking at why"
    # shellcheck disable=SC2086
    ./lector run bench/agree.lua "$DIR" "$QUERIES" $differ > "$W/agree.tsv"
  fi
  fi   # peers

  # -- the shipped analyses, each a whole process on the stored (plain) index, beside its build
  if has_part analyses; then
    if ! has_part peers; then
      say "lector: build (lector index --rebuild)"
      ./lector index "$DIR" --rebuild --no-annotate > /dev/null
      measure lector_build ./lector index "$DIR" --rebuild --no-annotate
    fi
    # mentions and report twice: with the entities found in the corpus itself (no lexicon: every
    # document is read), and with a given lexicon (the seed corpus's curated list), found through
    # the index
    ANALYSES=${ANALYSES:-mentions mentions_lexicon resolutions positions report report_lexicon}
    put analyses "$ANALYSES"
    analysis() {   # analysis NAME CORPUS OUTDIR: the command line of one analysis, in CMDLINE
      case $1 in
        mentions_lexicon) CMDLINE=(./lector run scripts/mentions.lua --corpus "$2" --entities "$ROOT/corpus/entities.lua" --format tsv) ;;
        report) CMDLINE=(./lector run scripts/report.lua --corpus "$2" --out "$3/report.html") ;;
        report_lexicon) CMDLINE=(./lector run scripts/report.lua --corpus "$2" --entities "$ROOT/corpus/entities.lua" --out "$3/report.html") ;;
        *) CMDLINE=(./lector run "scripts/$1.lua" --corpus "$2" --format tsv) ;;
      esac
    }
    for a in $ANALYSES; do
      say "analysis: $a"
      analysis "$a" "$DIR" "$W"
      measure "an_$a" "${CMDLINE[@]}"
      put "an_${a}_rows" "$(wc -l < "$W/an_$a.out")"
    done
    say "analyses on the seed corpus (corpus/)"
    ./lector index corpus > /dev/null
    for a in $ANALYSES; do
      analysis "$a" corpus "$W"
      measure "seed_$a" "${CMDLINE[@]}"
    done
  fi
  put loadavg_end "$(cut -d' ' -f1-3 /proc/loadavg)"
  put bench_wall_s "$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')"

  mkdir -p bench/results
  if has_part peers; then
    lua5.4 bench/report.lua "$W" "$QUERIES" > "bench/results/$DATE-$TIER.md"
    cat "bench/results/$DATE-$TIER.md"
  fi
  if has_part analyses; then
    lua5.4 bench/analyses.lua "$W" > "bench/results/$DATE-$TIER-analyses.md"
    cat "bench/results/$DATE-$TIER-analyses.md"
  fi
  say "$TIER done in $(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }') s: bench/results/$DATE-$TIER*.md"
done
