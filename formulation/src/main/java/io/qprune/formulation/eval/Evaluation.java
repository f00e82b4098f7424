package io.qprune.formulation.eval;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.SlimDenoiser;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a model on whole images: per image the PSNR and SSIM of its output (clipped to 0–255)
 * against the clean image and the PSNR of the noisy input exactly as the model saw it (unclipped,
 * the usual convention: 20.17 dB at σ = 25), then the means.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Evaluates the model, under its current mask, on every pair. */
  public static EvalReport run(Denoiser model, List<NoisyPair> pairs) {
    return run(pairs, noisy -> ImageDenoiser.denoise(model, noisy));
  }

  /** Evaluates an exported (physically pruned) model on every pair. */
  public static EvalReport run(SlimDenoiser model, List<NoisyPair> pairs) {
    return run(pairs, noisy -> ImageDenoiser.denoise(model, noisy));
  }

  private static EvalReport run(List<NoisyPair> pairs, java.util.function.UnaryOperator<Image> denoiser) {
    if (pairs.isEmpty()) {
      throw new InvalidInputException("No images to evaluate");
    }
    List<ImageScore> scores = new ArrayList<>();
    double psnr = 0;
    double ssim = 0;
    double noisy = 0;
    for (NoisyPair p : pairs) {
      Image out = denoiser.apply(p.noisy());
      ImageScore s = new ImageScore(
          p.name(), Psnr.of(p.clean(), out), Ssim.of(p.clean(), out), Psnr.of(p.clean(), p.noisy()));
      scores.add(s);
      psnr += s.psnr();
      ssim += s.ssim();
      noisy += s.noisyPsnr();
    }
    int n = pairs.size();
    return new EvalReport(psnr / n, ssim / n, noisy / n, scores);
  }
}
