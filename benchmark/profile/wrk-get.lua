-- gets of existing sessions: ids from IDS file, round robin
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local n = 0
request = function()
  n = n + 1
  local headers = {}
  headers["x-api-key"] = os.getenv("KEY")
  return wrk.format("GET", "/gks-server/v1/sessions/" .. ids[(n % #ids) + 1], headers)
end
