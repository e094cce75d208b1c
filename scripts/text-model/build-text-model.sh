#!/usr/bin/env bash
# Builds terse's text model into models/terse-text-keep from ../shared (docs/text-model.md says what,
# from which data, with which labels). CI never runs this: tests and the offline default use the
# committed folder. Also rebuilds the tiny layout fixtures the tests load. About an hour on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Debian's torch and onnx; OpenBLAS because the reference BLAS trains about 3x slower.
if ! /usr/bin/python3 -c 'import torch, onnx' 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]; then
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends python3-torch python3-onnx libopenblas0-pthread
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
model=models/terse-text-keep
build="$work/terse-text-keep"

npx tsx scripts/text-model/derive-training-blocks.ts "$work/blocks.jsonl"
/usr/bin/python3 scripts/text-model/train-text-model.py vocab "$work/blocks.jsonl" "$build"
npx tsx scripts/text-model/tokenize-training-blocks.ts "$work/blocks.jsonl" "$build" "$work/ids.jsonl"
/usr/bin/python3 -W ignore scripts/text-model/train-text-model.py train "$work/ids.jsonl" "$build" | tee "$build/training-log.txt"
npx tsx scripts/text-model/evaluate-text-model.ts "$work/blocks.jsonl" "$build"
cp scripts/text-model/model-card.md "$build/README.md"
rm -rf "$model"
mkdir -p models
cp -r "$build" "$model"
/usr/bin/python3 scripts/text-model/build-layout-fixtures.py src/compressors/text-model/__fixtures__
echo "built $model ($(du -sh "$model" | cut -f1))"
