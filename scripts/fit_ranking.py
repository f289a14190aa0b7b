#!/usr/bin/env python3
"""Fits the answer ranking's weights and thresholds (src/answer/model.rs): run it on signals
dumped without `--model` for `STATIC`, and with it for `WITH_TRANSFORMER`.

Input: JSON lines written by `storybot eval --dump-signals FILE` (one line per question,
every candidate sentence with its signals and whether it holds a gold answer), one file per
question set. Needs numpy.

Weights: a softmax over each question's candidates (listwise), trained to put the
gold-holding candidates first, with L2 regularisation. Thresholds: the best candidate must
score ANSWER_THRESHOLD, chosen so that at most --false-abstain of the answerable training
questions get no answer, and kept only if, cross-validated, the questions it refuses are more
often unanswerable than answerable (otherwise the decision is off: -inf); further answers
need FURTHER_THRESHOLD, chosen so that at most --further-loss of right answers at ranks 2 and
3 are dropped.

Cross-validation: the corpora (articles) are split into two folds; weights and thresholds
chosen on one fold are measured on the other, and both ways are printed. The shipped
constants (a `Params` literal) are then fitted on all corpora.

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


def stack(questions):
    """Candidates as arrays padded to the longest list: X [Q, C, D], gold Y and mask M [Q, C]."""
    c = max(len(q["y"]) for q in questions)
    d = len(questions[0]["names"])
    X = np.zeros((len(questions), c, d))
    Y = np.zeros((len(questions), c), dtype=bool)
    M = np.zeros((len(questions), c), dtype=bool)
    for i, q in enumerate(questions):
        n = len(q["y"])
        X[i, :n], Y[i, :n], M[i, :n] = q["x"], q["y"], True
    return X, Y, M


def fit(questions, l2=1e-3, steps=3000, lr=0.3):
    """Ranking weights: listwise softmax loss over each question's candidates."""
    train = [q for q in questions if q["answerable"] and q["y"].any()]
    X, Y, M = stack(train)
    w = np.zeros(X.shape[2])
    w[0] = 1.0
    m, v = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, steps + 1):
        s = np.where(M, X @ w, -np.inf)
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        g = p * Y
        g /= g.sum(axis=1, keepdims=True)
        grad = -np.einsum("qc,qcd->d", g - p, X) / len(train) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8) * 0.1
    return w


def refine(questions, w, rounds=3):
    """Coordinate ascent on hit@1 (with MRR@3 breaking ties), from the softmax weights."""
    train = [q for q in questions if q["answerable"] and q["y"].any()]
    X, Y, M = stack(train)

    def quality(w):
        s = np.where(M, X @ w, -np.inf)
        order = np.argsort(-s, axis=1, kind="stable")[:, :3]
        top = np.take_along_axis(Y, order, axis=1)
        first = np.where(top.any(axis=1), top.argmax(axis=1), 3)
        return top[:, 0].mean() + 0.01 * np.where(first < 3, 1.0 / (first + 1), 0.0).mean()

    best = quality(w)
    for _ in range(rounds):
        for d in range(len(w)):
            for step in (-1.0, -0.5, -0.2, -0.1, 0.1, 0.2, 0.5, 1.0):
                trial = w.copy()
                trial[d] += step * max(abs(w[d]), 0.5)
                q = quality(trial)
                if q > best + 1e-9:
                    best, w = q, trial
    return w


def ranked(q, w):
    if len(q["y"]) == 0:
        return np.array([]), np.array([], dtype=bool), np.zeros((0, len(q["names"])))
    s = q["x"] @ w
    order = np.argsort(-s, kind="stable")
    return s[order], q["y"][order], q["x"][order]


def top_features(q, w):
    s, _, x = ranked(q, w)
    if len(s) == 0:
        return None
    return np.concatenate([[s[0]], x[0]])


# Sets whose unanswerable questions were written to look answerable (SQuAD 2.0's): they are
# measured but not used to train the decision, which is about questions the story does not
# cover.
ADVERSARIAL = set()


