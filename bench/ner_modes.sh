#!/bin/sh
# Entity (and relation) P/R/F1 of the three --ner modes on the development gold:
#   sh bench/ner_modes.sh [CORPUS_DIR] [GOLD_DIR]
# (defaults ../shared/corpus and ../shared/gold; run from the repository root).
set -e
CORPUS=${1:-../shared/corpus}
GOLD=${2:-../shared/gold}
KG=${KG:-.venv/bin/kg}
SCORE=${SCORE:-$(dirname "$GOLD")/eval/score.py}
OUT=${TMPDIR:-/tmp}/kg-ner-modes
mkdir -p "$OUT"
for mode in rules model both; do
  "$KG" extract --ner "$mode" --format json "$CORPUS"/*.txt > "$OUT/$mode.json"
  echo "== --ner $mode"
  python3 "$SCORE" "$GOLD" "$OUT/$mode.json" | sed -n '1,6p;$p'
done
