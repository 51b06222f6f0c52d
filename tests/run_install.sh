#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs what was installed.
#   tests/run_install.sh CMAKE BUILD_DIR
set -euo pipefail
cmake=$1
build=$2
prefix=$(mktemp -d "${TMPDIR:-/tmp}/actorgraph-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
fail() { echo "install_prefix: $*" >&2; exit 1; }

"$cmake" --install "$build" --prefix "$prefix" >/dev/null
bin=$prefix/bin/actorgraph
[ -x "$bin" ] || fail "no binary at $bin"
man=$prefix/share/man/man1/actorgraph.1
bash_completion=$prefix/share/bash-completion/completions/actorgraph
zsh_completion=$prefix/share/zsh/site-functions/_actorgraph
for f in "$man" "$bash_completion" "$zsh_completion" "$prefix/share/doc/actorgraph/LICENSE" \
         "$prefix/share/doc/actorgraph/NOTICE"; do
  [ -s "$f" ] || fail "not installed: $f"
done

# The installed binary, run from an empty directory: version, and a graph from stdin.
cd "$prefix"
version=$("$bin" --version)
[[ $version =~ ^actorgraph\ [0-9.]+\ \(commit\ [0-9a-f+a-z]+,\ data\ [0-9a-f]{16}\)$ ]] || fail "--version: $version"
out=$(printf 'Russland liefert Waffen an Nordkorea.\n' | "$bin" extract - --format json)
grep -q '"source": "RUS"' <<<"$out" || fail "extract from the installed binary: $out"
grep -qF "\"generator\": \"$version\"" <<<"$out" || fail "the JSON graph does not name $version"

# The man page: every command, the version; man reads it when it is installed.
grep -q '^\.TH ACTORGRAPH 1' "$man" || fail "man page without .TH"
for c in extract explain report render diff merge compare analyze eval train data 'db add' 'db graph' 'db stats'; do
  grep -q "^\.SS \"$c\"" "$man" || fail "man page without the command $c"
done
grep -qF -- "--id" "$man" || fail "man page without the --id option"
if command -v man >/dev/null; then
  MANWIDTH=100 man -l "$man" 2>/dev/null | grep -q "actor-relationship graphs" || fail "man cannot read the page"
fi

# Completions: they parse, and complete commands, subcommands and options.
bash -n "$bash_completion" || fail "bash completion does not parse"
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _actorgraph; echo "${COMPREPLY[*]}"' _ "$bash_completion" "$@"
}
[ "$(complete_words actorgraph ex)" = "extract explain" ] || fail "bash: 'actorgraph ex' gives '$(complete_words actorgraph ex)'"
[ "$(complete_words actorgraph db a)" = "add" ] || fail "bash: 'actorgraph db a' gives '$(complete_words actorgraph db a)'"
[[ " $(complete_words actorgraph db add --re) " == *" --replace "* ]] || fail "bash: no --replace for db add"
[[ " $(complete_words actorgraph extract --js) " == *" --jsonl "* ]] || fail "bash: no --jsonl for extract"
if command -v zsh >/dev/null; then
  zsh -n "$zsh_completion" || fail "zsh completion does not parse"
fi
grep -q '^#compdef actorgraph' "$zsh_completion" || fail "zsh completion without #compdef"
echo "install_prefix: ok ($prefix)"
