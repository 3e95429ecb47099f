-- wrk: GET a job by a random id among the seeded ones.
local count = tonumber(os.getenv("BENCH_JOBS") or "100000")
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
request = function()
  return wrk.format("GET", "/api/v1/jobs/" .. math.random(1, count))
end
