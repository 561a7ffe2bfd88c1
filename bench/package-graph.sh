#!/usr/bin/env bash
# Package sizes and the import graph of the main code, from the compiled classes (jdeps), plus the package cycles.
# Prints a Markdown table: package, classes, source lines, the project packages it imports; then every cycle
# (strongly connected component of more than one package).
# usage: bench/package-graph.sh [classes_dir=target/classes]   (run ./mvnw -B -q compile first)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLASSES=${1:-$ROOT/target/classes}
[ -d "$CLASSES/io/torghut/prober" ] || { echo "no compiled classes in $CLASSES: run ./mvnw -B -q compile" >&2; exit 1; }
EDGES=$(mktemp)
trap 'rm -f "$EDGES"' EXIT
jdeps -verbose:package -e 'io\.torghut\.prober.*' "$CLASSES" \
  | awk '$1 ~ /^io\.torghut\.prober/ && $2 == "->" && $3 ~ /^io\.torghut\.prober/ && $1 != $3 {print $1, $3}' \
  | sort -u >"$EDGES"
python3 - "$ROOT/src/main/java" "$CLASSES" "$EDGES" <<'PY'
import os, sys
src, classes, edges_file = sys.argv[1], sys.argv[2], sys.argv[3]
prefix = "io.torghut.prober."
def short(p): return p[len(prefix):] if p.startswith(prefix) else p
sizes = {}
for d, _, files in os.walk(os.path.join(src, "io/torghut/prober")):
    java = [f for f in files if f.endswith(".java")]
    if not java: continue
    pkg = short(os.path.relpath(d, src).replace("/", "."))
    lines = sum(sum(1 for _ in open(os.path.join(d, f), encoding="utf-8")) for f in java)
    sizes[pkg] = [len(java), lines]
graph = {p: set() for p in sizes}
for line in open(edges_file):
    a, b = line.split()
    graph.setdefault(short(a), set()).add(short(b))
# Tarjan's strongly connected components
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in graph.get(v, ()):
        if w not in index: visit(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in sorted(graph):
    if v not in index: visit(v)
print("| package | classes | lines | imports (project packages) |")
print("|---|---:|---:|---|")
for p in sorted(graph):
    n, l = sizes.get(p, [0, 0])
    print(f"| {p} | {n} | {l} | {', '.join(sorted(graph[p])) or '-'} |")
print(f"\npackages: {len(graph)}, edges: {sum(len(v) for v in graph.values())}, cycles: {len(sccs)}")
for c in sccs:
    print("cycle: " + " <-> ".join(c))
PY
