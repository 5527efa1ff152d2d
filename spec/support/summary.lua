-- summary.lua: a busted output handler for lector's test runner. It prints each failure or error
-- with where it happened, and ends with the one line spec/run-all.sh adds up: "N passed, N failed"
-- (errors count as failed; pending tests are neither, and are listed).
return function(options)
  local busted = require "busted"
  local handler = require "busted.outputHandlers.base"()
  local out = io.stdout

  local function show(kind, t)
    local msg = t.message
    if type(msg) ~= "string" then msg = require("pl.pretty").write(msg) end
    local where = t.element and t.element.trace and
      (t.element.trace.short_src .. ":" .. t.element.trace.currentline) or "?"
    out:write(string.format("%s %s\n  %s\n  %s\n", kind, handler.getFullName(t.element), where,
      (msg or "nil"):gsub("\n", "\n  ")))
    if options.verbose and t.trace and t.trace.traceback then out:write(t.trace.traceback, "\n") end
  end

  handler.suiteEnd = function()
    for _, t in ipairs(handler.failures) do show("FAIL", t) end
    for _, t in ipairs(handler.errors) do show("ERROR", t) end
    for _, t in ipairs(handler.pendings) do
      out:write("PENDING ", handler.getFullName(t.element), "\n")
    end
    out:write(string.format("%d passed, %d failed\n", #handler.successes,
      #handler.failures + #handler.errors))
    out:flush()
    return nil, true
  end

  busted.subscribe({ "suite", "end" }, handler.suiteEnd)
  return handler
end
