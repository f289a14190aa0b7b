#!/usr/bin/env python3
"""Derive storybot's table of nouns and the verbs they are made from (src/words/related_forms.txt).

Source: WordNet 3.0 (Princeton University, the WordNet 3.0 licence: use, copy, modify and
distribute with its copyright notice kept), as shipped in Debian's package `wordnet-base`
(files data.noun, data.verb under /usr/share/wordnet).

A pair is kept (and written both ways) when WordNet links a sense of a one-word noun (letters only) to a sense of a
one-word verb by a "derivationally related form" pointer ("+"), word to word ("founder"
found, "explanation" explain, "winner" win), and the two are different words. Questions and
stories say the same thing with either ("Who founded the theatre?" / "the founder of the
theatre"); the engine reads each as a weaker match for the other.

Usage:
    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
    python3 scripts/derive_related_forms.py wn/usr/share/wordnet > src/words/related_forms.txt

The output is deterministic: the same input gives the same bytes.
"""
import os
import re
import sys

from derive_person_nouns import WORDNET_NOTICE, all_pointers_of, synsets, words_of

HEADER = """\
# A noun and the verb it is made from, each way ("founder found", "found founder"), one pair
# per line, sorted.
# Derived from WordNet 3.0 by scripts/derive_related_forms.py, which says how.
""" + WORDNET_NOTICE

WORD = re.compile(r"[a-z]+")


def main():
    wordnet = sys.argv[1]
    verbs = {fields[0]: words_of(fields) for fields in synsets(wordnet, "verb")}
    pairs = set()
    for fields in synsets(wordnet, "noun"):
        nouns = words_of(fields)
        for symbol, offset, pos, numbers in all_pointers_of(fields):
            if symbol != "+" or pos != "v" or offset not in verbs:
                continue
            source, target = int(numbers[:2], 16), int(numbers[2:], 16)
            if source == 0 or target == 0:
                continue
            noun, verb = nouns[source - 1], verbs[offset][target - 1]
            if WORD.fullmatch(noun) and WORD.fullmatch(verb) and noun != verb:
                pairs.add((noun, verb))
    # Both ways, sorted by the first word: storybot looks a word up by binary search.
    both = pairs | {(verb, noun) for noun, verb in pairs}
    sys.stdout.write(HEADER)
    for word, related in sorted(both):
        print(word, related)


if __name__ == "__main__":
    main()
