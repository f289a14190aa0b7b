#!/usr/bin/env python3
"""Derive storybot's table of irregular word forms (src/words/irregular_forms.txt): an
inflected form the English stemmer cannot bring to its base ("left" to "leave", "bought" to
"buy", "children" to "child"), with that base.

Source: WordNet 3.0 (Princeton University, the WordNet 3.0 licence: use, copy, modify and
distribute with its copyright notice kept), as shipped in Debian's package `wordnet-base`
(files verb.exc, noun.exc, index.verb, index.noun under /usr/share/wordnet).

A line of verb.exc or noun.exc is kept when both words are one word of letters, the form is
not a base of the same part of speech itself ("found" is a verb of its own, "ground" a noun),
and the form is not its base with a regular ending that the stemmer already removes
("abetted", "buses", "cried"). A form listed under both parts of speech with different bases
is left out. WordNet reads "-men" as the plural of "-man" by rule rather than listing it: the
table lists it for every one-word noun ending in "man" ("women woman", "chairmen chairman").

Usage:
    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
    python3 scripts/derive_irregular_forms.py wn/usr/share/wordnet > src/words/irregular_forms.txt

The output is deterministic: the same input gives the same bytes.
"""
import os
import re
import sys

from derive_person_nouns import WORDNET_NOTICE, index

HEADER = """\
# Irregular English word forms and their base ("left leave", "children child"), one pair per
# line. Derived from WordNet 3.0 by scripts/derive_irregular_forms.py, which says how.
""" + WORDNET_NOTICE


def regular(form, base):
    """Whether `form` is `base` with an ending the English stemmer removes."""
    stems = [base]
    if base.endswith("e"):
        stems.append(base[:-1])
    # The stemmer turns a final "y" into "i" only after a consonant ("cried", "cry" -> "cri"),
    # so "paid" and "said" are not regular forms of "pay" and "say".
    if re.fullmatch(r".*[^aeiou]y", base):
        stems.append(base[:-1] + "i")
    if base.endswith("c"):
        stems.append(base + "k")
    stems.append(base + base[-1])
    endings = ("s", "es", "ed", "d", "ing")
    return any(form == stem + ending for stem in stems for ending in endings)


def exceptions(wordnet, pos, lemmas):
    out = {}
    with open(os.path.join(wordnet, pos + ".exc"), encoding="latin-1") as f:
        for line in f:
            fields = line.split()
            if len(fields) != 2:
                continue
            form, base = fields
            if not re.fullmatch(r"[a-z]+", form) or not re.fullmatch(r"[a-z]+", base):
                continue
            if form in lemmas or regular(form, base):
                continue
            out[form] = base
    return out


def main():
    wordnet = sys.argv[1]
    verbs = exceptions(wordnet, "verb", index(wordnet, "verb"))
    noun_lemmas = index(wordnet, "noun")
    nouns = exceptions(wordnet, "noun", noun_lemmas)
    for lemma in noun_lemmas:
        if re.fullmatch(r"[a-z]*man", lemma):
            nouns.setdefault(lemma[:-3] + "men", lemma)
    pairs = {}
    for form in sorted(set(verbs) | set(nouns)):
        bases = {b for b in (verbs.get(form), nouns.get(form)) if b}
        if len(bases) == 1:
            pairs[form] = bases.pop()
    sys.stdout.write(HEADER)
    for form, base in sorted(pairs.items()):
        sys.stdout.write(f"{form} {base}\n")


if __name__ == "__main__":
    main()
