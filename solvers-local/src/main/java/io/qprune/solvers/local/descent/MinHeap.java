package io.qprune.solvers.local.descent;

/**
 * A binary min-heap of all variables keyed by their flip cost, ties broken by index, with the
 * position of each variable so a changed key is restored in O(log n).
 */
final class MinHeap {
  private final double[] key;
  private final int[] heap;
  private final int[] pos;

  MinHeap(double[] key) {
    this.key = key;
    int n = key.length;
    heap = new int[n];
    pos = new int[n];
    for (int i = 0; i < n; i++) {
      heap[i] = i;
      pos[i] = i;
    }
    for (int i = n / 2 - 1; i >= 0; i--) {
      down(i);
    }
  }

  /** The variable with the lowest key. */
  int top() {
    return heap[0];
  }

  /** Restores the order after key[v] changed. */
  void changed(int v) {
    up(pos[v]);
    down(pos[v]);
  }

  private boolean less(int a, int b) {
    return key[a] < key[b] || (key[a] == key[b] && a < b);
  }

  private void up(int p) {
    int v = heap[p];
    while (p > 0) {
      int parent = (p - 1) >>> 1;
      if (!less(v, heap[parent])) {
        break;
      }
      place(heap[parent], p);
      p = parent;
    }
    place(v, p);
  }

  private void down(int p) {
    int n = heap.length;
    int v = heap[p];
    while (true) {
      int c = 2 * p + 1;
      if (c >= n) {
        break;
      }
      if (c + 1 < n && less(heap[c + 1], heap[c])) {
        c++;
      }
      if (!less(heap[c], v)) {
        break;
      }
      place(heap[c], p);
      p = c;
    }
    place(v, p);
  }

  private void place(int v, int p) {
    heap[p] = v;
    pos[v] = p;
  }
}
