-- wrk's script for the matching benchmark (matching-load-client.ts): each request is one of the targets
-- in the file named by TARGETS ("<path> <token>" per line), picked at random (seeded by SEED); at the end,
-- one line of JSON: counts, latency quantiles in ms, errors by kind, and wrk's own CPU time.
local requests = {}

init = function(_)
  for line in io.lines(os.getenv("TARGETS")) do
    local path, token = line:match("^(%S+) (%S+)$")
    if path then
      requests[#requests + 1] = wrk.format("GET", path, { ["Host"] = wrk.host .. ":" .. wrk.port, ["Authorization"] = "Bearer " .. token })
    end
  end
  math.randomseed(tonumber(os.getenv("SEED") or "1"))
end

request = function()
  return requests[math.random(#requests)]
end

done = function(summary, latency, _)
  local e = summary.errors
  local q = function(p) return latency:percentile(p) / 1000 end
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"p50":%.3f,"p90":%.3f,"p97_5":%.3f,"p99":%.3f,"p99_9":%.3f,"max":%.3f,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"cpuSeconds":%.3f}\n',
    summary.requests, summary.duration, q(50), q(90), q(97.5), q(99), q(99.9), latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout, os.clock()))
end
