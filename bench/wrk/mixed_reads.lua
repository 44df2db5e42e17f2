-- wrk script: the mixed read load of 70-quality.md — lead lists (county-wide and filtered),
-- household profiles and timelines, dashboard figures — as a logged-in county officer.
-- Environment: FAXIAN_COOKIE (session cookie), FAXIAN_HOUSEHOLDS (file of 户号, one a line).
local cookie = os.getenv("FAXIAN_COOKIE")
local households = {}
for line in io.lines(os.getenv("FAXIAN_HOUSEHOLDS")) do
  households[#households + 1] = line
end
local levels = { "red", "orange", "yellow" }
local counter = 0

request = function()
  counter = counter + 1
  local pick = counter % 10
  local path
  if pick < 3 then
    path = "/api/v1/leads?page=" .. (counter % 20 + 1) .. "&page_size=50"
  elseif pick < 4 then
    path = "/api/v1/leads?level=" .. levels[counter % 3 + 1] .. "&status=new&page_size=50"
  elseif pick < 7 then
    path = "/api/v1/households/" .. households[counter % #households + 1]
  elseif pick < 8 then
    path = "/api/v1/households/" .. households[counter % #households + 1] .. "/timeline"
  else
    path = "/api/v1/stats/dashboard"
  end
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

local failures = 0
response = function(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures <= 5 then
      io.stderr:write("status " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
    end
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non200=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status))
end
