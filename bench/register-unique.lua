-- Every request registers a new address; BENCH_RUN keeps runs apart.
dofile(os.getenv("BENCH_DIR") .. "/counting.lua")
local counter = 0
local prefix = os.getenv("BENCH_RUN") or "run"
local password = "tangerine otter kayak mosaic"

function request()
  counter = counter + 1
  local email = string.format("%s-%s-%d@bench.example.com", prefix, tostring(statuses):sub(-8), counter)
  local body = string.format('{"firstName":"Bench","lastName":"User","email":"%s","password":"%s","confirmPassword":"%s"}',
    email, password, password)
  return wrk.format("POST", "/users/register", {["Content-Type"] = "application/json"}, body)
end
