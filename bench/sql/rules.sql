-- The default screening rule set of 30-screening.md (R01–R15, V01) as portable SQL.
-- Runs unchanged in SQLite 3.40 and DuckDB 1.x over the faxian store's tables, reading only
-- current rows (`superseded_at IS NULL`); the TEMP tables written by params.py give D, the
-- standards and every rule threshold. Result: TEMP table
--   warnings(household_no, kind, level, score, rules)   one row per household and kind.
--
-- Portability: dates are ISO text compared as text (params.py precomputes every window bound
-- D − N days); money is integer fen and every per-capita comparison is cross-multiplied, with
-- multiples and shares as exact fractions (no division anywhere: `/` is integer division in
-- SQLite and real division in DuckDB); no LIKE (case rules differ); no scalar min/max (DuckDB's
-- least/greatest); no group_concat (unordered in SQLite 3.40); flags are 0/1 integers (DuckDB
-- does not sum booleans). Every statement ends with ";" at a line end (run_duckdb.mjs splits
-- on that, after dropping "--" comments). `+f.superseded_at IS NULL`: the unary plus changes nothing in either engine but
-- keeps SQLite from walking a feed through its partial natural-key index (random reads of the
-- table instead of one sequential pass).
--
-- Membership is the store's: persons with a `memberships` row active on D (from_date ≤ D <
-- to_date) who are alive on D (persons.death_date NULL or > D). Categories are the store's
-- `categories` rows held on D by a current member (or by the household), plus 曾申请未获批,
-- which is computed from `applications` here. So any error in import or linkage shows up as
-- a difference from the generator's truth.csv.

-- 1. Members on D, their age in full years on D (comparing 'MM-DD' as text makes a 29 February
--    birthday count on 1 March in other years) and their disability on D.
CREATE TEMP TABLE mem AS
SELECT m.household_id AS hh, p.id AS pid, p.self_care, p.health_status,
       CAST(substr(pr.d, 1, 4) AS INTEGER) - CAST(substr(p.birth_date, 1, 4) AS INTEGER)
         - CASE WHEN substr(pr.d, 6, 5) < substr(p.birth_date, 6, 5) THEN 1 ELSE 0 END AS age
FROM params pr
JOIN memberships m ON m.from_date <= pr.d AND (m.to_date IS NULL OR m.to_date > pr.d)
JOIN persons p ON p.id = m.person_id
WHERE p.death_date IS NULL OR p.death_date > pr.d;

-- Disability on D: the most recent certificate issued on or before D decides; 注销 = none.
-- (Same-day certificates: the later row in the store wins.)
CREATE TEMP TABLE cert_now AS
SELECT pid, grade, status, issued FROM (
  SELECT f.person_id AS pid, f.grade, f.status, f.event_date AS issued,
         ROW_NUMBER() OVER (PARTITION BY f.person_id ORDER BY f.event_date DESC, f.id DESC) AS rn
  FROM feed_disability f, params pr
  WHERE +f.superseded_at IS NULL AND f.event_date <= pr.d
) t WHERE rn = 1;

-- severe: disability grade 1–2 on D, or 失能 (self-care recorded by the workflow).
-- working_age: 16–59 and not severe. dependent: under 16, 70 or older, or severe.
CREATE TEMP TABLE memx AS
SELECT mem.hh, mem.pid, mem.age, mem.health_status,
       CASE WHEN (c.status <> 'revoked' AND c.grade <= 2) OR mem.self_care = 'fully_disabled'
            THEN 1 ELSE 0 END AS severe
FROM mem LEFT JOIN cert_now c ON c.pid = mem.pid;

-- 2. Screened households (at least one member on D): n, area type from the household's
--    village, the 低保 standard on D and the disposable-income reference for that area.
CREATE TEMP TABLE hh AS
SELECT h.id AS hh, h.household_no, a.n, a.n_working, a.n_dependent, a.n_severe, a.max_age,
       a.n_serious_status,
       CASE WHEN substr(r.urban_rural_code, 1, 1) = '1' THEN pr.std_urban ELSE pr.std_rural END AS std,
       CASE WHEN substr(r.urban_rural_code, 1, 1) = '1' THEN pr.disp_urban ELSE pr.disp_rural END AS disp
FROM (
  SELECT hh, COUNT(*) AS n,
         SUM(CASE WHEN age BETWEEN 16 AND 59 AND severe = 0 THEN 1 ELSE 0 END) AS n_working,
         SUM(CASE WHEN age < 16 OR age >= 70 OR severe = 1 THEN 1 ELSE 0 END) AS n_dependent,
         SUM(severe) AS n_severe, MAX(age) AS max_age,
         SUM(CASE WHEN health_status = 'serious_illness' THEN 1 ELSE 0 END) AS n_serious_status
  FROM memx GROUP BY hh
) a
JOIN households h ON h.id = a.hh
JOIN regions r ON r.code = h.village_code
CROSS JOIN params pr;

