#!/usr/bin/env python3
"""Fits the answer ranking's weights and thresholds (src/answer/model.rs).

Input: JSON lines written by `storybot eval --dump-signals FILE` (one line per question,
every candidate sentence with its signals and whether it holds a gold answer), one file per
question set. Needs numpy.

Weights: a softmax over each question's candidates (listwise), trained to put the
gold-holding candidates first, with L2 regularisation. Thresholds: the best candidate must
score ANSWER_THRESHOLD, chosen so that at most --false-abstain of the answerable training
questions get no answer; further answers need FURTHER_THRESHOLD, chosen so that at most
--further-loss of right answers at ranks 2 and 3 are dropped.

Cross-validation: the corpora (articles) are split into two folds; weights and thresholds
chosen on one fold are measured on the other, and both ways are printed. The shipped
constants are then fitted on all corpora.

    python3 scripts/fit_ranking.py signals-squad.jsonl signals-news.jsonl signals-story.jsonl
"""

import argparse
import json
import zlib

import numpy as np


def load(paths):
    questions = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                q = json.loads(line)
                q["set"] = path
                x = np.array([c["signals"] for c in q["candidates"]], dtype=np.float64).reshape(-1, len(q["names"]))
                y = np.array([c["gold"] for c in q["candidates"]], dtype=bool)
                q["x"], q["y"] = x, y
                questions.append(q)
    return questions


def fold_of(corpus):
    # Stable across runs and machines (unlike Python's hash()).
    return zlib.crc32(corpus.encode()) % 2


def fit(questions, l2=1e-3, steps=600, lr=0.5):
    train = [q for q in questions if q["answerable"] and q["y"].any()]
    dims = train[0]["x"].shape[1]
    w = np.zeros(dims)
    w[0] = 1.0
    for _ in range(steps):
        grad = l2 * w
        for q in train:
            s = q["x"] @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            gold = p * q["y"]
            g = gold / gold.sum()
            grad -= (g - p) @ q["x"] / len(train)
        w -= lr * grad
    return w


def ranked(q, w):
    if len(q["y"]) == 0:
        return np.array([]), np.array([], dtype=bool)
    s = q["x"] @ w
    order = np.argsort(-s, kind="stable")
    return s[order], q["y"][order]


def thresholds(questions, w, false_abstain, further_loss):
    tops, further = [], []
    for q in questions:
        if not q["answerable"]:
            continue
        s, y = ranked(q, w)
        tops.append(s[0] if len(s) else -np.inf)
        further += [s[i] for i in range(1, min(3, len(s))) if y[i]]
    answer = float(np.quantile(tops, false_abstain))
    more = float(np.quantile(further, further_loss)) if further else answer
    return answer, min(more, answer)


def measure(questions, w, answer, more):
    n = hit1 = hit3 = 0
    rr = 0.0
    false_abs = unans = abst = 0
    for q in questions:
        s, y = ranked(q, w)
        answered = len(s) > 0 and s[0] >= answer
        if not q["answerable"]:
            unans += 1
            abst += not answered
            continue
        n += 1
        if not answered:
            false_abs += 1
            continue
        shown = [i for i in range(min(3, len(s))) if i == 0 or s[i] >= more]
        rank = next((i for i in shown if y[i]), None)
        hit1 += rank == 0
        hit3 += rank is not None
        rr += 0 if rank is None else 1 / (rank + 1)
    return {
        "answerable": n,
        "hit1": hit1 / max(n, 1),
        "hit3": hit3 / max(n, 1),
        "mrr3": rr / max(n, 1),
        "false_abstain": false_abs / max(n, 1),
        "unanswerable_abstained": f"{abst}/{unans}",
    }


def report(label, questions, w, answer, more):
    for path in sorted({q["set"] for q in questions}):
        subset = [q for q in questions if q["set"] == path]
        m = measure(subset, w, answer, more)
        print(f"  {label} {path}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in m.items()))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("signals", nargs="+")
    ap.add_argument("--false-abstain", type=float, default=0.04)
    ap.add_argument("--further-loss", type=float, default=0.02)
    args = ap.parse_args()
    questions = load(args.signals)
    names = questions[0]["names"]
    print("cross-validated (chosen on one fold of articles, measured on the other):")
    for held in (0, 1):
        train = [q for q in questions if fold_of(q["corpus"]) != held]
        test = [q for q in questions if fold_of(q["corpus"]) == held]
        w = fit(train)
        answer, more = thresholds(train, w, args.false_abstain, args.further_loss)
        report(f"fold {held}", test, w, answer, more)
    w = fit(questions)
    answer, more = thresholds(questions, w, args.false_abstain, args.further_loss)
    print("fitted on all (in-sample):")
    report("all", questions, w, answer, more)
    print("\n// " + ", ".join(names))
    print("pub const WEIGHTS: [f32; %d] = [%s];" % (len(w), ", ".join(f"{v:.4f}" for v in w)))
    print(f"pub const ANSWER_THRESHOLD: f32 = {answer:.4f};")
    print(f"pub const FURTHER_THRESHOLD: f32 = {more:.4f};")


if __name__ == "__main__":
    main()
