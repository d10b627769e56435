-- Checks of the Lua interpreter and its shared library for `make compat` (the lua5.4 source
-- package has no test suite of its own). Prints one "ok N - what" or "not ok N - what" per check.
local n = 0
local function check(what, f)
  n = n + 1
  local good, res = pcall(f)
  print(string.format("%s %d - %s", (good and res) and "ok" or "not ok", n, what))
end

check("integer and float arithmetic", function()
  return 7 // 2 == 3 and 7 / 2 == 3.5 and 2 ^ 10 == 1024.0 and math.type(1) == "integer"
    and math.maxinteger + 1 == math.mininteger
end)
check("string.format", function()
  return string.format("%5.2f|%d|%s|%x", 3.14159, 42, "x", 255) == " 3.14|42|x|ff"
end)
check("patterns and gsub", function()
  local s, k = ("hello world"):gsub("o", "0")
  return s == "hell0 w0rld" and k == 2 and ("key=val"):match("(%w+)=(%w+)") == "key"
end)
check("table.sort with a comparator", function()
  local t = {5, 3, 9, 1, 7}
  table.sort(t, function(a, b) return a > b end)
  return table.concat(t, ",") == "9,7,5,3,1"
end)
check("closures", function()
  local function counter() local c = 0; return function() c = c + 1; return c end end
  local a, b = counter(), counter()
  a(); a()
  return a() == 3 and b() == 1
end)
check("coroutines", function()
  local co = coroutine.wrap(function(x) local y = coroutine.yield(x + 1); return y * 2 end)
  return co(1) == 2 and co(10) == 20
end)
check("metatables and __index/__add", function()
  local V = {}
  V.__index = V
  V.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end
  function V.get(self) return self.x end
  local v = setmetatable({x = 2}, V) + setmetatable({x = 3}, V)
  return v:get() == 5
end)
check("errors and pcall", function()
  local good, msg = pcall(error, {code = 7})
  return not good and msg.code == 7
end)
check("load and environments", function()
  local f = load("return a + 1", "chunk", "t", {a = 41})
  return f() == 42
end)
check("string.pack and unpack", function()
  local s = string.pack("<i4 d z", -2, 1.5, "abc")
  local a, b, c = string.unpack("<i4 d z", s)
  return a == -2 and b == 1.5 and c == "abc"
end)
check("utf8 library", function()
  return utf8.len("héllo") == 5 and utf8.char(0x20AC) == "\u{20AC}"
end)
check("goto and integer loops", function()
  local s = 0
  for i = 1, 10 do
    if i % 2 == 0 then goto continue end
    s = s + i
    ::continue::
  end
  return s == 25
end)
check("io: write and read a file", function()
  local name = os.tmpname()
  local f = assert(io.open(name, "w"))
  f:write("line1\n", 42, "\n")
  f:close()
  local lines = {}
  for l in io.lines(name) do lines[#lines + 1] = l end
  os.remove(name)
  return #lines == 2 and lines[2] == "42"
end)
check("os.time and os.date", function()
  local t = os.time({year = 2020, month = 1, day = 2, hour = 12})
  return os.date("!%Y-%m-%d", t + 0) ~= nil and type(os.clock()) == "number"
end)
check("math library", function()
  return math.floor(-3.5) == -4 and math.abs(-2) == 2 and math.fmod(7, 3) == 1
    and math.ult(1, -1) and math.tointeger(3.0) == 3
end)
check("garbage collection and weak tables", function()
  local w = setmetatable({}, {__mode = "k"})
  do w[{}] = true end
  collectgarbage("collect")
  return next(w) == nil and collectgarbage("count") > 0
end)
check("to-be-closed variables", function()
  local closed = false
  do local x <close> = setmetatable({}, {__close = function() closed = true end}) end
  return closed
end)
check("string.rep, byte, char, reverse", function()
  return ("ab"):rep(3, "-") == "ab-ab-ab" and string.char(72, 105) == "Hi"
    and ("abc"):reverse() == "cba" and ("A"):byte() == 65
end)
check("table.move, unpack, select", function()
  local t = table.move({1, 2, 3}, 1, 3, 2, {0})
  return select("#", table.unpack(t)) == 4 and select(2, "a", "b", "c") == "b"
end)
check("require of a standard module", function()
  return require("string") == string and package.loaded.table == table
end)
check("large string and table work", function()
  local t = {}
  for i = 1, 100000 do t[i] = i end
  local s = table.concat(t, " ", 1, 1000)
  return #t == 100000 and #s == 3892
end)
