dofile(os.getenv("BENCH_DIR") .. "/counting.lua")
wrk.method = "GET"
wrk.path = "/actuator/health/liveness"
