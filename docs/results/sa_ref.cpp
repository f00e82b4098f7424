// Re-implementation (for measurement only, not part of the project) of the single-flip Metropolis
// loop of dwave-samplers' C++ SA as described in its cpu_sa.cpp: vector<vector> adjacency, int8
// spins, double delta energies, xorshift128+, the 44.36142/beta skip threshold, exp() per test.
#include <cstdint>
#include <cmath>
#include <vector>
#include <cstdio>
#include <chrono>
#include <zlib.h>
using namespace std;
static uint64_t s0, s1;
static inline uint64_t rnd() { uint64_t x = s0; const uint64_t y = s1; s0 = y; x ^= x << 23; s1 = x ^ y ^ (x >> 17) ^ (y >> 26); return s1 + y; }
int main(int argc, char** argv) {
  gzFile f = gzopen(argv[1], "r"); int sweeps = atoi(argv[2]); int reps = atoi(argv[3]);
  char buf[256]; gzgets(f, buf, 256); int n, m; sscanf(buf, "%d %d", &n, &m);
  vector<vector<int>> nb(n); vector<vector<double>> cw(n); vector<double> h(n, 0.0);
  vector<double> sumabs(n, 0.0);
  for (int e = 0; e < m; e++) { gzgets(f, buf, 256); int i, j; double w; sscanf(buf, "%d %d %lf", &i, &j, &w); i--; j--;
    double J = 0.5 * w;  // the Ising form of the cut QUBO (as qprune's binary form converted to spins)
    nb[i].push_back(j); nb[j].push_back(i); cw[i].push_back(J); cw[j].push_back(J); sumabs[i] += fabs(J); sumabs[j] += fabs(J); }
  double maxf = 0; for (double v : sumabs) maxf = max(maxf, v);
  double hot = log(2.0) / (2 * maxf), cold = log(n / 0.01) / (2 * 0.5);
  vector<double> betas(sweeps); for (int k = 0; k < sweeps; k++) betas[k] = hot * exp(log(cold / hot) * k / (sweeps - 1));
  for (int rep = 0; rep < reps; rep++) {
    s0 = 12345 + rep; s1 = 0; for (int t = 0; t < 10; t++) rnd();
    vector<int8_t> st(n); for (int i = 0; i < n; i++) st[i] = (rnd() >> 40) & 1 ? 1 : -1;
    auto t0 = chrono::steady_clock::now(); struct timespec c0; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
    double* de = (double*) malloc(n * sizeof(double));
    for (int v = 0; v < n; v++) { double e = h[v]; for (size_t k = 0; k < nb[v].size(); k++) e += st[nb[v][k]] * cw[v][k]; de[v] = -2 * st[v] * e; }
    for (int b = 0; b < sweeps; b++) {
      const double beta = betas[b]; const double thr = 44.36142 / beta;
      for (int v = 0; v < n; v++) {
        if (de[v] >= thr) continue;
        bool flip = false;
        if (de[v] <= 0.0) flip = true; else { uint64_t r = rnd(); if (exp(-de[v] * beta) * (double) UINT64_MAX > r) flip = true; }
        if (flip) { const int8_t mult = 4 * st[v];
          for (size_t k = 0; k < nb[v].size(); k++) { int u = nb[v][k]; de[u] += mult * cw[v][k] * st[u]; }
          st[v] *= -1; de[v] *= -1; }
      }
    }
    double secs = chrono::duration<double>(chrono::steady_clock::now() - t0).count();
    long cut = 0; for (int v = 0; v < n; v++) for (size_t k = 0; k < nb[v].size(); k++) if (st[v] != st[nb[v][k]]) cut++;
    struct timespec ts; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    double cpu = (ts.tv_sec - c0.tv_sec) + (ts.tv_nsec - c0.tv_nsec) / 1e9;
    printf("rep %d cut %ld wall %.1f cpu %.1f\n", rep, cut / 2, (double) n * sweeps / secs / 1e6, (double) n * sweeps / cpu / 1e6);
    free(de);
  }
}
