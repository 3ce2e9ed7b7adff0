#!/usr/bin/env bash
# Writes the libFuzzer dictionary for fuzz target `analyze` to stdout: the words our
# lexicons match on (titles and ranks, agencies, institutions from data/*.tsv; month
# and holiday words from the time lexicon's source), plus the typographic characters
# that sit beside them in real copy. Regenerated on every run, so it follows the data.
set -euo pipefail
cd "$(dirname "$0")/../.."

# A libFuzzer dictionary entry: "..." of printable ASCII, with \ and " escaped and
# every other byte (the UTF-8 of ’ — © ...) written as \xNN.
entry() {
  LC_ALL=C perl -ne 'chomp; s/([\\"])/\\$1/g; s/([^\x20-\x7e])/sprintf("\\x%02x", ord $1)/ge; print "\"$_\"\n"'
}

{
  # titles.tsv: phrase (col 1) and acronym (col 3).
  grep -v '^#' data/titles.tsv | awk -F'\t' '{print $1; if ($3 != "") print $3}'
  # agencies.tsv: name (col 2), aliases and handles (cols 4, 5, '|'-separated).
  grep -v '^#' data/agencies.tsv | awk -F'\t' '{print $2; print $4; print $5}' | tr '|' '\n'
  grep -v '^#' data/institutions.tsv
  # Month names and abbreviations: the match arms of the time lexicon.
  grep -oE '"[a-z]+"( \| "[a-z.]+")* => ([1-9]|1[0-2]),' src/time/lexicon.rs \
    | grep -oE '"[a-z.]+"' | tr -d '"' | sed -n '1,40p' \
    | awk '{print; print toupper(substr($0,1,1)) substr($0,2)}'
  # Holiday words.
  sed -n '/HOLIDAY_WORDS/,/];/p' src/time/holiday.rs | grep -oE '"[a-z]+"' | tr -d '"' \
    | awk '{print toupper(substr($0,1,1)) substr($0,2)}'
  # Header, dateline and boilerplate cues.
  printf '%s\n' "By " "Published" "Updated:" "(Reuters) -" "(AP) —" "/TASS/." " -- " \
    "Read more:" "Advertisement" "Share this article" "All rights reserved" "GMT" "ET" \
    "a.m." "p.m." "hours ago" "Reporting by" "Editing by" "©" "@"
} | grep -v '^$' | sort -u | entry

# Typographic characters, as UTF-8 byte escapes (NBSP, soft hyphen, ZWJ, ZWNJ, ZWSP,
# BOM, curly quotes, dashes, ellipsis, line and paragraph separators).
for c in '\xe2\x80\x99' '\xe2\x80\x98' '\xe2\x80\x9c' '\xe2\x80\x9d' '\xe2\x80\x94' \
  '\xe2\x80\x93' '\xe2\x80\xa6' '\xc2\xa0' '\xc2\xad' '\xe2\x80\x8d' '\xe2\x80\x8c' \
  '\xe2\x80\x8b' '\xef\xbb\xbf' '\xe2\x80\xa8' '\xe2\x80\xa9' '\xc2\xab' '\xc2\xbb' '\x0d\x0a'; do
  printf '"%s"\n' "$c"
done
