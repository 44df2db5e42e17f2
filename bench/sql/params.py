#!/usr/bin/env python3
"""Writes the parameters of the SQL screening rules as portable SQL (SQLite 3.40 and DuckDB 1.x).

Usage: params.py --as-of YYYY-MM-DD [--standards FILE] [--rules FILE]
  --standards  default data/standards/chongqing.toml (救助标准: 低保 standards, disposable
               income, asset test, rigid share, edge multiple, excluded income types)
  --rules      default data/rules/default.toml (the rule set: on/off, points, floors, windows,
               thresholds, score cut-offs, serious-illness codes); when the file does not exist,
               the defaults of 30-screening.md's rule table, which it ships.

Everything the rules need that is not in the store becomes a TEMP table, so that rules.sql does
no date or decimal arithmetic of its own:
  params        one row: D; every window as its exclusive lower bound D − N days (`w_r03` …);
                the month bounds; the 低保 standards on D (fen per person per month); the
                previous year's disposable income (fen per person per year); the asset test; the
                rule thresholds in fen; every multiple and share as an exact fraction
                (`*_num` / `*_den`); the score cut-offs.
  param_months  (mi, 'YYYY-MM') for the 48 months ending with D's month (mi = year × 12 +
                month − 1), so that R06 and R11 can find "the 12 months ending with" a month.
  param_excluded_income   income type keys excluded by `[income] excluded_types`.
  param_serious_codes     重大疾病 codes: three-character ranges (lo3, hi3) and prefixes.
  rule_def      rule, kind, enabled, points, floor (0 none, 1 yellow, 2 orange, 3 red).
Standard library only (tomllib: Python 3.11, Debian 12's python3).
"""
import argparse
import datetime
import os
import sys
import tomllib
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.join(HERE, "..", "..")

# Chinese labels of the `income` feed's types and their stored keys (src/domain/feed_enums.cpp).
INCOME_TYPE_KEYS = {
    "工资薪金": "wage",
    "养老金": "pension",
    "失业保险金": "unemployment_benefit",
    "经营所得": "business",
    "其他": "other",
}

# 30-screening.md's rule table, used when no rules file exists (data/rules/default.toml states
# the same figures).
DEFAULT_RULES = {
    "levels": {"red_score": 80, "orange_score": 50, "yellow_score": 20, "max_score": 100},
    "serious_illness": {"ranges": ["C00-C97", "I60-I64", "B20-B24"],
                        "prefixes": ["N18.5", "N18.6", "I21", "D61", "F20"]},
    "rules": {
        "R01": {"points": 60, "floor": "orange"},
        "R02": {"points": 60, "floor": "orange"},
        "R03": {"points": 40, "floor": "yellow", "window_days": 365, "min_amount": 10000,
                "income_multiple": 2, "share": Decimal("0.5")},
        "R04": {"points": 20, "floor": "yellow"},
        "R05": {"points": 30, "floor": "yellow", "window_days": 180, "income_multiple": 2},
        "R06": {"points": 50, "floor": "orange", "window_days": 180, "min_age": 18, "max_age": 59,
                "share": Decimal("0.5")},
        "R07": {"points": 40, "floor": "orange"},
        "R08": {"points": 20, "floor": "yellow", "min_age": 80, "income_multiple": 2},
        "R09": {"points": 25, "floor": "yellow", "window_days": 365, "income_multiple": 2},
        "R10": {"points": 50, "floor": "orange", "window_days": 90},
        "R11": {"points": 30, "floor": "orange", "window_days": 730, "min_amount": 5000,
                "share": Decimal("0.8")},
        "R12": {"points": 30, "floor": "yellow", "window_days": 180, "min_amount": 5000},
        "R13": {"points": 20, "floor": "yellow", "window_days": 365, "min_amount": 8000,
                "income_multiple": 2},
        "R14": {"points": 20, "floor": "orange", "window_days": 90, "min_count": 2},
        "R15": {"points": 25, "floor": "yellow", "window_days": 180, "income_multiple": 2},
        "V01": {"window_days": 180, "months": 6},
    },
}
FLOORS = {"": 0, "yellow": 1, "orange": 2, "red": 3}
MONTHS_BACK = 48


def fail(message):
    sys.exit(f"params.py: {message}")


def fen(yuan):
    value = Decimal(str(yuan)) * 100
    if value != value.to_integral_value():
        fail(f"{yuan} is not a whole number of fen")
    return int(value)


def fraction(ratio):
    return Decimal(str(ratio)).as_integer_ratio()


def month_text(year, month_index):
    """month_index counts from January of `year` (0-based) and may be negative."""
    total = year * 12 + month_index
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def sql_text(value):
    return "'" + str(value).replace("'", "''") + "'"


