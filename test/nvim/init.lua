-- Drives Transcript Lens's stdio server from Neovim's own LSP client, headless:
--   nvim --headless -u test/nvim/init.lua FILE
-- with TRANSCRIPT_LENS_SERVER (the bundled dist/server.js) and TRANSCRIPT_LENS_NVIM_RESULT (a
-- JSON file to write) in the environment. It waits for the server's diagnostics, asks for the
-- document symbols and a hover on the first figure, writes what came back and quits.
-- test/nvim/nvim.test.ts starts it and asserts on the JSON.
local server = assert(os.getenv('TRANSCRIPT_LENS_SERVER'), 'TRANSCRIPT_LENS_SERVER is not set')
local result_file = assert(os.getenv('TRANSCRIPT_LENS_NVIM_RESULT'), 'TRANSCRIPT_LENS_NVIM_RESULT is not set')
local TIMEOUT_MS = 20000

vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

local result = { version = vim.version(), errors = {} }

local function finish()
  local handle = assert(io.open(result_file, 'w'))
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qall!')
end

local function fail(message)
  table.insert(result.errors, message)
  finish()
end

local config = {
  name = 'transcript_lens',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
}

-- Neovim 0.8 and later start a client with vim.lsp.start; 0.7 (Debian 12) only has
-- start_client and buf_attach_client, so the test covers both.
local function attach(bufnr)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local client_id = vim.lsp.start_client(config)
  if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
  return client_id
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  -- The server serves documents whose language id is "transcript": Neovim sends the filetype.
  vim.bo[bufnr].filetype = 'transcript'
  local client_id = attach(bufnr)
  if not client_id then return fail('the client did not start') end
  result.client_started = true

  -- Waits on the event (diagnostics arrive), not on a fixed time.
  local got_diagnostics = vim.wait(TIMEOUT_MS, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  if not got_diagnostics then return fail('no diagnostics within ' .. TIMEOUT_MS .. ' ms') end
  result.diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, {
      line = diagnostic.lnum, col = diagnostic.col, end_col = diagnostic.end_col,
      severity = diagnostic.severity, code = diagnostic.code, message = diagnostic.message,
    })
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, TIMEOUT_MS)
  local response = symbols and symbols[client_id]
  if not response or response.err then return fail('documentSymbol failed: ' .. vim.inspect(response and response.err)) end
  result.symbols = response.result

  -- Hover on the first "$" of the buffer: the first money figure of the fixture.
  local hover_line, hover_col
  for index, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local found = text:find('$', 1, true)
    if found then hover_line, hover_col = index - 1, found - 1 break end
  end
  if not hover_line then return fail('the fixture has no "$" to hover on') end
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri }, position = { line = hover_line, character = hover_col + 1 },
  }, TIMEOUT_MS)
  local hover_response = hover and hover[client_id]
  if not hover_response or hover_response.err then return fail('hover failed: ' .. vim.inspect(hover_response and hover_response.err)) end
  result.hover = hover_response.result
  result.hover_position = { line = hover_line, character = hover_col + 1 }
  finish()
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, message = pcall(run)
    if not ok then fail(tostring(message)) end
  end,
})
