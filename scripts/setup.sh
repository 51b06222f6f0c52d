#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: installs the packages actorgraph needs,
# builds a Release binary into build/, and runs the main job on an example article.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git
  libboost-graph-dev      # Boost.Graph: the graph model, centrality, components
  libgraphviz-dev graphviz # libgvc/libcgraph: layout and SVG/PNG/PDF rendering in-process
  libcli11-dev            # command line
  catch2                  # unit tests (v2.13)
  libicu-dev              # segmentation, case folding, normalisation
  nlohmann-json3-dev      # JSON input/output
  libsqlite3-dev          # the embedded corpus store
  sqlite3                 # the README's example queries on the store (not needed by actorgraph)
  man-db                  # the install test reads the generated man page (man -l)
  libbenchmark-dev        # stage micro-benchmarks
  time                    # scripts/bench.sh: peak RSS (/usr/bin/time)
  hyperfine               # scripts/bench.sh: start-up latency of one article
  python3                 # test helpers and data scripts
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"

echo
echo "setup: build/actorgraph is ready. Example: build/actorgraph extract examples/lawrow-visit.txt"
build/actorgraph extract examples/lawrow-visit.txt --format json -o build/example.json
build/actorgraph extract examples/lawrow-visit.txt -o build/example.dot
echo "setup: wrote build/example.json and build/example.dot:"
cat build/example.dot
