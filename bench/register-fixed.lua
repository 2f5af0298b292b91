-- One fixed body from BENCH_BODY: a duplicate email, or invalid input.
dofile(os.getenv("BENCH_DIR") .. "/counting.lua")
wrk.method = "POST"
wrk.path = "/users/register"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BENCH_BODY")
