-- Each thread owns one session (one connection per thread) and follows its rotation:
-- every answer's Set-Cookie carries the next refresh token and CSRF token.
dofile(os.getenv("BENCH_DIR") .. "/counting.lua")
local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS")) do
  local refresh, csrf = line:match("^(%S+) (%S+)$")
  table.insert(sessions, {refresh = refresh, csrf = csrf})
end
local next_id = 0

local base_setup = setup
function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  base_setup(thread)
end

local refresh_token, csrf_token

local base_init = init
function init(args)
  base_init(args)
  refresh_token = sessions[id].refresh
  csrf_token = sessions[id].csrf
end

function request()
  return wrk.format("POST", "/auth/refresh", {
    ["Cookie"] = "__Secure-refresh_token=" .. refresh_token .. "; __Host-csrf_token=" .. csrf_token,
    ["X-CSRF-Token"] = csrf_token})
end

local base_response = response
function response(status, headers, body)
  base_response(status, headers, body)
  -- wrk keeps only the last of repeated headers: the service sends the refresh cookie last,
  -- and the CSRF token also in its own X-CSRF-Token header.
  for name, value in pairs(headers) do
    local lower = name:lower()
    if lower == "set-cookie" then
      local r = value:match("__Secure%-refresh_token=([^;]+)")
      if r and r ~= "" then refresh_token = r end
    elseif lower == "x-csrf-token" then
      csrf_token = value
    end
  end
end
