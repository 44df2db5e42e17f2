#!/usr/bin/env python3
"""Helpers for tests/cli/screen_incremental.sh and tests/cli/screen_as_of.sh (standard library only).

  plan.py split DATA OUT SHUFFLE_SEED ORDER AS_OF
      Splits every feed file of DATA (as written by `faxian generate`) into 2–4 chunks (rows
      shuffled between chunks with random.Random(SHUFFLE_SEED), each chunk with the header) in
      OUT/, builds correction files (same natural key, other content; 20-feeds.md) and a few new
      records, and writes OUT/steps.tsv: one import per line, `feed<TAB>file<TAB>label`, in the
      order to import them. ORDER is
        random           every chunk of every feed in a random order
        population-last  random, but all population chunks after every other chunk
        population-late  random, but no population chunk in the first half
      A re-import of an already imported chunk (all duplicates) is inserted once in the middle
      and once at the end; each correction comes at a random place after the chunks holding
      the rows it corrects and after the first population chunk (a revert after its correction).

  plan.py filter DATA OUT DATE
      Writes to OUT/ every feed of DATA without the rows whose event date is after DATE:
      population 变动日期, medical 结算日期, employment 事件日期, income 所属期 (months after
      DATE's month), disability 发证日期, death 死亡日期, disaster 受灾日期, poverty_monitoring
      识别日期, education 学年 (its 1 September), assets 登记日期, hotline 来电时间,
      applications 申请日期, registry 开始日期. Prints `feed kept removed` per feed.
"""
import csv
import datetime as dt
import os
import random
import sys

FEEDS = ["population", "medical", "employment", "income", "disability", "death", "disaster",
         "poverty_monitoring", "education", "assets", "hotline", "applications", "registry"]

EVENT_COLUMN = {
    "population": "变动日期", "medical": "结算日期", "employment": "事件日期", "income": "所属期",
    "disability": "发证日期", "death": "死亡日期", "disaster": "受灾日期",
    "poverty_monitoring": "识别日期", "education": "学年", "assets": "登记日期",
    "hotline": "来电时间", "applications": "申请日期", "registry": "开始日期",
}


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def day(s):
    return dt.date.fromisoformat(s[:10])


def event_date(feed, value):
    """The event date of a row's event column as a date (income: first day of its month,
    education: 1 September of the school year's first year)."""
    if feed == "income":
        return dt.date(int(value[:4]), int(value[5:7]), 1)
    if feed == "education":
        return dt.date(int(value[:4]), 9, 1)
    return day(value)


def yuan(fen):
    return "%d.%02d" % divmod(fen, 100)


def fen(s):
    s = s.strip()
    if not s:
        return 0
    neg = s.startswith("-")
    s = s.lstrip("-")
    whole, _, frac = s.partition(".")
    v = int(whole) * 100 + int((frac + "00")[:2])
    return -v if neg else v


