-- unique Genesys creates: a new customer and visit per request (per thread tag); with IDS_OUT set (one thread),
-- each new sessionId is also appended to that file, for the gets
local n = 0
local tag
local ids_out = os.getenv("IDS_OUT")
setup = function(thread) thread:set("tid", tostring(math.random(1, 100000000))) end
request = function()
  if not tag then tag = tostring(os.time()) .. "-" .. (tid or "0") .. "-" .. tostring(math.random(1, 100000000)) end
  n = n + 1
  local headers = {}
  headers["x-api-key"] = os.getenv("KEY")
  headers["content-type"] = "application/json"
  headers["gkc_agentId"] = "a-" .. (n % 100)
  headers["gkc_customerId"] = "c-" .. tag .. "-" .. n
  if os.getenv("CLOSE") then headers["Connection"] = "close" end
  return wrk.format("PUT", "/gks-server/v1/sessions/new", headers, '{"visitId":"v-' .. tag .. '-' .. n .. '"}')
end
-- defined only when recording: wrk reads every response body for a script with a response function
if ids_out then
  local out = io.open(ids_out, "a")
  response = function(status, headers, body)
    local id = body:match('"sessionId":"([^"]+)"')
    if id then out:write(id .. "\n"); out:flush() end
  end
end
