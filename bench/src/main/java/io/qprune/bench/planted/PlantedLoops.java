package io.qprune.bench.planted;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.Vartype;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Frustrated-loop instances with a planted ground state (Hen et al., "Probing for quantum speedup
 * in spin-glass problems with planted solutions", PRA 92, 042325, 2015) on an L×L×L periodic
 * cubic lattice. A random spin state s is planted; each of round(α·L³) loops is a random walk
 * (never stepping straight back) run until it meets its own path, the closed part kept. Along a
 * loop every coupling is J_ij = −s_i s_j (satisfied by s) except one random edge, J_ij = +s_i s_j
 * (frustrated). A loop that would push a summed coupling above the range R in magnitude is
 * redrawn, and so is one shorter than an optional minimum length (longer loops make harder
 * instances: most unrestricted loops are 4-site plaquettes). Each loop's energy Σ J s s is at least −(len − 2), and s reaches it on every loop at
 * once, so the ground energy of E(s) = Σ_ij J_ij s_i s_j is exactly −Σ_loops (len − 2).
 */
public final class PlantedLoops {
  private static final int[][] STEPS = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  /** Redraws allowed per loop before giving up (α too high for the range, or the minimum length too long). */
  private static final int MAX_TRIES = 10_000;

  private PlantedLoops() {}

  /** A generated instance: the SPIN model, its ground energy, the planted state and loop count. */
  public record Instance(Qubo model, double groundEnergy, int[] planted, int loops, double meanLength) {}

  /** Generates the instance of side L, loop density α, coupling range R and seed. */
  public static Instance generate(int size, double alpha, int range, long seed) {
    return generate(size, alpha, range, 0, seed);
  }

  /** As {@link #generate(int, double, int, long)}, redrawing loops shorter than minLength. */
  public static Instance generate(int size, double alpha, int range, int minLength, long seed) {
    if (size < 3 || size > 64) {
      throw new InvalidInputException("--size " + size + " is out of range: the periodic lattice needs"
          + " 3 ≤ L ≤ 64 (L = 16 gives 4096 spins)");
    }
    if (!(alpha > 0) || alpha > 10) {
      throw new InvalidInputException("--alpha " + alpha + " is out of range: loops per spin must be in"
          + " (0, 10]; Hen et al. use 0.1 to 1. Maybe --alpha 0.25");
    }
    if (range < 1) {
      throw new InvalidInputException("--range " + range + " must be at least 1 (the largest |J|)");
    }
    if (minLength < 0 || minLength > size * size) {
      throw new InvalidInputException("--min-length " + minLength + " is out of range: 0 (any loop) to L² = "
          + size * size + ". Maybe --min-length 8");
    }
    int n = size * size * size;
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = rnd.nextBoolean() ? 1 : -1;
    }
    int loops = (int) Math.max(1, Math.round(alpha * n));
    Map<Long, Integer> j = new HashMap<>();
    long ground = 0;
    long lengths = 0;
    int[] path = new int[n + 1];
    int[] seen = new int[n]; // step index + 1 in the current walk, 0 when not visited
    for (int l = 0; l < loops; l++) {
      for (int tries = 0; ; tries++) {
        if (tries == MAX_TRIES) {
          throw new InvalidInputException("Could not place loop " + (l + 1) + " of " + loops + " within range "
              + range + " and length ≥ " + minLength + " after " + MAX_TRIES + " draws; --alpha " + alpha
              + " is too dense for --range " + range + ". Maybe a lower --alpha, a larger --range or a"
              + " shorter --min-length");
        }
        int len = walk(size, rnd, path, seen);
        int start = path[len]; // the walk closed at the site where the loop starts
        int from = seen[start] - 1;
        int[] loop = new int[len - from];
        System.arraycopy(path, from, loop, 0, loop.length);
        for (int k = 0; k <= len; k++) {
          seen[path[k]] = 0;
        }
        if (loop.length < minLength) {
          continue;
        }
        int frustrated = rnd.nextInt(loop.length);
        Map<Long, Integer> add = new HashMap<>();
        for (int k = 0; k < loop.length; k++) {
          int a = loop[k];
          int b = loop[(k + 1) % loop.length];
          add.merge(key(a, b), (k == frustrated ? 1 : -1) * s[a] * s[b], Integer::sum);
        }
        boolean fits = true;
        for (Map.Entry<Long, Integer> e : add.entrySet()) {
          fits &= Math.abs(j.getOrDefault(e.getKey(), 0) + e.getValue()) <= range;
        }
        if (fits) {
          add.forEach((k, v) -> j.merge(k, v, Integer::sum));
          ground -= loop.length - 2;
          lengths += loop.length;
          break;
        }
      }
    }
    QuboBuilder b = Qubo.builder(Vartype.SPIN, n);
    j.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (e.getValue() != 0) {
        b.addQuadratic((int) (e.getKey() >>> 32), (int) (long) e.getKey(), e.getValue());
      }
    });
    return new Instance(b.build(), ground, s, loops, (double) lengths / loops);
  }

  /**
   * A non-backtracking walk from a random site until it steps onto a site it has visited; fills
   * path[0..len] (path[len] is the revisited site) and seen; returns len.
   */
  private static int walk(int size, SplittableRandom rnd, int[] path, int[] seen) {
    int cur = rnd.nextInt(size * size * size);
    int back = -1;
    int len = 0;
    path[0] = cur;
    seen[cur] = 1;
    while (true) {
      int dir;
      do {
        dir = rnd.nextInt(6);
      } while ((dir ^ 1) == back);
      int next = neighbour(cur, dir, size);
      path[++len] = next;
      if (seen[next] != 0) {
        return len;
      }
      seen[next] = len + 1;
      cur = next;
      back = dir;
    }
  }

  static int neighbour(int site, int dir, int size) {
    int x = site % size;
    int y = site / size % size;
    int z = site / (size * size);
    x = Math.floorMod(x + STEPS[dir][0], size);
    y = Math.floorMod(y + STEPS[dir][1], size);
    z = Math.floorMod(z + STEPS[dir][2], size);
    return x + size * (y + size * z);
  }

  private static long key(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }
}