def load_toml(path):
    with open(path, "rb") as f:
        return tomllib.load(f, parse_float=Decimal)


def standards_values(standards, path, as_of):
    periods = sorted(standards["period"], key=lambda p: str(p["from"]))
    in_force = [p for p in periods if datetime.date.fromisoformat(str(p["from"])) <= as_of]
    if not in_force:
        fail(f"no [[period]] of {path} is in force on {as_of}")
    period = in_force[-1]
    reference_year = as_of.year - 1
    rows = sorted(standards.get("disposable_income", []), key=lambda r: r["year"])
    earlier = [r for r in rows if r["year"] <= reference_year]
    if not earlier:
        fail(f"no [[disposable_income]] for {reference_year} or earlier in {path}")
    disposable = earlier[-1]
    if disposable["year"] != reference_year:
        print(f"params.py: no disposable income for {reference_year}; using {disposable['year']}",
              file=sys.stderr)
    assets = standards.get("assets", {})
    rigid_num, rigid_den = fraction(standards.get("rigid", {}).get("share_of_income", "0.60"))
    edge_num, edge_den = fraction(standards.get("edge", {}).get("multiple", "1.5"))
    values = {
        "std_urban": fen(period["dibao_urban"]),
        "std_rural": fen(period["dibao_rural"]),
        "disp_year": disposable["year"],
        "disp_urban": fen(disposable["urban"]),
        "disp_rural": fen(disposable["rural"]),
        "vehicle_exempt": fen(assets.get("vehicle_exempt_value", 30000)),
        "deposit_months": int(assets.get("deposit_months", 24)),
        "rigid_num": rigid_num, "rigid_den": rigid_den,
        "edge_num": edge_num, "edge_den": edge_den,
    }
    excluded = []
    for label in standards.get("income", {}).get("excluded_types", []):
        key = INCOME_TYPE_KEYS.get(label, label if label in INCOME_TYPE_KEYS.values() else None)
        if key is None:
            fail(f"unknown income type {label!r} in [income] excluded_types")
        excluded.append(key)
    comment = f"period from {period['from']}, disposable income of {disposable['year']}"
    return values, excluded, comment


