package io.qprune.formulation.train;

/** Hooks a front end (e.g. a progress bar) uses to follow a training run. */
public interface TrainListener {
  /** Called once; {@code firstStep > 0} when a run resumes from a checkpoint. */
  default void started(int firstStep, int totalSteps) {}

  /** Called after each step with the batch loss (MSE, 0–1 scale) and the learning rate used. */
  default void stepped(int step, double loss, double lr) {}

  /** Called after each validation with the mean PSNR on the fixed validation crops. */
  default void validated(int step, double psnr, double noisyPsnr) {}

  /** Called after a checkpoint is written. */
  default void checkpointed(int step) {}

  /** The listener that ignores everything. */
  static TrainListener none() {
    return new TrainListener() {};
  }
}
