# The HTML report in a real browser (ctest -L report): headless Chromium loads
# it with no console message, its DOM holds the diagrams and tables, and a
# screenshot is non-trivial (size and many distinct pixel colours). SKIPPED
# (exit 77) where Chromium is not installed: it is not in scripts/setup.sh,
# `apt-get install chromium` enables the test.
#
# This file is both the ctest registration (included by tests/CMakeLists.txt)
# and the test itself (run as `cmake -P` with BIN, SRC, OUT, PYTHON set).
if(NOT CMAKE_SCRIPT_MODE_FILE)
  find_program(ACTORGRAPH_PYTHON3 python3)
  # The browser is looked up when the test runs, so installing it later needs no
  # reconfigure; the shell wrapper turns "not installed" into ctest's skip code.
  add_test(NAME report_chromium
           COMMAND /bin/sh -c "for b in chromium chromium-browser google-chrome; do command -v $b >/dev/null && ACTORGRAPH_BROWSER=$(command -v $b) exec \"$0\" \"$@\"; done; echo 'SKIPPED: Chromium is not installed (apt-get install chromium to run this test)'; exit 77"
                   ${CMAKE_COMMAND} -DBIN=$<TARGET_FILE:actorgraph> -DSRC=${CMAKE_SOURCE_DIR}
                   -DOUT=${CMAKE_CURRENT_BINARY_DIR}/report-test -DPYTHON=${ACTORGRAPH_PYTHON3}
                   -P ${CMAKE_CURRENT_LIST_FILE})
  set_tests_properties(report_chromium PROPERTIES LABELS report SKIP_RETURN_CODE 77 TIMEOUT 180)
  return()
endif()

set(BROWSER $ENV{ACTORGRAPH_BROWSER})
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
set(html ${OUT}/report.html)

# Two articles of our own (German and English): a merged section plus one each.
file(GLOB articles ${SRC}/tests/golden/*.txt)
list(SORT articles)
execute_process(COMMAND ${BIN} report ${articles} -o ${html} --title "Report <test>"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "actorgraph report failed (${rc}): ${err}")
endif()

# Self-contained: no script, no external resource; only the SVG namespace URIs.
file(READ ${html} page)
foreach(bad "<script" "<link" " src=" "url(" "@import")
  string(FIND "${page}" "${bad}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "report is not self-contained: found '${bad}'")
  endif()
endforeach()
string(REGEX MATCHALL "https?://[^\"' <>]*" urls "${page}")
foreach(u IN LISTS urls)
  if(NOT u MATCHES "^http://www\\.w3\\.org/")
    message(FATAL_ERROR "report refers to ${u}")
  endif()
endforeach()

set(chrome_flags --headless --no-sandbox --disable-gpu --disable-background-networking
    --disable-component-update --disable-sync --no-first-run --disable-extensions
    --enable-logging=stderr --v=0 --hide-scrollbars)

# 1. Load it and dump the DOM after loading; console messages go to stderr.
file(REMOVE_RECURSE ${OUT}/profile-dom)
execute_process(COMMAND ${BROWSER} ${chrome_flags} --user-data-dir=${OUT}/profile-dom --dump-dom file://${html}
                RESULT_VARIABLE rc OUTPUT_VARIABLE dom ERROR_VARIABLE log TIMEOUT 90)
file(WRITE ${OUT}/chromium-dom.log "${log}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "chromium --dump-dom failed (${rc}), see ${OUT}/chromium-dom.log")
endif()
string(REGEX MATCHALL "[^\n]*:CONSOLE[^\n]*" console "${log}")
if(console)
  message(FATAL_ERROR "console messages while loading the report:\n${console}")
endif()
string(REGEX MATCHALL "<svg" svgs "${dom}")
list(LENGTH svgs n_svg)
if(NOT n_svg EQUAL 3)
  message(FATAL_ERROR "expected 3 diagrams (merged + 2 articles) in the DOM, found ${n_svg}")
endif()
foreach(want "<title>Report &lt;test&gt;</title>" "id=\"merged\"" "<mark>" "row-edge-" "class=\"node\"")
  string(FIND "${dom}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the loaded page lacks ${want}")
  endif()
endforeach()

# 2. Screenshot, and check it shows something: a plausible PNG with many
#    distinct colours (a blank or error page has a handful).
file(REMOVE_RECURSE ${OUT}/profile-shot)
set(shot ${OUT}/report.png)
file(REMOVE ${shot})
execute_process(COMMAND ${BROWSER} ${chrome_flags} --user-data-dir=${OUT}/profile-shot --window-size=1280,1600
                        --screenshot=${shot} file://${html}
                RESULT_VARIABLE rc ERROR_VARIABLE log TIMEOUT 90)
if(NOT rc EQUAL 0 OR NOT EXISTS ${shot})
  message(FATAL_ERROR "chromium --screenshot failed (${rc})")
endif()
file(SIZE ${shot} size)
if(size LESS 30000)
  message(FATAL_ERROR "screenshot ${shot} is only ${size} bytes")
endif()
set(png_check [=[
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height = 8, b"", 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), (depth, ctype)
        bpp = 3 if ctype == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = width * bpp
prev = bytearray(stride)
colours = set()
for y in range(height):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 4 == 0:
        colours.update(bytes(line[x:x + 3]) for x in range(0, stride, bpp * 2))
    prev = line
assert width >= 1000 and height >= 1000, (width, height)
assert len(colours) >= 50, "only %d distinct colours: blank page?" % len(colours)
print("screenshot %dx%d, %d distinct colours" % (width, height, len(colours)))
]=])
execute_process(COMMAND ${PYTHON} -c "${png_check}" ${shot} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "screenshot check failed: ${out}${err}")
endif()
message(STATUS "report_chromium: ${out}screenshot kept at ${shot}")
