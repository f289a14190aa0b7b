#!/usr/bin/env python3
"""Derive storybot's list of place names (src/words/place_names.txt).

Source: WordNet 3.0 (Princeton University, the WordNet 3.0 licence: use, copy, modify and
distribute with its copyright notice kept), as shipped in Debian's package `wordnet-base`
(file data.noun under /usr/share/wordnet).

A name is kept when it is a noun of WordNet's lexicographer file noun.location (15) written
with capitals, one or more words ("UK", "South Africa", "Cardiff"), underscores read as
spaces. The rules read it to tell a place before a title ("US Treasury Under-Secretary John
Taylor", "South Africa Finance Minister Trevor Manuel") from the organisation a title is held
at ("Oracle CEO Larry Ellison").

Usage:
    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
    python3 scripts/derive_place_names.py wn/usr/share/wordnet > src/words/place_names.txt

The output is deterministic: the same input gives the same bytes.
"""
import re
import sys

from derive_person_nouns import WORDNET_NOTICE, synsets, words_of, write_list

HEADER = """\
# Place names written with capitals ("UK", "South Africa"), one per line.
# Derived from WordNet 3.0 by scripts/derive_place_names.py, which says how.
""" + WORDNET_NOTICE

LOCATION_FILE = "15"


def main():
    names = {
        word.replace("_", " ")
        for fields in synsets(sys.argv[1], "noun")
        if fields[1] == LOCATION_FILE
        for word in words_of(fields)
    }
    write_list(HEADER, {n for n in names if re.fullmatch(r"[A-Z][A-Za-z.'-]*( [A-Z][A-Za-z.'-]*)*", n)})


if __name__ == "__main__":
    main()
