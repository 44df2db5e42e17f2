#!/usr/bin/env python3
"""Writes the parameters of the SQL screening rules as portable SQL (SQLite 3.40 and DuckDB 1.x).

Usage: params.py --as-of YYYY-MM-DD [--standards FILE]   (default: data/standards/chongqing.toml)

Everything the rules need that is not in the feeds becomes a TEMP table, so that rules.sql
does no date or decimal arithmetic of its own:
  params        one row: as-of date D and the window bounds (D - N days, exclusive), the month
                window bounds, the 低保 standards on D (fen per person per month), the previous
                year's disposable income (fen per person per year), the asset test, the rigid
                share and edge multiple as exact fractions, and the rule thresholds of
                30-screening.md's default rule set (fen).
  param_excluded_income   income type keys excluded by `[income] excluded_types`.
  param_months  (mi, 'YYYY-MM') for the 48 months ending with D's month (mi = year * 12 + month - 1).
  param_serious_codes     the serious-illness (重大疾病) code list: three-character ranges and
                          prefixes.
  rule_def      id, kind, points and level floor (1 yellow, 2 orange, 3 red) of every rule.
Standard library only (tomllib needs Python 3.11, Debian 12's python3).
"""
import argparse
import datetime
import os
import sys
import tomllib
from decimal import Decimal

# Chinese labels of the `income` feed's types and their stored keys (src/domain/feed_enums.cpp).
INCOME_TYPE_KEYS = {
    "工资薪金": "wage",
    "养老金": "pension",
    "失业保险金": "unemployment_benefit",
    "经营所得": "business",
    "其他": "other",
}

# 30-screening.md, default rule set: (id, kind, points, floor).
RULES = [
    ("R01", "need", 60, 2), ("R02", "need", 60, 2), ("R03", "need", 40, 1),
    ("R04", "need", 20, 1), ("R05", "need", 30, 1), ("R06", "need", 50, 2),
    ("R07", "need", 40, 2), ("R08", "need", 20, 1), ("R09", "need", 25, 1),
    ("R10", "need", 50, 2), ("R11", "need", 30, 2), ("R12", "need", 30, 1),
    ("R13", "need", 20, 1), ("R14", "need", 20, 2), ("R15", "need", 25, 1),
    ("V01", "review", 0, 0),
]

MONTHS_BACK = 48

# Serious illness: C00–C97, I60–I64, B20–B24 by three-character category; the rest as prefixes.
SERIOUS_RANGES = [("C00", "C97"), ("I60", "I64"), ("B20", "B24")]
SERIOUS_PREFIXES = ["N18.5", "N18.6", "I21", "D61", "F20"]


def fen(yuan):
    value = Decimal(str(yuan)) * 100
    if value != value.to_integral_value():
        sys.exit(f"params.py: {yuan} is not a whole number of fen")
    return int(value)


def fraction(ratio):
    numerator, denominator = Decimal(str(ratio)).as_integer_ratio()
    return numerator, denominator


