#!/usr/bin/env python3
"""Derive storybot's list of nouns that name a kind of organisation
(src/words/organisation_nouns.txt).

Source: WordNet 3.0 (Princeton University, the WordNet 3.0 licence: use, copy, modify and
distribute with its copyright notice kept), as shipped in Debian's package `wordnet-base`
(files data.noun, index.noun, index.verb, index.adj, index.adv under /usr/share/wordnet).

A word is kept when it is one word (letters and hyphens), one of its first two noun senses is
organization.n.01 or a kind of it (a hyponym, followed transitively, instances left out)
where WordNet does not write it in capitals (an acronym such as "DOE" or "UN", which are also
surnames and words), and it is not more often a verb, an adjective or an adverb than a noun by
WordNet's count of tagged senses. The rules read it to tell an organisation that speaks ("the Brookings
Institution says") from a person whose first name they do not know.

Usage:
    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
    python3 scripts/derive_organisation_nouns.py wn/usr/share/wordnet > src/words/organisation_nouns.txt

The output is deterministic: the same input gives the same bytes.
"""
import sys

from derive_person_nouns import WORDNET_NOTICE, synsets, words_of, write_nouns

HEADER = """\
# Nouns that name a kind of organisation ("institution", "charity", "union"), one per line.
# Derived from WordNet 3.0 by scripts/derive_organisation_nouns.py, which says how.
""" + WORDNET_NOTICE

# organization.n.01 in WordNet 3.0.
ORGANIZATION = "08008335"


def organisation_synsets(wordnet):
    """Offsets of organization.n.01 and every kind of it (hyponyms, not instances), each with
    its words as WordNet writes them."""
    hyponyms, written = {}, {}
    for fields in synsets(wordnet, "noun"):
        words = words_of(fields)
        written[fields[0]] = set(words)
        at = 4 + 2 * len(words)
        for i in range(int(fields[at])):
            symbol, target = fields[at + 1 + 4 * i], fields[at + 2 + 4 * i]
            if symbol == "~":
                hyponyms.setdefault(fields[0], []).append(target)
    out, todo = {}, [ORGANIZATION]
    while todo:
        offset = todo.pop()
        if offset not in out:
            out[offset] = written.get(offset, set())
            todo.extend(hyponyms.get(offset, []))
    return out


def main():
    wordnet = sys.argv[1]
    organisation = organisation_synsets(wordnet)

    def in_sense(lemma, offset):
        return any(w.lower() == lemma and not w.isupper() for w in organisation.get(offset, ()))

    write_nouns(wordnet, HEADER, in_sense)


if __name__ == "__main__":
    main()
