"""The manual repro of issue 16: a BQM-JSON sampler on Python's standard http.server (HTTP/1.0:
the server closes the connection after every reply). Brute force, so keep models small (<= 20
variables). Usage: /usr/bin/python3 docs/issue16/http10_sampler.py PORT"""
import itertools
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Sampler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    posts = 0

    def do_POST(self):
        bqm = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        n = bqm["num_variables"]
        lin = bqm["linear_biases"]
        quad = list(zip(bqm["quadratic_head"], bqm["quadratic_tail"], bqm["quadratic_biases"]))
        spin = bqm["variable_type"] == "SPIN"
        vals = (-1, 1) if spin else (0, 1)
        best = None
        for x in itertools.product(vals, repeat=n):
            e = bqm["offset"] + sum(l * v for l, v in zip(lin, x)) + sum(b * x[i] * x[j] for i, j, b in quad)
            if best is None or e < best[0]:
                best = (e, x)
        Sampler.posts += 1
        body = json.dumps({"type": "SampleSet", "version": {"sampleset_schema": "3.2.0"}, "num_variables": n,
                           "num_rows": 1, "sample_type": "int8", "sample_packed": False,
                           "sample_data": {"type": "array", "data": [list(best[1])], "data_type": "int8",
                                           "shape": [1, n], "use_bytes": False},
                           "vectors": {"energy": {"type": "array", "data": [best[0]], "data_type": "float64",
                                                  "shape": [1], "use_bytes": False},
                                       "num_occurrences": {"type": "array", "data": [1], "data_type": "int64",
                                                           "shape": [1], "use_bytes": False}},
                           "variable_labels": bqm["variable_labels"], "variable_type": bqm["variable_type"],
                           "info": {"posts": Sampler.posts}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        sys.stderr.write("sampler: " + fmt % args + "\n")


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", int(sys.argv[1])), Sampler).serve_forever()
