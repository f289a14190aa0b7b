#!/usr/bin/env python3
"""Derive storybot's list of nouns that name a kind of person (src/words/person_nouns.txt).

Source: WordNet 3.0 (Princeton University, the WordNet 3.0 licence: use, copy, modify and
distribute with its copyright notice kept), as shipped in Debian's package `wordnet-base`
(files data.noun, index.noun, index.verb under /usr/share/wordnet).

A word is kept when it is one word (letters and hyphens), one of its first two noun senses is
a synset of the lexicographer file noun.person (18) that is not an instance (a particular
person such as "Einstein"), it is not more often a verb, an adjective or an adverb than a noun
by WordNet's count of tagged senses ("possible", "official", "best"), and it is not a past form of a verb
("accused"). The rules read it to tell a
role before a name ("referee Jonathan Kaplan") from a verb ("said Ross Walker").

Usage:
    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
    python3 scripts/derive_person_nouns.py wn/usr/share/wordnet > src/words/person_nouns.txt

The output is deterministic: the same input gives the same bytes.
"""
import os
import re
import sys

# WordNet's licence notice, which every list derived from it carries.
WORDNET_NOTICE = """\
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS
# FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER
# RIGHTS. The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database. Title to copyright
# in this software, database and any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same.
"""

HEADER = """\
# Nouns that name a kind of person ("referee", "tycoon", "journalist"), one per line.
# Derived from WordNet 3.0 by scripts/derive_person_nouns.py, which says how.
""" + WORDNET_NOTICE

PERSON_FILE = "18"


def synsets(wordnet, pos):
    """The fields of each synset line of WordNet's data.`pos` file (its licence lines left out):
    offset, lexicographer file, part of speech, word count (hex), then each word and its lex id,
    then the pointers."""
    with open(os.path.join(wordnet, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                yield line.split(" ")


def words_of(fields):
    """The words of a synset line, as WordNet writes them."""
    return [fields[4 + 2 * i] for i in range(int(fields[3], 16))]


def all_pointers_of(fields):
    """The pointers of a synset line, whole: (symbol, target offset, target part of speech,
    source and target word numbers as four hex digits, "0000" for the whole synset)."""
    at = 4 + 2 * int(fields[3], 16)
    return [tuple(fields[at + 1 + 4 * i : at + 5 + 4 * i]) for i in range(int(fields[at]))]


def pointers_of(fields):
    """The pointers of a synset line, as (symbol, target offset): "@" a hypernym, "@i" the
    kind an instance is of."""
    return [(symbol, offset) for symbol, offset, _, _ in all_pointers_of(fields)]


def write_list(header, words):
    """Prints `header`, then the words sorted, one a line."""
    sys.stdout.write(header)
    for word in sorted(words):
        print(word)


def person_synsets(wordnet):
    """Offsets of the noun.person synsets that are kinds, not instances."""
    out = set()
    for fields in synsets(wordnet, "noun"):
        if fields[1] != PERSON_FILE:
            continue
        if "@i" not in [symbol for symbol, _ in pointers_of(fields)]:
            out.add(fields[0])
    return out


def index(wordnet, pos):
    """Lemma -> (tagged senses, synset offsets in sense order)."""
    out = {}
    with open(os.path.join(wordnet, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            out[fields[0]] = (int(fields[5 + pointers]), fields[6 + pointers :])
    return out


def more_often_not_a_noun(wordnet_index, lemma, tagged):
    """Whether WordNet tags `lemma` more often as a verb, an adjective or an adverb than as a
    noun (`tagged` times): `wordnet_index` holds those three indexes."""
    return any(other.get(lemma, (0, []))[0] > tagged for other in wordnet_index)


def is_past_form(word, verbs):
    return word.endswith("ed") and any(stem in verbs for stem in (word[:-1], word[:-2]))


def write_nouns(wordnet, header, in_sense, excluded=lambda lemma, verbs: False):
    """Prints `header`, then in order the one-word nouns (letters and hyphens) one of whose
    first two senses passes `in_sense(lemma, offset)`, leaving out those WordNet tags more
    often as another part of speech and those `excluded(lemma, verbs)` rejects."""
    nouns, verbs, adjectives = index(wordnet, "noun"), index(wordnet, "verb"), index(wordnet, "adj")
    adverbs = index(wordnet, "adv")
    kept = []
    for lemma, (tagged, offsets) in nouns.items():
        if not re.fullmatch(r"[a-z]+(-[a-z]+)*", lemma):
            continue
        if not any(in_sense(lemma, o) for o in offsets[:2]):
            continue
        if more_often_not_a_noun((verbs, adjectives, adverbs), lemma, tagged) or excluded(lemma, verbs):
            continue
        kept.append(lemma)
    write_list(header, kept)


def main():
    wordnet = sys.argv[1]
    person = person_synsets(wordnet)
    write_nouns(wordnet, HEADER, lambda lemma, offset: offset in person, is_past_form)


if __name__ == "__main__":
    main()
