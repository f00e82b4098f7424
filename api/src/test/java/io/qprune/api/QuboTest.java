package io.qprune.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.testing.RandomModels;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuboTest {

  @Test
  void mergesDuplicatesFoldsTheDiagonalAndSortsRows() {
    Qubo q = Qubo.builder(4)
        .addQuadratic(2, 0, 1.5).addQuadratic(0, 2, 0.5).addQuadratic(3, 1, -1)
        .addQuadratic(1, 1, 4).addLinear(1, 1).addOffset(0.25)
        .build();
    assertThat(q.numInteractions()).isEqualTo(2);
    assertThat(q.quadratic(0, 2)).isEqualTo(2.0);
    assertThat(q.quadratic(2, 0)).isEqualTo(2.0);
    assertThat(q.quadratic(1, 3)).isEqualTo(-1.0);
    assertThat(q.quadratic(0, 1)).isZero();
    assertThat(q.linear(1)).isEqualTo(5.0);
    assertThat(q.energy(new int[] {1, 1, 1, 1})).isEqualTo(0.25 + 5 + 2 - 1);
  }

  @Test
  void spinDiagonalGoesToTheOffset() {
    Qubo q = Qubo.builder(Vartype.SPIN, 2).addQuadratic(0, 0, 3).build();
    assertThat(q.offset()).isEqualTo(3.0);
    assertThat(q.energy(new int[] {-1, 1})).isEqualTo(3.0);
  }

  @Test
  void rejectsBadInputNamingTheValue() {
    assertThatThrownBy(() -> Qubo.builder(-3)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("-3");
    assertThatThrownBy(() -> Qubo.builder(3).addLinear(3, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("index 3").hasMessageContaining("[0, 3)");
    assertThatThrownBy(() -> Qubo.builder(3).addQuadratic(0, -1, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> Qubo.builder(3).addQuadratic(0, 1, Double.NaN))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Qubo.builder(3).addLinear(0, Double.POSITIVE_INFINITY))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> Qubo.builder(3).addOffset(Double.NEGATIVE_INFINITY))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Offset");
    assertThatThrownBy(() -> Qubo.builder(2).addQuadratic(0, 1, Double.MAX_VALUE)
        .addQuadratic(1, 0, Double.MAX_VALUE).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> Qubo.builder(2).labels(List.of("a", "a")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> Qubo.builder(2).labels(List.of("a")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 labels for 2");
    Qubo q = Qubo.builder(2).build();
    assertThatThrownBy(() -> q.energy(new int[] {0, 2})).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Value 2 of variable 1");
    assertThatThrownBy(() -> q.energy(new int[] {0})).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("1 values");
  }

  @Test
  void vartypeConversionKeepsEveryEnergy() {
    for (Vartype vt : Vartype.values()) {
      Qubo q = RandomModels.dense(vt, 9, 6, 4);
      Qubo other = q.toVartype(vt == Vartype.BINARY ? Vartype.SPIN : Vartype.BINARY);
      assertThat(other.vartype()).isNotEqualTo(vt);
      for (int m = 0; m < 1 << 9; m++) {
        int[] x = new int[9];
        int[] y = new int[9];
        for (int i = 0; i < 9; i++) {
          boolean bit = (m >>> i & 1) != 0;
          x[i] = vt.value(bit);
          y[i] = other.vartype().value(bit);
        }
        assertThat(other.energy(y)).isEqualTo(q.energy(x));
      }
      assertThat(other.toVartype(vt)).isEqualTo(q);
    }
  }

  @Test
  void adjacencyListsEveryPairFromBothEndsSorted() {
    Qubo q = RandomModels.sparse(Vartype.BINARY, 50, 6, 3);
    Adjacency a = q.adjacency();
    int total = 0;
    for (int i = 0; i < 50; i++) {
      for (int k = a.start(i); k < a.end(i); k++) {
        assertThat(a.weight(k)).isEqualTo(q.quadratic(i, a.neighbour(k)));
        if (k > a.start(i)) {
          assertThat(a.neighbour(k)).isGreaterThan(a.neighbour(k - 1));
        }
      }
      total += a.degree(i);
    }
    assertThat(total).isEqualTo(2 * q.numInteractions());
  }

  @Test
  void labelsAreLookedUpByValueWhateverTheIntegerType() {
    Qubo q = Qubo.builder(3).labels(List.of("a", 7L, List.of(1, "x"))).build();
    assertThat(q.indexOf("a")).isZero();
    assertThat(q.indexOf(7)).isEqualTo(1);
    assertThat(q.indexOf(List.of(1L, "x"))).isEqualTo(2);
    assertThat(q.indexOf("zz")).isEqualTo(-1);
    assertThat(q.label(1)).isInstanceOf(Integer.class).isEqualTo(7);
    Qubo plain = Qubo.builder(3).labels(List.of(0, 1, 2)).build();
    assertThat(plain.hasLabels()).isFalse();
  }

  @Test
  void holdsOneHundredThousandVariablesWithAMillionInteractionsInLittleMemory() {
    // the api module's tests run with -Xmx1g (see its pom), so building here proves the bound
    int n = 100_000;
    SplittableRandom r = new SplittableRandom(1);
    QuboBuilder b = Qubo.builder(n);
    for (int e = 0; e < 1_000_000; e++) {
      int i = r.nextInt(n);
      int j = (i + 1 + r.nextInt(n - 1)) % n;
      b.addQuadratic(i, j, r.nextDouble() - 0.5);
    }
    Runtime rt = Runtime.getRuntime();
    Qubo q = b.build();
    q.adjacency();
    System.gc();
    long used = rt.totalMemory() - rt.freeMemory();
    assertThat(q.numInteractions()).isBetween(999_000, 1_000_000);
    assertThat(used).isLessThan(400L << 20);
    assertThat(q.energy(new int[n])).isZero();
  }
}
