# Rendering and exports through the real binary (ctest -L render): SVG/PNG/PDF
# from extract and render are valid (SVG parsed as XML by python3, every actor
# named; PNG/PDF magic and size), deterministic, DOT/JSON render back, bad input
# gives exit 1/2 with no output file, GraphML loads in NetworkX when installed.
#
# This file is both the ctest registration (included by tests/CMakeLists.txt)
# and the test itself (run as `cmake -P` with BIN, SRC and OUT set).
if(NOT CMAKE_SCRIPT_MODE_FILE)
  find_program(ACTORGRAPH_PYTHON3 python3)
  add_test(NAME render_cli
           COMMAND ${CMAKE_COMMAND} -DBIN=$<TARGET_FILE:actorgraph> -DSRC=${CMAKE_SOURCE_DIR}
                   -DOUT=${CMAKE_CURRENT_BINARY_DIR}/render-test -DPYTHON=${ACTORGRAPH_PYTHON3}
                   -P ${CMAKE_CURRENT_LIST_FILE})
  set_tests_properties(render_cli PROPERTIES LABELS render TIMEOUT 120)
  return()
endif()

function(run expect_rc)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL "${expect_rc}")
    message(FATAL_ERROR "expected exit ${expect_rc}, got ${rc}: ${ARGN}\n${out}\n${err}")
  endif()
  set(run_out "${out}" PARENT_SCOPE)
  set(run_err "${err}" PARENT_SCOPE)
endfunction()

# magic: the expected first bytes in lower-case hex.
function(check_magic file magic min_size)
  file(SIZE ${file} size)
  if(size LESS ${min_size})
    message(FATAL_ERROR "${file}: ${size} bytes, expected at least ${min_size}")
  endif()
  string(LENGTH "${magic}" n)
  math(EXPR n "${n} / 2")
  file(READ ${file} head LIMIT ${n} HEX)
  if(NOT head STREQUAL magic)
    message(FATAL_ERROR "${file}: starts with ${head}, expected ${magic}")
  endif()
endfunction()

file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
if(NOT PYTHON)
  message(FATAL_ERROR "python3 not found (scripts/setup.sh installs it)")
endif()

