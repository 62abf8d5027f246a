-- wrk script for POST /api/check: one multipart/form-data body with the part
-- `plan` (the file named by ESFDRAFT_BENCH_PLAN), built once and sent on
-- every request. The bearer token comes with -H on the command line.
local boundary = "esfdraftBenchBoundary0123456789"
local file = assert(io.open(os.getenv("ESFDRAFT_BENCH_PLAN"), "rb"))
local plan = file:read("*a")
file:close()
wrk.method = "POST"
wrk.body = "--" .. boundary .. "\r\n"
    .. "Content-Disposition: form-data; name=\"plan\"; filename=\"plan.xml\"\r\n"
    .. "Content-Type: application/xml\r\n\r\n"
    .. plan .. "\r\n--" .. boundary .. "--\r\n"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary

