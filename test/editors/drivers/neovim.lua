-- Drives a headless Neovim for test/editors/neovim.test.ts. Loaded with `--cmd`, before the user's
-- configuration (the README's block, given with -u) and before the file; the scenario runs on VimEnter,
-- once the file is open. It uses what a user's commands use (the LSP client the configuration started,
-- vim.diagnostic, vim.lsp.buf.definition, vim.lsp.buf.code_action with vim.ui.select) and writes what
-- the editor then shows to the JSON file $PPNET_RESULT. It always quits, also on failure.
--
-- $PPNET_PLAN names a JSON file: { hover?, completion?, definition?, fix? = { row, col, title? } }, where
-- row is 1-based and col a 0-based byte column, as nvim_win_set_cursor takes them.
-- Written for Neovim 0.7 (Debian bookworm) and later.

local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(vim.env.PPNET_PLAN), '\n'))
local result = {}
local publications = 0

-- Count the diagnostics the server publishes, then let Neovim handle them as usual.
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(...)
  publish(...)
  publications = publications + 1
end

local function wait(ms, condition, what)
  if not vim.wait(ms, condition, 20) then error('timed out waiting for ' .. what) end
end

local function diagnostics(buf)
  local rows = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(rows, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code, source = d.source, message = d.message,
    })
  end
  return rows
end

local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, response in pairs(responses) do
    if response.error then error(method .. ': ' .. vim.inspect(response.error)) end
    return response.result
  end
  error(method .. ': no response')
end

local function cursor(at)
  vim.api.nvim_win_set_cursor(0, { at.row, at.col })
end

local function scenario()
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  wait(20000, function() return publications > 0 end, 'the first diagnostics')
  result.clients = {}
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(result.clients, client.name) end
  result.diagnostics = diagnostics(buf)

  if plan.hover then
    cursor(plan.hover)
    local hover = request(buf, 'textDocument/hover', vim.lsp.util.make_position_params())
    local contents = hover and hover.contents
    result.hover = type(contents) == 'table' and (contents.value or contents[1]) or contents
  end

  if plan.completion then
    cursor(plan.completion)
    local list = request(buf, 'textDocument/completion', vim.lsp.util.make_position_params())
    local items = list and (list.items or list) or {}
    table.sort(items, function(a, b) return (a.sortText or a.label) < (b.sortText or b.label) end)
    result.completion = {}
    for _, item in ipairs(items) do table.insert(result.completion, item.label) end
  end

  if plan.definition then
    cursor(plan.definition)
    vim.lsp.buf.definition()
    wait(10000, function()
      local now = vim.api.nvim_win_get_cursor(0)
      return now[1] ~= plan.definition.row or now[2] ~= plan.definition.col
    end, 'go to definition to move the cursor')
    local now = vim.api.nvim_win_get_cursor(0)
    result.definition = { row = now[1], col = now[2] }
  end

  if plan.fix then
    cursor(plan.fix)
    result.fix = { titles = {} }
    -- The quick fix menu: pick the action the plan names, as a user would in the menu.
    vim.ui.select = function(items, options, choose)
      local chosen
      for i, item in ipairs(items) do
        local title = options.format_item(item)
        table.insert(result.fix.titles, title)
        if title == plan.fix.title then chosen = i end
      end
      if chosen then choose(items[chosen], chosen) else choose(nil, nil) end
    end
    local tick = vim.api.nvim_buf_get_changedtick(buf)
    local before = publications
    vim.lsp.buf.code_action()
    wait(10000, function() return vim.api.nvim_buf_get_changedtick(buf) ~= tick end, 'the quick fix to change the buffer')
    wait(20000, function() return publications > before end, 'diagnostics after the quick fix')
    result.fix.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, true)
    result.fix.diagnostics = diagnostics(buf)
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(scenario)
    if not ok then result.error = tostring(err) end
    vim.fn.writefile({ vim.fn.json_encode(result) }, vim.env.PPNET_RESULT)
    vim.cmd('qall!')
  end,
})
