-- lector completion bash|zsh: the shell completion script, made from the tables the parsers use:
-- the host's commands and options (host/cli/main.c hands them over), each command's option table
-- (lector.cmd.args specs: the same that parse its arguments and print its --help), and for
-- `lector run SCRIPT` the flags that SCRIPT's --help lists (scripts/lib/cli.lua prints them from
-- the table it parses with), asked when the shell completes. A flag that takes a folder or a file
-- completes one; a value written a|b|c offers a, b and c; DIR arguments complete folders.
--   bash: eval "$(lector completion bash)"   (or save it in ~/.local/share/bash-completion/completions/lector)
--   zsh:  eval "$(lector completion zsh)"    (zsh's bashcompinit runs the same function)
local args = require "lector.cmd.args"

local SPEC = { name = "completion", positional = { "SHELL" }, required = "bash|zsh",
  summary = "Prints the shell completion script for bash or zsh: eval \"$(lector completion bash)\"." }

-- the commands with an option table of their own (lector.cmd.NAME with .spec)
local function spec_of(name)
  local ok, cmd = pcall(require, "lector.cmd." .. name)
  return ok and type(cmd) == "table" and cmd.spec or nil
end

local function words(list) return table.concat(list, " ") end

-- the flags of a list of {name, value = placeholder}: all of them, those that take a value, and
-- "flag=choice|choice" for a value written with |
local function describe(list)
  local all, valued, choices = {}, {}, {}
  for _, f in ipairs(list) do
    all[#all + 1] = f[1]
    if f.value then
      valued[#valued + 1] = f[1]
      if f.value:find("|", 1, true) then choices[#choices + 1] = f[1] .. "=" .. f.value end
    end
  end
  return all, valued, choices
end

-- the shell function: one case per command, each with its flags from its table
local function bash(host)
  local out = {}
  local function add(s) out[#out + 1] = s end
  local cmds = {}
  for _, c in ipairs(host.commands) do cmds[#cmds + 1] = c[1] end
  local gall, gvalued = describe(host.options)
  add("# bash completion for lector, made by `lector completion bash` from the option tables of lector")
  add("# and its commands: eval \"$(lector completion bash)\"")
  add("_lector_choices() {   # FLAG CHOICES-LIST (flag=a|b|c ...): the choices of FLAG, if it has some")
  add("  local c; for c in $2; do [[ ${c%%=*} == \"$1\" ]] && { echo \"${c#*=}\" | tr '|' ' '; return 0; }; done; return 1")
  add("}")
  add("_lector() {")
  add("  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}")
  add("  local global_valued=\" " .. words(gvalued) .. " \" i w cmd= at=0")
  add("  for ((i = 1; i < COMP_CWORD; i++)); do")
  add("    w=${COMP_WORDS[i]}")
  add("    if [[ $global_valued == *\" $w \"* ]]; then ((i++)); continue; fi")
  add("    [[ $w == -* ]] && continue")
  add("    cmd=$w at=$i; break")
  add("  done")
  add("  if [[ -z $cmd ]]; then")
  add("    case $prev in --corpus) COMPREPLY=($(compgen -d -- \"$cur\")); return;; esac")
  add("    if [[ $global_valued == *\" $prev \"* ]]; then COMPREPLY=(); return; fi")
  add("    if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"" .. words(gall) .. "\" -- \"$cur\"))")
  add("    else COMPREPLY=($(compgen -W \"" .. words(cmds) .. "\" -- \"$cur\") $(compgen -f -X '!*.lua' -- \"$cur\") $(compgen -d -- \"$cur\")); fi")
  add("    return")
  add("  fi")
  add("  local flags= valued= choices= dirs=1 fixed=")
  add("  case $cmd in")
  for _, c in ipairs(host.commands) do
    local name = c[1]
    local spec = spec_of(name)
    if spec then
      local all, valued, choices = describe(args.flags(spec))
      local takes_dir = false
      for _, p in ipairs(spec.positional or {}) do if p == "DIR" then takes_dir = true end end
      local fixed = spec.required and spec.required:find("|", 1, true) and spec.required:gsub("|", " ") or ""
      add(string.format("    %s) flags=\"%s\" valued=\" %s \" choices=\"%s\" dirs=%d fixed=\"%s\";;", name, words(all),
        words(valued), words(choices), takes_dir and 1 or 0, fixed))
    end
  end
  local pack = require "lector.cmd.pack"
  add("    pack) [[ $COMP_CWORD -eq $((at + 1)) ]] && COMPREPLY=($(compgen -W \"" .. words(pack.subcommands)
    .. "\" -- \"$cur\")) || COMPREPLY=($(compgen -W \"--user --grant\" -- \"$cur\") $(compgen -f -- \"$cur\")); return;;")
  add("    repl) flags=\"--corpus\" valued=\" --corpus \";;")
  add("    help) return;;")
  add("    run|*.lua)")
  add("      local script=$cmd j=$((at + 1))")
  add("      if [[ $cmd == run ]]; then")
  add("        script=")
  add("        for ((j = at + 1; j < COMP_CWORD; j++)); do [[ ${COMP_WORDS[j]} == -* ]] || { script=${COMP_WORDS[j]}; break; }; done")
  add("        if [[ -z $script ]]; then")
  add("          if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"--profile --debug\" -- \"$cur\"))")
  add("          else COMPREPLY=($(compgen -f -X '!*.lua' -- \"$cur\") $(compgen -d -- \"$cur\")); fi")
  add("          return")
  add("        fi")
  add("      fi")
  add("      # the script's flags: those its --help lists (scripts/lib/cli.lua prints them from its table)")
  add("      local help; help=$(\"${COMP_WORDS[0]}\" run \"$script\" --help 2>/dev/null)")
  add("      flags=$(sed -n 's/^  \\(--[a-zA-Z0-9-]*\\).*/\\1/p' <<<\"$help\" | tr '\\n' ' ')")
  add("      valued=\" $(sed -n 's/^  \\(--[a-zA-Z0-9-]*\\) [^ ].*/\\1/p' <<<\"$help\" | tr '\\n' ' ') \"")
  add("      choices=\"--format=table|tsv|csv|json $(sed -n 's/^  \\(--[a-zA-Z0-9-]*\\) \\([^ ]*|[^ ]*\\) .*/\\1=\\2/p' <<<\"$help\" | tr '\\n' ' ')\" dirs=0;;")
  add("  esac")
  add("  local ch")
  add("  if ch=$(_lector_choices \"$prev\" \"$choices\"); then COMPREPLY=($(compgen -W \"$ch\" -- \"$cur\")); return; fi")
  add("  case $prev in")
  add("    --corpus) COMPREPLY=($(compgen -d -- \"$cur\")); return;;")
  add("    --output|--out|--entities|--data) COMPREPLY=($(compgen -f -- \"$cur\")); return;;")
  add("  esac")
  add("  if [[ $valued == *\" $prev \"* ]]; then COMPREPLY=(); return; fi")
  add("  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))")
  add("  elif [[ -n $fixed ]]; then COMPREPLY=($(compgen -W \"$fixed\" -- \"$cur\"))")
  add("  elif ((dirs)); then COMPREPLY=($(compgen -d -- \"$cur\"))")
  add("  else COMPREPLY=($(compgen -f -- \"$cur\")); fi")
  add("}")
  add("complete -o filenames -F _lector lector")
  return table.concat(out, "\n") .. "\n"
end

local function zsh(host)
  return "# zsh completion for lector, made by `lector completion zsh`: zsh's bashcompinit runs the bash\n"
    .. "# completion that `lector completion bash` makes from the same option tables.\n"
    .. "autoload -U +X compinit && compinit\n"
    .. "autoload -U +X bashcompinit && bashcompinit\n"
    .. bash(host)
end

return args.command(SPEC, function(_, _, pos, host)
  local shell = pos[1]
  if shell ~= "bash" and shell ~= "zsh" then
    return args.usage_error(SPEC, shell and ("unknown shell '" .. shell .. "' (bash or zsh)") or "no shell given (bash or zsh)")
  end
  if not host then return args.usage_error(SPEC, "the commands' table is the host's: run it as lector completion") end
  io.stdout:write(shell == "bash" and bash(host) or zsh(host))
  return 0
end)