# SVG: XML, and every actor's name (from the JSON export) among its texts.
set(svg_check [=[
import json, sys, xml.etree.ElementTree as ET
svg, graph = sys.argv[1], sys.argv[2]
root = ET.parse(svg).getroot()
assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
texts = {"".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")}
names = [a["name"] for a in json.load(open(graph, encoding="utf-8"))["actors"]]
missing = [n for n in names if n not in texts]
assert not missing, "actor labels missing from %s: %s" % (svg, missing)
print("%s: XML ok, %d actor labels" % (svg, len(names)))
]=])

file(GLOB articles ${SRC}/tests/golden/*.txt)
list(SORT articles)
foreach(txt IN LISTS articles)
  get_filename_component(name ${txt} NAME_WE)
  set(base ${OUT}/${name})
  run(0 ${BIN} extract ${txt} -o ${base}.json)
  run(0 ${BIN} extract ${txt} -o ${base}.dot)
  foreach(fmt svg png pdf)
    run(0 ${BIN} extract ${txt} --format ${fmt} -o ${base}.${fmt})
    run(0 ${BIN} extract ${txt} -o ${base}.again.${fmt})
    file(SHA256 ${base}.${fmt} a)
    file(SHA256 ${base}.again.${fmt} b)
    if(NOT a STREQUAL b)
      message(FATAL_ERROR "${fmt} output of ${name} differs between two runs")
    endif()
  endforeach()
  check_magic(${base}.png "89504e470d0a1a0a" 5000)
  check_magic(${base}.pdf "255044462d312e" 3000)  # %PDF-1.
  file(STRINGS ${base}.pdf eof REGEX "^%%EOF")
  if(NOT eof)
    message(FATAL_ERROR "${base}.pdf has no %%EOF")
  endif()
  run(0 ${PYTHON} -c "${svg_check}" ${base}.svg ${base}.json)
  message(STATUS "${run_out}")
  # render reads DOT and JSON back; every engine draws it.
  foreach(layout dot neato fdp circo sfdp)
    run(0 ${BIN} render ${base}.dot --layout ${layout} -o ${base}.${layout}.svg)
    run(0 ${PYTHON} -c "${svg_check}" ${base}.${layout}.svg ${base}.json)
  endforeach()
  run(0 ${BIN} render ${base}.json -o ${base}.from-json.png)
  check_magic(${base}.from-json.png "89504e470d0a1a0a" 5000)
  foreach(fmt graphml csv events)
    run(0 ${BIN} extract ${txt} --format ${fmt} -o ${base}.${fmt})
  endforeach()
endforeach()

# Plugins are registered in code: a Graphviz plugin directory without plugins
# or config (GVBINDIR, which makes the `dot` program itself fail) changes nothing.
file(MAKE_DIRECTORY ${OUT}/no-plugins)
run(0 ${CMAKE_COMMAND} -E env GVBINDIR=${OUT}/no-plugins ${BIN} render ${OUT}/en-summit.dot -o ${OUT}/gvbindir.png)
file(SHA256 ${OUT}/gvbindir.png a)
run(0 ${BIN} render ${OUT}/en-summit.dot -o ${OUT}/plain.png)
file(SHA256 ${OUT}/plain.png b)
if(NOT a STREQUAL b)
  message(FATAL_ERROR "rendering depends on GVBINDIR")
endif()

# --no-evidence quotes no sentence: the evidence tooltip lines ("• ...") are gone.
run(0 ${BIN} render ${OUT}/en-summit.json -o ${OUT}/with.dot)
run(0 ${BIN} render ${OUT}/en-summit.json --no-evidence -o ${OUT}/without.dot)
file(READ ${OUT}/with.dot with)
file(READ ${OUT}/without.dot without)
if(NOT with MATCHES "• " OR without MATCHES "• ")
  message(FATAL_ERROR "--no-evidence: evidence lines present or missing wrongly")
endif()

# Several graphs render as their union.
run(0 ${BIN} render ${OUT}/de-sanktionen.json ${OUT}/en-summit.dot -o ${OUT}/union.dot)
file(READ ${OUT}/union.dot union)
if(NOT union MATCHES "articles=2" OR NOT union MATCHES "code=\"USA\"" OR NOT union MATCHES "code=\"DEU\"")
  message(FATAL_ERROR "union of two graphs lacks actors or article count:\n${union}")
endif()

# Bad input: exit 1 (input) or 2 (usage), one line on stderr, no output file.
file(WRITE ${OUT}/broken.dot "digraph { DEU -> ")
run(1 ${BIN} render ${OUT}/broken.dot -o ${OUT}/broken.svg)
if(EXISTS ${OUT}/broken.svg OR NOT run_err MATCHES "broken.dot: malformed DOT")
  message(FATAL_ERROR "malformed DOT: ${run_err}")
endif()
file(WRITE ${OUT}/untyped.dot "digraph { DEU -> FRA }")
run(1 ${BIN} render ${OUT}/untyped.dot -o ${OUT}/untyped.svg)
if(NOT run_err MATCHES "edge DEU -> FRA has no type")
  message(FATAL_ERROR "untyped edge: ${run_err}")
endif()
run(2 ${BIN} render ${OUT}/en-summit.dot --layout nonsense -o ${OUT}/x.svg)
run(2 ${BIN} extract ${SRC}/tests/golden/en-summit.txt --format gif -o ${OUT}/x.gif)
run(1 ${BIN} render ${OUT}/does-not-exist.dot -o ${OUT}/x.svg)

# report: one bad article is skipped (exit 3), only bad ones write nothing (exit 1).
file(WRITE ${OUT}/empty.txt "")
run(3 ${BIN} report ${OUT}/empty.txt ${SRC}/tests/golden/en-summit.txt -o ${OUT}/partial.html)
if(NOT EXISTS ${OUT}/partial.html)
  message(FATAL_ERROR "report with one good article wrote nothing")
endif()
run(1 ${BIN} report ${OUT}/empty.txt -o ${OUT}/none.html)
if(EXISTS ${OUT}/none.html)
  message(FATAL_ERROR "report without any good article wrote a file")
endif()

# GraphML in NetworkX (skipped when NetworkX is not installed) and the CSV/events
# with python's csv and json modules.
set(ecosystem_check [=[
import csv, json, sys
base = sys.argv[1]
graph = json.load(open(base + ".json", encoding="utf-8"))
rows = list(csv.reader(open(base + ".csv", encoding="utf-8", newline="")))
assert rows[0] == ["source", "target", "type", "directed", "modality", "count", "first evidence"], rows[0]
assert len(rows) - 1 == len(graph["edges"]), (len(rows), len(graph["edges"]))
events = [json.loads(line) for line in open(base + ".events", encoding="utf-8")]
assert len(events) == sum(len(e["evidence"]) for e in graph["edges"])
try:
    import networkx as nx
except ImportError:
    print("networkx not installed: GraphML not loaded in NetworkX")
    sys.exit(0)
g = nx.read_graphml(base + ".graphml")
assert g.number_of_nodes() == len(graph["actors"]), g.number_of_nodes()
assert g.number_of_edges() == len(graph["edges"]), g.number_of_edges()
for u, v, d in g.edges(data=True):
    assert d["type"] and d["modality"] and isinstance(d["directed"], bool) and d["count"] >= 1
print("%s: NetworkX read %d nodes, %d edges" % (base, g.number_of_nodes(), g.number_of_edges()))
]=])
foreach(txt IN LISTS articles)
  get_filename_component(name ${txt} NAME_WE)
  run(0 ${PYTHON} -c "${ecosystem_check}" ${OUT}/${name})
  message(STATUS "${run_out}")
endforeach()
message(STATUS "render_cli: all checks passed")