-- 3. income_12m: the 12 calendar months ending with D's month, per person, then per household.
CREATE TEMP TABLE inc_person AS
SELECT i.person_id AS pid, SUM(i.amount) AS amount
FROM params pr
JOIN feed_income i ON i.month >= pr.month_12 AND i.month <= pr.month_d
WHERE +i.superseded_at IS NULL
  AND i.income_type NOT IN (SELECT income_type FROM param_excluded_income)
GROUP BY i.person_id;

CREATE TEMP TABLE inc AS
SELECT hh.hh, COALESCE(a.income_12m, 0) AS income_12m
FROM hh
LEFT JOIN (SELECT mem.hh, SUM(ip.amount) AS income_12m
           FROM mem JOIN inc_person ip ON ip.pid = mem.pid
           GROUP BY mem.hh) a ON a.hh = hh.hh;

-- 4. Medical self-pay of members, net of reversals (a 冲销 row subtracts the absolute value of
--    its self-pay at its own settle date): the 365-day feature, R03's and R12's windows; serious
--    illness (a listed code within R09's window).
CREATE TEMP TABLE serious_codes AS
SELECT c.code
FROM (SELECT DISTINCT diagnosis_code AS code FROM feed_medical) c
WHERE EXISTS (SELECT 1 FROM param_serious_codes s
              WHERE (s.lo3 IS NOT NULL AND upper(substr(c.code, 1, 3)) BETWEEN s.lo3 AND s.hi3)
                 OR (s.prefix IS NOT NULL AND upper(substr(c.code, 1, length(s.prefix))) = s.prefix));

CREATE TEMP TABLE med AS
SELECT m.hh,
       SUM(CASE WHEN m.event_date > pr.d_365 THEN m.self_paid ELSE 0 END) AS selfpay_12m,
       SUM(CASE WHEN m.event_date > pr.w_r03 THEN m.self_paid ELSE 0 END) AS selfpay_r03,
       SUM(CASE WHEN m.event_date > pr.w_r12 THEN m.self_paid ELSE 0 END) AS selfpay_r12,
       MAX(CASE WHEN m.event_date > pr.w_r09 THEN m.serious ELSE 0 END) AS serious
FROM (
  SELECT mem.hh, f.event_date,
         CASE WHEN f.settle_kind = 'reversal' THEN -abs(f.self_paid) ELSE f.self_paid END AS self_paid,
         CASE WHEN f.diagnosis_code IN (SELECT code FROM serious_codes) THEN 1 ELSE 0 END AS serious
  FROM params pr
  JOIN feed_medical f ON f.event_date > pr.med_from AND f.event_date <= pr.d
  JOIN mem ON mem.pid = f.person_id
  WHERE +f.superseded_at IS NULL
) m
CROSS JOIN params pr
GROUP BY m.hh;

-- Education: school years whose 1 September (the record's event_date) is in the window;
-- education_net_12m sums max(fees − aid, 0); R13 looks for one record of a listed stage.
CREATE TEMP TABLE edu AS
SELECT mem.hh,
       SUM(CASE WHEN f.event_date > pr.d_365 AND f.fees - COALESCE(f.aid, 0) > 0
                THEN f.fees - COALESCE(f.aid, 0) ELSE 0 END) AS education_net_12m,
       MAX(CASE WHEN f.event_date > pr.w_r13
                 AND f.stage IN ('senior_high', 'secondary_vocational', 'higher_vocational', 'undergraduate')
                 AND f.fees - COALESCE(f.aid, 0) >= pr.r13_min THEN 1 ELSE 0 END) AS r13_burden
FROM params pr
JOIN feed_education f ON f.event_date > pr.edu_from AND f.event_date <= pr.d
JOIN mem ON mem.pid = f.person_id
WHERE +f.superseded_at IS NULL
GROUP BY mem.hh;

-- 5. Assets of members: rows dated ≤ D and not 注销 (blank = 有效), each row standing alone.
CREATE TEMP TABLE ast AS
SELECT mem.hh,
       MAX(CASE WHEN f.asset_type = 'vehicle' AND f.value > pr.vehicle_exempt THEN 1 ELSE 0 END) AS vehicle,
       MAX(CASE WHEN f.asset_type = 'vehicle' AND f.value > pr.vehicle_exempt
                 AND f.event_date > pr.w_v01 THEN 1 ELSE 0 END) AS vehicle_new,
       SUM(CASE WHEN f.asset_type = 'real_estate' THEN 1 ELSE 0 END) AS homes,
       SUM(CASE WHEN f.asset_type = 'real_estate' AND f.event_date > pr.w_v01 THEN 1 ELSE 0 END) AS homes_new,
       MAX(CASE WHEN f.asset_type = 'business' THEN 1 ELSE 0 END) AS business,
       MAX(CASE WHEN f.asset_type = 'business' AND f.event_date > pr.w_v01 THEN 1 ELSE 0 END) AS business_new,
       SUM(CASE WHEN f.asset_type = 'deposit' THEN COALESCE(f.value, 0) ELSE 0 END) AS deposits,
       SUM(CASE WHEN f.asset_type = 'deposit' AND f.event_date > pr.w_v01 THEN 1 ELSE 0 END) AS deposits_new
FROM params pr
JOIN feed_assets f ON f.event_date <= pr.d AND f.status <> 'revoked'
JOIN mem ON mem.pid = f.person_id
WHERE +f.superseded_at IS NULL
GROUP BY mem.hh;

-- excluded_by_assets; V01's trigger: a row registered within V01's window that contributes.
CREATE TEMP TABLE ast_x AS
SELECT a.hh,
       CASE WHEN a.vehicle = 1 OR a.homes >= 2 OR a.business = 1
              OR a.deposits > hh.n * hh.std * pr.deposit_months THEN 1 ELSE 0 END AS excluded,
       CASE WHEN a.vehicle_new = 1 OR (a.homes >= 2 AND a.homes_new > 0) OR a.business_new = 1
              OR (a.deposits > hh.n * hh.std * pr.deposit_months AND a.deposits_new > 0)
            THEN 1 ELSE 0 END AS v01_asset
FROM ast a JOIN hh ON hh.hh = a.hh CROSS JOIN params pr;

-- 6. Applications; a decision date is the result date, else the apply date (event_date).
--    A current member's 不予批准 stays open unless any current member's 批准 (any type) was
--    decided strictly later and ≤ D. Open rejections decided in (D − 730, D] give 曾申请未获批;
--    R11 looks at those in its own window.
CREATE TEMP TABLE approved AS
SELECT mem.hh, MAX(COALESCE(f.result_date, f.event_date)) AS last_decided
FROM params pr
JOIN feed_applications f ON COALESCE(f.result_date, f.event_date) <= pr.d
JOIN mem ON mem.pid = f.person_id
WHERE +f.superseded_at IS NULL AND f.result = 'approved'
GROUP BY mem.hh;

CREATE TEMP TABLE rejected AS
SELECT DISTINCT mem.hh, COALESCE(f.result_date, f.event_date) AS decided
FROM params pr
JOIN feed_applications f ON COALESCE(f.result_date, f.event_date) > pr.rejected_from
                        AND COALESCE(f.result_date, f.event_date) <= pr.d
JOIN mem ON mem.pid = f.person_id
LEFT JOIN approved a ON a.hh = mem.hh
WHERE +f.superseded_at IS NULL AND f.result = 'rejected'
  AND (a.last_decided IS NULL OR a.last_decided <= COALESCE(f.result_date, f.event_date));

-- 7. Categories held on D.
CREATE TEMP TABLE cat AS
SELECT DISTINCT mem.hh, c.kind
FROM params pr
JOIN categories c ON c.start_date <= pr.d AND (c.end_date IS NULL OR c.end_date >= pr.d)
JOIN mem ON mem.pid = c.person_id
WHERE c.household_id IS NULL
UNION
SELECT c.household_id AS hh, c.kind
FROM params pr
JOIN categories c ON c.start_date <= pr.d AND (c.end_date IS NULL OR c.end_date >= pr.d)
WHERE c.household_id IS NOT NULL
UNION
SELECT r.hh, 'rejected_applicant' AS kind
FROM rejected r CROSS JOIN params pr
WHERE r.decided > pr.d_730;

CREATE TEMP TABLE cats AS
SELECT hh,
       MAX(CASE WHEN kind IN ('dibao', 'tekun') THEN 1 ELSE 0 END) AS dibao_tekun,
       MAX(CASE WHEN kind IN ('dibao', 'tekun', 'dibao_edge', 'expenditure_hardship') THEN 1 ELSE 0 END) AS r02_block,
       -- low-income categories (R04): 低保 特困 低保边缘 刚性支出困难 防返贫监测 脱贫 孤儿 事实无人抚养儿童
       MAX(CASE WHEN kind IN ('dibao', 'tekun', 'dibao_edge', 'expenditure_hardship', 'poverty_monitoring',
                              'poverty_alleviated', 'orphan_or_unsupported_child') THEN 1 ELSE 0 END) AS low_income,
       MAX(CASE WHEN kind IN ('poverty_monitoring', 'poverty_alleviated', 'dibao_edge', 'rejected_applicant')
                THEN 1 ELSE 0 END) AS r05_category,
       MAX(CASE WHEN kind = 'poverty_monitoring' THEN 1 ELSE 0 END) AS monitoring
FROM cat GROUP BY hh;

-- 8. Events. Job loss: 失业登记 or 社保断缴 of a member working-age on D, with no 就业登记 of
--    that person strictly later and ≤ D (灵活就业登记 and 退休 do not cancel it); each rule
--    applies its own window.
CREATE TEMP TABLE job_loss AS
SELECT x.hh, f.event_date
FROM params pr
JOIN feed_employment f ON f.event_date > pr.job_from AND f.event_date <= pr.d
JOIN memx x ON x.pid = f.person_id AND x.age BETWEEN 16 AND 59 AND x.severe = 0
WHERE +f.superseded_at IS NULL AND f.event IN ('unemployed', 'contribution_stopped')
  AND NOT EXISTS (SELECT 1 FROM feed_employment g
                  WHERE g.person_id = f.person_id AND +g.superseded_at IS NULL
                    AND g.event = 'employed' AND g.event_date > f.event_date
                    AND g.event_date <= pr.d);

-- Deaths, in the household the person was a member of when they died — the membership was open
-- on the death date or their 死亡注销 closed it that day (the store's death date: the earlier of
-- the death feed and a 死亡注销 row), with age at death and the month
-- bounds of the 12 calendar months ending with the death month.
CREATE TEMP TABLE deaths AS
SELECT m.household_id AS hh, p.id AS pid, p.death_date,
       CAST(substr(p.death_date, 1, 4) AS INTEGER) - CAST(substr(p.birth_date, 1, 4) AS INTEGER)
         - CASE WHEN substr(p.death_date, 6, 5) < substr(p.birth_date, 6, 5) THEN 1 ELSE 0 END
         AS age_at_death,
       mf.month AS income_from, substr(p.death_date, 1, 7) AS income_to
FROM params pr
JOIN persons p ON p.death_date > pr.death_from AND p.death_date <= pr.d
JOIN memberships m ON m.person_id = p.id AND m.from_date <= p.death_date
                  AND (m.to_date IS NULL OR m.to_date >= p.death_date)
JOIN param_months mf ON mf.mi = CAST(substr(p.death_date, 1, 4) AS INTEGER) * 12
                                + CAST(substr(p.death_date, 6, 2) AS INTEGER) - 1 - 11;

-- Disasters of current members with R10's damage types (房屋倒塌 房屋严重损坏 农作物绝收 人员伤亡).
CREATE TEMP TABLE disaster AS
SELECT mem.hh,
       MAX(CASE WHEN f.event_date > pr.w_r10 THEN 1 ELSE 0 END) AS r10,
       MAX(CASE WHEN f.event_date > pr.w_r10 AND f.damage IN ('house_collapsed', 'casualty')
                THEN 1 ELSE 0 END) AS r10_red,
       MAX(CASE WHEN f.event_date > pr.w_r12 THEN 1 ELSE 0 END) AS r12
FROM params pr
JOIN feed_disaster f ON f.event_date > pr.disaster_from AND f.event_date <= pr.d
JOIN mem ON mem.pid = f.person_id
WHERE +f.superseded_at IS NULL
  AND f.damage IN ('house_collapsed', 'house_severe', 'crop_total_loss', 'casualty')
GROUP BY mem.hh;

-- Per household: latest job loss and latest death (a member at death), for R05/R11/R12/V01.
CREATE TEMP TABLE last_events AS
SELECT hh, MAX(job_loss_date) AS job_loss_date, MAX(death_date) AS death_date
FROM (SELECT hh, event_date AS job_loss_date, NULL AS death_date FROM job_loss
      UNION ALL
      SELECT hh, NULL AS job_loss_date, death_date FROM deaths) e
GROUP BY hh;

-- 9. R06: a member aged min_age–max_age at death died within the window; the deceased's income
--    over the 12 months ending with the death month vs. that of everyone who was a member on the
--    death date (the deceased included; > 0), or dependents and no working-age member on D.
CREATE TEMP TABLE r06_then AS
SELECT d.hh, d.pid AS deceased, p.id AS pid, d.income_from, d.income_to
FROM params pr
JOIN deaths d ON d.death_date > pr.w_r06 AND d.age_at_death BETWEEN pr.r06_min_age AND pr.r06_max_age
JOIN memberships m ON m.household_id = d.hh AND m.from_date <= d.death_date
                  AND (m.to_date IS NULL OR m.to_date > d.death_date
                       OR (m.person_id = d.pid AND m.to_date = d.death_date))
JOIN persons p ON p.id = m.person_id
              AND (p.id = d.pid OR p.death_date IS NULL OR p.death_date > d.death_date);

CREATE TEMP TABLE r06_income AS
SELECT t.hh, t.deceased,
       SUM(i.amount) AS household_income,
       SUM(CASE WHEN t.pid = t.deceased THEN i.amount ELSE 0 END) AS deceased_income
FROM r06_then t
JOIN feed_income i ON i.person_id = t.pid
WHERE +i.superseded_at IS NULL
  AND i.income_type NOT IN (SELECT income_type FROM param_excluded_income)
  AND i.month >= t.income_from AND i.month <= t.income_to
GROUP BY t.hh, t.deceased;

CREATE TEMP TABLE r06 AS
SELECT hh.hh,
       MAX(CASE WHEN COALESCE(r.household_income, 0) > 0
                 AND r.deceased_income * pr.r06_share_den >= pr.r06_share_num * r.household_income
                  OR (hh.n_dependent > 0 AND hh.n_working = 0) THEN 1 ELSE 0 END) AS r06,
       MAX(CASE WHEN hh.n_dependent > 0 AND hh.n_working = 0 THEN 1 ELSE 0 END) AS r06_red
FROM (SELECT DISTINCT hh, deceased FROM r06_then) d
JOIN hh ON hh.hh = d.hh
CROSS JOIN params pr
LEFT JOIN r06_income r ON r.hh = d.hh AND r.deceased = d.deceased
GROUP BY hh.hh;

-- 10. R11: an open rejection decided in R11's window, and strictly after its decision date
--     (and ≤ D): members' self-pay summed ≥ min_amount, an R05 event (R05's window), the death
--     of anyone who was a member at death, or pc_income(D) ≤ share × pc_income(decision date),
--     the latter for the members on that date and > 0.
CREATE TEMP TABLE r11_members AS
SELECT r.hh, r.decided, p.id AS pid, mf.month AS income_from, substr(r.decided, 1, 7) AS income_to
FROM params pr
JOIN rejected r ON r.decided > pr.w_r11
JOIN param_months mf ON mf.mi = CAST(substr(r.decided, 1, 4) AS INTEGER) * 12
                                + CAST(substr(r.decided, 6, 2) AS INTEGER) - 1 - 11
JOIN memberships m ON m.household_id = r.hh AND m.from_date <= r.decided
                  AND (m.to_date IS NULL OR m.to_date > r.decided)
JOIN persons p ON p.id = m.person_id AND (p.death_date IS NULL OR p.death_date > r.decided);

CREATE TEMP TABLE r11_then AS
SELECT c.hh, c.decided, c.n_then, COALESCE(s.income_then, 0) AS income_then
FROM (SELECT hh, decided, COUNT(DISTINCT pid) AS n_then FROM r11_members GROUP BY hh, decided) c
LEFT JOIN (
  SELECT t.hh, t.decided, SUM(i.amount) AS income_then
  FROM r11_members t
  JOIN feed_income i ON i.person_id = t.pid
  WHERE +i.superseded_at IS NULL
    AND i.income_type NOT IN (SELECT income_type FROM param_excluded_income)
    AND i.month >= t.income_from AND i.month <= t.income_to
  GROUP BY t.hh, t.decided
) s ON s.hh = c.hh AND s.decided = c.decided;

CREATE TEMP TABLE r11_medical AS
SELECT r.hh, r.decided,
       SUM(CASE WHEN f.settle_kind = 'reversal' THEN -abs(f.self_paid) ELSE f.self_paid END) AS self_paid
FROM params pr
JOIN rejected r ON r.decided > pr.w_r11
JOIN mem ON mem.hh = r.hh
JOIN feed_medical f ON f.person_id = mem.pid AND f.event_date > r.decided AND f.event_date <= pr.d
WHERE +f.superseded_at IS NULL
GROUP BY r.hh, r.decided;

CREATE TEMP TABLE r11 AS
SELECT DISTINCT r.hh, 1 AS r11
FROM params pr
JOIN rejected r ON r.decided > pr.w_r11
JOIN hh ON hh.hh = r.hh
JOIN inc ON inc.hh = r.hh
LEFT JOIN r11_then t ON t.hh = r.hh AND t.decided = r.decided
LEFT JOIN r11_medical md ON md.hh = r.hh AND md.decided = r.decided
LEFT JOIN last_events e ON e.hh = r.hh
LEFT JOIN (SELECT hh, MAX(event_date) AS last_date FROM job_loss CROSS JOIN params pr
           WHERE event_date > pr.w_r05 GROUP BY hh) j ON j.hh = r.hh
WHERE COALESCE(md.self_paid, 0) >= pr.r11_min
   OR j.last_date > r.decided
   OR e.death_date > r.decided
   OR (t.income_then > 0
       AND inc.income_12m * t.n_then * pr.r11_share_den <= pr.r11_share_num * t.income_then * hh.n);

-- 11. R14: distinct tickets within the window linked to a current member — by the ID the
--     store linked, by the ID written on the ticket, or by an officer's confirmed match.
CREATE TEMP TABLE tickets AS
SELECT mem.hh, f.ticket_no
FROM params pr
JOIN feed_hotline f ON substr(f.call_time, 1, 10) > pr.w_r14 AND substr(f.call_time, 1, 10) <= pr.d
JOIN mem ON mem.pid = f.person_id
WHERE +f.superseded_at IS NULL
UNION
SELECT mem.hh, f.ticket_no
FROM params pr
JOIN feed_hotline f ON substr(f.call_time, 1, 10) > pr.w_r14 AND substr(f.call_time, 1, 10) <= pr.d
JOIN persons p ON p.resident_id = f.id_number
JOIN mem ON mem.pid = p.id
WHERE +f.superseded_at IS NULL AND f.person_id IS NULL
UNION
SELECT mem.hh, f.ticket_no
FROM params pr
JOIN feed_hotline f ON substr(f.call_time, 1, 10) > pr.w_r14 AND substr(f.call_time, 1, 10) <= pr.d
JOIN hotline_candidates c ON c.hotline_record_id = f.id AND c.status = 'confirmed'
JOIN mem ON mem.pid = c.person_id
WHERE +f.superseded_at IS NULL;

-- 12. R15: the certificate in force on D is grade 1–2 and not 注销, issued within the window,
--     and the person has no earlier grade 1–2 certificate of any status.
CREATE TEMP TABLE r15 AS
SELECT DISTINCT mem.hh
FROM params pr
JOIN cert_now c ON c.status <> 'revoked' AND c.grade <= 2 AND c.issued > pr.w_r15
JOIN mem ON mem.pid = c.pid
WHERE NOT EXISTS (SELECT 1 FROM feed_disability f
                  WHERE f.person_id = c.pid AND +f.superseded_at IS NULL
                    AND f.grade <= 2 AND f.event_date < c.issued);

-- 13. V01's income test: each of the last `months` calendar months (ending with D's month) has
--     members' income / n ≥ edge multiple × standard. Only 低保/特困 households are looked at.
CREATE TEMP TABLE v01_people AS
SELECT mem.hh, mem.pid FROM cats JOIN mem ON mem.hh = cats.hh WHERE cats.dibao_tekun = 1;

