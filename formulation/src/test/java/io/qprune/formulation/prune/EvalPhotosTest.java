package io.qprune.formulation.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.Split;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EvalPhotosTest {
  @Test
  void aLimitKeepsTheSmallestPhotosWithTheNoiseTheyHaveInTheWholeSplit() {
    List<NoisyPair> all = EvalPhotos.of(Split.TEST, ColorMode.GREY, new GaussianNoise(25), 7);
    List<NoisyPair> two = EvalPhotos.of(Split.TEST, ColorMode.GREY, new GaussianNoise(25), 7, 2);
    assertThat(all).hasSizeGreaterThan(2);
    assertThat(two).hasSize(2);
    long largestKept = two.stream().mapToLong(p -> (long) p.clean().width() * p.clean().height()).max().orElseThrow();
    long othersSmallest = all.stream().filter(p -> two.stream().noneMatch(q -> q.name().equals(p.name())))
        .mapToLong(p -> (long) p.clean().width() * p.clean().height()).min().orElseThrow();
    assertThat(largestKept).isLessThanOrEqualTo(othersSmallest);
    Map<String, NoisyPair> byName = all.stream().collect(Collectors.toMap(NoisyPair::name, Function.identity()));
    for (NoisyPair p : two) {
      assertThat(p.noisy().pixels()).isEqualTo(byName.get(p.name()).noisy().pixels());
    }
    assertThat(EvalPhotos.of(Split.TEST, ColorMode.GREY, new GaussianNoise(25), 7, 0)).hasSameSizeAs(all);
  }

  @Test
  void theConfigKeyIsCheckedAndDefaultsToAllPhotos() {
    assertThat(PruneConfig.defaults().evalPhotos()).isZero();
    assertThat(PruneConfig.defaults().with("eval_photos", 3).evalPhotos()).isEqualTo(3);
    assertThatThrownBy(() -> PruneConfig.defaults().with("eval_photos", -1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("eval_photos");
  }
}
