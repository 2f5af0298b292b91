dofile(os.getenv("BENCH_DIR") .. "/counting.lua")
wrk.method = "POST"
wrk.path = "/auth/login"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"email":"%s","password":"tangerine otter kayak mosaic"}', os.getenv("BENCH_EMAIL"))
