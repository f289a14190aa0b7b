#!/usr/bin/env python3
"""Derive storybot's list of proper adjectives (src/words/proper_adjectives.txt).

Source: WordNet 3.0 (Princeton University, the WordNet 3.0 licence: use, copy, modify and
distribute with its copyright notice kept), as shipped in Debian's package `wordnet-base`
(file data.adj under /usr/share/wordnet).

A word is kept when WordNet lists it as an adjective written with a capital ("French",
"Welsh", "Islamic", "Iraqi"), one word of letters and hyphens. The rules read it to tell a
nationality, a religion or a people before a role ("French president Jacques Chirac") from
the organisation a role is held at ("Yukos spokesman Alexander Shadrin").

Usage:
    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
    python3 scripts/derive_proper_adjectives.py wn/usr/share/wordnet > src/words/proper_adjectives.txt

The output is deterministic: the same input gives the same bytes.
"""
import re
import sys

from derive_person_nouns import WORDNET_NOTICE, synsets, words_of, write_list

HEADER = """\
# Adjectives written with a capital ("French", "Islamic"), one per line.
# Derived from WordNet 3.0 by scripts/derive_proper_adjectives.py, which says how.
""" + WORDNET_NOTICE


def main():
    # An adjective's lemma may carry its position: "French(a)".
    words = {word.split("(")[0] for fields in synsets(sys.argv[1], "adj") for word in words_of(fields)}
    write_list(HEADER, {w for w in words if re.fullmatch(r"[A-Z][a-z]+(-[A-Za-z][a-z]*)*", w)})


if __name__ == "__main__":
    main()
