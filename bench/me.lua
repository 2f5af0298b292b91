dofile(os.getenv("BENCH_DIR") .. "/counting.lua")
wrk.method = "GET"
wrk.path = "/users/me"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
