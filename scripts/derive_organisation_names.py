#!/usr/bin/env python3
"""Derive storybot's list of organisation names (src/words/organisation_names.txt).

Source: WordNet 3.0 (Princeton University, the WordNet 3.0 licence: use, copy, modify and
distribute with its copyright notice kept), as shipped in Debian's package `wordnet-base`
(file data.noun under /usr/share/wordnet).

A name is kept when it is a noun written with capitals ("Labour", "World Bank", "NATO",
"IMF"), underscores read as spaces, of a synset that is a kind or an instance of
`organization` (08008335), following hypernym and instance-hypernym pointers; and when no
synset outside that tree has the same name, so that a name that can mean something else is
left out ("Washington", a city and a person too; "Europe", a continent; "AI", artificial
intelligence too; "White House", a building too). The rules read it to tell a name the story
writes without any organisation word in it ("Labour said", "the EU") from a person or
a place.

Usage:
    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
    python3 scripts/derive_organisation_names.py wn/usr/share/wordnet > src/words/organisation_names.txt

The output is deterministic: the same input gives the same bytes.
"""
import re
import sys

from derive_person_nouns import WORDNET_NOTICE, pointers_of, synsets, words_of, write_list

HEADER = """\
# Organisation names written with capitals ("Labour", "World Bank", "NATO"), one per line.
# Derived from WordNet 3.0 by scripts/derive_organisation_names.py, which says how.
""" + WORDNET_NOTICE

ORGANIZATION = "08008335"
NAME = re.compile(r"[A-Z][A-Za-z.'&-]*( [A-Za-z.'&-]+)*")


def main():
    hypernyms, names = {}, {}
    for fields in synsets(sys.argv[1], "noun"):
        hypernyms[fields[0]] = [offset for symbol, offset in pointers_of(fields) if symbol in ("@", "@i")]
        names[fields[0]] = {re.sub(r"\(.*\)$", "", w).replace("_", " ") for w in words_of(fields)}

    known = {}

    def is_organisation(offset):
        if offset == ORGANIZATION:
            return True
        if offset not in known:
            known[offset] = False
            known[offset] = any(is_organisation(h) for h in hypernyms.get(offset, []))
        return known[offset]

    inside, outside = set(), set()
    for offset, words in names.items():
        (inside if is_organisation(offset) else outside).update(words)
    write_list(HEADER, {n for n in inside - outside if NAME.fullmatch(n)})


if __name__ == "__main__":
    main()
