-- creates that record each new sessionId in IDS_OUT (one thread)
local n = 0
local tag = "ids-" .. tostring(os.time())
local out = io.open(os.getenv("IDS_OUT"), "a")
request = function()
  n = n + 1
  local headers = {}
  headers["x-api-key"] = os.getenv("KEY")
  headers["content-type"] = "application/json"
  headers["gkc_agentId"] = "a-" .. (n % 100)
  headers["gkc_customerId"] = "c-" .. tag .. "-" .. n
  return wrk.format("PUT", "/gks-server/v1/sessions/new", headers, '{"visitId":"v-' .. tag .. '-' .. n .. '"}')
end
response = function(status, headers, body)
  local id = body:match('"sessionId":"([^"]+)"')
  if id then out:write(id .. "\n"); out:flush() end
end