def month_text(year, month_index):
    """month_index 0-based from January of `year`, may be negative."""
    total = year * 12 + month_index
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def sql_text(value):
    return "'" + str(value).replace("'", "''") + "'"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--standards",
                        default=os.path.join(here, "..", "..", "data", "standards", "chongqing.toml"))
    args = parser.parse_args()

    as_of = datetime.date.fromisoformat(args.as_of)
    with open(args.standards, "rb") as f:
        standards = tomllib.load(f, parse_float=Decimal)

    periods = sorted(standards["period"], key=lambda p: p["from"])
    in_force = [p for p in periods if datetime.date.fromisoformat(str(p["from"])) <= as_of]
    if not in_force:
        sys.exit(f"params.py: no [[period]] of {args.standards} is in force on {as_of}")
    period = in_force[-1]

    reference_year = as_of.year - 1
    rows = sorted(standards.get("disposable_income", []), key=lambda r: r["year"])
    earlier = [r for r in rows if r["year"] <= reference_year]
    if not earlier:
        sys.exit(f"params.py: no [[disposable_income]] for {reference_year} or earlier")
    disposable = earlier[-1]
    if disposable["year"] != reference_year:
        print(f"params.py: no disposable income for {reference_year}; using {disposable['year']}",
              file=sys.stderr)

    assets = standards.get("assets", {})
    vehicle_exempt = fen(assets.get("vehicle_exempt_value", 30000))
    deposit_months = int(assets.get("deposit_months", 24))
    rigid_num, rigid_den = fraction(standards.get("rigid", {}).get("share_of_income", "0.60"))
    edge_num, edge_den = fraction(standards.get("edge", {}).get("multiple", "1.5"))
    excluded = []
    for label in standards.get("income", {}).get("excluded_types", []):
        key = INCOME_TYPE_KEYS.get(label, label if label in INCOME_TYPE_KEYS.values() else None)
        if key is None:
            sys.exit(f"params.py: unknown income type {label!r} in [income] excluded_types")
        excluded.append(key)

    def minus(days):
        return (as_of - datetime.timedelta(days=days)).isoformat()

    values = {
        "d": sql_text(as_of.isoformat()),
        "d_90": sql_text(minus(90)),
        "d_180": sql_text(minus(180)),
        "d_365": sql_text(minus(365)),
        "d_730": sql_text(minus(730)),
        "month_d": sql_text(month_text(as_of.year, as_of.month - 1)),
        "month_12": sql_text(month_text(as_of.year, as_of.month - 1 - 11)),  # first of 12 months
        # the 5 months before D's month (V01 looks at 6 months ending with D's month)
        **{f"month_d{k}": sql_text(month_text(as_of.year, as_of.month - 1 - k)) for k in range(1, 6)},
        "mi_d": as_of.year * 12 + as_of.month - 1,  # month index: year * 12 + month - 1
        "std_urban": fen(period["dibao_urban"]),
        "std_rural": fen(period["dibao_rural"]),
        "disp_year": disposable["year"],
        "disp_urban": fen(disposable["urban"]),
        "disp_rural": fen(disposable["rural"]),
        "vehicle_exempt": vehicle_exempt,
        "deposit_months": deposit_months,
        "rigid_num": rigid_num, "rigid_den": rigid_den,
        "edge_num": edge_num, "edge_den": edge_den,
        # Rule thresholds (30-screening.md defaults), fen.
        "r03_selfpay": fen(10000),      # R03 medical self-pay ≥ 10,000 yuan
        "r11_selfpay": fen(5000),       # R11 self-pay after the rejection ≥ 5,000 yuan
        "r12_selfpay": fen(5000),       # R12 new self-pay within 180 days ≥ 5,000 yuan
        "r13_net_fees": fen(8000),      # R13 fees − aid ≥ 8,000 yuan
        "r11_drop_num": 8, "r11_drop_den": 10,  # R11 pc_income now ≤ 80 % of then
    }
    # Integers as BIGINT: DuckDB would type small literals INTEGER and refuse an overflowing
    # product instead of widening it.
    columns = ", ".join(
        f"CAST({value} AS BIGINT) AS {name}" if isinstance(value, int) else f"{value} AS {name}"
        for name, value in values.items())
    out = [
        "-- Generated by bench/sql/params.py; do not edit.",
        f"-- as of {as_of}; standards {os.path.basename(args.standards)}: period from "
        f"{period['from']}, disposable income of {disposable['year']}",
        "DROP TABLE IF EXISTS params;",
        f"CREATE TEMP TABLE params AS SELECT {columns};",
        "DROP TABLE IF EXISTS param_excluded_income;",
        "CREATE TEMP TABLE param_excluded_income (income_type VARCHAR);",
    ]
    for key in excluded:
        out.append(f"INSERT INTO param_excluded_income VALUES ({sql_text(key)});")
    # Calendar months back from D's month, by index (year * 12 + month - 1): R06 and R11 look at
    # the 12 months ending with a month up to 730 days before D.
    out += [
        "DROP TABLE IF EXISTS param_months;",
        "CREATE TEMP TABLE param_months (mi BIGINT, month VARCHAR);",
        "INSERT INTO param_months VALUES " + ", ".join(
            f"({values['mi_d'] - back}, {sql_text(month_text(as_of.year, as_of.month - 1 - back))})"
            for back in range(MONTHS_BACK)) + ";",
    ]
    out += [
        "DROP TABLE IF EXISTS param_serious_codes;",
        "CREATE TEMP TABLE param_serious_codes (lo3 VARCHAR, hi3 VARCHAR, prefix VARCHAR);",
    ]
    for lo, hi in SERIOUS_RANGES:
        out.append(f"INSERT INTO param_serious_codes VALUES ({sql_text(lo)}, {sql_text(hi)}, NULL);")
    for prefix in SERIOUS_PREFIXES:
        out.append(f"INSERT INTO param_serious_codes VALUES (NULL, NULL, {sql_text(prefix)});")
    out += [
        "DROP TABLE IF EXISTS rule_def;",
        "CREATE TEMP TABLE rule_def (rule VARCHAR, kind VARCHAR, points INTEGER, floor INTEGER);",
    ]
    for rule, kind, points, floor in RULES:
        out.append(f"INSERT INTO rule_def VALUES ({sql_text(rule)}, {sql_text(kind)}, {points}, {floor});")
    print("\n".join(out))


if __name__ == "__main__":
    main()
