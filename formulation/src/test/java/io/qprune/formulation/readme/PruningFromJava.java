package io.qprune.formulation.readme;

// README begin: the "From Java" pruning example, quoted verbatim by README.md (ReadmeExampleTest checks it)
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.prune.PruneRequest;
import io.qprune.formulation.prune.PruneResult;
import io.qprune.formulation.prune.Pruning;
import java.nio.file.Path;
import java.util.Map;

public final class PruningFromJava {
  /** Your network: scores computed elsewhere (.npz, .json or a folder of .npy), the mask comes back. */
  public static Mask fromScores(Path scoresFile, Path out) {
    PruneRequest request = PruneRequest.builder()
        .setScores(scoresFile)
        .optSolver("sa", Map.of("num_reads", 8))  // any solver `qprune solvers` lists, by name
        .optSparsity(0.5)                         // or .optFlops(0.5) / .optParams(0.5) with .optCost(costFile)
        .optSeed(7)
        .optOutput(out)                           // mask.json, qubo.json, scores.json, report.json
        .build();
    PruneResult r = Pruning.run(request);
    for (int i = 0; i < r.mask().size(); i++) {
      System.out.println(r.unitIds().get(i) + (r.mask().keeps(i) ? " kept" : " pruned"));
    }
    return PruneResult.read(out).mask();          // the library reads its own files back
  }

  /** The shipped Half-UNet: scores on calibration crops, exact-k selection, then test PSNR/SSIM. */
  public static PruneResult fromShippedModel(PruneRequest.Builder settings) {
    PruneResult r = Pruning.run(settings.setModel("default").build());
    System.out.printf("%s kept %d of %d units, params %.1f %%%n", r.method(), r.mask().kept(), r.mask().size(),
        100 * r.figure("/cost/params_fraction"));
    if (r.report().has("test")) {                 // unless the config says evaluate: false
      System.out.printf("test PSNR %.2f dB, SSIM %.4f%n", r.figure("/test/psnr"), r.figure("/test/ssim"));
    }
    return r;
  }

  public static void main(String[] args) {
    if (args.length > 0) {                        // e.g. scores.npz from the PyTorch sketch above
      fromScores(Path.of(args[0]), Path.of("runs/from-java"));
    } else {                                      // or PruneRequest.load(Path.of("prune.yaml")).toBuilder():
      fromShippedModel(PruneRequest.builder()     // configs/prune-default.yaml's keys, plus scores/cost/out
          .optSparsity(0.36).optSeed(7).opt("exact_k", "search"));
    }
  }
}
// README end