def rule_values(rule_set, as_of):
    """Per-rule windows, thresholds and switches; rule_def rows; serious-illness codes."""
    rules = rule_set.get("rules", {})
    for rule in DEFAULT_RULES["rules"]:
        if rule not in rules:
            fail(f"the rules file has no [rules.{rule}]")

    def window(days):
        return (as_of - datetime.timedelta(days=int(days))).isoformat()

    values = {}
    rule_def = []
    for rule in DEFAULT_RULES["rules"]:
        config = rules[rule]
        key = rule.lower()
        enabled = bool(config.get("enabled", True))
        if "window_days" in config:
            values[f"w_{key}"] = window(config["window_days"])
        if "min_amount" in config:
            values[f"{key}_min"] = fen(config["min_amount"])
        for name in ("income_multiple", "share"):
            if name in config:
                num, den = fraction(config[name])
                short = "mult" if name == "income_multiple" else "share"
                values[f"{key}_{short}_num"], values[f"{key}_{short}_den"] = num, den
        for name in ("min_age", "max_age", "min_count", "months"):
            if name in config:
                values[f"{key}_{name}"] = int(config[name])
        kind = "review" if rule.startswith("V") else "need"
        floor = FLOORS.get(config.get("floor", ""))
        if floor is None:
            fail(f"[rules.{rule}] floor {config.get('floor')!r}")
        rule_def.append((rule, kind, 1 if enabled else 0, int(config.get("points", 0)), floor))

    required = {"w_r03", "r03_min", "r03_mult_num", "r03_share_num", "w_r05", "r05_mult_num",
                "w_r06", "r06_min_age", "r06_max_age", "r06_share_num", "r08_min_age",
                "r08_mult_num", "w_r09", "r09_mult_num", "w_r10", "w_r11", "r11_min",
                "r11_share_num", "w_r12", "r12_min", "w_r13", "r13_min", "r13_mult_num", "w_r14",
                "r14_min_count", "w_r15", "r15_mult_num", "w_v01", "v01_months"}
    missing = sorted(required - values.keys())
    if missing:
        fail(f"the rules file lacks thresholds: {', '.join(missing)}")
    if values["v01_months"] > MONTHS_BACK:
        fail(f"V01 months > {MONTHS_BACK}")

    levels = rule_set.get("levels", DEFAULT_RULES["levels"])
    for name in ("red_score", "orange_score", "yellow_score", "max_score"):
        values[name] = int(levels[name])

    codes = rule_set.get("serious_illness", DEFAULT_RULES["serious_illness"])
    ranges = []
    for text in codes.get("ranges", []):
        first, _, last = str(text).partition("-")
        if len(first) != 3 or len(last) != 3:
            fail(f"[serious_illness] range {text!r}")
        ranges.append((first.upper(), last.upper()))
    prefixes = [str(p).upper() for p in codes.get("prefixes", [])]
    return values, rule_def, ranges, prefixes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--standards", default=os.path.join(REPO, "data", "standards", "chongqing.toml"))
    parser.add_argument("--rules", default=os.path.join(REPO, "data", "rules", "default.toml"))
    args = parser.parse_args()

    as_of = datetime.date.fromisoformat(args.as_of)
    standards = load_toml(args.standards)
    rule_set = load_toml(args.rules) if os.path.exists(args.rules) else DEFAULT_RULES
    rules_source = os.path.basename(args.rules) if os.path.exists(args.rules) else "built-in defaults"

    def minus(days):
        return (as_of - datetime.timedelta(days=days)).isoformat()

    values = {
        "d": as_of.isoformat(),
        # fixed by the feature definitions of 30-screening.md, not by a rule
        "d_365": minus(365),  # medical_selfpay_12m, education_net_12m
        "d_730": minus(730),  # 曾申请未获批 is held for 730 days
        "month_d": month_text(as_of.year, as_of.month - 1),
        "month_12": month_text(as_of.year, as_of.month - 1 - 11),  # first of the 12 months
        "mi_d": as_of.year * 12 + as_of.month - 1,
    }
    standard_values, excluded, standards_comment = standards_values(standards, args.standards, as_of)
    values.update(standard_values)
    per_rule, rule_def, ranges, prefixes = rule_values(rule_set, as_of)
    values.update(per_rule)
    # V01: the first of the `months` calendar months ending with D's month
    values["v01_from_month"] = month_text(as_of.year, as_of.month - values["v01_months"])
    # Lower bounds (exclusive) of the scans that serve several windows.
    values["med_from"] = min(values["d_365"], values["w_r03"], values["w_r09"], values["w_r12"])
    values["edu_from"] = min(values["d_365"], values["w_r13"])
    values["death_from"] = min(values["w_r06"], values["w_r11"], values["w_r12"], values["w_v01"])
    values["job_from"] = min(values["w_r05"], values["w_r12"])
    values["disaster_from"] = min(values["w_r10"], values["w_r12"])
    values["rejected_from"] = min(values["d_730"], values["w_r11"])

    # Integers as BIGINT: DuckDB types small literals INTEGER and would refuse an overflowing
    # product instead of widening it.
    columns = ",\n  ".join(
        f"CAST({value} AS BIGINT) AS {name}" if isinstance(value, int) else f"{sql_text(value)} AS {name}"
        for name, value in values.items())
    out = [
        "-- Generated by bench/sql/params.py; do not edit.",
        f"-- as of {as_of}; {os.path.basename(args.standards)}: {standards_comment}; rules: {rules_source}",
        "DROP TABLE IF EXISTS params;",
        f"CREATE TEMP TABLE params AS SELECT\n  {columns};",
        "DROP TABLE IF EXISTS param_months;",
        "CREATE TEMP TABLE param_months (mi BIGINT, month VARCHAR);",
        "INSERT INTO param_months VALUES " + ", ".join(
            f"({values['mi_d'] - back}, {sql_text(month_text(as_of.year, as_of.month - 1 - back))})"
            for back in range(MONTHS_BACK)) + ";",
        "DROP TABLE IF EXISTS param_excluded_income;",
        "CREATE TEMP TABLE param_excluded_income (income_type VARCHAR);",
    ]
    out += [f"INSERT INTO param_excluded_income VALUES ({sql_text(key)});" for key in excluded]
    out += [
        "DROP TABLE IF EXISTS param_serious_codes;",
        "CREATE TEMP TABLE param_serious_codes (lo3 VARCHAR, hi3 VARCHAR, prefix VARCHAR);",
    ]
    out += [f"INSERT INTO param_serious_codes VALUES ({sql_text(lo)}, {sql_text(hi)}, NULL);"
            for lo, hi in ranges]
    out += [f"INSERT INTO param_serious_codes VALUES (NULL, NULL, {sql_text(prefix)});"
            for prefix in prefixes]
    out += [
        "DROP TABLE IF EXISTS rule_def;",
        "CREATE TEMP TABLE rule_def (rule VARCHAR, kind VARCHAR, enabled BIGINT, points BIGINT, floor BIGINT);",
    ]
    out += [f"INSERT INTO rule_def VALUES ({sql_text(rule)}, {sql_text(kind)}, {enabled}, {points}, {floor});"
            for rule, kind, enabled, points, floor in rule_def]
    print("\n".join(out))


if __name__ == "__main__":
    main()