def split(data, out, seed, order, as_of):
    rng = random.Random(seed)
    D = dt.date.fromisoformat(as_of)
    os.makedirs(out, exist_ok=True)
    headers, originals, chunks = {}, {}, []   # chunks: (feed, index, count, file, rows)
    chunk_of = {}                             # (feed, tuple(row)) -> chunk number
    for feed in FEEDS:
        header, rows = read(os.path.join(data, feed + ".csv"))
        headers[feed], originals[feed] = header, rows
        rows = rows[:]
        rng.shuffle(rows)
        k = min(rng.randint(2, 4), max(1, len(rows)))
        cuts = sorted(rng.sample(range(1, len(rows)), k - 1)) if len(rows) > 1 else []
        bounds = [0] + cuts + [len(rows)]
        for i in range(k):
            part = rows[bounds[i]:bounds[i + 1]]
            path = os.path.join(out, "%s.%d.csv" % (feed, i + 1))
            write(path, header, part)
            for r in part:
                chunk_of[(feed, tuple(r))] = len(chunks)
            chunks.append((feed, i + 1, k, path, part))

    # The order of the chunk imports.
    ids = list(range(len(chunks)))
    rng.shuffle(ids)
    pop = [c for c in ids if chunks[c][0] == "population"]
    rest = [c for c in ids if chunks[c][0] != "population"]
    if order == "population-last":
        ids = rest + pop
    elif order == "population-late":
        half = len(ids) // 2
        ids = rest[:half]
        tail = rest[half:] + pop
        rng.shuffle(tail)
        ids += tail
    elif order != "random":
        sys.exit("unknown order " + order)
    steps = [("chunk", c) for c in ids]

    def label(c):
        feed, i, k, _, part = chunks[c]
        return "%s chunk %d/%d (%d rows)" % (feed, i, k, len(part))

    lines = [(chunks[c][0], chunks[c][3], "import " + label(c)) for _, c in steps]
    position = {c: n for n, (_, c) in enumerate(steps)}   # chunk -> index in lines

    # Corrections: (feed, rows, label, [source chunks]); placed after their source chunks.
    col = {f: {name: i for i, name in enumerate(headers[f])} for f in FEEDS}
    corrections = []
    n_fix = [0]

    def add(feed, rows, text, sources, after=None):
        n_fix[0] += 1
        path = os.path.join(out, "fix%02d.%s.csv" % (n_fix[0], feed))
        write(path, headers[feed], rows)
        corrections.append({"line": (feed, path, text), "sources": sources, "after": after})
        return len(corrections) - 1

    def src(feed, row):
        return chunk_of[(feed, tuple(row))]

    def members_of(pop_rows):
        households = {}
        for r in pop_rows:
            households.setdefault(r[col["population"]["户号"]], []).append(r)
        return households

    households = members_of(originals["population"])
    window_months = set()
    y, m = D.year, D.month
    for _ in range(12):
        window_months.add("%04d-%02d" % (y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)

    # 1. income: one person's incomes of the last 12 months all corrected to 1.00 yuan.
    c = col["income"]
    inc = [r for r in originals["income"] if r[c["所属期"]] in window_months]
    if inc:
        pid = rng.choice(inc)[c["身份证号"]]
        mine = [r for r in inc if r[c["身份证号"]] == pid]
        fixed = [r[:c["金额"]] + ["1.00"] + r[c["金额"] + 1:] for r in mine]
        add("income", fixed, "correct %d income rows of %s to 1.00 yuan" % (len(mine), pid),
            [src("income", r) for r in mine])
        # 2. one income row ×50, then 3. corrected back to its first content.
        row = rng.choice(inc)
        up = row[:]
        up[c["金额"]] = yuan(fen(row[c["金额"]]) * 50)
        i = add("income", [up], "correct income %s %s %s: %s → %s yuan" % (
            row[c["身份证号"]], row[c["所属期"]], row[c["收入类型"]], row[c["金额"]], up[c["金额"]]),
            [src("income", row)])
        add("income", [row], "correct income %s %s back to %s yuan (the first content again)" % (
            row[c["身份证号"]], row[c["所属期"]], row[c["金额"]]), [src("income", row)], after=i)

    # 4. medical: a normal settlement of the last 365 days gets 80,000 yuan more self-pay.
    c = col["medical"]
    med = [r for r in originals["medical"] if r[c["结算类型"]] in ("正常", "")
           and D - dt.timedelta(days=365) < day(r[c["结算日期"]]) <= D]
    if med:
        row = rng.choice(med)
        new = row[:]
        new[c["医疗总费用"]] = yuan(fen(row[c["医疗总费用"]]) + 8000000)
        if row[c["个人自付"]].strip():
            new[c["个人自付"]] = yuan(fen(row[c["个人自付"]]) + 8000000)
        add("medical", [new], "correct medical %s: self-pay +80,000 yuan" % row[c["结算单号"]],
            [src("medical", row)])

    # 5. death: one death moved after the as-of date (alive on D), another moved to D − 20.
    c = col["death"]
    deaths = originals["death"][:]
    rng.shuffle(deaths)
    if len(deaths) >= 2:
        a, b = deaths[0][:], deaths[1][:]
        a2 = a[:]
        a2[c["死亡日期"]] = (D + dt.timedelta(days=15)).isoformat()
        add("death", [a2], "correct death of %s: %s → %s (after the as-of date)" % (
            a[c["身份证号"]], a[c["死亡日期"]], a2[c["死亡日期"]]), [src("death", a)])
        b2 = b[:]
        b2[c["死亡日期"]] = (D - dt.timedelta(days=20)).isoformat()
        add("death", [b2], "correct death of %s: %s → %s" % (
            b[c["身份证号"]], b[c["死亡日期"]], b2[c["死亡日期"]]), [src("death", b)])

    # 6. a new death: a member aged 18–59 of a household of 2 or more (no death record yet).
    cp = col["population"]
    dead = {r[c["身份证号"]] for r in originals["death"]} | {
        r[cp["身份证号"]] for r in originals["population"] if r[cp["变动类型"]] in ("死亡注销", "迁出")}
    cand = []
    for hh, rows in households.items():
        alive = [r for r in rows if r[cp["身份证号"]] not in dead and r[cp["变动类型"]] in ("新增", "")]
        if len(alive) >= 2:
            for r in alive:
                born = int(r[cp["身份证号"]][6:10])
                if 18 <= D.year - born - 1 and D.year - born <= 59:
                    cand.append((hh, r))
    if cand:
        hh, r = rng.choice(sorted(cand))
        new = ["" for _ in headers["death"]]
        new[c["身份证号"]], new[c["姓名"]] = r[cp["身份证号"]], r[cp["姓名"]]
        new[c["死亡日期"]] = (D - dt.timedelta(days=5)).isoformat()
        add("death", [new], "new death of %s (household %s) on %s" % (
            r[cp["身份证号"]], hh, new[c["死亡日期"]]), [src("population", r)])

    # 7. population: a non-head member's 新增 row corrected to another household (and village).
    movable = [(hh, r) for hh, rows in households.items() if len(rows) >= 2 for r in rows
               if r[cp["变动类型"]] in ("新增", "") and r[cp["与户主关系"]] != "户主"
               and r[cp["身份证号"]] not in dead]
    if movable and len(households) > 1:
        hh, r = rng.choice(sorted(movable))
        other = rng.choice(sorted(h for h in households if h != hh))
        new = r[:]
        new[cp["户号"]] = other
        new[cp["村社区代码"]] = households[other][0][cp["村社区代码"]]
        new[cp["住址"]] = households[other][0][cp["住址"]]
        add("population", [new], "correct 新增 row of %s: household %s → %s" % (
            r[cp["身份证号"]], hh, other), [src("population", r)])

    # 8. registry: a 低保/特困 entry active on D corrected to end the day before.
    c = col["registry"]
    reg = [r for r in originals["registry"] if r[c["类别"]] in ("低保", "特困")
           and day(r[c["开始日期"]]) < D
           and (not r[c["结束日期"]].strip() or day(r[c["结束日期"]]) >= D)]
    if reg:
        row = rng.choice(reg)
        new = row[:]
        new[c["结束日期"]] = (D - dt.timedelta(days=1)).isoformat()
        add("registry", [new], "correct registry %s %s: ends %s" % (
            row[c["身份证号"]], row[c["类别"]], new[c["结束日期"]]), [src("registry", row)])

    # 9. disability: a valid grade 3–4 certificate corrected to grade 1.
    c = col["disability"]
    dis = [r for r in originals["disability"] if r[c["残疾等级"]] in ("三级", "四级", "3", "4")
           and r[c["状态"]] in ("有效", "") and day(r[c["发证日期"]]) <= D]
    if dis:
        row = rng.choice(dis)
        new = row[:]
        new[c["残疾等级"]] = "一级"
        add("disability", [new], "correct disability of %s issued %s: %s → 一级" % (
            row[c["身份证号"]], row[c["发证日期"]], row[c["残疾等级"]]), [src("disability", row)])

    # 10. applications: an approved application corrected to rejected (result date kept).
    c = col["applications"]
    app = [r for r in originals["applications"] if r[c["审批结果"]] == "批准"
           and day(r[c["结果日期"]] or r[c["申请日期"]]) > D - dt.timedelta(days=700)]
    if app:
        row = rng.choice(app)
        new = row[:]
        new[c["审批结果"]] = "不予批准"
        add("applications", [new], "correct application %s: 批准 → 不予批准" % row[c["申请编号"]],
            [src("applications", row)])

    # 11. poverty_monitoring: an uncleared risk corrected to cleared 3 days before D.
    c = col["poverty_monitoring"]
    pm = [r for r in originals["poverty_monitoring"] if r[c["风险是否消除"]] in ("否", "")
          and r[c["监测对象类别"]] != "脱贫户" and day(r[c["识别日期"]]) < D - dt.timedelta(days=3)]
    if pm:
        row = rng.choice(pm)
        new = row[:]
        new[c["风险是否消除"]] = "是"
        new[c["消除日期"]] = (D - dt.timedelta(days=3)).isoformat()
        add("poverty_monitoring", [new], "correct monitoring of %s: risk cleared %s" % (
            row[c["身份证号"]], new[c["消除日期"]]), [src("poverty_monitoring", row)])

    # 12. education: a school year of the last 365 days corrected to 20,000 yuan of fees.
    c = col["education"]
    edu = [r for r in originals["education"]
           if D - dt.timedelta(days=365) < event_date("education", r[c["学年"]]) <= D]
    if edu:
        row = rng.choice(edu)
        new = row[:]
        new[c["学段"]] = "高中" if row[c["学段"]] in ("学前", "小学", "初中") else row[c["学段"]]
        new[c["学费住宿费"]] = "20000.00"
        new[c["已获资助"]] = ""
        add("education", [new], "correct education of %s %s: %s fees 20,000 yuan, no aid" % (
            row[c["身份证号"]], row[c["学年"]], new[c["学段"]]), [src("education", row)])

    # Place the corrections: each after its sources (and after its `after` correction).
    # Corrections also come after the first population chunk, so that they meet households.
    first_population = min(p for s, p in position.items() if chunks[s][0] == "population")
    placed = {}
    for n, fix in enumerate(corrections):
        earliest = max([position[s] for s in fix["sources"]] + [first_population]) + 1
        if fix["after"] is not None:
            earliest = max(earliest, placed[fix["after"]] + 1)
        at = rng.randint(earliest, len(lines))
        for m in placed:
            if placed[m] >= at:
                placed[m] += 1
        for s in position:
            if position[s] >= at:
                position[s] += 1
        lines.insert(at, fix["line"])
        placed[n] = at
    # Re-imports of already imported chunks (all duplicates): one in the middle, one at the end.
    mid = len(lines) // 2
    before = [s for s, p in position.items() if p < mid]
    c = rng.choice(sorted(before))
    lines.insert(mid, (chunks[c][0], chunks[c][3], "re-import " + label(c) + " (duplicates)"))
    c = rng.randrange(len(chunks))
    lines.append((chunks[c][0], chunks[c][3], "re-import " + label(c) + " (duplicates)"))

    with open(os.path.join(out, "steps.tsv"), "w", encoding="utf-8") as f:
        for feed, path, text in lines:
            f.write("%s\t%s\t%s\n" % (feed, path, text))


def filter_(data, out, date):
    D = dt.date.fromisoformat(date)
    os.makedirs(out, exist_ok=True)
    for feed in FEEDS:
        header, rows = read(os.path.join(data, feed + ".csv"))
        i = header.index(EVENT_COLUMN[feed])
        if feed == "income":
            keep = [r for r in rows if r[i][:7] <= date[:7]]
        else:
            keep = [r for r in rows if event_date(feed, r[i]) <= D]
        write(os.path.join(out, feed + ".csv"), header, keep)
        print(feed, len(keep), len(rows) - len(keep))


if __name__ == "__main__":
    if len(sys.argv) == 7 and sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6])
    elif len(sys.argv) == 5 and sys.argv[1] == "filter":
        filter_(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