CREATE TEMP TABLE v01_months AS
SELECT x.hh, COUNT(*) AS months
FROM (
  SELECT v.hh, i.month, SUM(i.amount) AS amount
  FROM params pr
  JOIN feed_income i ON i.month >= pr.v01_from_month AND i.month <= pr.month_d
  JOIN v01_people v ON v.pid = i.person_id
  WHERE +i.superseded_at IS NULL
    AND i.income_type NOT IN (SELECT income_type FROM param_excluded_income)
  GROUP BY v.hh, i.month
) x
JOIN hh ON hh.hh = x.hh
CROSS JOIN params pr
WHERE x.amount * pr.edge_den >= pr.edge_num * hh.std * hh.n
GROUP BY x.hh;

-- 14. Every rule per household (0/1), with the red upgrades of R06 and R10.
CREATE TEMP TABLE fired_wide AS
SELECT hh.hh,
  -- R01 应保未保: not 低保/特困; pc_income < standard; not excluded_by_assets
  CASE WHEN COALESCE(cats.dibao_tekun, 0) = 0 AND COALESCE(ax.excluded, 0) = 0
        AND inc.income_12m < hh.std * 12 * hh.n THEN 1 ELSE 0 END AS r01,
  -- R02 刚性支出困难: not 低保/特困/低保边缘/刚性支出困难, not excluded_by_assets,
  --     pc_income × 12 < disposable_ref, rigid_12m > 0 and ≥ share × income_12m
  CASE WHEN COALESCE(cats.r02_block, 0) = 0 AND COALESCE(ax.excluded, 0) = 0
        AND inc.income_12m < hh.disp * hh.n
        AND COALESCE(med.selfpay_12m, 0) + COALESCE(edu.education_net_12m, 0) > 0
        AND (COALESCE(med.selfpay_12m, 0) + COALESCE(edu.education_net_12m, 0)) * pr.rigid_den
            >= pr.rigid_num * inc.income_12m THEN 1 ELSE 0 END AS r02,
  -- R03 高额医疗自付: self-pay ≥ min and (pc_income < k × standard or self-pay ≥ share × income)
  CASE WHEN COALESCE(med.selfpay_r03, 0) >= pr.r03_min
        AND (inc.income_12m * pr.r03_mult_den < pr.r03_mult_num * hh.std * 12 * hh.n
             OR COALESCE(med.selfpay_r03, 0) * pr.r03_share_den >= pr.r03_share_num * inc.income_12m)
       THEN 1 ELSE 0 END AS r03,
  -- R04 低保边缘: no low-income category; standard ≤ pc_income < edge multiple × standard; assets
  CASE WHEN COALESCE(cats.low_income, 0) = 0 AND COALESCE(ax.excluded, 0) = 0
        AND inc.income_12m >= hh.std * 12 * hh.n
        AND inc.income_12m * pr.edge_den < pr.edge_num * hh.std * 12 * hh.n THEN 1 ELSE 0 END AS r04,
  -- R05 就业变动: (防返贫监测/脱贫/低保边缘/曾申请未获批, or pc_income < k × standard) and a job loss
  CASE WHEN (COALESCE(cats.r05_category, 0) = 1
             OR inc.income_12m * pr.r05_mult_den < pr.r05_mult_num * hh.std * 12 * hh.n)
        AND ev.job_loss_date > pr.w_r05 THEN 1 ELSE 0 END AS r05,
  -- R06 主要劳动力死亡
  COALESCE(r06.r06, 0) AS r06, COALESCE(r06.r06_red, 0) AS r06_red,
  -- R07 重残失能无人照料: a severe member and no working-age member
  CASE WHEN hh.n_severe > 0 AND hh.n_working = 0 THEN 1 ELSE 0 END AS r07,
  -- R08 高龄独居: n = 1, age ≥ min_age, pc_income < k × standard
  CASE WHEN hh.n = 1 AND hh.max_age >= pr.r08_min_age
        AND inc.income_12m * pr.r08_mult_den < pr.r08_mult_num * hh.std * 12 THEN 1 ELSE 0 END AS r08,
  -- R09 重大疾病: a listed diagnosis in the window or health status 重大疾病; pc_income < k × standard
  CASE WHEN (COALESCE(med.serious, 0) = 1 OR hh.n_serious_status > 0)
        AND inc.income_12m * pr.r09_mult_den < pr.r09_mult_num * hh.std * 12 * hh.n THEN 1 ELSE 0 END AS r09,
  -- R10 受灾
  COALESCE(dis.r10, 0) AS r10, COALESCE(dis.r10_red, 0) AS r10_red,
  -- R11 曾申请未获批且情况变化
  COALESCE(r11.r11, 0) AS r11,
  -- R12 防返贫风险未消除: 防返贫监测 held, and within the window self-pay ≥ min, job loss, a
  --     member's death or a disaster with R10's damage types
  CASE WHEN COALESCE(cats.monitoring, 0) = 1
        AND (COALESCE(med.selfpay_r12, 0) >= pr.r12_min
             OR ev.job_loss_date > pr.w_r12
             OR ev.death_date > pr.w_r12
             OR COALESCE(dis.r12, 0) = 1) THEN 1 ELSE 0 END AS r12,
  -- R13 教育负担
  CASE WHEN COALESCE(edu.r13_burden, 0) = 1
        AND inc.income_12m * pr.r13_mult_den < pr.r13_mult_num * hh.std * 12 * hh.n THEN 1 ELSE 0 END AS r13,
  -- R14 多次求助
  CASE WHEN COALESCE(tk.tickets, 0) >= pr.r14_min_count THEN 1 ELSE 0 END AS r14,
  -- R15 新增重度残疾
  CASE WHEN r15.hh IS NOT NULL
        AND inc.income_12m * pr.r15_mult_den < pr.r15_mult_num * hh.std * 12 * hh.n THEN 1 ELSE 0 END AS r15,
  -- V01 应退核查: 低保/特困 and (a member's death, a new excluding asset, or the income test)
  CASE WHEN COALESCE(cats.dibao_tekun, 0) = 1
        AND (ev.death_date > pr.w_v01
             OR COALESCE(ax.v01_asset, 0) = 1
             OR COALESCE(vm.months, 0) >= pr.v01_months) THEN 1 ELSE 0 END AS v01
FROM hh
CROSS JOIN params pr
JOIN inc ON inc.hh = hh.hh
LEFT JOIN cats ON cats.hh = hh.hh
LEFT JOIN ast_x ax ON ax.hh = hh.hh
LEFT JOIN med ON med.hh = hh.hh
LEFT JOIN edu ON edu.hh = hh.hh
LEFT JOIN r06 ON r06.hh = hh.hh
LEFT JOIN disaster dis ON dis.hh = hh.hh
LEFT JOIN r11 ON r11.hh = hh.hh
LEFT JOIN r15 ON r15.hh = hh.hh
LEFT JOIN last_events ev ON ev.hh = hh.hh
LEFT JOIN v01_months vm ON vm.hh = hh.hh
LEFT JOIN (SELECT hh, COUNT(DISTINCT ticket_no) AS tickets FROM tickets GROUP BY hh) tk ON tk.hh = hh.hh;

-- 15. Long form (enabled rules only), then score and level per household and kind.
CREATE TEMP TABLE fired AS
SELECT f.hh, f.rule, f.red
FROM (
  SELECT hh, 'R01' AS rule, 0 AS red FROM fired_wide WHERE r01 = 1
  UNION ALL SELECT hh, 'R02', 0 FROM fired_wide WHERE r02 = 1
  UNION ALL SELECT hh, 'R03', 0 FROM fired_wide WHERE r03 = 1
  UNION ALL SELECT hh, 'R04', 0 FROM fired_wide WHERE r04 = 1
  UNION ALL SELECT hh, 'R05', 0 FROM fired_wide WHERE r05 = 1
  UNION ALL SELECT hh, 'R06', r06_red FROM fired_wide WHERE r06 = 1
  UNION ALL SELECT hh, 'R07', 0 FROM fired_wide WHERE r07 = 1
  UNION ALL SELECT hh, 'R08', 0 FROM fired_wide WHERE r08 = 1
  UNION ALL SELECT hh, 'R09', 0 FROM fired_wide WHERE r09 = 1
  UNION ALL SELECT hh, 'R10', r10_red FROM fired_wide WHERE r10 = 1
  UNION ALL SELECT hh, 'R11', 0 FROM fired_wide WHERE r11 = 1
  UNION ALL SELECT hh, 'R12', 0 FROM fired_wide WHERE r12 = 1
  UNION ALL SELECT hh, 'R13', 0 FROM fired_wide WHERE r13 = 1
  UNION ALL SELECT hh, 'R14', 0 FROM fired_wide WHERE r14 = 1
  UNION ALL SELECT hh, 'R15', 0 FROM fired_wide WHERE r15 = 1
  UNION ALL SELECT hh, 'V01', 0 FROM fired_wide WHERE v01 = 1
) f
JOIN rule_def d ON d.rule = f.rule AND d.enabled = 1;

-- score = min(max_score, Σ points); level = the highest of the floors (red where R06/R10 say
-- so) and the score cut-offs. Review warnings have no score and no level.
CREATE TEMP TABLE warnings AS
SELECT hh.household_no, w.kind,
       CASE WHEN w.kind = 'review' THEN NULL
            WHEN w.floor_level >= 3 OR w.points >= pr.red_score THEN 'red'
            WHEN w.floor_level >= 2 OR w.points >= pr.orange_score THEN 'orange'
            WHEN w.floor_level >= 1 OR w.points >= pr.yellow_score THEN 'yellow' END AS level,
       CASE WHEN w.kind = 'review' THEN NULL
            WHEN w.points > pr.max_score THEN pr.max_score ELSE w.points END AS score,
       substr(w.rules_sep, 1, length(w.rules_sep) - 1) AS rules
FROM (
  SELECT f.hh, d.kind, SUM(d.points) AS points,
         MAX(CASE WHEN f.red = 1 THEN 3 ELSE d.floor END) AS floor_level,
         -- rule ids ascending, joined by ';'
         MAX(CASE WHEN f.rule = 'R01' THEN 'R01;' ELSE '' END) || MAX(CASE WHEN f.rule = 'R02' THEN 'R02;' ELSE '' END)
         || MAX(CASE WHEN f.rule = 'R03' THEN 'R03;' ELSE '' END) || MAX(CASE WHEN f.rule = 'R04' THEN 'R04;' ELSE '' END)
         || MAX(CASE WHEN f.rule = 'R05' THEN 'R05;' ELSE '' END) || MAX(CASE WHEN f.rule = 'R06' THEN 'R06;' ELSE '' END)
         || MAX(CASE WHEN f.rule = 'R07' THEN 'R07;' ELSE '' END) || MAX(CASE WHEN f.rule = 'R08' THEN 'R08;' ELSE '' END)
         || MAX(CASE WHEN f.rule = 'R09' THEN 'R09;' ELSE '' END) || MAX(CASE WHEN f.rule = 'R10' THEN 'R10;' ELSE '' END)
         || MAX(CASE WHEN f.rule = 'R11' THEN 'R11;' ELSE '' END) || MAX(CASE WHEN f.rule = 'R12' THEN 'R12;' ELSE '' END)
         || MAX(CASE WHEN f.rule = 'R13' THEN 'R13;' ELSE '' END) || MAX(CASE WHEN f.rule = 'R14' THEN 'R14;' ELSE '' END)
         || MAX(CASE WHEN f.rule = 'R15' THEN 'R15;' ELSE '' END) || MAX(CASE WHEN f.rule = 'V01' THEN 'V01;' ELSE '' END)
         AS rules_sep
  FROM fired f JOIN rule_def d ON d.rule = f.rule
  GROUP BY f.hh, d.kind
) w
JOIN hh ON hh.hh = w.hh
CROSS JOIN params pr;
