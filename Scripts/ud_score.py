#!/usr/bin/env python3
"""Scores Glossa's German tokenizer and sentence splitter against Universal Dependencies gold.

Usage: python3 Scripts/ud_score.py [--glossa PATH] [--data DIR] [--show N]

DIR (default: ../shared/data/ud-german beside the repository) holds the UD German GSD
development split as prepared there: `ud-de-gsd-dev.tsv` (per sentence: "# text = ...",
then "token<TAB>start<TAB>end" with Unicode scalar offsets) and `ud-de-gsd-dev.raw.txt`
(all sentence texts joined by one space).

Tokens: each gold sentence is tokenized on its own (`glossa tokenize --per-line --format spans`);
a predicted token counts as correct when its (sentence, start, end) equals a gold span.
Sentences: the raw text is split (`glossa tokenize --format sentences`); a predicted boundary
counts as correct when a gold sentence ends at the same offset (the end of the text is not
counted). Prints precision, recall and F1 for both, and exits 1 when F1 is below the goals
given with --min-token-f1 / --min-sentence-f1 (default: no goal).
"""
import argparse
import os
import subprocess
import sys


def read_gold(path):
    sentences = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# sent_id = "):
                sentences.append({"text": None, "spans": set()})
            elif line.startswith("# text = "):
                sentences[-1]["text"] = line[len("# text = "):]
            elif line.strip() and not line.startswith("#"):
                _, start, end = line.split("\t")
                sentences[-1]["spans"].add((int(start), int(end)))
    return sentences


def f1(tp, predicted, gold):
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(glossa, args, text):
    result = subprocess.run([glossa] + args, input=text.encode("utf-8"), capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--glossa", default=os.path.join(root, ".build", "release", "glossa"))
    parser.add_argument("--data", default=os.environ.get("GLOSSA_UD", os.path.join(root, "..", "shared", "data", "ud-german")))
    parser.add_argument("--show", type=int, default=0, help="print N sentences with token errors")
    parser.add_argument("--min-token-f1", type=float, default=0.0)
    parser.add_argument("--min-sentence-f1", type=float, default=0.0)
    args = parser.parse_args()

    gold = read_gold(os.path.join(args.data, "ud-de-gsd-dev.tsv"))
    texts = [s["text"] for s in gold]
    lines = run(args.glossa, ["tokenize", "--per-line", "--format", "spans", "-"], "\n".join(texts) + "\n").split("\n")
    tp = predicted = total = 0
    shown = 0
    for sentence, line in zip(gold, lines):
        spans = {tuple(map(int, pair.split(":"))) for pair in line.split()}
        tp += len(spans & sentence["spans"])
        predicted += len(spans)
        total += len(sentence["spans"])
        if shown < args.show and spans != sentence["spans"]:
            shown += 1
            text = sentence["text"]
            print("  gold:", " ".join(text[s:e] for s, e in sorted(sentence["spans"])))
            print("  ours:", " ".join(text[s:e] for s, e in sorted(spans)))
    tp_, tr_, tf = f1(tp, predicted, total)
    print(f"tokens:    precision {tp_:.4f}  recall {tr_:.4f}  F1 {tf:.4f}  ({len(gold)} sentences, {total} gold tokens)")

    raw = open(os.path.join(args.data, "ud-de-gsd-dev.raw.txt"), encoding="utf-8").read().rstrip("\n")
    gold_ends, offset = set(), 0
    for text in texts:
        offset += len(text)
        gold_ends.add(offset)
        offset += 1
    gold_ends.discard(len(raw))
    predicted_ends, position = set(), 0
    for sentence in run(args.glossa, ["tokenize", "--format", "sentences", "-"], raw).split("\n"):
        sentence = sentence.strip()
        if not sentence:
            continue
        # Locate the sentence's last non-space character in the raw text.
        for ch in sentence:
            if ch.isspace():
                continue
            while raw[position].isspace():
                position += 1
            if raw[position] != ch:
                sys.exit(f"sentence output does not follow the raw text at offset {position}")
            position += 1
        predicted_ends.add(position)
    predicted_ends.discard(len(raw))
    sp, sr, sf = f1(len(predicted_ends & gold_ends), len(predicted_ends), len(gold_ends))
    print(f"sentences: precision {sp:.4f}  recall {sr:.4f}  F1 {sf:.4f}  ({len(gold_ends)} gold boundaries)")
    if tf < args.min_token_f1 or sf < args.min_sentence_f1:
        print(f"below the goals (token F1 >= {args.min_token_f1}, sentence F1 >= {args.min_sentence_f1})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
