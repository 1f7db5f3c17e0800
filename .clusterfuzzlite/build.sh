#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build: uses $CC $CXX $CFLAGS $CXXFLAGS $LIB_FUZZING_ENGINE and
# writes each fuzzer, its .options, .dict and <fuzzer>_seed_corpus.zip to $OUT. The source is
# the checkout this script sits in (or $SRC/fmconf once copied to $SRC/build.sh).
# Try it locally:
#   CC=clang-14 CXX=clang++-14 CFLAGS="-fsanitize=address,fuzzer-no-link" \
#   CXXFLAGS="-fsanitize=address,fuzzer-no-link" LIB_FUZZING_ENGINE=-fsanitize=fuzzer \
#   OUT=/tmp/out SRC=/work bash .clusterfuzzlite/build.sh
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -f $here/../fuzz/CMakeLists.txt ]]; then
  root=$(cd "$here/.." && pwd)
else
  root=$SRC/fmconf
fi
build=${WORK:-/tmp}/fmconf-fuzz-build
targets=(fuzz_program fuzz_handles fuzz_names fuzz_casefile)  # fuzz_differential needs Wine

# The engine's flags come from $CXXFLAGS; FMCONF_FUZZ_SANITIZE="" keeps CMake from adding its own.
cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DFMCONF_FUZZ=ON -DFMCONF_FUZZ_SANITIZE= -DFMCONF_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" \
  -DFMCONF_TESTS=OFF -DFMCONF_BENCH=OFF
cmake --build "$build" -j "${FMCONF_BUILD_JOBS:-2}" --target "${targets[@]}"

mkdir -p "$OUT"
for t in "${targets[@]}"; do
  cp "$build/$t" "$OUT/"
  for extra in options dict; do
    [[ -f $root/fuzz/$t.$extra ]] && cp "$root/fuzz/$t.$extra" "$OUT/"
  done
  if [[ -d $root/corpus/fuzz/$t ]]; then
    rm -f "$OUT/${t}_seed_corpus.zip"
    (cd "$root/corpus/fuzz/$t" && python3 -c 'import os,sys,zipfile
z = zipfile.ZipFile(sys.argv[1], "w")
[z.write(f) for f in sorted(os.listdir("."))]' "$OUT/${t}_seed_corpus.zip")
  fi
done
echo "fmconf: ${targets[*]} in $OUT"
