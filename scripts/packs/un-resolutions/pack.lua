-- The manifest of the un-resolutions pack (read as data: it may only build a table).
return {
  name = "un-resolutions",
  version = "1.0.0",
  description = "References to UN (and US Congress) resolutions: body, status, specificity, number",
  license = "MIT",
  lector = ">= 0.1, < 1",
  requires = {},
  scripts = { find = "scripts/find.lua", summary = "scripts/summary.lua" },
  permissions = {},
}
