#!/usr/bin/env python3
"""Derive storybot's list of the full names of well-known people (src/words/person_names.txt).

Source: WordNet 3.0 (Princeton University, the WordNet 3.0 licence: use, copy, modify and
distribute with its copyright notice kept), as shipped in Debian's package `wordnet-base`
(file data.noun under /usr/share/wordnet).

A name is kept when it is a name of two or more words written with capitals ("Saddam Hussein",
"Vladimir Putin", "Yasser Arafat"), underscores read as spaces, of a synset of WordNet's
lexicographer file noun.person (18) that is an instance (an `@i` pointer: one person, not a
kind of person); and when no synset other than such an instance has the same name. The rules
read it to know a person the story names in passing, with no title, role or first name they
know ("claims that Saddam Hussein had stockpiles").

Usage:
    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
    python3 scripts/derive_person_names.py wn/usr/share/wordnet > src/words/person_names.txt

The output is deterministic: the same input gives the same bytes.
"""
import re
import sys

from derive_person_nouns import PERSON_FILE, WORDNET_NOTICE, pointers_of, synsets, words_of, write_list

HEADER = """\
# Full names of well-known people ("Saddam Hussein", "Vladimir Putin"), one per line.
# Derived from WordNet 3.0 by scripts/derive_person_names.py, which says how.
""" + WORDNET_NOTICE

NAME = re.compile(r"[A-Z][A-Za-z'-]*\.?( [A-Z][A-Za-z'-]*\.?)+")


def main():
    people, other = set(), set()
    for fields in synsets(sys.argv[1], "noun"):
        instance = "@i" in [symbol for symbol, _ in pointers_of(fields)]
        names = {re.sub(r"\(.*\)$", "", w).replace("_", " ") for w in words_of(fields)}
        (people if fields[1] == PERSON_FILE and instance else other).update(names)
    write_list(HEADER, {n for n in people - other if NAME.fullmatch(n)})


if __name__ == "__main__":
    main()
