-- wrk: 4 KiB PUTs of new content over /bench/p0..p999 (as PeerComparison's PUT phase: every body is new).
-- Each wrk thread has its own random sequence and body tag; with one seed for all threads, the threads
-- send the same keys with the same bodies in the same order and half the PUTs rewrite known content.
counter = 0
body = string.rep("x", 4096)
init = function(args)
  tag = tostring({})
  math.randomseed(os.time() + tonumber(tag:match("0x(%x+)"), 16) % 1000003)
end
request = function()
  counter = counter + 1
  return wrk.format("PUT", "/bench/p" .. math.random(0, 999), nil, body .. tag .. counter .. math.random())
end
