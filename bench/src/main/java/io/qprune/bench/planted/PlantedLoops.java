package io.qprune.bench.planted;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.Vartype;
import java.util.SplittableRandom;

/**
 * Frustrated-loop instances with a planted ground state (Hen et al., "Probing for quantum speedup
 * in spin-glass problems with planted solutions", PRA 92, 042325, 2015) on an L×L×L periodic
 * cubic lattice. A random spin state s is planted; each of round(α·L³) loops is a random walk
 * (never stepping straight back) run until it meets its own path, the closed part kept. Along a
 * loop every coupling is J_ij = −s_i s_j (satisfied by s) except one random edge, J_ij = +s_i s_j
 * (frustrated). Each loop's energy Σ J s s is at least −(len − 2), and s reaches it on every loop
 * at once, so the ground energy of E(s) = Σ_ij J_ij s_i s_j is exactly −Σ_loops (len − 2).
 *
 * <p>The range R bounds every summed |J|. Under {@link Rule#AVOID} (the default, as dwave's
 * {@code dimod.generators.frustrated_loop}) walks never use an edge whose |J| has reached R, and a
 * walk that runs into a dead end is redrawn: at R = 1 each edge belongs to one loop, the lattice
 * fills up and later loops grow long (mean length about 6.8 at L = 16, α = 0.25). Under
 * {@link Rule#REDRAW} walks cross the whole lattice and a loop that would push a coupling past R
 * is redrawn; most of those loops are 4-site plaquettes (mean length about 5): easy instances.
 * Loops shorter than an optional minimum length are redrawn under both rules.
 */
public final class PlantedLoops {
  private static final int[][] STEPS = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  /** Redraws allowed per loop before giving up (α too high for the range, or the minimum length too long). */
  private static final int MAX_TRIES = 10_000;

  private PlantedLoops() {}

  /** How walks meet couplings that have reached the range. */
  public enum Rule {
    /** Walks avoid edges at |J| = R (dimod's frustrated_loop); a dead end redraws the walk. */
    AVOID,
    /** Walks use any edge; a loop that would push a summed |J| past R is redrawn. */
    REDRAW
  }

  /** A generated instance: the SPIN model, its ground energy, the planted state and loop count. */
  public record Instance(Qubo model, double groundEnergy, int[] planted, int loops, double meanLength) {}

  /** Generates the instance of side L, loop density α, coupling range R and seed ({@link Rule#AVOID}). */
  public static Instance generate(int size, double alpha, int range, long seed) {
    return generate(size, alpha, range, 0, Rule.AVOID, seed);
  }

