-- Drives Neovim 0.7 as a real third-party LSP client of `rulebook lsp --stdio`: opens a C file, waits for the
-- server's diagnostics, deletes the line with the unsafe call, waits for the diagnostics to clear, and writes what
-- it saw as JSON to $RULEBOOK_NVIM_OUT. Paths come from the environment; nothing here sleeps, it waits for state.
local cli = os.getenv('RULEBOOK_CLI')
local file = os.getenv('RULEBOOK_FILE')
local out = os.getenv('RULEBOOK_NVIM_OUT')
local result = { attached = false }

local function finish()
  local handle = io.open(out, 'w')
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.cmd('qa!')
end

local function snapshot()
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(items, { lnum = d.lnum, col = d.col, message = d.message, source = d.source, code = lsp.code or d.code })
  end
  return items
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local client_id = vim.lsp.start_client({
    name = 'secure-coding-rulebook',
    cmd = { 'node', cli, 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  result.attached = vim.lsp.buf_attach_client(0, client_id)
  result.received = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
  result.before = snapshot()
  local line = vim.fn.search('strcpy(') - 1
  vim.api.nvim_buf_set_lines(0, line, line + 1, false, { '    /* the copy is done by copy_checked() now */' })
  result.cleared = vim.wait(20000, function() return #vim.diagnostic.get(0) == 0 end, 20)
  result.after = snapshot()
end)
if not ok then result.error = tostring(err) end
finish()
