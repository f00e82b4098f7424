package io.qprune.solvers.local.nsga;

import java.util.List;

/** Each individual's front (0 = non-dominated) and crowding distance within its front. */
final class Ranking {
  private final int[] front;
  private final double[] distance;

  private Ranking(int[] front, double[] distance) {
    this.front = front;
    this.distance = distance;
  }

  static Ranking of(List<double[]> f) {
    int[] rank = new int[f.size()];
    double[] dist = new double[f.size()];
    List<int[]> fronts = NonDominatedSort.fronts(f);
    for (int r = 0; r < fronts.size(); r++) {
      int[] members = fronts.get(r);
      double[] d = Crowding.distances(f, members);
      for (int i = 0; i < members.length; i++) {
        rank[members[i]] = r;
        dist[members[i]] = d[i];
      }
    }
    return new Ranking(rank, dist);
  }

  int size() {
    return front.length;
  }

  int front(int i) {
    return front[i];
  }

  double distance(int i) {
    return distance[i];
  }

  /** The crowded-comparison order: a lower front wins, then a larger crowding distance. */
  boolean better(int a, int b) {
    return front[a] < front[b] || front[a] == front[b] && distance[a] > distance[b];
  }
}
