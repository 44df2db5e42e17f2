#!/usr/bin/env python3
"""Compares the warnings CSV of run_sqlite.sh / run_duckdb.mjs with the generator's truth.csv.

Usage: check_truth.py WARNINGS.csv TRUTH.csv [--show N]

WARNINGS.csv: household_no,kind,level,score,rules (rules joined by ';').
TRUTH.csv:    household_no,in_need,reasons (docs/generator.md; reasons include V01).
Prints per rule: households firing in truth, in the SQL, both, only truth, only SQL; then the
differing households (up to N per rule, default 20). Exit status 1 when anything differs.
"""
import argparse
import csv
import sys

RULES = [f"R{i:02d}" for i in range(1, 16)] + ["V01"]


def read_warnings(path):
    fired = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rules = [r for r in row["rules"].split(";") if r]
            fired.setdefault(row["household_no"], set()).update(rules)
            need = any(r.startswith("R") for r in rules)
            if (row["kind"] == "need") != need or (row["kind"] == "review" and rules != ["V01"]):
                sys.exit(f"check_truth: {row['household_no']} has kind {row['kind']} with {rules}")
    return fired


def read_truth(path):
    fired, in_need = {}, {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rules = {r for r in row["reasons"].split(";") if r}
            fired[row["household_no"]] = rules
            in_need[row["household_no"]] = row["in_need"] == "1"
    return fired, in_need


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("warnings")
    parser.add_argument("truth")
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()

    ours = read_warnings(args.warnings)
    truth, in_need = read_truth(args.truth)
    unknown = sorted(set(ours) - set(truth))
    if unknown:
        print(f"households in the SQL result but not in truth.csv: {len(unknown)}, e.g. {unknown[:5]}")

    households = sorted(set(truth) | set(ours))
    print(f"{'rule':5} {'truth':>7} {'sql':>7} {'both':>7} {'truth only':>10} {'sql only':>8}")
    differences = {}
    for rule in RULES:
        t = {h for h in households if rule in truth.get(h, ())}
        s = {h for h in households if rule in ours.get(h, ())}
        differences[rule] = (sorted(t - s), sorted(s - t))
        print(f"{rule:5} {len(t):7} {len(s):7} {len(t & s):7} {len(t - s):10} {len(s - t):8}")
    need_t = {h for h, v in in_need.items() if v}
    need_s = {h for h, r in ours.items() if any(x.startswith("R") for x in r)}
    print(f"{'need':5} {len(need_t):7} {len(need_s):7} {len(need_t & need_s):7} "
          f"{len(need_t - need_s):10} {len(need_s - need_t):8}")
    exact = sum(1 for h in households if truth.get(h, set()) == ours.get(h, set()))
    print(f"households: {len(households)}, identical rule sets: {exact}, differing: {len(households) - exact}")

    any_difference = unknown or exact != len(households)
    for rule, (truth_only, sql_only) in differences.items():
        for label, items in (("truth only", truth_only), ("sql only", sql_only)):
            if items:
                shown = ", ".join(items[:args.show]) + (" …" if len(items) > args.show else "")
                print(f"  {rule} {label}: {shown}")
    return 1 if any_difference else 0


if __name__ == "__main__":
    sys.exit(main())