def fit_decision(questions, w, l2=1e-2, steps=3000):
    """Answer decision: logistic regression of 'the question is answerable' on the best
    candidate's score and signals, each question set weighted equally."""
    rows, labels, weights = [], [], []
    for q in questions:
        f = top_features(q, w)
        if f is None or (not q["answerable"] and q["set"] in ADVERSARIAL):
            continue
        rows.append(f)
        labels.append(q["answerable"])
        weights.append(1.0 / sum(1 for r in questions if r["set"] == q["set"]))
    Z, y, sw = np.array(rows), np.array(labels, dtype=float), np.array(weights)
    mean, std = Z.mean(axis=0), Z.std(axis=0) + 1e-9
    Zs = (Z - mean) / std
    a, b = np.zeros(Z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Zs @ a + b)))
        err = (p - y) * sw / sw.sum()
        a -= 0.5 * (Zs.T @ err + l2 * a)
        b -= 0.5 * err.sum()
    # Undo the standardisation so the shipped weights apply to raw features.
    raw = a / std
    return raw, b - (mean * raw).sum()


def decision(q, w, a, b):
    f = top_features(q, w)
    return -np.inf if f is None else float(f @ a + b)


def answers(q, w, a, b, answer):
    """Whether the decision lets the best candidate answer (a question with none never is)."""
    return len(q["y"]) > 0 and decision(q, w, a, b) >= answer


def thresholds(questions, w, a, b, false_abstain, further_loss):
    tops, further = [], []
    for q in questions:
        if not q["answerable"]:
            continue
        s, y, _ = ranked(q, w)
        tops.append(decision(q, w, a, b))
        further += [s[i] for i in range(1, min(3, len(s))) if y[i]]
    answer = float(np.quantile(tops, false_abstain))
    more = float(np.quantile(further, further_loss)) if further else 0.0
    return answer, more


def measure(questions, w, a, b, answer, more):
    n = hit1 = hit3 = 0
    rr = 0.0
    false_abs = unans = abst = 0
    for q in questions:
        s, y, _ = ranked(q, w)
        answered = answers(q, w, a, b, answer)
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


def refusals(questions, model):
    """How many of these questions, among those with candidates, the decision refuses:
    (answerable, unanswerable)."""
    w, a, b, answer, _ = model
    refused = [q["answerable"] for q in questions if len(q["y"]) > 0 and not answers(q, w, a, b, answer)]
    return sum(refused), sum(not r for r in refused)


def choose(train, args):
    w = refine(train, fit(train))
    a, b = fit_decision(train, w)
    answer, more = thresholds(train, w, a, b, args.false_abstain, args.further_loss)
    return w, a, b, answer, more


def without_decision(model):
    w, a, b, _, more = model
    return w, a, b, -np.inf, more


def report(label, questions, model):
    for path in sorted({q["set"] for q in questions}):
        subset = [q for q in questions if q["set"] == path]
        m = measure(subset, *model)
        print(f"  {label} {path}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in m.items()))


def floats(values):
    return ", ".join(f"{v:.4f}" for v in values)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("signals", nargs="+")
    ap.add_argument("--adversarial", action="append", default=[], help="a signals file whose unanswerable questions are adversarial")
    ap.add_argument("--false-abstain", type=float, default=0.03)
    ap.add_argument("--further-loss", type=float, default=0.02)
    args = ap.parse_args()
    ADVERSARIAL.update(args.adversarial)
    questions = load(args.signals + [a for a in args.adversarial if a not in args.signals])
    names = questions[0]["names"]
    print("cross-validated (chosen on one fold of articles, measured on the other):")
    folds, wrong, right = [], 0, 0
    for held in (0, 1):
        train = [q for q in questions if fold_of(q["corpus"]) != held]
        test = [q for q in questions if fold_of(q["corpus"]) == held]
        model = choose(train, args)
        report(f"fold {held}", test, model)
        answerable, unanswerable = refusals(test, model)
        wrong, right = wrong + answerable, right + unanswerable
        folds.append((held, test, model))
    # A refusal must be right more often than wrong on held-out articles, or the decision is off
    # and only the rules (question about something else, no figure where one is asked) refuse.
    keep = right > wrong
    print(f"held-out refusals: {right} unanswerable, {wrong} answerable: decision {'kept' if keep else 'off'}")
    model = choose(questions, args)
    if not keep:
        for held, test, fold_model in folds:
            report(f"fold {held} (decision off)", test, without_decision(fold_model))
        model = without_decision(model)
    print("fitted on all (in-sample):")
    report("all", questions, model)
    w, a, b, answer, more = model
    print("\n// " + ", ".join(names))
    print("Params {")
    print(f"    weights: [{floats(w)}],")
    if np.isfinite(answer):
        print(f"    decision: Some(Decision {{ weights: [{floats(a)}], threshold: {answer - b:.4f} }}),")
    else:
        print("    decision: None,")
    print(f"    further_threshold: {more:.4f},")
    print("}")

if __name__ == "__main__":
    main()
