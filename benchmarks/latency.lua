-- wrk script for benchmarks/latency.py: prints one machine-readable line with the latency
-- percentiles wrk's --latency report leaves out (p99.9) beside the ones it has, in microseconds.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "LATENCY requests=%d duration_us=%d p50=%d p90=%d p99=%d p999=%d max=%d " ..
    "connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
