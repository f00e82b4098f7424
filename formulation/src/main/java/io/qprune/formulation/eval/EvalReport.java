package io.qprune.formulation.eval;

import java.util.List;

/** Mean PSNR/SSIM of the denoised outputs and of the noisy inputs over a set of images. */
public record EvalReport(double psnr, double ssim, double noisyPsnr, List<ImageScore> perImage) {
  public EvalReport {
    perImage = List.copyOf(perImage);
  }

  /** The mean gain over the noisy input, in dB. */
  public double gain() {
    return psnr - noisyPsnr;
  }
}
