package io.qprune.formulation.train;

import io.qprune.api.InvalidInputException;
import java.util.Locale;

/** The learning rate at each step: cosine decay from lr to lrMin, or step decay by a factor. */
public interface LrSchedule {
  /** The learning rate for 0-based {@code step}. */
  double at(int step);

  /** The schedule a config names ({@code cosine} or {@code step}). */
  static LrSchedule of(TrainConfig c) {
    switch (c.schedule().toLowerCase(Locale.ROOT)) {
      case "cosine":
        return step -> c.lrMin()
            + 0.5 * (c.lr() - c.lrMin()) * (1 + Math.cos(Math.PI * step / c.steps()));
      case "step":
        return step -> Math.max(c.lrMin(), c.lr() * Math.pow(c.stepGamma(), step / c.stepEvery()));
      default:
        throw new InvalidInputException(
            "Unknown schedule '" + c.schedule() + "'. Maybe use cosine or step.");
    }
  }
}
