-- unique Genesys creates: a new customer and visit per request (per thread tag)
local n = 0
local tag
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