  /** As {@link #generate(int, double, int, long)}, redrawing loops shorter than minLength, under a rule. */
  public static Instance generate(int size, double alpha, int range, int minLength, Rule rule, long seed) {
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
          + size * size + ". Maybe --min-length 6");
    }
    int n = size * size * size;
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = rnd.nextBoolean() ? 1 : -1;
    }
    int loops = (int) Math.max(1, Math.round(alpha * n));
    int[] j = new int[3 * n]; // edge (site, +axis) at 3·site + axis: the summed coupling
    long ground = 0;
    long lengths = 0;
    int[] path = new int[n + 1];
    int[] seen = new int[n]; // step index + 1 in the current walk, 0 when not visited
    int bound = rule == Rule.AVOID ? range : Integer.MAX_VALUE;
    for (int l = 0; l < loops; l++) {
      for (int tries = 0; ; tries++) {
        if (tries == MAX_TRIES) {
          throw new InvalidInputException("Could not place loop " + (l + 1) + " of " + loops + " within range "
              + range + " and length ≥ " + minLength + " after " + MAX_TRIES + " draws; --alpha " + alpha
              + " is too dense for --range " + range + ". Maybe a lower --alpha, a larger --range or a"
              + " shorter --min-length");
        }
        int len = walk(size, rnd, path, seen, j, bound);
        if (len < 0) {
          continue; // a dead end (every edge onward at the range)
        }
        int from = seen[path[len]] - 1; // the walk closed at the site where the loop starts
        int[] loop = java.util.Arrays.copyOfRange(path, from, len);
        for (int k = 0; k <= len; k++) {
          seen[path[k]] = 0;
        }
        if (loop.length < minLength) {
          continue;
        }
        int frustrated = rnd.nextInt(loop.length);
        int[] edge = new int[loop.length];
        boolean fits = true;
        for (int k = 0; k < loop.length; k++) {
          int a = loop[k];
          int b = loop[(k + 1) % loop.length];
          edge[k] = edgeBetween(a, b, size);
          fits &= Math.abs(j[edge[k]] + (k == frustrated ? 1 : -1) * s[a] * s[b]) <= range;
        }
        if (fits) {
          for (int k = 0; k < loop.length; k++) {
            j[edge[k]] += (k == frustrated ? 1 : -1) * s[loop[k]] * s[loop[(k + 1) % loop.length]];
          }
          ground -= loop.length - 2;
          lengths += loop.length;
          break;
        }
      }
    }
    QuboBuilder b = Qubo.builder(Vartype.SPIN, n);
    java.util.TreeMap<Long, Integer> sorted = new java.util.TreeMap<>();
    for (int site = 0; site < n; site++) {
      for (int axis = 0; axis < 3; axis++) {
        if (j[3 * site + axis] != 0) {
          sorted.put(key(site, neighbour(site, 2 * axis, size)), j[3 * site + axis]);
        }
      }
    }
    sorted.forEach((k, v) -> b.addQuadratic((int) (k >>> 32), (int) (long) k, v));
    return new Instance(b.build(), ground, s, loops, (double) lengths / loops);
  }

  /**
   * A non-backtracking walk from a random site until it steps onto a site it has visited, over
   * edges whose |J| is below bound; fills path[0..len] (path[len] is the revisited site) and seen;
   * returns len, or −1 at a dead end (seen cleared).
   */
  private static int walk(int size, SplittableRandom rnd, int[] path, int[] seen, int[] j, int bound) {
    int cur = rnd.nextInt(size * size * size);
    int back = -1;
    int len = 0;
    path[0] = cur;
    seen[cur] = 1;
    int[] open = new int[6];
    while (true) {
      int dir = bound == Integer.MAX_VALUE ? anyStep(rnd, back) : openStep(rnd, back, cur, size, j, bound, open);
      if (dir < 0) {
        for (int k = 0; k <= len; k++) {
          seen[path[k]] = 0;
        }
        return -1;
      }
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

  /** A uniform direction other than straight back (the first version's draw: its instances repeat). */
  private static int anyStep(SplittableRandom rnd, int back) {
    int dir;
    do {
      dir = rnd.nextInt(6);
    } while ((dir ^ 1) == back);
    return dir;
  }

  /** A uniform direction other than straight back over an edge below the bound, or −1. */
  private static int openStep(SplittableRandom rnd, int back, int cur, int size, int[] j, int bound, int[] open) {
    int count = 0;
    for (int dir = 0; dir < 6; dir++) {
      if ((dir ^ 1) != back && Math.abs(j[edge(cur, dir, size)]) < bound) {
        open[count++] = dir;
      }
    }
    return count == 0 ? -1 : open[rnd.nextInt(count)];
  }

  /** The index of the edge from site in direction dir. */
  private static int edge(int site, int dir, int size) {
    return (dir & 1) == 0 ? 3 * site + dir / 2 : 3 * neighbour(site, dir, size) + dir / 2;
  }

  /** The index of the edge between neighbouring sites a and b. */
  private static int edgeBetween(int a, int b, int size) {
    for (int dir = 0; dir < 6; dir += 2) {
      if (neighbour(a, dir, size) == b) {
        return 3 * a + dir / 2;
      }
      if (neighbour(b, dir, size) == a) {
        return 3 * b + dir / 2;
      }
    }
    throw new IllegalStateException(a + " and " + b + " are not neighbours");
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
